// Digit chains: phones in their usual Russian and international spellings, the checksummed identifiers
// (SNILS, INN, OGRN/OGRNIP, OMS policy, bank cards), passports, and what must stay (dates, times,
// amounts, application numbers). A number of an identifier's length that fails its checksum stays unless
// a cue word before it says what it is.
#include "checksums.hpp"
#include "detector.hpp"

namespace otklik::detail {

namespace {

// Words read back from a number for its street ("ул. 1-я Парковая, д. ..."); for its cue: detector::cue_window.
constexpr unsigned street_window = 6;

constexpr std::uint8_t phone_separators = sep_space | sep_dash | sep_lparen | sep_rparen;
constexpr std::uint8_t id_separators = sep_space | sep_dash;

// A view of one chain's groups.
struct chain_groups {
  const text_view& t;
  const group* g;
  std::size_t count;
  [[nodiscard]] std::size_t len(std::size_t x) const noexcept { return g[x].end - g[x].start; }
  [[nodiscard]] byte digit(std::size_t x, std::size_t i = 0) const noexcept { return t.data[g[x].start + i]; }
  // Whether the gap before group x is one separator of `allowed` (or up to two for phones: ") ", " (").
  [[nodiscard]] bool gap(std::size_t x, std::uint8_t allowed, unsigned max_len = 1) const noexcept {
    return g[x].sep != 0 && (g[x].sep & ~allowed) == 0 && g[x].sep_len <= max_len;
  }
  // Groups from `j` whose digits add up to exactly `target` with phone separators between them, or 0.
  [[nodiscard]] std::size_t run_to(std::size_t j, std::size_t target, std::uint8_t allowed, unsigned max_len) const noexcept {
    std::size_t total = 0;
    for (std::size_t x = j; x < count; ++x) {
      if (x > j && !gap(x, allowed, max_len)) return 0;
      total += len(x);
      if (total == target) return x - j + 1;
      if (total > target) return 0;
    }
    return 0;
  }
  // Whether group x stands alone (only spaces, or nothing, around it inside the chain).
  [[nodiscard]] bool alone(std::size_t x) const noexcept {
    const bool before = x == 0 || (g[x].sep & ~sep_space) == 0;
    const bool after = x + 1 >= count || (g[x + 1].sep & ~sep_space) == 0;
    return before && after;
  }
};

bool is_card_prefix(byte first) noexcept { return first >= '2' && first <= '6'; }

}  // namespace

std::size_t detector::digits(std::size_t k, std::size_t j, std::size_t count, std::uint8_t* out) const noexcept {
  const token& tok = tokens_[k];
  std::size_t n = 0;
  for (std::size_t x = j; x < j + count && x < tok.group_count; ++x) {
    const group& gr = groups_[tok.first_group + x];
    for (std::size_t i = gr.start; i < gr.end && n < 24; ++i) out[n++] = static_cast<std::uint8_t>(t_.data[i] - '0');
  }
  return n;
}

std::size_t detector::chain(std::size_t k) {
  const token& tok = tokens_[k];
  // The words before the number: a cue word, or the street and house words of an address. Times
  // (10:30) and numbers with '+' (phones) mean the same whatever stands before them.
  const group& g0 = groups_[tok.first_group];
  const bool context_free = tok.has(flag_plus) || (tok.group_count >= 2 && groups_[tok.first_group + 1].sep == sep_colon &&
                                                   g0.end - g0.start <= 2);
  // Only a number of up to five digits, alone or as 15/2 or 15-27, can be a house: only then the street.
  const bool house_like = g0.end - g0.start <= 5 && !tok.has(flag_paren) &&
                          (tok.group_count == 1 || (groups_[tok.first_group + 1].sep & (sep_slash | sep_dash)) != 0);
  // A house-like number reads its street (and cue) words at once; any other looks back for its cue only
  // when a rule asks (chain_context).
  chain_context chain_ctx{context{}, context_free, tok.start, covered_};
#if defined(OTKLIK_WASM_SIZE_FIRST)  // the widget's core: every number looks back at once (less code)
  if (!context_free) {
    chain_ctx.ctx = look_back(tok.start, cue_window, house_like ? street_window : 0);
    chain_ctx.known = true;
  }
#else
  if (house_like && !context_free) {
    chain_ctx.ctx = look_back(tok.start, cue_window, street_window);
    chain_ctx.known = true;
  }
#endif
  const context& ctx = chain_ctx.ctx;
  if (ctx.has_street()) {
    if (const std::size_t next = address(k, ctx)) return next;
  }
  if (ctx.has_house) {
    if (const std::size_t next = house_and_flat(k, ctx)) return next;
  }
  if (const std::size_t next = address_en(k)) return next;
  // A day before a month is one group of one or two digits: house-like, so its cue is known here.
  if (const std::size_t next = date_with_month(k, ctx.cue)) return next;
  std::size_t next_token = k + 1;
  for (std::size_t j = 0; j < tok.group_count && free(k);) {
    const std::size_t used = chain_match(k, j, chain_ctx, next_token);
    j += used != 0 ? used : 1;
  }
  return next_token;
}


std::size_t detector::chain_match(std::size_t k, std::size_t j, chain_context& chain_ctx, std::size_t& next_token) {
  const token& tok = tokens_[k];
  // The cue word before the number, looked up only where a rule needs it (shapes are tested first).
  const auto cue = [&] { return cue_of(chain_ctx).cue; };
  const chain_groups c{t_, &groups_[tok.first_group], tok.group_count};
  const std::size_t m = c.count;
  // A match at group x starts at its first digit; at group 0 it includes a leading '+' or '('.
  auto start_of = [&](std::size_t x) -> std::size_t {
    if (x == 0) return tok.start;
    const std::size_t s = c.g[x].start;
    return (c.g[x].sep & sep_lparen) && t_.data[s - 1] == '(' ? s - 1 : s;
  };
  auto end_of = [&](std::size_t x) -> std::size_t { return c.g[x].end; };
  auto found = [&](pii_type type, std::size_t from, std::size_t groups) {
    add(type, start_of(from), end_of(from + groups - 1));
    return groups;
  };
  std::uint8_t d[24];

  // Dates, times and IPv4 addresses come first: their parts must never be read as anything else.
  if (const std::size_t used = date_in_chain(k, j, chain_ctx)) return used;

  // International and Russian numbers with a '+'.
  if (j == 0 && tok.has(flag_plus)) {
    if (c.digit(0) == '7') {
      if (const std::size_t n = c.run_to(0, 11, phone_separators, 2)) return found(pii_type::phone, 0, n);
    } else {
      std::size_t total = 0, best = 0;
      for (std::size_t x = 0; x < m; ++x) {
        if (x > 0 && !c.gap(x, phone_separators, 2)) break;
        total += c.len(x);
        if (total > 15) break;  // E.164: at most 15 digits
        if (total >= 8) best = x + 1;
      }
      if (best != 0) return found(pii_type::phone, 0, best);
    }
  }

  // SNILS in its printed form 123-456-789 01.
  if (j + 3 < m && c.len(j) == 3 && c.len(j + 1) == 3 && c.len(j + 2) == 3 && c.len(j + 3) == 2 &&
      c.gap(j + 1, id_separators) && c.gap(j + 2, id_separators) && c.gap(j + 3, id_separators)) {
    static_cast<void>(digits(k, j, 4, d));
    if (snils_valid(d) || cue() == lex::cue_snils) return found(pii_type::snils, j, 4);
  }

  // Cards (and the OMS policy) in groups: 4-4-4-4, 4-4-4-4-3, 4-4-4-1, 4-6-5, 4-6-4.
  if (c.len(j) == 4 && j + 2 < m && c.gap(j + 1, id_separators)) {
    const std::uint8_t sep = c.g[j + 1].sep;
    std::size_t candidates[5], found_count = 0, total = 4;
    for (std::size_t x = j + 1; x < m && c.g[x].sep == sep && c.g[x].sep_len == 1 && found_count < 4; ++x) {
      const std::size_t l = c.len(x);
      if (l > 4 || (total += l) > 19) break;
      if (total >= 13) candidates[found_count++] = x - j + 1;
      if (l < 4) break;
    }
    if (c.len(j + 1) == 6 && c.g[j + 2].sep == sep && c.g[j + 2].sep_len == 1 && (c.len(j + 2) == 5 || c.len(j + 2) == 4))
      candidates[found_count++] = 3;
    std::size_t luhn_groups = 0, cue_groups = 0;
    for (std::size_t i = 0; i < found_count; ++i) {
      const std::size_t n = digits(k, j, candidates[i], d);
      if (luhn_valid(d, n) && candidates[i] > luhn_groups) luhn_groups = candidates[i];
      if (n == 16 || cue_groups == 0) cue_groups = candidates[i];
    }
    if (luhn_groups != 0) return found(cue() == lex::cue_oms ? pii_type::oms : pii_type::card, j, luhn_groups);
    if (cue_groups != 0 && cue() == lex::cue_card) return found(pii_type::card, j, cue_groups);
    if (cue_groups != 0 && cue() == lex::cue_oms) return found(pii_type::oms, j, cue_groups);
  }

  // Passports: "45 10 123456" by its shape; "4510 123456", "4510123456", foreign "75 1234567" after a cue.
  if (j + 2 < m && c.len(j) == 2 && c.len(j + 1) == 2 && c.len(j + 2) == 6 && c.gap(j + 1, sep_space) &&
      c.gap(j + 2, sep_space))
    return found(pii_type::passport, j, 3);
  if (j + 1 < m && c.gap(j + 1, id_separators | sep_slash) &&
      ((c.len(j) == 4 && c.len(j + 1) == 6) || (c.len(j) == 2 && c.len(j + 1) == 7)) && cue() == lex::cue_passport)
    return found(pii_type::passport, j, 2);

  // Russian phones without '+': 8 916 123-45-67, 8 (916) 123 45 67, 8-916-1234567, 8916 123 45 67.
  const byte first = c.digit(j);
  if ((first == '8' || first == '7') && (c.len(j) == 1 || c.len(j) == 4)) {
    if (const std::size_t n = c.run_to(j, 11, phone_separators, 2)) {
      if (n >= 2 && (c.len(j) == 4 || c.len(j + 1) == 3 || c.len(j + 1) == 10)) return found(pii_type::phone, j, n);
    }
  }
  // Ten digits in phone groups: (916) 123-45-67, 495 123 45 67.
  if (c.len(j) == 3 && (first == '3' || first == '4' || first == '8' || first == '9')) {
    const std::size_t n = c.run_to(j, 10, phone_separators, 2);
    if (n >= 2 && c.len(j + 1) >= 2 && c.len(j + n - 1) >= 2) return found(pii_type::phone, j, n);
  }
  // Seven-digit local numbers: 123-45-67 always, 123 45 67 and 123-4567 after a phone cue.
  if (c.len(j) == 3 && j + 1 < m) {
    if (j + 2 < m && c.len(j + 1) == 2 && c.len(j + 2) == 2 &&
        ((c.gap(j + 1, sep_dash) && c.gap(j + 2, sep_dash)) ||
         (c.gap(j + 1, id_separators) && c.gap(j + 2, id_separators) && cue() == lex::cue_phone)))
      return found(pii_type::phone, j, 3);
    if (c.len(j + 1) == 4 && c.gap(j + 1, id_separators) && cue() == lex::cue_phone) return found(pii_type::phone, j, 2);
  }

  // Passport series and number split by words: "серия 4510 номер 123456", "45 10 № 123456".
  if (j == 0 && ((m == 1 && c.len(0) == 4) || (m == 2 && c.len(0) == 2 && c.len(1) == 2 && c.gap(1, sep_space))) &&
      cue() == lex::cue_passport) {
    const std::size_t n = k + 1;
    if (n < tokens_.size() && tokens_[n].kind == token_kind::chain &&
        groups_[tokens_[n].first_group].end - groups_[tokens_[n].first_group].start == 6 && tokens_[n].start - tok.end <= 24) {
      // Between them only "номер", "№", "N", "no" and punctuation on the same line.
      bool joined = true;
      for (std::size_t i = tok.end; i < tokens_[n].start && joined;) {
        const text_word w = word_at(t_, i);
        if (!w.empty()) {
          joined = meaning_of(t_, w.start, w.end) == lex::number_word;
          i = w.end;
        } else {
          joined = t_.data[i] != '\n';
          ++i;
        }
      }
      if (joined) {
        add(pii_type::passport, tok.start, groups_[tokens_[n].first_group].end);
        next_token = n + 1;
        return m;
      }
    }
  }

  // A lone number: what its cue says, else its checksum.
  if (!c.alone(j)) return 0;
  const std::size_t len = c.len(j);
  // Below six digits, eight, and above nineteen no cue and no checksum makes a lone number personal.
  if (len < 6 || len == 8 || len > 19) return 0;
  const context& ctx = cue_of(chain_ctx);
  switch (ctx.cue) {
    case lex::cue_phone:
      if (len == 7 || len == 10 || len == 11) return found(pii_type::phone, j, 1);
      break;
    case lex::cue_snils:
      if (len == 11) return found(pii_type::snils, j, 1);
      break;
    case lex::cue_inn:
      if (len == 10 || len == 12) return found(pii_type::inn, j, 1);
      break;
    case lex::cue_ogrn:
      if (len == 13 || len == 15) return found(pii_type::ogrn, j, 1);
      break;
    case lex::cue_oms:
      if (len == 16) return found(pii_type::oms, j, 1);
      break;
    case lex::cue_card:
      if (len >= 13 && len <= 19) return found(pii_type::card, j, 1);
      break;
    case lex::cue_passport:
      if (len == 9 || len == 10 || len == 6) return found(pii_type::passport, j, 1);
      break;
    default: break;
  }
  const bool negative = ctx.cue == lex::cue_negative;
  const std::size_t n = digits(k, j, 1, d);
  if (n != len) return 0;
  const byte second = len > 1 ? c.digit(j, 1) : 0;
  switch (len) {
    case 10:
      if (negative) break;
      if (first == '9') return found(pii_type::phone, j, 1);  // a mobile number without its 8
      if (inn10_valid(d)) return found(pii_type::inn, j, 1);
      break;
    case 11:
      // A mobile number written bare: a phone, unless a word right before says it is a receipt or an application.
      if ((first == '8' || first == '7') && second == '9' && !(negative && ctx.cue_distance <= 1))
        return found(pii_type::phone, j, 1);
      if (negative) break;
      if (snils_valid(d)) return found(pii_type::snils, j, 1);
      if ((first == '8' || first == '7') && (second == '3' || second == '4' || second == '8'))
        return found(pii_type::phone, j, 1);
      break;
    case 12:
      if (!negative && inn12_valid(d)) return found(pii_type::inn, j, 1);
      break;
    case 13:
      if (negative) break;
      if (ogrn_valid(d)) return found(pii_type::ogrn, j, 1);
      if (first == '4' && luhn_valid(d, n)) return found(pii_type::card, j, 1);
      break;
    case 15:
      if (negative) break;
      if (ogrnip_valid(d)) return found(pii_type::ogrn, j, 1);
      if (first == '3' && (second == '4' || second == '7') && luhn_valid(d, n)) return found(pii_type::card, j, 1);
      break;
    case 16: case 17: case 18: case 19:
      if (!negative && is_card_prefix(first) && luhn_valid(d, n)) return found(pii_type::card, j, 1);
      break;
    default: break;
  }
  return 0;
}

}  // namespace otklik::detail
