// Benchmark (not a test): redaction throughput of otklik::redact on generated comment text beside RE2
// running equivalent patterns (the same detectors as regular expressions, with the same checksum checks)
// on the same comments in the same run. Prints MB/s by wall clock and by thread CPU time, each as the best
// and the median of the rounds (the two alternate within each round, so both see the same machine load),
// and the ratios.
//
//   bench_redact [--mb 64] [--rounds 7] [--seed 42]
#include <re2/re2.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.hpp"
#include "otklik/redact.hpp"

namespace {

// ---- The RE2 pipeline: one alternation of the detectors' patterns, checksums in C++ ----

// Each alternative is a capture group; its index says what matched.
const char* const alternatives[] = {
    // 1 e-mail (Latin and Cyrillic)
    R"(([A-Za-z0-9._%+\-\p{Cyrillic}]+@[A-Za-z0-9\-\p{Cyrillic}]+(?:\.[A-Za-z0-9\-\p{Cyrillic}]+)+))",
    // 2 URL
    R"(((?:https?://|www\.)[^\s<>"«»]+))",
    // 3 IPv6
    R"((\b(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\b|\b(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?))",
    // 4 IBAN
    R"((\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b))",
    // 5 plate
    R"(((?:^|[^\p{L}\d])[АВЕКМНОРСТУХABEKMHOPCTYXавекмнорстухaekmhopctyx] ?\d{3} ?[АВЕКМНОРСТУХABEKMHOPCTYXавекмнорстухaekmhopctyx]{2}(?: ?\d{2,3})?))",
    // 6 phone: Russian and international
    R"(((?:\+7|\b8)[ \-]?\(?\d{3}\)?[ \-]?\d{3}[ \-]?\d{2}[ \-]?\d{2}\b|\+\d{1,3}[ \-]?\(?\d{1,4}\)?(?:[ \-]?\d{2,4}){2,4}|\(\d{3}\) ?\d{3}-\d{2}-\d{2}|\b\d{3}-\d{2}-\d{2}\b))",
    // 7 SNILS printed form
    R"((\b\d{3}[\- ]\d{3}[\- ]\d{3}[\- ]\d{2}\b))",
    // 8 card in groups
    R"((\b\d{4}[ \-]\d{4}[ \-]\d{4}[ \-]\d{1,4}(?:[ \-]\d{1,3})?\b|\b\d{4} \d{6} \d{4,5}\b))",
    // 9 passport: 45 10 123456, or after its cue
    R"((\b\d{2} \d{2} \d{6}\b|(?i:паспорт\S*|серия|серии)\s+\d{2} ?\d{2}\s*(?:№|номер)?\s*\d{6}))",
    // 10 IPv4
    R"((\b(?:\d{1,3}\.){3}\d{1,3}\b))",
    // 11 date of birth after a cue
    R"(((?i:дата рождения|д\.р\.|родил(?:ся|ась)|born|dob|date of birth)\W{0,3}(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2} \p{L}+ \d{4}|\p{L}+ \d{1,2}, \d{4})|\b\d{4} г\.р\.))",
    // 12 names: surname name patronymic, name patronymic, initials, after a cue
    R"(((?:\p{Lu}\p{Ll}+ )?\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}*(?:вич|вн|ичн|ьич)\p{Ll}{0,3}(?: \p{Lu}\p{Ll}+)?|\p{Lu}\p{Ll}+ \p{Lu}\. ?\p{Lu}\.|\p{Lu}\. ?\p{Lu}\. ?\p{Lu}\p{Ll}+|(?i:меня зовут|my name is|фио:?|regards,|с уважением,)\s+\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}))",
    // 13 addresses: Russian street with house, English number + name + street type
    R"(((?i:ул\.|улица|проспект|пр-т|пер\.|переулок|бульвар|б-р|наб\.|мкр\.)\s*\p{Lu}[\p{L}\- ]{1,40}?,?\s*(?:д\.|дом)?\s*\d+[\p{L}/\d]*(?:,?\s*(?:корп\.|стр\.|кв\.|квартира)\s*\d+)*|\b\d{1,5}[A-Z]? (?:[A-Z][a-z]+ ){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Drive|Boulevard|Blvd|Way|Place|Court)\b))",
    // 14 bare identifiers: INN, SNILS, OGRN, OMS, card (validated by checksum below)
    R"((\b\d{10,19}\b))",
};
constexpr int alternative_count = sizeof alternatives / sizeof alternatives[0];

bool luhn(std::string_view d) {
  int sum = 0;
  bool twice = false;
  for (std::size_t i = d.size(); i-- > 0;) {
    int v = d[i] - '0';
    if (twice) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
    twice = !twice;
  }
  return sum % 10 == 0;
}

// The same checksum rules as the redactor, applied to a bare number's digits.
bool checksummed(std::string_view d) {
  switch (d.size()) {
    case 10: return otklik::corpus::inn_ok(d) || d[0] == '9';
    case 11: return std::stoi(std::string(d.substr(9))) == otklik::corpus::snils_check(d.substr(0, 9)) ||
                    ((d[0] == '7' || d[0] == '8') && d[1] == '9');
    case 12: return otklik::corpus::inn_ok(d);
    case 13: case 15: return otklik::corpus::ogrn_ok(d) || luhn(d);
    default: return luhn(d);
  }
}

// The RE2 pipeline as an RE2 user would write it: one alternation of all the detectors, scanned with the
// DFA for whole matches only (no capture groups); at each match, anchored per-detector regexes tell which
// detector matched, then the checksums decide, as in the redactor.
struct re2_pipeline {
  std::unique_ptr<RE2> all;
  std::vector<std::unique_ptr<RE2>> detectors;
  re2_pipeline() {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(256 << 20);
    std::string combined;
    for (const char* a : alternatives) {
      if (!combined.empty()) combined += '|';
      combined += a;
      detectors.push_back(std::make_unique<RE2>(a, options));
    }
    all = std::make_unique<RE2>(combined, options);
  }
  [[nodiscard]] bool ok() const {
    if (!all->ok()) {
      std::fprintf(stderr, "RE2 pattern error: %s\n", all->error().c_str());
      return false;
    }
    return true;
  }
  // Which detector produced `m` at its position (the first alternative matching exactly there).
  std::size_t which(const re2::StringPiece& input, std::size_t start, std::size_t end) const {
    for (std::size_t i = 0; i < detectors.size(); ++i) {
      if (detectors[i]->Match(input, start, end, RE2::ANCHOR_BOTH, nullptr, 0)) return i + 1;
    }
    return 0;
  }
  // Redacts one comment into a new string (as otklik::redact returns one); returns the number of findings.
  std::size_t redact(std::string_view text, std::string& result) {
    std::string out;
    out.reserve(text.size());
    const re2::StringPiece input(text.data(), text.size());
    std::size_t at = 0, copied = 0, findings = 0;
    re2::StringPiece match;
    while (at <= text.size() && all->Match(input, at, text.size(), RE2::UNANCHORED, &match, 1)) {
      const std::string_view m(match.data(), match.size());
      const auto start = static_cast<std::size_t>(m.data() - text.data());
      at = start + std::max<std::size_t>(m.size(), 1);
      if (m.empty()) continue;
      const std::size_t detector = which(input, start, start + m.size());
      bool personal = true;
      if (detector == 14) personal = checksummed(m);
      if (detector == 2) personal = m.find('?') != std::string_view::npos || m.find('@') != std::string_view::npos;
      if (!personal) continue;
      out.append(text.substr(copied, start - copied));
      out += "[X]";
      copied = start + m.size();
      ++findings;
    }
    out.append(text.substr(copied));
    result = std::move(out);
    return findings;
  }
};

double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct timing {
  double wall = 0, cpu = 0;
  std::size_t findings = 0;
};

template <class F>
timing measure(F&& run) {
  const auto w0 = std::chrono::steady_clock::now();
  const double c0 = thread_seconds();
  const std::size_t findings = run();
  timing t;
  t.cpu = thread_seconds() - c0;
  t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
  t.findings = findings;
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t megabytes = 64;
  int rounds = 7;
  std::uint64_t seed = 42;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--mb") == 0) megabytes = std::strtoull(argv[i + 1], nullptr, 10);
    if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--seed") == 0) seed = std::strtoull(argv[i + 1], nullptr, 10);
  }
  std::vector<std::string> comments;
  const std::string text = otklik::corpus::benchmark_text(seed, megabytes << 20, &comments);
  const double mb = static_cast<double>(text.size()) / 1e6;
  std::printf("input: %.1f MB in %zu comments (one in five with personal data or look-alikes), Russian and English\n",
              mb, comments.size());

  re2_pipeline re2;
  if (!re2.ok()) return 1;
  // One untimed warm-up pass of each over an eighth of the comments: RE2 builds its lazy DFA states and
  // the redactor its lexicon on first use; the rounds measure both in their steady state.
  {
    std::string redacted;
    for (std::size_t i = 0; i < comments.size() / 8; ++i) {
      (void)otklik::redact(comments[i]);
      (void)re2.redact(comments[i], redacted);
    }
  }
  std::vector<timing> ours_rounds, re2_rounds;
  for (int round = 0; round < rounds; ++round) {
    // Alternate the two so that both see the same machine load.
    const timing ours = measure([&] {
      std::size_t n = 0;
      for (const std::string& c : comments) n += otklik::redact(c).findings.size();
      return n;
    });
    const timing theirs = measure([&] {
      std::size_t n = 0;
      for (const std::string& c : comments) {
        std::string redacted;
        n += re2.redact(c, redacted);
      }
      return n;
    });
    std::printf("round %d: otklik %.0f MB/s wall, %.0f MB/s cpu (%zu findings) | RE2 %.0f MB/s wall, %.0f MB/s cpu (%zu findings)\n",
                round + 1, mb / ours.wall, mb / ours.cpu, ours.findings, mb / theirs.wall, mb / theirs.cpu,
                theirs.findings);
    ours_rounds.push_back(ours);
    re2_rounds.push_back(theirs);
  }
  // Best (shortest) and median seconds of the rounds, by wall clock or by CPU time.
  auto best = [](std::vector<timing> v, double timing::*field) {
    const auto it = std::min_element(v.begin(), v.end(), [&](const timing& a, const timing& b) { return a.*field < b.*field; });
    return (*it).*field;
  };
  auto median = [](std::vector<timing> v, double timing::*field) {
    std::sort(v.begin(), v.end(), [&](const timing& a, const timing& b) { return a.*field < b.*field; });
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m].*field : (v[m - 1].*field + v[m].*field) / 2;
  };
  for (const auto& [name, field] : {std::pair{"wall", &timing::wall}, std::pair{"cpu ", &timing::cpu}}) {
    const double ob = best(ours_rounds, field), om = median(ours_rounds, field);
    const double rb = best(re2_rounds, field), rm = median(re2_rounds, field);
    std::printf("%s: otklik::redact best %.0f MB/s, median %.0f MB/s | RE2 best %.0f MB/s, median %.0f MB/s | ratio best %.1fx, median %.1fx\n",
                name, mb / ob, mb / om, mb / rb, mb / rm, rb / ob, rm / om);
  }
  return 0;
}
