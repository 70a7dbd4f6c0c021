// The canonical-form scanner. Written by hand rather than with simdjson because for these short, flat lines
// simdjson's per-document work (stage 1 over the line, then On Demand walking it) costs several times more
// than comparing the fixed field names and scanning the values once; any line that deviates from the
// canonical form in any way (whitespace, escapes, another field order, other numbers) is left to On Demand
// and the validator, so this path only needs to be exact on what it accepts (tests/analysis/fast_path_test).
#include "canonical_line.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "detail/region_codes.hpp"
#include "detail/utf8.hpp"

namespace otklik::analysis::detail {

namespace {

// A position in the line and its end.
struct cursor {
  const char* at;
  const char* end;
  const char* padded_end;  // the end of readable memory (at least `end`)

  // Fixed text, compared eight bytes a step with its words folded in as constants (memcmp is a call).
  template <std::size_t N>
  bool literal(const char (&text)[N]) noexcept {
    constexpr std::size_t size = N - 1;
    if (static_cast<std::size_t>(end - at) < size) return false;
    std::uint64_t differ = 0;
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t here, want;
      std::memcpy(&here, at + i, 8);
      std::memcpy(&want, text + i, 8);
      differ |= here ^ want;
    }
    for (; i < size; ++i) differ |= static_cast<unsigned char>(at[i] ^ text[i]);
    if (differ != 0) return false;
    at += size;
    return true;
  }

  // The body of a string whose opening quote was just read, up to its closing quote (which is skipped): no
  // escapes, no control characters, valid UTF-8 - exactly the strings that need no unescaping. Eight bytes a
  // step while the line's padding allows (SWAR: portable, and comments are the longest values of a line).
  bool string(std::string_view& out) noexcept {
    const char* const start = at;
    std::uint64_t high = 0;  // the top bits of every byte scanned: non-zero if any is outside ASCII
    constexpr std::uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
    for (; at < end && at + 8 <= padded_end; at += 8) {
      std::uint64_t x;
      std::memcpy(&x, at, 8);
      const auto zero_byte = [&](std::uint64_t v) { return (v - ones) & ~v & tops; };
      // Marks bytes that are '"', '\\' or below 0x20; the lowest mark is exact (borrows only run upwards).
      const std::uint64_t stop = zero_byte(x ^ (ones * '"')) | zero_byte(x ^ (ones * '\\')) | ((x - ones * 0x20) & ~x & tops);
      if (stop == 0) {
        high |= x;
        continue;
      }
      const int first = std::countr_zero(stop) / 8;
      high |= x & ((std::uint64_t{1} << (first * 8)) - 1);
      at += first;
      break;
    }
    for (; at < end; ++at) {
      const auto c = static_cast<unsigned char>(*at);
      if (c == '"' || c == '\\' || c < 0x20) break;
      high |= c;
    }
    if (at >= end || *at != '"') return false;
    out = std::string_view(start, static_cast<std::size_t>(at - start));
    ++at;
    return (high & tops) == 0 || otklik::detail::is_valid_utf8(out);
  }

  // A field: `,"name":"` then its string value.
  template <std::size_t N>
  bool string_field(const char (&prefix)[N], std::string_view& out) noexcept {
    return literal(prefix) && string(out);
  }

  // An integer of one digit, or two without a leading zero (every rating); anything longer or signed, a
  // fraction or an exponent leaves a digit, '-', '.' or 'e' where the caller expects ',' or '}'.
  bool small_integer(std::int64_t& out) noexcept {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (at >= end || !digit(*at)) return false;
    out = *at++ - '0';
    if (out != 0 && at < end && digit(*at)) out = out * 10 + (*at++ - '0');
    return true;
  }
};

}  // namespace

bool decode_canonical(std::span<const survey_rules> rules, std::string_view line, std::size_t capacity,
                      decoded_line& out) {
  cursor c{line.data(), line.data() + line.size(), line.data() + std::clamp(capacity, line.size(), line.size() + line_padding)};
  std::string_view id, survey_id, service, stage, channel_word, locale, submitted_at;
  if (!c.string_field(R"({"format":"otklik.response/1","id":")", id) || !valid_response_id(id)) return false;
  if (!c.string_field(R"(,"survey":")", survey_id)) return false;
  const survey_rules* survey = find_survey(rules, survey_id);
  if (survey == nullptr) return false;
  if (!c.string_field(R"(,"service":")", service) || !c.string_field(R"(,"stage":")", stage) ||
      !c.string_field(R"(,"channel":")", channel_word) || !c.string_field(R"(,"locale":")", locale) ||
      !c.string_field(R"(,"submitted_at":")", submitted_at) || !c.literal(R"(,"answers":{)")) {
    return false;
  }
  const int stage_index = index_of(survey->stage_ids, stage);
  const auto parsed_channel = parse_channel(channel_word);
  if (stage_index < 0 || !parsed_channel) return false;
  const int channel_value = static_cast<int>(*parsed_channel);

  answer_checker checker(*survey, stage_index, channel_value);
  for (;;) {
    if (!c.literal("\"")) return false;
    const int q = checker.question(c.at, c.end);
    if (q < 0) return false;
    c.at += survey->question_ids[static_cast<std::size_t>(q)].size() + 1;  // the key and its closing quote
    if (!c.literal(":")) return false;
    if (checker.wants_integer(q)) {
      std::int64_t number;
      if (!c.small_integer(number) || !checker.integer(q, number, out.row)) return false;
    } else {
      std::string_view text;
      if (!c.literal("\"") || !c.string(text) || !checker.string(q, text, out)) return false;
    }
    if (c.at >= c.end) return false;
    const char next = *c.at++;
    if (next == '}') break;
    if (next != ',') return false;
  }
  if (!checker.complete()) return false;
  if (c.at < c.end && *c.at == ',') {
    if (!c.string_field(R"(,"region":")", out.region) || !otklik::detail::is_iso3166_2(out.region)) return false;
  }
  if (!c.literal("}") || c.at != c.end) return false;
  out.id_hash = hash_id(id);
  return finish_line(*survey, stage_index, channel_value, service, locale, submitted_at, out);
}

}  // namespace otklik::analysis::detail
