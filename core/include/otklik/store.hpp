// otklik/store.hpp — the columnar in-memory store of responses that reports and the viewer aggregate:
// dictionary-encoded ids, one small integer per answer, comments kept apart, rows grouped by survey.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "otklik/response.hpp"
#include "otklik/survey.hpp"
#include "otklik/validate.hpp"

namespace otklik {

// Strings to dense codes and back; codes are assigned in first-seen order and never change.
class dictionary {
 public:
  dictionary() = default;
  // Rebuilds a dictionary from its words in code order (snapshot reload).
  explicit dictionary(std::vector<std::string> words);
  // The code of `word`, adding it when new.
  std::uint32_t intern(std::string_view word);
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view word) const noexcept;
  [[nodiscard]] const std::string& word(std::uint32_t code) const { return words_.at(code); }
  [[nodiscard]] std::size_t size() const noexcept { return words_.size(); }
  [[nodiscard]] const std::vector<std::string>& words() const noexcept { return words_; }

 private:
  struct transparent_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> words_;
  std::unordered_map<std::string, std::uint32_t, transparent_hash, std::equal_to<>> codes_;
};

// Answer codes in the columns (0 always means "not answered", so a skip is never a zero).
namespace answer_code {
inline constexpr std::uint8_t unanswered = 0;
inline constexpr std::uint8_t goal_yes = 1, goal_partly = 2, goal_no = 3;
// csat, criteria and ces store their value (1..5, 1..7); nps stores value + 1 (1..11).
[[nodiscard]] constexpr std::uint8_t nps(int value) noexcept { return static_cast<std::uint8_t>(value + 1); }
}  // namespace answer_code

// Rows of one survey (so of one service), column by column. Row i is entry i of every per-row column.
struct store_segment {
  std::uint16_t survey = 0;
  std::uint16_t service = 0;
  std::vector<std::uint16_t> criteria;        // criterion code of each criterion column
  std::vector<std::uint16_t> stage;           // per row: stage code
  std::vector<std::uint8_t> channel;          // per row: otklik::channel value
  std::vector<std::uint8_t> locale;           // per row: locale code
  std::vector<std::uint16_t> region;          // per row: region code (0 = none given)
  std::vector<std::uint32_t> hour;            // per row: hours since 1970-01-01T00Z
  std::vector<std::uint8_t> csat, ces, nps, goal;             // per row; empty when the survey lacks the kind
  std::vector<std::vector<std::uint8_t>> criterion_answers;   // per criterion column, per row
  // Comments apart from the rows: comment j is text[end(j−1), end(j)) of row comment_row[j] (ascending).
  std::vector<std::uint32_t> comment_row;
  std::vector<std::uint32_t> comment_end;
  std::string comment_text;

  [[nodiscard]] std::size_t size() const noexcept { return hour.size(); }
  [[nodiscard]] std::string_view comment(std::size_t j) const noexcept;
};

// All rows and the dictionaries their codes refer to. Built by store_builder; read by aggregate().
struct columnar_store {
  dictionary surveys, services, stages, locales, regions, criteria;   // regions: code 0 is "" (none)
  std::vector<std::vector<std::uint16_t>> journey;  // per service code: its stage codes in journey order
  std::vector<std::uint32_t> survey_k;              // per survey code: the survey's k_anonymity
  std::vector<store_segment> segments;

  [[nodiscard]] std::size_t size() const noexcept;
  // Bytes held by the per-row columns (what "bytes per response, comments apart" measures).
  [[nodiscard]] std::size_t row_bytes() const noexcept;
  // Bytes held by comments and their row references.
  [[nodiscard]] std::size_t comment_bytes() const noexcept;
  // The largest k any survey in the store asks for (at least otklik::default_k_anonymity when empty).
  [[nodiscard]] std::uint32_t strictest_k() const noexcept;
};

// The most criterion questions of one survey that get a column; further ones are not stored.
inline constexpr std::size_t max_criteria_per_survey = 32;

// What a question's answer fills.
enum class slot_kind : std::uint8_t { none, csat, ces, nps, goal, criterion, comment };
struct question_slot {
  slot_kind kind = slot_kind::none;
  std::uint8_t column = 0;  // criterion column for slot_kind::criterion
};

// How one survey's responses land in the columns; ingest fast paths encode rows with it.
struct survey_layout {
  std::uint16_t survey = 0, service = 0;
  std::vector<question_slot> slots;         // by question index in the survey
  std::vector<std::uint16_t> stage_codes;   // by stage index in the survey
  std::vector<std::uint8_t> locale_codes;   // by locale index in the survey
  std::vector<std::uint16_t> criteria;      // criterion code per criterion column
  bool has_csat = false, has_ces = false, has_nps = false, has_goal = false;
};

// One response encoded for its survey_layout.
struct encoded_row {
  std::uint16_t stage = 0;
  std::uint8_t channel = 0;
  std::uint8_t locale = 0;
  std::uint32_t hour = 0;
  std::uint8_t csat = 0, ces = 0, nps = 0, goal = 0;
  std::array<std::uint8_t, max_criteria_per_survey> criteria{};
};

// Fills a store. Dictionaries are seeded from the surveys in their order, so two builders over the same
// surveys agree on every code but regions (merge_into recodes those).
class store_builder {
 public:
  explicit store_builder(const survey_set& surveys);
  // Layouts by survey index in surveys.all().
  [[nodiscard]] const std::vector<survey_layout>& layouts() const noexcept { return layouts_; }
  // Appends one encoded row; region "" for none. Comments are redacted here, so the store never holds raw text.
  void append(std::size_t survey_index, const encoded_row& row, std::string_view region,
              std::span<const std::string_view> comments);
  // Appends a validated response; false (nothing stored) when its survey, stage or locale is unknown.
  [[nodiscard]] bool append(const response& r);
  // Reserves room for `rows` more rows in each survey's columns (address space until rows arrive), so a
  // large ingest does not copy and re-fault its growing columns.
  void reserve(std::size_t rows);
  // Rows appended so far.
  [[nodiscard]] std::size_t size() const noexcept;
  // The store; the builder is left empty.
  [[nodiscard]] columnar_store finish();

 private:
  [[nodiscard]] std::uint16_t region_code(std::string_view region);
  const survey_set* surveys_;
  columnar_store store_;
  std::unordered_map<std::uint64_t, std::uint16_t> short_regions_;  // region codes by their bytes packed in 8
  std::vector<survey_layout> layouts_;
  std::vector<store_segment> open_;   // by survey index
};

// Moves every row of `part` into `into`, recoding dictionary codes that differ (parallel ingest parts).
void merge_into(columnar_store& into, columnar_store&& part);

// Removes rows (ascending, distinct indices) from a segment with their comments (duplicate responses).
void remove_rows(store_segment& segment, std::span<const std::uint32_t> ascending_rows);

}  // namespace otklik
