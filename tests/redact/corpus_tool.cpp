// The corpus as files, for the checks that run outside Catch2 (the `otklik redact` command, the WebAssembly
// core in node) and for the benchmarks:
//   otklik_redact_corpus_tool generate [--seed S] [--count N] --out FILE [--gold FILE]
//   otklik_redact_corpus_tool score [--seed S] [--count N]         prints recall per type; exit 1 below thresholds
//   otklik_redact_corpus_tool compare CORPUS.ndjson OUTPUT.ndjson   `otklik redact` output == the library's
//   otklik_redact_corpus_tool bench-text [--seed S] [--mb N] --out FILE   comments for bench_redact_wasm.mjs
#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "otklik/json_writer.hpp"
#include "score.hpp"

namespace {

using namespace otklik;

constexpr std::uint64_t default_seed = 20261127;
constexpr std::size_t default_count = 3000;

struct options {
  std::uint64_t seed = default_seed;
  std::size_t count = default_count;
  std::size_t megabytes = 64;
  std::string out, gold;
  std::vector<std::string> files;
};

options parse(int argc, char** argv) {
  options o;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--seed" && has_value) o.seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--count" && has_value) o.count = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--mb" && has_value) o.megabytes = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--out" && has_value) o.out = argv[++i];
    else if (a == "--gold" && has_value) o.gold = argv[++i];
    else o.files.push_back(a);
  }
  return o;
}

bool write_file(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    return false;
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

int generate(const options& o) {
  const auto corpus = corpus::generate(o.seed, o.count);
  std::string input, gold;
  for (const auto& s : corpus) {
    input += "{\"id\":";
    append_json_string(input, s.id);
    input += ",\"text\":";
    append_json_string(input, s.text);
    input += "}\n";
    json_writer w(gold);
    w.begin_object().key("id").string(s.id).key("lang").string(s.lang).key("pii").begin_array();
    for (const auto& p : s.pii) {
      w.begin_object().key("type").string(to_string(p.type)).key("start").integer(p.start).key("end").integer(p.end).end_object();
    }
    w.end_array().key("keep").begin_array();
    for (const auto& k : s.keep) {
      w.begin_object().key("what").string(k.what).key("start").integer(k.start).key("end").integer(k.end).end_object();
    }
    w.end_array().end_object();
    gold.push_back('\n');
  }
  if (o.out.empty()) {
    std::fputs(input.c_str(), stdout);
    return 0;
  }
  return write_file(o.out, input) && (o.gold.empty() || write_file(o.gold, gold)) ? 0 : 2;
}

int score(const options& o) {
  const auto result = corpus::score_corpus(corpus::generate(o.seed, o.count));
  std::fputs(corpus::format_score(result).c_str(), stdout);
  bool ok = result.kept_share() >= 0.99;
  for (std::size_t i = 0; i < result.by_type.size(); ++i) {
    ok = ok && result.by_type[i].recall() >= corpus::required_recall(static_cast<pii_type>(i));
  }
  for (const auto& m : result.misses) std::printf("  %s\n", m.c_str());
  return ok ? 0 : 1;
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// Compares `otklik redact` output with the library, line by line.
int compare(const options& o) {
  if (o.files.size() != 2) {
    std::fprintf(stderr, "usage: compare CORPUS.ndjson OUTPUT.ndjson\n");
    return 2;
  }
  const auto input = read_lines(o.files[0]);
  const auto output = read_lines(o.files[1]);
  if (input.size() != output.size()) {
    std::fprintf(stderr, "%zu input lines but %zu output lines\n", input.size(), output.size());
    return 1;
  }
  simdjson::ondemand::parser parser;
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < input.size(); ++i) {
    simdjson::padded_string in_line(input[i]), out_line(output[i]);
    std::string id, text;
    {
      auto doc = parser.iterate(in_line);
      id = std::string(std::string_view(doc["id"].get_string()));
      text = std::string(std::string_view(doc["text"].get_string()));
    }
    const redaction expected = redact(text);
    auto doc = parser.iterate(out_line);
    const std::string out_id(std::string_view(doc["id"].get_string()));
    const std::string out_text(std::string_view(doc["text"].get_string()));
    std::vector<finding> findings;
    for (auto f : doc["findings"].get_array()) {
      const auto type = parse_pii_type(std::string_view(f["type"].get_string()));
      const auto start = static_cast<std::uint32_t>(std::uint64_t(f["start"].get_uint64()));
      const auto end = static_cast<std::uint32_t>(std::uint64_t(f["end"].get_uint64()));
      findings.push_back(finding{type.value_or(pii_type::email), start, end});
      if (!type) ++mismatches;
    }
    if (out_id != id || out_text != expected.text || findings != expected.findings) {
      if (++mismatches <= 5) std::fprintf(stderr, "line %zu (%s): the command's output differs from the library\n", i + 1, id.c_str());
    }
  }
  std::printf("%zu lines compared, %zu differ\n", input.size(), mismatches);
  return mismatches == 0 ? 0 : 1;
}

int bench_text(const options& o) {
  std::vector<std::string> comments;
  const std::string text = corpus::benchmark_text(o.seed == default_seed ? 42 : o.seed, o.megabytes << 20, &comments);
  std::string out;
  out.reserve(text.size() + comments.size() * 16);
  for (const auto& c : comments) {
    out += "{\"text\":";
    append_json_string(out, c);
    out += "}\n";
  }
  return write_file(o.out, out) ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s generate|score|compare|bench-text [options]\n", argv[0]);
    return 2;
  }
  const options o = parse(argc, argv);
  const std::string command = argv[1];
  try {
    if (command == "generate") return generate(o);
    if (command == "score") return score(o);
    if (command == "compare") return compare(o);
    if (command == "bench-text" && !o.out.empty()) return bench_text(o);
  } catch (const simdjson::simdjson_error& e) {
    std::fprintf(stderr, "invalid JSON: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "unknown command or missing --out: %s\n", command.c_str());
  return 2;
}
