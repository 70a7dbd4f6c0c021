// The canonical-form scanner. Written by hand rather than with simdjson because for these short, flat lines
// simdjson's per-document work (stage 1 over the line, then On Demand walking it) costs several times more
// than comparing the fixed field names and scanning the values once; any line that deviates from the
// canonical form in any way (whitespace, escapes, another field order, other numbers) is left to On Demand
// and the validator, so this path only needs to be exact on what it accepts (tests/analysis/fast_path_test).
#include "canonical_line.hpp"

#include <algorithm>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

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
  // escapes, no control characters, valid UTF-8 - exactly the strings that need no unescaping. Sixteen bytes
  // a step with SSE2 (part of x86-64), else eight (SWAR), while the line's padding allows.
  bool string(std::string_view& out) noexcept {
    const char* const start = at;
    std::uint64_t high = 0;  // non-zero if any byte scanned is outside ASCII
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
    for (; at < end && at + 16 <= padded_end; at += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
      const __m128i marks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                         _mm_cmpeq_epi8(_mm_min_epu8(x, control), x));
      const auto stop = static_cast<std::uint32_t>(_mm_movemask_epi8(marks));
      const auto tops = static_cast<std::uint32_t>(_mm_movemask_epi8(x));
      if (stop == 0) {
        high |= tops;
        continue;
      }
      const int first = std::countr_zero(stop);
      high |= tops & ((1u << first) - 1);
      at += first;
      break;
    }
#else
    constexpr std::uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
    for (; at < end && at + 8 <= padded_end; at += 8) {
      std::uint64_t x;
      std::memcpy(&x, at, 8);
      const auto zero_byte = [&](std::uint64_t v) { return (v - ones) & ~v & tops; };
      // Marks bytes that are '"', '\\' or below 0x20; the lowest mark is exact (borrows only run upwards).
      const std::uint64_t stop = zero_byte(x ^ (ones * '"')) | zero_byte(x ^ (ones * '\\')) | ((x - ones * 0x20) & ~x & tops);
      if (stop == 0) {
        high |= x & tops;
        continue;
      }
      const int first = std::countr_zero(stop) / 8;
      high |= x & tops & ((std::uint64_t{1} << (first * 8)) - 1);
      at += first;
      break;
    }
#endif
    for (; at < end; ++at) {
      const auto c = static_cast<unsigned char>(*at);
      if (c == '"' || c == '\\' || c < 0x20) break;
      high |= c & 0x80;
    }
    if (at >= end || *at != '"') return false;
    out = std::string_view(start, static_cast<std::size_t>(at - start));
    ++at;
    return high == 0 || otklik::detail::is_valid_utf8(out);
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

std::optional<std::uint32_t> canonical_decoder::hour_of(std::string_view t) noexcept {
  // The canonical form is YYYY-MM-DDTHH:MM:SSZ; any other spelling takes the core's rules in full.
  if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') return checked_hour(t);
  const auto digit = [&](std::size_t i) { return static_cast<unsigned>(t[i] - '0'); };
  for (const std::size_t i : {11u, 12u, 14u, 15u, 17u, 18u}) {
    if (digit(i) > 9) return std::nullopt;
  }
  const unsigned hour = digit(11) * 10 + digit(12), minute = digit(14) * 10 + digit(15),
                 second = digit(17) * 10 + digit(18);
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;  // the core's ranges (a leap second too)
  if (t[4] != '-' || t[7] != '-') return std::nullopt;
  // YYYY, MM and DD exactly, in eight bytes (none is zero: the scanner admits no control characters).
  std::uint64_t date = 0;
  std::memcpy(&date, t.data(), 4);
  std::memcpy(reinterpret_cast<char*>(&date) + 4, t.data() + 5, 2);
  std::memcpy(reinterpret_cast<char*>(&date) + 6, t.data() + 8, 2);
  day_entry& entry = days_[((date * 0x9E3779B97F4A7C15ull) >> 54) & (days_.size() - 1)];
  if (entry.date != date) {
    // The core decides whether the date is valid, at midnight.
    std::string midnight(t.substr(0, 10));
    midnight += "T00:00:00Z";
    const std::optional<std::uint32_t> start = checked_hour(midnight);
    entry = {date, start ? static_cast<std::int64_t>(*start / 24) : -1};
  }
  if (entry.day < 0) return std::nullopt;
  return static_cast<std::uint32_t>(entry.day * 24 + hour);
}

canonical_decoder::canonical_decoder(std::span<const survey_rules> rules) noexcept : rules_(rules) {
  for (std::size_t i = 0; i < channel_words_.size(); ++i) channel_words_[i] = to_string(static_cast<channel>(i));
}

const canonical_decoder::header_entry* canonical_decoder::find_header(std::string_view bytes, std::string_view survey_id,
                                                                      std::string_view service, std::string_view stage,
                                                                      std::string_view channel_word,
                                                                      std::string_view locale) {
  std::uint64_t hash = bytes.size();
  std::size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + at, 8);
    hash = (hash ^ word) * 0x9E3779B97F4A7C15ull;
  }
  for (; at < bytes.size(); ++at) hash = (hash ^ static_cast<unsigned char>(bytes[at])) * 0x100000001b3ull;
  header_entry& entry = headers_[(hash ^ (hash >> 32)) & (headers_.size() - 1)];
  if (entry.survey != nullptr && entry.bytes == bytes) return &entry;
  // First time (or evicted): the rules in full.
  const survey_rules* survey = find_survey(rules_, survey_id);
  if (survey == nullptr) return nullptr;
  const int stage_index = index_of(survey->stage_ids, stage);
  const int channel_value = index_of(channel_words_, channel_word);
  const int locale_index = service_and_locale(*survey, service, locale);
  if (stage_index < 0 || channel_value < 0 || locale_index < 0) return nullptr;
  entry = {std::string(bytes), survey, stage_index, channel_value, locale_index};
  return &entry;
}

bool canonical_decoder::valid_region(std::string_view code) noexcept {
  if (code.size() < 4 || code.size() > 6) return false;
  std::uint64_t packed = code.size();
  std::memcpy(reinterpret_cast<char*>(&packed) + 1, code.data(), code.size());
  std::uint64_t& slot = regions_[((packed * 0x9E3779B97F4A7C15ull) >> 55) & (regions_.size() - 1)];
  if (slot == packed) return true;
  if (!otklik::detail::is_iso3166_2(code)) return false;
  slot = packed;
  return true;
}

bool canonical_decoder::scan(const char* at, const char* end, std::size_t capacity, const char*& stop,
                             decoded_line& out) {
  out.region = {};
  out.comments.clear();
  out.row = encoded_row{};
  const auto size = static_cast<std::size_t>(end - at);
  cursor c{at, end, at + std::clamp(capacity, size, size + line_padding)};
  std::string_view id, survey_id, service, stage, channel_word, locale, submitted_at;
  if (!c.string_field(R"({"format":"otklik.response/1","id":")", id) || !valid_response_id(id)) return false;
  const char* const header_start = c.at;
  if (!c.string_field(R"(,"survey":")", survey_id) || !c.string_field(R"(,"service":")", service) ||
      !c.string_field(R"(,"stage":")", stage) || !c.string_field(R"(,"channel":")", channel_word) ||
      !c.string_field(R"(,"locale":")", locale)) {
    return false;
  }
  const header_entry* header = find_header(std::string_view(header_start, static_cast<std::size_t>(c.at - header_start)),
                                           survey_id, service, stage, channel_word, locale);
  if (header == nullptr || !c.string_field(R"(,"submitted_at":")", submitted_at) || !c.literal(R"(,"answers":{)")) {
    return false;
  }
  const survey_rules* const survey = header->survey;
  const int stage_index = header->stage_index, channel_value = header->channel_value;

  answer_checker checker(*survey, stage_index, channel_value);
  for (;;) {
    if (!c.literal("\"")) return false;
    const int q = checker.question(c.at, c.end, c.padded_end);
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
    if (!c.string_field(R"(,"region":")", out.region) || !valid_region(out.region)) return false;
  }
  if (!c.literal("}")) return false;
  const std::optional<std::uint32_t> hour = hour_of(submitted_at);
  if (!hour) return false;
  out.id_hash = hash_id(id);
  stop = c.at;
  finish_line(*survey, stage_index, channel_value, header->locale_index, *hour, out);
  return true;
}

bool canonical_decoder::decode(std::string_view line, std::size_t capacity, decoded_line& out) {
  const char* stop = nullptr;
  return scan(line.data(), line.data() + line.size(), capacity, stop, out) && stop == line.data() + line.size();
}

std::size_t canonical_decoder::decode_line(const char* at, const char* part_end, std::size_t capacity,
                                           decoded_line& out) {
  // No value of the canonical form spans a newline (strings admit no control characters), so the scan
  // cannot run into the next line; the object must be followed by the line's end.
  const char* stop = nullptr;
  if (!scan(at, part_end, capacity, stop, out)) return 0;
  if (stop < part_end && *stop == '\r') ++stop;
  if (stop == part_end) return static_cast<std::size_t>(stop - at);
  return *stop == '\n' ? static_cast<std::size_t>(stop + 1 - at) : 0;
}

}  // namespace otklik::analysis::detail
