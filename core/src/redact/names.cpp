// Person names: Russian full names with a patronymic in any grammatical case (Иванов Иван Иванович,
// Ивановой Марии Петровны), a first name with a patronymic, a surname with initials (Иванов И.И.,
// И. И. Иванов), a known first name with a surname, and any name after a cue (меня зовут, ФИО, my name is,
// Mr., regards). Patronymics and surnames are recognised by their suffixes, not from lists.
#include <cstdint>
#include <string_view>

#include "detector.hpp"
#include "words.hpp"

namespace otklik::detail {

bool detector::name_word(std::size_t k) const noexcept {
  const token& tok = tokens_[k];
  if (tok.kind != token_kind::word || !tok.has(flag_cap) || !tok.has(flag_cyrillic) || tok.letters < 2) return false;
  if (tok.meaning != lex::none && tok.meaning != lex::first_name) return false;
  return !tok.has(flag_all_caps) || tok.meaning == lex::first_name || surname(k, true) || patronymic(k);
}

// Out of line natively: the name rules ask for it only after their cheaper tests.
#if !defined(OTKLIK_WASM_SIZE_FIRST)
__attribute__((noinline))
#endif
std::uint16_t detector::morphology(std::size_t k) const noexcept {
  token& tok = tokens_[k];
  if (!tok.has(flag_morphology_known)) {
    std::uint16_t bits = flag_morphology_known;
    if (tok.kind == token_kind::word && tok.has(flag_cyrillic)) {
      const unsigned endings = ending_classes(t_.data + tok.start, t_.data + tok.end);
      if (tok.letters >= 5 && (endings & ending_patronymic)) bits |= flag_patronymic;
      if (endings & ending_adjective) bits |= flag_adjective;
      if (tok.meaning != lex::city) {
        if (surname_ending_holds(endings, tok.letters, true)) bits |= flag_surname_strong | flag_surname_weak;
        else if (surname_ending_holds(endings, tok.letters, false)) bits |= flag_surname_weak;
      }
    }
    tok.flags = static_cast<std::uint16_t>(tok.flags | bits);
  }
  return tok.flags;
}

bool detector::patronymic(std::size_t k) const noexcept {
#if !defined(OTKLIK_WASM_SIZE_FIRST)
  // Natively, before the ending is classified: every patronymic ending (-вич, -ича, -ичем; -вна, -ичной)
  // has ч or н among its last three letters, so the second bytes of those letters tell most words apart.
  const token& tok = tokens_[k];
  if (!tok.has(flag_morphology_known)) {
    if (tok.letters < 5) return false;
    auto ch_or_n = [](byte c) { return c == 0x87 || c == 0xA7 || c == 0xBD || c == 0x9D; };  // ч Ч н Н
    const byte* e = t_.data + tok.end;
    if (!ch_or_n(e[-1]) && !ch_or_n(e[-3]) && !ch_or_n(e[-5])) return false;
  }
#endif
  return (morphology(k) & flag_patronymic) != 0;
}

bool detector::surname(std::size_t k, bool strong) const noexcept {
  return (morphology(k) & (strong ? flag_surname_strong : flag_surname_weak)) != 0;
}

bool detector::initial(std::size_t k) const noexcept {
  const token& tok = tokens_[k];
  return tok.kind == token_kind::word && tok.letters == 1 && tok.has(flag_cap) && tok.has(flag_dot_after) &&
         tok.length() <= 2;
}

std::size_t detector::word_token(std::size_t k) {
  const token& tok = tokens_[k];
  std::size_t next = 0;
  switch (tok.meaning) {
    case lex::cue_person:
    case lex::cue_title:
    case lex::cue_i_am: next = name_after_cue(k, tok.start, tok.end, tok.meaning); break;
    case lex::month: next = date_with_month(k, look_back(tok.start, 6, 0).cue); break;
    default: break;
  }
  // A word that can be a name (not a cue, city or agency; not in capitals) may follow "меня зовут".
  if (next == 0 && tok.has(flag_cap) && tok.letters >= 2 && !tok.has(flag_all_caps) &&
      (tok.meaning == lex::none || tok.meaning == lex::first_name))
    next = name_after_lowercase_cue(k);
  if (next == 0 && (tok.has(flag_cap) || tok.meaning == lex::first_name)) next = name(k);
  return next;
}

#if !defined(OTKLIK_WASM_SIZE_FIRST)
std::size_t detector::name(std::size_t k) {
  // Most capitalised words are followed by a lowercase word, which is no token: the next token is further
  // than four bytes away (tokens are in order, so the unsigned difference is small only after this one).
  const token& a = tokens_[k];
  const bool next_near = k + 1 < tokens_.size() && tokens_[k + 1].start - a.end <= 4;
  if (!next_near && !(a.meaning == lex::first_name && !a.has(flag_cap))) return 0;
  return name_can_start(k) ? name_rules(k) : 0;
}

bool detector::name_can_start(std::size_t k) const noexcept {
  // Natively, the rules' common conditions first. Every rule but two needs the next word right after this
  // one (only spaces or an initial's dot between); the two others are a lowercase first name and an initial.
  // The rest start with a name word followed right away (only spaces between) by a capitalised Cyrillic word
  // or an initial. Most capitalised words (Госуслуги МФЦ, English capitals) stop here, before any ending is
  // classified. The widget's core runs the rules as written.
  const std::size_t n = tokens_.size();
  const token& a = tokens_[k];
  if (a.kind != token_kind::word) return false;
  const bool next_close = k + 1 < n && tokens_[k + 1].start >= a.end && tokens_[k + 1].start - a.end <= 4 &&
                          skip_spaces(t_, a.end + (t_.at(a.end) == '.' ? 1 : 0)) == tokens_[k + 1].start;
  if (!next_close) return a.meaning == lex::first_name && !a.has(flag_cap);
  if (!name_word(k)) return a.letters == 1 || !a.has(flag_cap);
  const token& b = tokens_[k + 1];
  if (b.kind != token_kind::word || !b.has(flag_cap) || (!b.has(flag_cyrillic) && b.letters != 1) || !adjacent(k, k + 1))
    return false;
  // Surname with initials; first name and patronymic. Otherwise the next word is a name word and this one
  // or that one a known first name, or a patronymic follows it right away (Иванов Иван Иванович).
  if (initial(k + 1) || patronymic(k + 1)) return true;
  if (!name_word(k + 1)) return false;
  if (a.meaning == lex::first_name || b.meaning == lex::first_name) return true;
  return k + 2 < n && tokens_[k + 2].kind == token_kind::word && adjacent(k + 1, k + 2) && patronymic(k + 2);
}
#endif

// The rules themselves (the widget's core calls them as name(), without the gate).
#if !defined(OTKLIK_WASM_SIZE_FIRST)
std::size_t detector::name_rules(std::size_t k) {
#else
std::size_t detector::name(std::size_t k) {
#endif
  const std::size_t n = tokens_.size();
  const token& a = tokens_[k];
  if (a.kind != token_kind::word) return 0;
  // Every rule but one needs the next word kept and right after this one (only spaces or an initial's dot
  // between): most capitalised words, a sentence's first word, stop here.
  const bool next_close = k + 1 < n && tokens_[k + 1].start >= a.end && tokens_[k + 1].start - a.end <= 4 &&
                          skip_spaces(t_, a.end + (t_.at(a.end) == '.' ? 1 : 0)) == tokens_[k + 1].start;
  if (!next_close && !(a.meaning == lex::first_name && !a.has(flag_cap))) return 0;
#if !defined(OTKLIK_WASM_SIZE_FIRST)
  // Read only by two rules, after their other tests (name_can_start has let this word through).
  auto starts_sentence = [&] { return sentence_starts_at(t_, a.start); };
#else
  const bool starts_sentence_at_a = sentence_starts_at(t_, a.start);
  auto starts_sentence = [&] { return starts_sentence_at_a; };
#endif
  auto word = [&](std::size_t x) { return x < n && tokens_[x].kind == token_kind::word && free(x); };
  // Between initials and around them: "." and at most two spaces.
  auto after_dot = [&](std::size_t x, std::size_t y) {
    if (y >= n || t_.at(tokens_[x].end) != '.') return false;
    const std::size_t s = tokens_[x].end + 1;
    return tokens_[y].start >= s && tokens_[y].start - s <= 2 && skip_spaces(t_, s) == tokens_[y].start;
  };
  auto person = [&](std::size_t from, std::size_t end, std::size_t last) {
    add(pii_type::person, tokens_[from].start, end);
    return last + 1;
  };

  // A first name and its patronymic, "N P", not followed by initials (then P is a surname: Рабинович Э.В.).
  auto core = [&](std::size_t x) {
    return word(x) && word(x + 1) && name_word(x) && adjacent(x, x + 1) && patronymic(x + 1) &&
           tokens_[x + 1].has(flag_cap) && !(word(x + 2) && initial(x + 2) && adjacent(x + 1, x + 2));
  };
  auto follower = [&](std::size_t p) { return word(p + 1) && adjacent(p, p + 1) && name_word(p + 1); };
  // Surname first name patronymic [surname]: Иванов Иван Иванович; a sentence's first word only when it
  // looks like a surname, and never a word before a name that already has its surname after it.
  if (core(k + 1) && name_word(k) && adjacent(k, k + 1)) {
    const bool has_after = follower(k + 2);
    if (surname(k, true) || (!starts_sentence() && (!has_after || surname(k, false) || !surname(k + 3, false))))
      return person(k, tokens_[has_after ? k + 3 : k + 2].end, has_after ? k + 3 : k + 2);
    return 0;  // the name starts at the next word
  }
  // First name patronymic [surname]: Мария Петровна, Ивану Ивановичу Петрову.
  if (core(k) && !a.has(flag_all_caps)) {
    if (core(k + 2) && adjacent(k + 1, k + 2)) return 0;  // "Оператор Рабинович Ульяна Вячеславовна"
    const std::size_t last = follower(k + 1) ? k + 2 : k + 1;
    return person(k, tokens_[last].end, last);
  }
  // A known first name in lowercase followed by a lowercase patronymic: "иван петрович".
  if (a.meaning == lex::first_name && !a.has(flag_cap)) {
    const std::size_t s = skip_spaces(t_, a.end);
    const text_word next = word_at(t_, s);
    if (s > a.end && s - a.end <= 2 && !next.empty() && next.cyrillic) {
      lower_word w;
      lowercase(t_, next.start, next.end, w);
      if (is_patronymic(w, next.letters)) {
        add(pii_type::person, a.start, next.end);
        return skip_to(next.end, k + 1);
      }
    }
    return 0;
  }
  // Surname with initials: Иванов И.И., Иванову И. И., Петров И.
  if (name_word(k) && a.letters >= 2 && word(k + 1) && initial(k + 1) && adjacent(k, k + 1)) {
    std::size_t last = k + 1;
    if (word(k + 2) && initial(k + 2) && after_dot(k + 1, k + 2)) last = k + 2;
    // "Оператор И.И. Иванов": the initials belong to the surname after them.
    const bool name_follows = word(last + 1) && after_dot(last, last + 1) && name_word(last + 1);
    if (name_follows ? surname(k, true)
                     : (surname(k, false) || (last == k + 2 && !starts_sentence())))
      return person(k, tokens_[last].end + 1, last);
  }
  // Initials with a surname: И.И. Иванов, И. Иванов.
  if (initial(k) && a.has(flag_cyrillic)) {
    std::size_t x = k + 1;
    bool two = false;
    if (word(x) && initial(x) && after_dot(k, x)) {
      two = true;
      ++x;
    }
    if (word(x) && after_dot(x - 1, x) && name_word(x) && (two || surname(x, false)))
      return person(k, tokens_[x].end, x);
  }
  // A known first name and a surname, either order: Анна Смирнова, Смирновой Анне.
  if (a.meaning == lex::first_name && name_word(k) && word(k + 1) && adjacent(k, k + 1) && name_word(k + 1) &&
      !tokens_[k + 1].has(flag_all_caps) && (surname(k + 1, true) || !(morphology(k + 1) & flag_adjective)))
    return person(k, tokens_[k + 1].end, k + 1);  // "Иван Грозный" is no name: an adjective follows
  if (name_word(k) && a.meaning == lex::none && word(k + 1) && tokens_[k + 1].meaning == lex::first_name &&
      adjacent(k, k + 1) && name_word(k + 1) && surname(k, true))
    return person(k, tokens_[k + 1].end, k + 1);
  return 0;
}

namespace {

// The cue words a name follows: зовут, ФИО, my name is; Mr, господин; I am.
constexpr bool is_name_cue(lex m) noexcept { return m == lex::cue_person || m == lex::cue_title || m == lex::cue_i_am; }

// The words that may stand between a name cue and the name ("my name is John"), in lowercase.
constexpr std::string_view cue_links[] = {"is", "это"};
constexpr bool is_cue_link(std::string_view lower) noexcept {
  for (const std::string_view link : cue_links) {
    if (lower == link) return true;
  }
  return false;
}

#if !defined(OTKLIK_WASM_SIZE_FIRST)
// The last three characters of the word that ends at `e`, read back as for_each_word_back reads words
// (ASCII and Cyrillic letters folded as lowercase() folds them, "-" inside a word; 0 past its start, or
// at `floor`), hashed to one of 4096 bits. A word and its lexicon form have the same key.
unsigned back_key(const byte* d, std::size_t e, std::size_t floor) noexcept {
  std::uint64_t key = 0;
  std::size_t i = e;
  bool letter = false;
  for (unsigned c = 0; c < 3; ++c) {
    std::uint64_t code;
    if (i > floor && is_ascii_alpha(d[i - 1])) {
      code = d[i - 1] | 0x20u;
      --i;
      letter = true;
    } else if (i >= floor + 2 && is_continuation(d[i - 1]) && is_cyrillic_lead(d[i - 2])) {
      byte folded[2];
      fold_letter(d + i - 2, 2, folded);
      code = std::uint64_t{folded[0]} << 8 | folded[1];
      i -= 2;
      letter = true;
    } else if (i >= floor + 2 && d[i - 1] == '-' && letter && (is_ascii_alpha(d[i - 2]) || is_continuation(d[i - 2]))) {
      code = '-';
      --i;
    } else {
      break;
    }
    key |= code << (16 * c);
  }
  return static_cast<unsigned>((key * 0x9E3779B97F4A7C15ull) >> 52);
}

// The keys of every name cue word of the lexicon and of "is" and "это" (what may stand between a cue and
// a name): a word whose key is not here is neither. Built once from the lexicon.
class name_cue_keys {
 public:
  static const name_cue_keys& get() {
    static const name_cue_keys instance;
    return instance;
  }
  [[nodiscard]] bool may_hold(unsigned key) const noexcept { return (bits_[key >> 6] >> (key & 63)) & 1u; }

 private:
  name_cue_keys() {
    auto add = [&](const char* w, std::size_t n) {
      const unsigned key = back_key(reinterpret_cast<const byte*>(w), n, 0);
      bits_[key >> 6] |= std::uint64_t{1} << (key & 63);
    };
    lexicon::get().for_each_word([&](const char* w, std::size_t n, lex kind) {
      if (is_name_cue(kind)) add(w, n);
    });
    for (const std::string_view link : cue_links) add(link.data(), link.size());
  }
  std::uint64_t bits_[64] = {};
};
#endif

}  // namespace

std::size_t detector::name_after_lowercase_cue(std::size_t k) {
  // "меня зовут Анна", "my name is John Smith", "с уважением, Иванов И.И.": a cue word up to three words back.
  const token& a = tokens_[k];
  // A cue word is never followed by the end of a sentence: after ". " there is nothing to look for.
  std::size_t b = a.start;
  while (b > covered_ && (t_.data[b - 1] == ' ' || t_.data[b - 1] == '\n' || t_.data[b - 1] == '\r')) --b;
  if (b <= covered_ || t_.data[b - 1] == '.' || t_.data[b - 1] == '!' || t_.data[b - 1] == '?') return 0;
#if !defined(OTKLIK_WASM_SIZE_FIRST)
  // Natively, the word right before first: name_after_cue finds a name only when nothing but separators and
  // "is"/"это" stands between the cue and this word, so unless that word is a cue or one of those two, no
  // word further back can matter. Its last three letters, read as the walk reads them after the gap it
  // skips, rule out most words before any lookup (a number there ends the walk).
  std::size_t e = b;
  for (;;) {
    if (e <= covered_) return 0;
    const byte c = t_.data[e - 1];
    if (is_ascii_alnum(c) || (is_continuation(c) && e - 1 > covered_ && is_cyrillic_lead(t_.data[e - 2]))) break;
    if (c == '!' || c == '?' || c == '\n') return 0;
    --e;
  }
  if (is_digit(t_.data[e - 1]) || !name_cue_keys::get().may_hold(back_key(t_.data, e, covered_))) return 0;
  return name_after_cue_before(k, b);
}

// Out of line natively: most words never get here (the widget's core reads on in name_after_lowercase_cue).
__attribute__((noinline)) std::size_t detector::name_after_cue_before(std::size_t k, std::size_t b) {
  std::size_t cue_start = 0, cue_end = 0;
  lex cue = lex::none;
  // The word right before: a cue (the one the walk below would find first), or "is"/"это", after which
  // the walk goes on; nothing else can stand between a cue and a name.
  bool link = false;
  for_each_word_back(t_, b, covered_, 1, [&](const back_word& w) {
    if (is_name_cue(w.meaning)) {
      cue = w.meaning;
      cue_start = w.start;
      cue_end = w.end;
    } else {  // rare: the cue keys let through about one word in a hundred
      lower_word lw;
      lowercase(t_, w.start, w.end, lw);
      link = is_cue_link(lw.view());
    }
    return false;
  });
  if (cue != lex::none) return name_after_cue(k, cue_start, cue_end, cue);
  if (!link) return 0;
#else
  std::size_t cue_start = 0, cue_end = 0;
  lex cue = lex::none;
#endif
  // Line breaks are allowed between the cue and the name ("Best regards,\nJohn"); the reader stops at them,
  // so the gap is skipped here first.
  const std::size_t from = b;
  for_each_word_back(t_, from, covered_, 3, [&](const back_word& w) {
    if (w.letters == 0) return false;
    if (is_name_cue(w.meaning)) {
      cue = w.meaning;
      cue_start = w.start;
      cue_end = w.end;
      return false;
    }
    return true;
  });
  return cue == lex::none ? 0 : name_after_cue(k, cue_start, cue_end, cue);
}

std::size_t detector::name_after_cue(std::size_t k, std::size_t cue_start, std::size_t cue_end, lex cue) {
  lower_word cue_word;
  lowercase(t_, cue_start, cue_end, cue_word);
  const std::string_view cw = cue_word.view();
  const bool any_case = cw == "фио" || cw.substr(0, 10) == "фамил";  // "фамил" is 10 bytes in UTF-8
  const bool i_am = cue == lex::cue_i_am;
  if (cw == "am") {  // "I am John Smith": only after "I"
    bool number = false;
    const text_word i_word = word_before(t_, cue_start, covered_, number);
    if (number || i_word.letters != 1 || t_.data[i_word.start] != 'I' || skip_spaces(t_, i_word.end) != cue_start) return 0;
  }

  // Skip what stands between the cue and the name: spaces, ":", "-", "—", ",", "." and "is"/"это"/"—".
  std::size_t i = cue_end;
  for (int guard = 0; guard < 8 && i < t_.size; ++guard) {
    const byte c = t_.data[i];
    if (c == ' ' || c == ':' || c == '-' || c == ',' || c == '.' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (space_length(t_, i) != 0) {
      i += space_length(t_, i);
    } else if (c == 0xE2 && t_.at(i + 1) == 0x80 && (t_.at(i + 2) == 0x94 || t_.at(i + 2) == 0x93)) {
      i += 3;  // — –
    } else {
      const text_word w = word_at(t_, i);
      lower_word lw;
      lowercase(t_, w.start, w.end, lw);
      if (!w.empty() && is_cue_link(lw.view())) {
        i = w.end;
      } else {
        break;
      }
    }
  }

  std::size_t first = 0, last = 0;
  unsigned words = 0;
  while (words < 3) {
    const text_word w = word_at(t_, i);
    if (w.empty()) break;
    const bool initial_letter = w.letters == 1 && w.cap && t_.at(w.end) == '.';
    const lex meaning = initial_letter ? lex::none : meaning_of(t_, w.start, w.end);
    if (meaning != lex::none && meaning != lex::first_name) break;
    if (!(w.cap || any_case || meaning == lex::first_name)) {
      lower_word lw;
      lowercase(t_, w.start, w.end, lw);
      if (!w.cyrillic || !is_patronymic(lw, w.letters)) break;  // "иван петрович" after a cue
    }
    if (words == 0) first = w.start;
    ++words;
    if (w.letters == 1 && t_.at(w.end) == '.') {  // an initial
      last = w.end + 1;
      const std::size_t next = skip_spaces(t_, last);
      if (next - last > 2) break;
      i = next;
      continue;
    }
    last = w.end;
    const std::size_t next = skip_spaces(t_, last);
    if (next == last || next - last > 2) break;
    i = next;
  }
  if (words == 0 || (i_am && words < 2) || first < covered_ || first < tokens_[k].start) return 0;
  add(pii_type::person, first, last);
  return skip_to(last, k + 1);
}

}  // namespace otklik::detail
