// Dates, times and IPv4 addresses inside digit chains, dates written with a month name, and dates of
// birth: a date (or a year) is personal only after a birth cue word (дата рождения, д.р., родился, born,
// DOB) or before "г.р." / "года рождения"; every other date, time or duration stays.
#include <string_view>

#include "detector.hpp"

namespace otklik::detail {

namespace {

unsigned number(const text_view& t, const group& g) noexcept {
  unsigned v = 0;
  for (std::size_t i = g.start; i < g.end && i < g.start + 5; ++i) v = v * 10 + (t.data[i] - '0');
  return v;
}

bool plausible_year(unsigned y, std::size_t len) noexcept { return len == 2 || (y >= 1900 && y <= 2099); }

// Whether the text at `i` starts with `word` (lowercase UTF-8), folding the text's case.
bool starts_with_lower(const text_view& t, std::size_t i, std::string_view word) noexcept {
  if (i + word.size() > t.size) return false;
  byte folded[4];
  for (std::size_t k = 0; k < word.size();) {
    const unsigned n = letter_length(t, i + k);
    if (n == 0) {
      if (t.data[i + k] != static_cast<byte>(word[k])) return false;
      ++k;
      continue;
    }
    fold_letter(t.data + i + k, n, folded);
    for (unsigned b = 0; b < n; ++b) {
      if (k + b >= word.size() || folded[b] != static_cast<byte>(word[k + b])) return false;
    }
    k += n;
  }
  return true;
}

}  // namespace

bool detector::birth_marker_after(std::size_t end) const noexcept {
  std::size_t i = skip_spaces(t_, end);
  if (starts_with_lower(t_, i, "г")) {
    i += 2;
    if (t_.at(i) == '.') ++i;
    i = skip_spaces(t_, i);
    if (starts_with_lower(t_, i, "р") && letter_length(t_, i + 2) == 0) return true;                 // г.р.
    if (starts_with_lower(t_, i, "рожд")) return true;                                                 // г. рождения
    if (starts_with_lower(t_, i, "ода")) return starts_with_lower(t_, skip_spaces(t_, i + 6), "рожд");  // года рождения
  }
  return false;
}

std::size_t detector::date_in_chain(std::size_t k, std::size_t j, chain_context& chain_ctx) {
  const token& tok = tokens_[k];
  const group* g = &groups_[tok.first_group];
  const std::size_t m = tok.group_count;
  auto len = [&](std::size_t x) { return static_cast<std::size_t>(g[x].end - g[x].start); };
  auto one = [&](std::size_t x, std::uint8_t kinds) { return (g[x].sep & ~kinds) == 0 && g[x].sep != 0 && g[x].sep_len == 1; };
  const auto cue = [&] { return cue_of(chain_ctx).cue; };  // read only when a date's shape matched
  auto personal = [&](std::size_t end) { return cue() == lex::cue_dob || birth_marker_after(end); };
  auto date = [&](std::size_t from, std::size_t groups) {
    const std::size_t s = from == 0 ? tok.start : g[from].start;
    const std::size_t e = g[from + groups - 1].end;
    if (personal(e)) add(pii_type::date_of_birth, s, e);
    return groups;
  };

  // IPv4: four parts of 0..255.
  if (j + 3 < m && len(j) <= 3 && len(j + 1) <= 3 && len(j + 2) <= 3 && len(j + 3) <= 3 && one(j + 1, sep_dot) &&
      one(j + 2, sep_dot) && one(j + 3, sep_dot) && number(t_, g[j]) <= 255 && number(t_, g[j + 1]) <= 255 &&
      number(t_, g[j + 2]) <= 255 && number(t_, g[j + 3]) <= 255 && (j + 4 >= m || !one(j + 4, sep_dot))) {
    if (cue() != lex::cue_version) add(pii_type::ip, j == 0 ? tok.start : g[j].start, g[j + 3].end);
    return 4;
  }
  if (j + 2 < m && g[j + 1].sep == g[j + 2].sep && one(j + 1, sep_dot | sep_slash | sep_dash)) {
    const unsigned a = number(t_, g[j]), b = number(t_, g[j + 1]), y = number(t_, g[j + 2]);
    // 12.03.1985, 12/03/85, 03/12/1985 (month first), 1985-03-12
    if (len(j) <= 2 && len(j + 1) <= 2 && (len(j + 2) == 4 || len(j + 2) == 2) && plausible_year(y, len(j + 2)) &&
        a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31)))
      return date(j, 3);
    if (len(j) == 4 && len(j + 1) == 2 && len(j + 2) == 2 && plausible_year(a, 4) && b >= 1 && b <= 12 && y >= 1 && y <= 31)
      return date(j, 3);
  }
  // 12.03 (day and month), times 10:30 and 10:30:15: never personal on their own.
  if (j + 1 < m && len(j) <= 2 && len(j + 1) == 2) {
    if (one(j + 1, sep_colon)) {
      return j + 2 < m && one(j + 2, sep_colon) && len(j + 2) == 2 ? 3 : 2;
    }
    if (one(j + 1, sep_dot) && number(t_, g[j]) >= 1 && number(t_, g[j]) <= 31 && number(t_, g[j + 1]) >= 1 &&
        number(t_, g[j + 1]) <= 12 && (j + 2 >= m || !one(j + 2, sep_dot))) {
      if (cue() == lex::cue_dob) add(pii_type::date_of_birth, j == 0 ? tok.start : g[j].start, g[j + 1].end);
      return 2;
    }
  }
  // A year alone after a birth cue: "родился в 1985 году", "born in 1985", "1985 г.р.".
  if (len(j) == 4 && (j + 1 >= m || (g[j + 1].sep & ~sep_space) == 0)) {
    const unsigned y = number(t_, g[j]);
    if (y >= 1900 && y <= 2030 && personal(g[j].end)) {
      add(pii_type::date_of_birth, j == 0 ? tok.start : g[j].start, g[j].end);
      return 1;
    }
  }
  return 0;
}

std::size_t detector::date_with_month(std::size_t k, lex cue) {
  const std::size_t n = tokens_.size();
  // The day: one group of one or two digits, 1..31.
  auto day_chain = [&](std::size_t x) {
    if (x >= n || tokens_[x].kind != token_kind::chain || tokens_[x].group_count != 1 || tokens_[x].length() > 2 ||
        tokens_[x].has(flag_plus | flag_paren))
      return false;
    const unsigned v = number(t_, groups_[tokens_[x].first_group]);
    return v >= 1 && v <= 31;
  };
  // A year starting exactly at `at`: its end, or 0.
  auto year_at = [&](std::size_t at, std::size_t from) -> std::size_t {
    const std::size_t x = skip_to(at, from);
    if (x >= n || tokens_[x].start != at || tokens_[x].kind != token_kind::chain || tokens_[x].has(flag_plus | flag_paren))
      return 0;
    const group& first = groups_[tokens_[x].first_group];
    const unsigned v = number(t_, first);
    return first.end - first.start == 4 && v >= 1900 && v <= 2099 ? first.end : 0;
  };
  std::size_t start = 0, end = 0;
  if (tokens_[k].kind == token_kind::chain) {  // 12 марта [1985], 12 March 1985
    if (!day_chain(k)) return 0;
    const std::size_t m = skip_spaces(t_, tokens_[k].end);
    const text_word month = word_at(t_, m);
    if (m == tokens_[k].end || month.empty() || meaning_of(t_, month.start, month.end) != lex::month) return 0;
    start = tokens_[k].start;
    end = month.end;
    const std::size_t y = skip_spaces(t_, month.end);
    if (y > month.end) {
      if (const std::size_t year_end = year_at(y, k + 1)) end = year_end;
    }
  } else {  // March 12, 1985
    if (!day_chain(k + 1) || !adjacent(k, k + 1)) return 0;
    start = tokens_[k].start;
    end = tokens_[k + 1].end;
    std::size_t y = end;
    if (t_.at(y) == ',') ++y;
    y = skip_spaces(t_, y);
    if (y > end) {
      if (const std::size_t year_end = year_at(y, k + 2)) end = year_end;
    }
  }
  if (cue == lex::cue_dob || birth_marker_after(end)) add(pii_type::date_of_birth, start, end);
  return skip_to(end, k + 1);
}

}  // namespace otklik::detail
