// The detectors' driver: walks the tokens in order, dispatches each to its detector, reads the cue words
// before a token when a detector asks, and appends findings so that they stay sorted and never overlap.
#include "detector.hpp"

#include <algorithm>

namespace otklik::detail {

void detector::add(pii_type type, std::size_t start, std::size_t end) {
  if (end <= start) return;
  if (!out_.empty()) {
    finding& last = out_.back();
    if (start < last.end) {
      if (end <= last.end) return;
      if (last.type == type) {
        last.end = static_cast<std::uint32_t>(end);
        covered_ = end;
        return;
      }
      start = last.end;
    }
  }
  out_.push_back(finding{type, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
  covered_ = std::max(covered_, end);
}

context detector::look_back(std::size_t pos, unsigned cue_words, unsigned street_words, std::size_t floor) const noexcept {
  context ctx;
  std::size_t r_start = 0;  // a one-letter "р" just read: "д.р." if a "д." comes before it
  bool r_pending = false;
  for_each_word_back(t_, pos, floor, std::max(cue_words, street_words), [&](const back_word& w) {
    lex m = w.meaning;
    if (w.letters == 1) {
      const byte* p = t_.data + w.start;
      const bool is_r = (p[0] == 0xD1 && p[1] == 0x80) || (p[0] == 0xD0 && p[1] == 0xA0);  // р Р
      if (is_r && w.start >= 2 && (p[-1] == '.' || p[-1] == '/')) {
        r_pending = true;
        r_start = w.start;
        return true;
      }
      if (r_pending && m == lex::house && w.end + 1 == r_start) m = lex::cue_dob;  // д.р., д/р
    }
    r_pending = false;
    if (w.distance < cue_words && ctx.cue == lex::none && is_number_cue(m)) {
      ctx.cue = m;
      ctx.cue_distance = w.distance > 0 && m == lex::cue_dob && w.end + 1 == r_start ? w.distance - 1 : w.distance;
    }
    if (w.distance < street_words) {
      if (m == lex::street_abbr || m == lex::street_word) {
        ctx.street = w.start;
        ctx.street_end = w.end;
        ctx.street_kind = m;
      } else if (m == lex::house && !ctx.has_house && !ctx.has_street()) {
        ctx.house = w.start;
        ctx.house_end = w.end;
        ctx.has_house = true;
      }
    }
    // Go on only while something can still be found.
    return (ctx.cue == lex::none && w.distance + 1 < cue_words) || (!ctx.has_street() && w.distance + 1 < street_words);
  });
  return ctx;
}

bool detector::adjacent(std::size_t a, std::size_t b) const noexcept {
  if (b >= tokens_.size()) return false;
  const std::size_t s = tokens_[a].end, e = tokens_[b].start;
  if (e <= s || e - s > 4) return false;
  return skip_spaces(t_, s) == e;
}

std::size_t detector::skip_to(std::size_t end, std::size_t from) const noexcept {
  while (from < tokens_.size() && tokens_[from].start < end) ++from;
  return from;
}

void detector::run() {
  for (std::size_t k = 0; k < tokens_.size();) {
    const token& tok = tokens_[k];
    if (!free(k)) {
      ++k;
      continue;
    }
    std::size_t next = 0;
    switch (tok.kind) {
      case token_kind::email: add(pii_type::email, tok.start, tok.end); break;
      case token_kind::url_personal: add(pii_type::url, tok.start, tok.end); break;
      case token_kind::url: break;
      case token_kind::ipv6: add(pii_type::ip, tok.start, tok.end); break;
      case token_kind::plate: add(pii_type::plate, tok.start, tok.end); break;
      case token_kind::iban:
        if (tok.has(flag_valid) || look_back(tok.start, 3, 0).cue == lex::cue_iban) add(pii_type::iban, tok.start, tok.end);
        break;
      case token_kind::alnum:
        if (tok.length() >= 7 && look_back(tok.start, 6, 0).cue == lex::cue_passport) add(pii_type::passport, tok.start, tok.end);
        break;
      case token_kind::chain: next = chain(k); break;
      case token_kind::word: next = word_token(k); break;
    }
    k = std::max(next, k + 1);
  }
}

}  // namespace otklik::detail
