// Words read straight from the text: bounds, case, the lowercase form, the lexicon's meaning, and the
// suffix rules for Russian patronymics and surnames. Detectors use them to look a few words around a token.
#pragma once

#include <cstddef>
#include <string_view>

#include "detail/callback_ref.hpp"
#include "lexicon.hpp"
#include "back_window.hpp"
#include "swar.hpp"
#include "text.hpp"

namespace otklik::detail {

struct text_word {
  std::size_t start = 0, end = 0;
  unsigned letters = 0;
  bool cap = false, all_caps = false, cyrillic = false;
  [[nodiscard]] bool empty() const noexcept { return start == end; }
};

// The word starting exactly at `i`, or an empty word when no letter is there.
[[nodiscard]] text_word word_at(const text_view& t, std::size_t i) noexcept;

// The word or number that ends before `i` (skipping spaces and punctuation, not reaching before `floor`);
// `number` tells a run of digits; `gap` receives the first position after it. Empty when none.
[[nodiscard]] text_word word_before(const text_view& t, std::size_t i, std::size_t floor, bool& number) noexcept;

// The lowercase form of bytes [s, e) (at most 47 bytes; longer words give an empty form).
struct lower_word {
  byte bytes[48];
  std::size_t size = 0;
  [[nodiscard]] std::string_view view() const noexcept { return {reinterpret_cast<const char*>(bytes), size}; }
  [[nodiscard]] bool ends_with(std::string_view suffix) const noexcept {
    return suffix.size() <= size && view().substr(size - suffix.size()) == suffix;
  }
};
void lowercase(const text_view& t, std::size_t s, std::size_t e, lower_word& out) noexcept;
static_assert(lexicon::max_word_bytes < sizeof(lower_word::bytes), "every word the lexicon can hold has a lowercase form");

// The lexicon's meaning of the word [s, e) of the text.
[[nodiscard]] lex meaning_of(const text_view& t, std::size_t s, std::size_t e) noexcept;

// What a word's ending says (endings.cpp): a patronymic (-ович, -овна... in any case), an adjective
// (-ый, -ая...), a surname (-ов, -ин, -ский, -енко...), a weaker surname ending (-их, -ич, -ман).
enum : unsigned {
  ending_patronymic = 1u << 0, ending_adjective = 1u << 1, ending_surname = 1u << 2, ending_weak_surname = 1u << 3
};
// The ending classes of the word [s, e) (whole UTF-8 letters, Cyrillic capitals folded), from its last letters.
[[nodiscard]] unsigned ending_classes(const byte* s, const byte* e) noexcept;
// Whether a word of `letters` letters with these ending classes looks like a surname (see is_surname_like).
[[nodiscard]] constexpr bool surname_ending_holds(unsigned classes, unsigned letters, bool strong) noexcept {
  return letters >= 3 && ((classes & ending_surname) != 0 || (!strong && letters >= 4 && (classes & ending_weak_surname) != 0));
}

// Whether a lowercase Cyrillic word is a patronymic in any case (Иванович, Ивановны, Ильиничне...).
[[nodiscard]] bool is_patronymic(const lower_word& w, unsigned letters) noexcept;
// Whether a lowercase Cyrillic word has a typical surname ending (Иванов, Петровой, Достоевского, Шевченко...);
// `strong` asks for endings that ordinary capitalised words almost never have.
[[nodiscard]] bool is_surname_like(const lower_word& w, unsigned letters, bool strong) noexcept;

// One word read backwards by for_each_word_back.
struct back_word {
  std::size_t start, end;
  unsigned letters;  // 0 for a number
  unsigned distance; // words between it and the starting position (0: the nearest)
  lex meaning;       // lex::none for numbers
};

// Looks the word [s, e) of `letters` letters up and visits it as word number `distance` of the walk; false
// where the walk ends (the visitor says so, or ". " after it ends its sentence).
template <class Visit>
__attribute__((always_inline)) inline bool visit_word_back(const text_view& t, const lexicon& words, std::size_t s, std::size_t e,
                                                         unsigned letters, unsigned distance, bool dot_space, Visit& visit) {
  const byte* b = t.data;
  const bool upper = is_upper_letter_at(t, s);
  if (dot_space && (letters > 3 || (upper && letters > 1 && is_upper_letter_at(t, e - 2)))) return false;
  lex meaning = lex::none;
  if (e - s <= lexicon::max_word_bytes) {
    if (!upper) {
      meaning = words.find(b + s, e - s, hash_lower_word(b + s, e - s, b + t.size));
    } else {
      lower_word folded;
      lowercase(t, s, e, folded);  // the word is at most max_word_bytes, shorter than lower_word's 48
      meaning = words.find(folded.bytes, folded.size, hash_lower_word(folded.bytes, folded.size, folded.bytes + sizeof folded.bytes));
    }
  }
  return visit(back_word{s, e, letters, distance, meaning});
}

// The walk of for_each_word_back byte by byte from `i`, its words numbered from `distance` on.
template <class Visit>
__attribute__((always_inline)) inline void walk_words_back(const text_view& t, std::size_t i, std::size_t floor, unsigned distance, unsigned limit, Visit& visit) {
  const byte* b = t.data;
  const lexicon& words = lexicon::get();
  for (; distance < limit; ++distance) {
    bool dot_space = false;
    for (;;) {  // the gap before the word
      if (i <= floor) return;
      const byte c = b[i - 1];
      if (is_ascii_alnum(c) || (is_continuation(c) && i - 1 > floor && is_cyrillic_lead(b[i - 2]))) break;
      if (c == '!' || c == '?' || c == '\n') return;
      if (c == '.' && i < t.size && b[i] == ' ') dot_space = true;
      --i;
    }
    const std::size_t e = i;
    unsigned letters = 0;
    if (is_digit(b[i - 1])) {
      while (i > floor && is_digit(b[i - 1])) --i;
      if (dot_space) return;  // "... в 2024. Потом"
      if (!visit(back_word{i, e, 0, distance, lex::none})) return;
      continue;
    }
    for (;;) {
      // Four Cyrillic letters at a time (the forward scanner's mask test, eight bytes before i).
      while (i >= floor + 8 && (swar::load(b + i - 8) & 0xC0FEC0FEC0FEC0FEull) == 0x80D080D080D080D0ull) {
        i -= 8;
        letters += 4;
      }
      if (i > floor && is_ascii_alpha(b[i - 1])) {
        --i;
      } else if (i >= floor + 2 && is_continuation(b[i - 1]) && is_cyrillic_lead(b[i - 2])) {
        i -= 2;
      } else if (i >= floor + 2 && b[i - 1] == '-' && letters > 0 && (is_ascii_alpha(b[i - 2]) || is_continuation(b[i - 2]))) {
        --i;  // пр-т, б-р
        continue;
      } else {
        break;
      }
      ++letters;
    }
    if (!visit_word_back(t, words, i, e, letters, distance, dot_space, visit)) return;
  }
}

// Reads at most `limit` words backwards from `pos`, never before `floor`, stopping at the end of the
// previous sentence ("!", "?", a line break, ". " after a number or a word of more than three letters);
// calls `visit(const back_word&)` for each until it returns false. Each word costs one hash lookup.
template <class Visit>
void for_each_word_back(const text_view& t, std::size_t pos, std::size_t floor, unsigned limit, Visit&& visit) {
#if defined(OTKLIK_WASM_SIZE_FIRST)  // the widget's core: one copy of the walk for every caller
  if constexpr (!std::is_same_v<std::decay_t<Visit>, callback_ref<bool(const back_word&)>>) {
    return for_each_word_back(t, pos, floor, limit, callback_ref<bool(const back_word&)>(visit));
  }
#endif
#if defined(OTKLIK_BACK_WINDOW)
  // Natively the words come from bit masks of the 32 bytes before them (back_window.hpp), reloaded where
  // the walk goes below; the byte loop goes on from a gap or word longer than that.
  back_window window;
  const lexicon& words = lexicon::get();
  std::size_t i = pos;
  for (unsigned distance = 0; distance < limit; ++distance) {
    if (i <= floor) return;
    back_span w;
    switch (window.step_or_reload(t, i, floor, w)) {
      case back_window::step_result::stop: return;
      case back_window::step_result::unknown: return walk_words_back(t, i, floor, distance, limit, visit);
      case back_window::step_result::word: break;
    }
    i = w.start;
    if (w.letters == 0) {
      if (w.dot_space) return;  // "... в 2024. Потом"
      if (!visit(back_word{w.start, w.end, 0, distance, lex::none})) return;
    } else if (!visit_word_back(t, words, w.start, w.end, w.letters, distance, w.dot_space, visit)) {
      return;
    }
  }
#else
  walk_words_back(t, pos, floor, 0, limit, visit);
#endif
}

// Whether a sentence ends right before `i` (". " after a word of four letters or more, "!", "?", a line
// break, or the start of the text), so that a capital letter at `i` says nothing about names.
[[nodiscard]] bool sentence_starts_at(const text_view& t, std::size_t i) noexcept;

}  // namespace otklik::detail
