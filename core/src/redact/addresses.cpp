// Postal addresses: a street word (ул., улица, проспект, пер., Street, Ave...) with a street name and a
// house number, extended by building and flat (корп., стр., кв., Apt), and to the left by the city, region
// and postcode written before it. A city or a street named without a house number stays.
#include <string_view>

#include "detector.hpp"
#include "words.hpp"

namespace otklik::detail {

namespace {

// A house or flat number at `i`: digits, then an optional letter (15а), "/2", "к2" or "с1"; its end, or 0.
std::size_t house_number(const text_view& t, std::size_t i) noexcept {
  if (!is_digit(t.at(i))) return 0;
  std::size_t e = i;
  while (e < t.size && is_digit(t.data[e]) && e - i < 5) ++e;
  if (is_digit(t.at(e))) return 0;
  if (t.at(e) == '/' && is_digit(t.at(e + 1))) {
    e += 1;
    while (e < t.size && is_digit(t.data[e])) ++e;
  }
  const unsigned l = letter_length(t, e);
  if (l != 0 && letter_length(t, e + l) == 0) {
    const std::size_t after = e + l;
    if (is_digit(t.at(after))) {  // 15к2, 15с1
      e = after;
      while (e < t.size && is_digit(t.data[e])) ++e;
    } else {
      e = after;  // 15а, 221B
    }
  }
  return e;
}

// Whether a capitalised word ends like an adjective (Тверская, Ленинский, Невский): a street named before its type.
bool adjective_street_name(const text_view& t, const text_word& w) noexcept {
  if (!w.cap || !w.cyrillic || w.letters < 4) return false;
  lower_word lw;
  lowercase(t, w.start, w.end, lw);
  for (std::string_view s : {"ая", "ий", "ый", "ой", "ое", "ей", "ом", "ого", "ому", "ую", "им"}) {
    if (lw.ends_with(s)) return true;
  }
  return false;
}

// Skips spaces and at most one comma (", ").
std::size_t skip_comma(const text_view& t, std::size_t i) noexcept {
  i = skip_spaces(t, i);
  if (t.at(i) == ',') i = skip_spaces(t, i + 1);
  return i;
}

// Reads a cue word of the given kinds at `i` ("д.", "кв", "корп."), returning the position after it and
// its dot and spaces, or 0.
std::size_t cue_word(const text_view& t, std::size_t i, lex a, lex b = lex::none) noexcept {
  const text_word w = word_at(t, i);
  if (w.empty()) return 0;
  const lex m = meaning_of(t, w.start, w.end);
  if (m != a && (b == lex::none || m != b)) return 0;
  std::size_t e = w.end;
  if (t.at(e) == '.') ++e;
  return skip_spaces(t, e);
}

// Building and flat parts after a house number: ", корп. 2", " стр. 1", ", кв. 12", "-27".
std::size_t building_and_flat(const text_view& t, std::size_t end) noexcept {
  for (int part = 0; part < 3; ++part) {
    if (t.at(end) == '-' && is_digit(t.at(end + 1))) {
      end = house_number(t, end + 1);
      continue;
    }
    const std::size_t i = skip_comma(t, end);
    const std::size_t n = cue_word(t, i, lex::building, lex::flat);
    if (n == 0) break;
    const std::size_t e = house_number(t, n);
    if (e == 0) break;
    end = e;
  }
  return end;
}

// A UK postcode at `i` (SW1A 1AA, M1 1AE); its end, or 0.
std::size_t uk_postcode(const text_view& t, std::size_t i) noexcept {
  std::size_t e = i, letters = 0;
  while (is_ascii_upper(t.at(e)) && letters < 2) ++e, ++letters;
  if (letters == 0 || !is_digit(t.at(e))) return 0;
  ++e;
  if (is_digit(t.at(e)) || is_ascii_upper(t.at(e))) ++e;
  if (t.at(e) != ' ') return 0;
  ++e;
  if (!is_digit(t.at(e)) || !is_ascii_upper(t.at(e + 1)) || !is_ascii_upper(t.at(e + 2)) || is_ascii_alnum(t.at(e + 3)))
    return 0;
  return e + 3;
}

// A US state and ZIP code at `i` ("IL 62704", "NY 10001-1234"); its end, or 0.
std::size_t state_and_zip(const text_view& t, std::size_t i) noexcept {
  if (!is_ascii_upper(t.at(i)) || !is_ascii_upper(t.at(i + 1)) || t.at(i + 2) != ' ') return 0;
  std::size_t e = i + 3;
  for (int k = 0; k < 5; ++k, ++e) {
    if (!is_digit(t.at(e))) return 0;
  }
  if (t.at(e) == '-' && is_digit(t.at(e + 1))) {
    e += 1;
    while (is_digit(t.at(e))) ++e;
  }
  return is_ascii_alnum(t.at(e)) ? 0 : e;
}

}  // namespace

std::size_t detector::address_prefix(std::size_t start) const noexcept {
  std::size_t s = start;
  lex accepted = lex::none;
  for (int steps = 0; steps < 8; ++steps) {
    bool number = false;
    const text_word w = word_before(t_, s, covered_, number);
    if (w.empty() || s - w.end > 4) break;
    bool gap_ok = true;
    for (std::size_t i = w.end; i < s; ++i) {
      const byte c = t_.data[i];
      gap_ok = gap_ok && (c == ' ' || c == ',' || c == '.' || c == 0xC2 || c == 0xA0);
    }
    if (!gap_ok) break;
    bool take = false;
    lex m = lex::none;
    if (number) {
      take = w.end - w.start == 6;  // a postcode
    } else {
      m = meaning_of(t_, w.start, w.end);
      bool after_prefix = false;
      if (w.cap && m == lex::none) {
        bool n2 = false;
        const text_word before = word_before(t_, w.start, covered_, n2);
        const lex b = n2 || before.empty() ? lex::none : meaning_of(t_, before.start, before.end);
        after_prefix = (b == lex::city_prefix || b == lex::region) && w.start - before.end <= 3;
      }
      take = m == lex::city_prefix || m == lex::region || m == lex::city ||
             (w.cap && m == lex::none && (accepted == lex::region || after_prefix));
    }
    if (!take) break;
    s = w.start;
    accepted = m;
  }
  return s;
}

std::size_t detector::address(std::size_t k, const context& ctx) {
  const bool abbreviation = ctx.street_kind == lex::street_abbr;
  std::size_t first = ctx.street;
  std::size_t i = ctx.street_end;
  if (abbreviation && t_.at(i) == '.') ++i;  // after a full word a dot ends the sentence
  i = skip_spaces(t_, i);
  bool named = false;
  // The name before the type: Тверская улица, Ленинский пр-т.
  {
    bool number = false;
    const text_word before = word_before(t_, ctx.street, covered_, number);
    if (!number && !before.empty() && ctx.street - before.end <= 2 && skip_spaces(t_, before.end) == ctx.street &&
        adjective_street_name(t_, before)) {
      first = before.start;
      named = true;
    }
  }
  // The name after the type: up to four words or numbered words (8 Марта, 1-я Парковая, Ленина).
  if (!named) {
    for (int items = 0; items < 4; ++items) {
      const text_word w = word_at(t_, i);
      std::size_t end = 0;
      if (!w.empty()) {
        const lex m = meaning_of(t_, w.start, w.end);
        if (m == lex::house || m == lex::building || m == lex::flat) break;
        if (!w.cap && !(abbreviation && items > 0)) break;  // street names are capitalised
        end = w.end;
      } else if (is_digit(t_.at(i))) {
        std::size_t e = i;
        while (is_digit(t_.at(e))) ++e;
        if (t_.at(e) == '-' && letter_length(t_, e + 1) != 0) {
          end = word_at(t_, e + 1).end;  // 1-я, 2-й
        } else {
          const std::size_t s = skip_spaces(t_, e);
          const text_word next = word_at(t_, s);
          if (s == e || next.empty() || !next.cap) break;  // a number not followed by a name is the house
          end = e;
        }
      } else {
        break;
      }
      named = true;
      i = end;
      const std::size_t s = skip_spaces(t_, i);
      if (s == i || t_.at(s) == ',') break;
      if (is_digit(t_.at(s)) && house_number(t_, s) != 0) {
        const std::size_t h = house_number(t_, s);
        const std::size_t after = skip_spaces(t_, h);
        if (!is_upper_letter_at(t_, after) || after == h) break;  // "Ленина 5": the house
      }
      i = s;
    }
    if (!named) return 0;
  } else {
    i = ctx.street_end;
    if (abbreviation && t_.at(i) == '.') ++i;
  }
  // The house: ", д. 5", " дом 5", " 5".
  std::size_t h = skip_comma(t_, i);
  if (const std::size_t after_cue = cue_word(t_, h, lex::house)) h = after_cue;
  std::size_t end = house_number(t_, h);
  if (end == 0 || end <= tokens_[k].start) return 0;
  end = building_and_flat(t_, end);
  add(pii_type::address, address_prefix(first), end);
  return skip_to(end, k);
}

std::size_t detector::house_and_flat(std::size_t k, const context& ctx) {
  std::size_t i = ctx.house_end;
  if (t_.at(i) == '.') ++i;
  i = skip_spaces(t_, i);
  if (i != tokens_[k].start) return 0;
  const std::size_t house = house_number(t_, i);
  if (house == 0) return 0;
  const std::size_t end = building_and_flat(t_, house);
  // Without a street only a house with its flat is an address ("д. 5, кв. 12").
  const std::size_t flat = cue_word(t_, skip_comma(t_, house), lex::flat);
  if (end == house || flat == 0) return 0;
  add(pii_type::address, address_prefix(ctx.house), end);
  return skip_to(end, k);
}

std::size_t detector::address_en(std::size_t k) {
  // The house number, capitalised name words, a street type: 221B Baker Street, 12 Main St.
  const token& number = tokens_[k];
  if (number.group_count != 1 || number.length() > 5 || number.has(flag_plus | flag_paren)) return 0;
  const std::size_t house_end = house_number(t_, number.start);
  if (house_end == 0) return 0;
  std::size_t p = skip_spaces(t_, house_end);
  if (p == house_end || p - house_end > 2) return 0;
  if (!is_ascii_upper(t_.at(p))) return 0;  // the first name word's test below, before reading the word
  std::size_t end = 0;
  for (int names = 0; names <= 3; ++names) {
    const text_word w = word_at(t_, p);
    if (w.empty() || !w.cap || w.cyrillic || !is_ascii_upper(t_.data[w.start])) return 0;
    if (names > 0 && meaning_of(t_, w.start, w.end) == lex::street_en) {
      end = w.end;
      break;
    }
    const std::size_t s = skip_spaces(t_, w.end);
    if (s == w.end || s - w.end > 2) return 0;
    p = s;
  }
  if (end == 0) return 0;
  std::size_t start = number.start;
  // "Flat 3, 12 High Street", "Apt 4B, ..." before the number.
  {
    std::size_t s = start;
    while (s > covered_ && (t_.data[s - 1] == ' ' || t_.data[s - 1] == ',')) --s;
    std::size_t f = s;
    while (f > covered_ && (is_ascii_alnum(t_.data[f - 1]))) --f;
    if (f < s && is_digit(t_.data[f]) && s - f <= 4) {
      bool n2 = false;
      const text_word flat = word_before(t_, f, covered_, n2);
      if (!n2 && !flat.empty() && f - flat.end <= 2 && meaning_of(t_, flat.start, flat.end) == lex::flat) start = flat.start;
    }
  }

  for (int part = 0; part < 4; ++part) {
    std::size_t i = end;
    if (t_.at(i) == '.') ++i;
    const bool comma = t_.at(skip_spaces(t_, i)) == ',';
    i = skip_comma(t_, i);
    if (const std::size_t flat = cue_word(t_, i, lex::flat)) {  // Apt 4B, Suite 200
      const std::size_t e = house_number(t_, flat);
      if (e == 0) break;
      end = e;
      continue;
    }
    if (t_.at(i) == '#' && house_number(t_, i + 1) != 0) {
      end = house_number(t_, i + 1);
      continue;
    }
    if (const std::size_t e = state_and_zip(t_, i)) {
      end = e;
      continue;
    }
    if (const std::size_t e = uk_postcode(t_, i)) {
      end = e;
      continue;
    }
    // A city: capitalised words followed by a state/ZIP or a postcode.
    const text_word city = word_at(t_, i);
    if (comma && !city.empty() && city.cap && !city.all_caps) {
      std::size_t e = city.end;
      const text_word second = word_at(t_, skip_spaces(t_, e));
      if (!second.empty() && second.cap && second.letters >= 2 && !second.all_caps && skip_spaces(t_, e) - e == 1 &&
          !is_digit(t_.at(second.end)))
        e = second.end;
      const std::size_t after = skip_comma(t_, e);
      if (state_and_zip(t_, after) != 0 || uk_postcode(t_, after) != 0 ||
          meaning_of(t_, city.start, city.end) == lex::city) {
        end = e;
        continue;
      }
    }
    break;
  }
  add(pii_type::address, start, end);
  return skip_to(end, k + 1);
}

}  // namespace otklik::detail
