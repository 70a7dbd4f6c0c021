// The detectors that turn the scanner's tokens into findings: numbers (checksummed identifiers, phones,
// passports, dates), names, addresses and dates of birth, sharing the context of recent cue words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "otklik/redact.hpp"
#include "text.hpp"
#include "tokens.hpp"

namespace otklik::detail {

// A word read straight from the text (detectors look a few words ahead of a trigger this way).
struct text_word {
  std::size_t start = 0, end = 0;
  unsigned letters = 0;
  bool cap = false, all_caps = false, cyrillic = false;
  [[nodiscard]] bool empty() const noexcept { return start == end; }
};

// The word starting exactly at `i`, or an empty word when no letter is there.
[[nodiscard]] text_word word_at(const text_view& t, std::size_t i) noexcept;

// The lowercase form of bytes [s, e) (at most 47 bytes; longer words give an empty view) in `buffer`.
struct lower_word {
  byte bytes[48];
  std::size_t size = 0;
  [[nodiscard]] std::string_view view() const noexcept { return {reinterpret_cast<const char*>(bytes), size}; }
  [[nodiscard]] bool ends_with(std::string_view suffix) const noexcept {
    return suffix.size() <= size && view().substr(size - suffix.size()) == suffix;
  }
};
void lowercase(const text_view& t, std::size_t s, std::size_t e, lower_word& out) noexcept;

// The lexicon's meaning of the word [s, e) of the text.
[[nodiscard]] lex meaning_of(const text_view& t, std::size_t s, std::size_t e) noexcept;

// Whether a lowercase Cyrillic word is a patronymic in any case (Иванович, Ивановны, Ильиничне...).
[[nodiscard]] bool is_patronymic(const lower_word& w, unsigned letters) noexcept;
// Whether a lowercase Cyrillic word has a typical surname ending (Иванов, Петровой, Достоевского, Шевченко...);
// `strong` asks for endings that ordinary capitalised words almost never have.
[[nodiscard]] bool is_surname_like(const lower_word& w, unsigned letters, bool strong) noexcept;

class detector {
 public:
  detector(std::string_view text, const token_list& list, std::vector<finding>& out)
      : t_(text), tokens_(list.tokens), groups_(list.groups), out_(out) {}

  // Runs every detector over the tokens, appending findings in order of their start.
  void run();

 private:
  // detector.cpp: bookkeeping shared by the detectors.
  void add(pii_type type, std::size_t start, std::size_t end);
  [[nodiscard]] lex cue_at(std::uint32_t index) const noexcept;
  [[nodiscard]] bool adjacent(std::size_t a, std::size_t b) const noexcept;  // only spaces between tokens a < b
  [[nodiscard]] bool free(std::size_t k) const noexcept { return tokens_[k].start >= covered_; }
  [[nodiscard]] std::size_t skip_to(std::size_t end, std::size_t from) const noexcept;  // first token starting >= end
  void remember_cue(const token& tok);

  // numbers.cpp: digit chains.
  std::size_t chain(std::size_t k);
  std::size_t chain_match(std::size_t k, std::size_t j, lex cue, std::size_t& next_token);
  [[nodiscard]] std::size_t digits(std::size_t k, std::size_t j, std::size_t count, std::uint8_t* out) const noexcept;

  // dates.cpp: dates, and dates of birth after their cue words.
  std::size_t date_in_chain(std::size_t k, std::size_t j, lex cue);
  std::size_t date_with_month(std::size_t k, lex cue);  // "12 марта 1985", "March 12, 1985"
  [[nodiscard]] bool birth_marker_after(std::size_t end) const noexcept;  // "г.р.", "года рождения"
  [[nodiscard]] bool birth_abbreviation(const token& tok) const noexcept;  // "д.р.", "д/р"

  // names.cpp: person names.
  std::size_t name(std::size_t k);
  std::size_t name_after_cue(std::size_t k);
  [[nodiscard]] bool name_word(std::size_t k) const noexcept;
  [[nodiscard]] bool patronymic(std::size_t k) const noexcept;
  [[nodiscard]] bool surname(std::size_t k, bool strong) const noexcept;
  [[nodiscard]] bool initial(std::size_t k) const noexcept;

  // addresses.cpp: postal addresses.
  std::size_t address(std::size_t k);
  std::size_t address_en(std::size_t k);
  std::size_t house_and_flat(std::size_t k);
  [[nodiscard]] std::size_t address_prefix(std::size_t k) const noexcept;  // start of "123456, г. Москва, " before token k

  text_view t_;
  const std::vector<token>& tokens_;
  const std::vector<group>& groups_;
  std::vector<finding>& out_;
  std::size_t covered_ = 0;  // end of the last finding: tokens before it are consumed
  lex cue_ = lex::none;      // the most recent number or date cue word
  std::uint32_t cue_index_ = 0;
};

}  // namespace otklik::detail
