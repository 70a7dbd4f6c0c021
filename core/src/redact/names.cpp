// Person names: Russian full names with a patronymic in any grammatical case (Иванов Иван Иванович,
// Ивановой Марии Петровны), a first name with a patronymic, a surname with initials (Иванов И.И.,
// И. И. Иванов), a known first name with a surname, and any name after a cue (меня зовут, ФИО, my name is,
// Mr., regards). Patronymics and surnames are recognised by their suffixes, not from lists.
#include <string_view>

#include "detector.hpp"

namespace otklik::detail {

namespace {

bool ends_with_any(const lower_word& w, std::initializer_list<std::string_view> suffixes) noexcept {
  for (std::string_view s : suffixes) {
    if (w.ends_with(s)) return true;
  }
  return false;
}

}  // namespace

bool is_patronymic(const lower_word& w, unsigned letters) noexcept {
  if (letters < 5) return false;
  // -ович/-евич and -ич after ь, м, к, т (Ильич, Кузьмич, Лукич, Никитич), in every case; -овна/-евна/-ична.
  return ends_with_any(w, {"вич", "вича", "вичу", "вичем", "виче", "ьич", "ьича", "ьичу", "ьичом", "ьиче", "мич",
                           "мича", "мичу", "мичом", "миче", "кич", "кича", "кичу", "кичом", "киче", "тич", "тича",
                           "тичу", "тичем", "тиче", "вна", "вны", "вне", "вну", "вной", "вною", "ична", "ичны",
                           "ичне", "ичну", "ичной", "ичною"});
}

bool is_surname_like(const lower_word& w, unsigned letters, bool strong) noexcept {
  if (letters < 3) return false;
  if (ends_with_any(w, {"ов", "ова", "ову", "овым", "ове", "овой", "овы", "ев", "ева", "еву", "евым", "еве",
                        "евой", "ёв", "ёва", "ёву", "ёвым", "ёве", "ёвой", "ин", "ина", "ину", "иным", "ине", "иной",
                        "ын", "ына", "ыну", "ыным", "ыне", "ыной", "ский", "ская", "ского", "скому", "ским", "ском",
                        "ской", "скую", "цкий", "цкая", "цкого", "цкому", "цким", "цком", "цкой", "цкую", "енко",
                        "дзе", "швили", "ян", "яна", "яну", "яном", "яне", "ук", "ука", "уку", "уком", "уке", "юк",
                        "юка", "юку", "юком", "юке"}))
    return true;
  return !strong && letters >= 4 && ends_with_any(w, {"их", "ых", "ич", "ича", "ичу", "ичем", "иче", "ман", "мана"});
}

bool detector::name_word(std::size_t k) const noexcept {
  const token& tok = tokens_[k];
  if (tok.kind != token_kind::word || !tok.has(flag_cap) || !tok.has(flag_cyrillic) || tok.letters < 2) return false;
  if (tok.meaning != lex::none && tok.meaning != lex::first_name) return false;
  return !tok.has(flag_all_caps) || surname(k, true) || patronymic(k);
}

bool detector::patronymic(std::size_t k) const noexcept {
  const token& tok = tokens_[k];
  if (tok.kind != token_kind::word || !tok.has(flag_cyrillic)) return false;
  lower_word w;
  lowercase(t_, tok.start, tok.end, w);
  return is_patronymic(w, tok.letters);
}

bool detector::surname(std::size_t k, bool strong) const noexcept {
  const token& tok = tokens_[k];
  if (tok.kind != token_kind::word || !tok.has(flag_cyrillic) || tok.meaning == lex::city) return false;
  lower_word w;
  lowercase(t_, tok.start, tok.end, w);
  return is_surname_like(w, tok.letters, strong);
}

bool detector::initial(std::size_t k) const noexcept {
  const token& tok = tokens_[k];
  return tok.kind == token_kind::word && tok.letters == 1 && tok.has(flag_cap) && tok.has(flag_dot_after) &&
         tok.length() <= 2;
}

std::size_t detector::name(std::size_t k) {
  const std::size_t n = tokens_.size();
  const token& a = tokens_[k];
  if (a.kind != token_kind::word) return 0;
  auto word = [&](std::size_t x) { return x < n && tokens_[x].kind == token_kind::word && free(x); };
  // Between initials and around them: "." and at most two spaces.
  auto after_dot = [&](std::size_t x, std::size_t y) {
    if (y >= n || tokens_[y].index != tokens_[x].index + 1 || t_.at(tokens_[x].end) != '.') return false;
    const std::size_t s = tokens_[x].end + 1;
    return tokens_[y].start >= s && tokens_[y].start - s <= 2 && skip_spaces(t_, s) == tokens_[y].start;
  };
  auto person = [&](std::size_t from, std::size_t end, std::size_t last) {
    add(pii_type::person, tokens_[from].start, end);
    return last + 1;
  };

  // Surname first name patronymic: Иванов Иван Иванович (a sentence's first word only with a surname ending).
  if (name_word(k) && word(k + 2) && adjacent(k, k + 1) && adjacent(k + 1, k + 2) && name_word(k + 1) &&
      patronymic(k + 2) && tokens_[k + 2].has(flag_cap) && (!a.has(flag_break_before) || surname(k, true)))
    return person(k, tokens_[k + 2].end, k + 2);
  // First name patronymic [surname]: Мария Петровна, Ивану Ивановичу Петрову.
  if ((name_word(k) || a.meaning == lex::first_name) && word(k + 1) && adjacent(k, k + 1) && patronymic(k + 1) &&
      (tokens_[k + 1].has(flag_cap) || a.meaning == lex::first_name) && !a.has(flag_all_caps)) {
    std::size_t last = k + 1;
    if (word(k + 2) && adjacent(k + 1, k + 2) && name_word(k + 2)) last = k + 2;
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
    if (last == k + 2 || surname(k, false)) return person(k, tokens_[last].end + 1, last);
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
      surname(k + 1, true))
    return person(k, tokens_[k + 1].end, k + 1);
  if (name_word(k) && a.meaning == lex::none && surname(k, true) && word(k + 1) && adjacent(k, k + 1) &&
      tokens_[k + 1].meaning == lex::first_name && name_word(k + 1))
    return person(k, tokens_[k + 1].end, k + 1);
  return 0;
}

std::size_t detector::name_after_cue(std::size_t k) {
  const token& cue = tokens_[k];
  lower_word cue_word;
  lowercase(t_, cue.start, cue.end, cue_word);
  const std::string_view cw = cue_word.view();
  const bool any_case = cw == "фио" || cw.substr(0, 10) == "фамил";  // "фамил" is 10 bytes in UTF-8
  const bool i_am = cue.meaning == lex::cue_i_am;
  if (cw == "am") {  // "I am John Smith": only after "I"
    if (k == 0 || !adjacent(k - 1, k) || tokens_[k - 1].length() != 1 || t_.data[tokens_[k - 1].start] != 'I') return 0;
  }

  // Skip what stands between the cue and the name: spaces, ":", "-", "—", ",", "." and "is"/"это"/"—".
  std::size_t i = cue.end;
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
      if (!w.empty() && (lw.view() == "is" || lw.view() == "это")) {
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
    const lex meaning = meaning_of(t_, w.start, w.end);
    if (meaning != lex::none && meaning != lex::first_name) break;
    if (!(w.cap || any_case || meaning == lex::first_name)) break;
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
  if (words == 0 || (i_am && words < 2)) return 0;
  add(pii_type::person, first, last);
  return skip_to(last, k + 1);
}

}  // namespace otklik::detail
