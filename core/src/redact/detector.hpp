// The detectors that turn the scanner's tokens into findings: numbers (checksummed identifiers, phones,
// passports, dates), names, addresses and dates of birth. Cue words ("СНИЛС", "ул.", "родился") are not
// tokens: a detector reads the few words before its token from the text when it needs them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "otklik/redact.hpp"
#include "text.hpp"
#include "tokens.hpp"
#include "words.hpp"

namespace otklik::detail {

// What the words just before a position say (read backwards, within one sentence, after the last finding).
struct context {
  lex cue = lex::none;            // the nearest number or date cue word
  unsigned cue_distance = ~0u;    // words between that cue and the position (0: right before it)
  std::size_t street = 0, street_end = 0;  // the farthest street word (ул., улица, проспект...), if any
  lex street_kind = lex::none;
  std::size_t house = 0, house_end = 0;    // the nearest house word (д., дом), if any
  bool has_house = false;
  [[nodiscard]] bool has_street() const noexcept { return street_kind != lex::none; }
};

// The context of a digit chain, read from the text only when a rule asks for its cue word: most numbers
// (phones, amounts, times, long references) are decided by their shape alone, and the look back is the
// costliest part of a number. The floor is the one the chain started with, so a late look gives what an
// early one would have given.
struct chain_context {
  context ctx;
  bool known = false;
  std::size_t pos = 0, floor = 0;
};

class detector {
 public:
  detector(std::string_view text, token_list& list, std::vector<finding>& out)
      : t_(text), tokens_(list.tokens), groups_(list.groups), out_(out) {}

  // Runs every detector over the tokens, appending findings in order of their start.
  void run();

 private:
  // detector.cpp: bookkeeping shared by the detectors.
  void add(pii_type type, std::size_t start, std::size_t end);
  [[nodiscard]] context look_back(std::size_t pos, unsigned cue_words, unsigned street_words) const noexcept {
    return look_back(pos, cue_words, street_words, covered_);
  }
  [[nodiscard]] context look_back(std::size_t pos, unsigned cue_words, unsigned street_words, std::size_t floor) const noexcept;
  [[nodiscard]] bool adjacent(std::size_t a, std::size_t b) const noexcept;  // tokens a < b with only spaces between
  [[nodiscard]] bool free(std::size_t k) const noexcept { return tokens_[k].start >= covered_; }
  [[nodiscard]] std::size_t skip_to(std::size_t end, std::size_t from) const noexcept;  // first token starting >= end

  // numbers.cpp: digit chains.
  std::size_t chain(std::size_t k);
  std::size_t chain_match(std::size_t k, std::size_t j, chain_context& ctx, std::size_t& next_token);
  // Words read back from a number for its cue ("номер полиса ОМС: ...").
  static constexpr unsigned cue_window = 4;
  // The chain's context, looked back for on first use (the widget's core looks back at once, less code).
  [[nodiscard]] const context& cue_of(chain_context& c) const noexcept {
#if !defined(OTKLIK_WASM_SIZE_FIRST)
    if (!c.known) {
      c.ctx = look_back(c.pos, cue_window, 0, c.floor);
      c.known = true;
    }
#endif
    return c.ctx;
  }
  [[nodiscard]] std::size_t digits(std::size_t k, std::size_t j, std::size_t count, std::uint8_t* out) const noexcept;

  // dates.cpp: dates, and dates of birth after their cue words.
  std::size_t date_in_chain(std::size_t k, std::size_t j, chain_context& ctx);
  std::size_t date_with_month(std::size_t k, lex cue);  // "12 марта 1985" at the day, "March 12, 1985" at the month
  [[nodiscard]] bool birth_marker_after(std::size_t end) const noexcept;  // "г.р.", "года рождения"

  // names.cpp: person names.
  std::size_t word_token(std::size_t k);  // a word token: the cue it is, or the name it starts or follows
  std::size_t name(std::size_t k);
#if !defined(OTKLIK_WASM_SIZE_FIRST)
  std::size_t name_rules(std::size_t k);  // name() natively runs them only when name_can_start
  [[nodiscard]] bool name_can_start(std::size_t k) const noexcept;
#endif
  std::size_t name_after_cue(std::size_t k, std::size_t cue_start, std::size_t cue_end, lex cue);
  std::size_t name_after_lowercase_cue(std::size_t k);
#if !defined(OTKLIK_WASM_SIZE_FIRST)
  std::size_t name_after_cue_before(std::size_t k, std::size_t b);  // a cue up to three words before b
#endif
  [[nodiscard]] bool name_word(std::size_t k) const noexcept;
  [[nodiscard]] bool patronymic(std::size_t k) const noexcept;
  [[nodiscard]] bool surname(std::size_t k, bool strong) const noexcept;
  [[nodiscard]] bool initial(std::size_t k) const noexcept;
  [[nodiscard]] std::uint16_t morphology(std::size_t k) const noexcept;  // the word's flags with its ending classified

  // addresses.cpp: postal addresses.
  std::size_t address(std::size_t k, const context& ctx);  // Russian, from the street word before chain k
  std::size_t house_and_flat(std::size_t k, const context& ctx);
  std::size_t address_en(std::size_t k);                   // "221B Baker Street" starting at chain k
  [[nodiscard]] std::size_t address_prefix(std::size_t start) const noexcept;  // "123456, г. Москва, " before it

  text_view t_;
  std::vector<token>& tokens_;  // the name detector caches word endings in the flags
  const std::vector<group>& groups_;
  std::vector<finding>& out_;
  std::size_t covered_ = 0;  // end of the last finding: text before it is consumed
};

}  // namespace otklik::detail
