// otklik/response.hpp — the response model (otklik.response/1) and its canonical JSON form.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "otklik/survey.hpp"

namespace otklik {

// One answer: a number for rating kinds, a word or text for goal, choice and text.
struct answer {
  std::string question;   // the question id
  question_kind kind{};   // copied from the survey so that hosts need not look it up again
  int number = 0;         // csat, criterion, ces, nps
  std::string text;       // goal ("yes"/"partly"/"no"), choice (option id), text (the comment)
  friend bool operator==(const answer&, const answer&) = default;
};

struct response {
  std::string id;            // client-made idempotency key, 16..64 of [A-Za-z0-9_-]
  std::string survey;
  std::string service;
  std::string stage;
  channel where = channel::web;
  std::string locale;
  std::string submitted_at;  // RFC 3339 UTC as "YYYY-MM-DDTHH:MM:SS[.fff]Z"
  std::vector<answer> answers;  // in the survey's question order
  std::string region;        // ISO 3166-2, or ""
  // The answer to a question, or nullptr.
  [[nodiscard]] const answer* find(std::string_view question_id) const noexcept;
  friend bool operator==(const response&, const response&) = default;
};

// Writes the response as canonical otklik.response/1 JSON: fixed field order, answers in survey order.
[[nodiscard]] std::string to_json(const response& r);

// Truncates submitted_at to the hour ("2026-11-27T10:41:07.5Z" -> "2026-11-27T10:00:00Z"); stored data keeps no finer time.
void truncate_to_hour(response& r);

}  // namespace otklik
