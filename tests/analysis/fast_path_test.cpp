// The ingest fast path against the core validator on valid and corrupted lines: whenever the fast path accepts
// a line, the validator accepts it too and the stored row is the same; every canonical valid line is accepted.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "canonical_line.hpp"
#include "dataset.hpp"
#include "duplicates.hpp"
#include "line_decoder.hpp"
#include "otklik/native/survey_dir.hpp"

using namespace otklik;

namespace {

const native::survey_dir& surveys() {
  static const native::survey_dir dir = native::load_survey_dir(std::string(OTKLIK_VECTORS_DIR) + "/surveys");
  return dir;
}

std::vector<std::string> valid_lines(std::uint64_t count) {
  std::vector<std::string> out;
  test::dataset_options options;
  options.count = count;
  options.seed = 17;
  options.comment_share = 0.6;
  test::generate_responses(surveys().surveys, options, [&](const response& r) { out.push_back(to_json(r)); });
  return out;
}

// Corruptions of a canonical line, each a string edit that may or may not keep it valid.
std::vector<std::string> mutations(const std::string& line) {
  std::vector<std::string> out;
  const auto replace_first = [&](const std::string& from, const std::string& to) {
    const auto at = line.find(from);
    if (at != std::string::npos) out.push_back(line.substr(0, at) + to + line.substr(at + from.size()));
  };
  replace_first(":4,", ":4.0,");
  replace_first(":4,", ":-0,");
  replace_first(":4,", ":4e0,");
  replace_first(":3,", ":9,");
  replace_first(":3,", ":\"3\",");
  replace_first(":5,", ":99999999999999999999,");
  replace_first("\"overall\"", "\"over\\u0061ll\"");
  replace_first("\"format\"", "\"form\\u0061t\"");
  replace_first("\"stage\"", "\"stage\":\"info\",\"stage\"");
  replace_first("\"answers\":{", "\"answers\":{\"overall\":3,");
  replace_first("\"answers\":{", "\"answers\":{\"unknown\":3,");
  replace_first("\"region\":", "\"extra\":1,\"region\":");
  replace_first("\"format\":\"otklik.response/1\",", "");
  replace_first("otklik.response/1", "otklik.response/2");
  replace_first("\"channel\":\"", "\"channel\":\"x");
  replace_first("\"locale\":\"", "\"locale\":\"de");
  replace_first("Z\"", "+00:00\"");
  replace_first("Z\"", "+03:00\"");
  replace_first("T", "t");
  replace_first("-01T", "-31T");
  replace_first("\"RU-", "\"XX-");
  replace_first("\"RU-", "\"ru-");
  replace_first("\"goal\":\"yes\"", "\"goal\":\"maybe\"");
  replace_first("\"how\":\"", "\"how\":\"z");
  replace_first("\"id\":\"", "\"id\":\"!");
  replace_first("\"id\":\"", "\"id\":\"\\u0041");
  replace_first("\"survey\":\"", "\"survey\":\"no-");
  replace_first("\"service\":\"", "\"service\":\"x");
  replace_first("\"stage\":\"", "\"stage\":\"x");
  replace_first("\"comment\":\"", "\"comment\":\"\\n\\\"");
  replace_first("\"comment\":\"", "\"comment\":\"\x01");
  replace_first("\"note\":\"", "\"note\":\"longer than twenty characters ");
  replace_first("\"answers\":{", "\"answers\":{\"queue\":2,");
  replace_first("\"answers\":{", "\"answers\":{\"equity\":2,");
  replace_first(",\"region\":\"", ",\"region\":null,\"r\":\"");
  replace_first("\"answers\":", "\"answers\":[],\"a\":");
  out.push_back(line + " ");
  out.push_back(line + "x");
  out.push_back(line + "{}");
  out.push_back(line.substr(0, line.size() / 2));
  out.push_back(" " + line);
  // Answers before survey: valid, but off the fast path's canonical order.
  const auto answers = line.find("\"answers\":");
  const auto region = line.find(",\"region\"");
  if (answers != std::string::npos) {
    const std::string object = line.substr(answers, (region == std::string::npos ? line.size() - 1 : region) - answers);
    std::string moved = line;
    moved.erase(answers - 1, object.size() + 1);
    moved.insert(1, object + ",");
    out.push_back(moved);
  }
  // Required answer removed.
  const auto overall = line.find("\"overall\":");
  if (overall != std::string::npos) {
    const auto comma = line.find(',', overall);
    out.push_back(line.substr(0, overall) + line.substr(comma + 1));
  }
  return out;
}

// The canonical-form scanner behind the fast path's interface, so that both fast paths face the same tests.
class canonical_only final : public analysis::detail::line_decoder {
 public:
  explicit canonical_only(const std::vector<survey_layout>& layouts)
      : rules_(analysis::detail::make_survey_rules(surveys().surveys, layouts)), decoder_(rules_) {}
  bool decode(std::string_view line, std::size_t capacity, analysis::detail::decoded_line& out) override {
    return decoder_.decode(line, capacity, out);
  }
  const char* kernel() const noexcept override { return "canonical"; }

 private:
  std::vector<analysis::detail::survey_rules> rules_;
  analysis::detail::canonical_decoder decoder_;
};

// Both fast paths: On Demand (this CPU's kernel) and the canonical-form scanner.
std::vector<std::unique_ptr<analysis::detail::line_decoder>> fast_paths(const store_builder& layouts) {
  std::vector<std::unique_ptr<analysis::detail::line_decoder>> out;
  out.push_back(analysis::detail::make_line_decoder(surveys().surveys, layouts.layouts()));
  out.push_back(std::make_unique<canonical_only>(layouts.layouts()));
  return out;
}

// Decodes one line with the fast path from a padded copy, which must outlive the views in `out`.
bool fast_accepts(analysis::detail::line_decoder& decoder, const std::string& line, analysis::detail::decoded_line& out,
                  std::string& padded) {
  padded = line;
  padded.resize(line.size() + analysis::detail::line_padding, ' ');
  return decoder.decode(std::string_view(padded.data(), line.size()), padded.size(), out);
}

}  // namespace

TEST_CASE("the fast path accepts every canonical valid line and stores what the validator decodes", "[analysis][ingest]") {
  store_builder layouts(surveys().surveys);
  for (const auto& decoder : fast_paths(layouts)) {
  INFO(decoder->kernel());
  validator checker;
  store_builder fast(surveys().surveys), slow(surveys().surveys);
  analysis::detail::decoded_line line;
  std::vector<std::string> comments;
  std::string buffer;
  for (const std::string& text : valid_lines(1500)) {
    REQUIRE(fast_accepts(*decoder, text, line, buffer));
    comments.assign(line.comments.begin(), line.comments.end());
    const std::vector<std::string_view> views(comments.begin(), comments.end());
    fast.append(line.survey_index, line.row, line.region, views);
    auto checked = checker.check(surveys().surveys, text);
    REQUIRE(checked.ok());
    REQUIRE(slow.append(checked.value()));
  }
  const columnar_store a = fast.finish(), b = slow.finish();
  REQUIRE(a.segments.size() == b.segments.size());
  for (std::size_t i = 0; i < a.segments.size(); ++i) {
    const store_segment &x = a.segments[i], &y = b.segments[i];
    CHECK(x.stage == y.stage);
    CHECK(x.channel == y.channel);
    CHECK(x.locale == y.locale);
    CHECK(x.region == y.region);
    CHECK(x.hour == y.hour);
    CHECK(x.csat == y.csat);
    CHECK(x.ces == y.ces);
    CHECK(x.nps == y.nps);
    CHECK(x.goal == y.goal);
    CHECK(x.criterion_answers == y.criterion_answers);
    CHECK(x.comment_row == y.comment_row);
    CHECK(x.comment_text == y.comment_text);
  }
  }
}

TEST_CASE("the fast path never accepts a line that the validator rejects", "[analysis][ingest]") {
  store_builder layouts(surveys().surveys);
  for (const auto& decoder : fast_paths(layouts)) {
  INFO(decoder->kernel());
  validator checker;
  analysis::detail::decoded_line line;
  std::string buffer;
  std::size_t tried = 0, rejected_by_both = 0, accepted_by_both = 0, left_to_validator = 0;
  for (const std::string& valid : valid_lines(300)) {
    for (const std::string& mutated : mutations(valid)) {
      ++tried;
      const bool fast = fast_accepts(*decoder, mutated, line, buffer);
      const bool core = checker.check(surveys().surveys, mutated).ok();
      INFO(mutated);
      if (fast) CHECK(core);
      if (fast && core) ++accepted_by_both;
      if (!fast && !core) ++rejected_by_both;
      if (!fast && core) ++left_to_validator;
    }
  }
  CHECK(tried > 5000);
  CHECK(rejected_by_both > tried / 2);
  CHECK(accepted_by_both > 100);    // e.g. trailing spaces, a +00:00 offset
  CHECK(left_to_validator > 100);   // escaped keys, answers before the survey
  }
}

TEST_CASE("the canonical scanner finds each line's end itself", "[analysis][ingest]") {
  store_builder layouts(surveys().surveys);
  const auto rules = analysis::detail::make_survey_rules(surveys().surveys, layouts.layouts());
  analysis::detail::canonical_decoder decoder(rules);
  analysis::detail::decoded_line line;
  const std::vector<std::string> lines = valid_lines(40);
  for (const std::string& ending : {std::string("\n"), std::string("\r\n")}) {
    std::string text;
    for (const std::string& l : lines) text += l + ending;
    std::size_t at = 0, count = 0;
    while (at < text.size()) {
      const std::size_t taken = decoder.decode_line(text.data() + at, text.data() + text.size(), text.size() - at, line);
      REQUIRE(taken == lines[count].size() + ending.size());
      at += taken;
      ++count;
    }
    CHECK(count == lines.size());
    // The last line needs no newline; anything after the object but the newline makes the line not canonical.
    CHECK(decoder.decode_line(lines[0].data(), lines[0].data() + lines[0].size(), lines[0].size(), line) == lines[0].size());
    for (const std::string& tail : {std::string(" \n"), std::string("x\n"), std::string("\r \n"), std::string("{}")}) {
      const std::string bad = lines[0] + tail + lines[1];
      CHECK(decoder.decode_line(bad.data(), bad.data() + bad.size(), bad.size(), line) == 0);
    }
  }
}

TEST_CASE("repeated id hashes are found even when their high bits collide", "[analysis][ingest]") {
  // Distinct values that share the sorted high bits, repeated within and across runs.
  const std::uint64_t high = std::uint64_t{0x5A5A5A5A5} << 31;
  std::vector<std::uint64_t> a{high | 7, high | 3, 42, high | 7, 1ull << 63}, b{high | 3, 5, high | 9, 42};
  analysis::detail::sort_by_high_bits(a);
  analysis::detail::sort_by_high_bits(b);
  std::vector<std::uint64_t> repeated = analysis::detail::repeated_in_sorted({a, b});
  std::sort(repeated.begin(), repeated.end());
  CHECK(repeated == std::vector<std::uint64_t>{42, high | 3, high | 7});
}
