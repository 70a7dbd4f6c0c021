// The detectors' driver: walks the tokens in order, keeps the most recent cue word, dispatches each token
// to its detector and appends findings so that they stay sorted and never overlap.
#include "detector.hpp"

#include <algorithm>

namespace otklik::detail {

namespace {
// How many words after a cue word a number still belongs to it ("СНИЛС у меня такой: ...").
constexpr std::uint32_t cue_window = 6;
}  // namespace

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

lex detector::cue_at(std::uint32_t index) const noexcept {
  if (cue_ == lex::none || index <= cue_index_ || index - cue_index_ > cue_window) return lex::none;
  return cue_;
}

void detector::remember_cue(const token& tok) {
  cue_ = tok.meaning;
  cue_index_ = tok.index;
}

bool detector::adjacent(std::size_t a, std::size_t b) const noexcept {
  if (b >= tokens_.size() || tokens_[b].index != tokens_[a].index + 1) return false;
  const std::size_t s = tokens_[a].end, e = tokens_[b].start;
  if (e - s > 4) return false;
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
        if (tok.has(flag_valid) || cue_at(tok.index) == lex::cue_iban) add(pii_type::iban, tok.start, tok.end);
        break;
      case token_kind::alnum:
        if (cue_at(tok.index) == lex::cue_passport && tok.length() >= 7) add(pii_type::passport, tok.start, tok.end);
        break;
      case token_kind::chain: next = chain(k); break;
      case token_kind::word:
        switch (tok.meaning) {
          case lex::street_abbr:
          case lex::street_word: next = address(k); break;
          case lex::street_en: next = address_en(k); break;
          case lex::house:
            if (birth_abbreviation(tok)) {
              cue_ = lex::cue_dob;
              cue_index_ = tok.index + 1;  // "д.р." is two words
            } else {
              next = house_and_flat(k);
            }
            break;
          case lex::cue_person:
          case lex::cue_title:
          case lex::cue_i_am: next = name_after_cue(k); break;
          case lex::month: next = date_with_month(k, cue_at(tok.index)); break;
          default:
            if (is_number_cue(tok.meaning)) remember_cue(tok);
            break;
        }
        if (next == 0 && (tok.has(flag_cap) || tok.meaning == lex::first_name)) next = name(k);
        break;
    }
    k = std::max(next, k + 1);
  }
}

}  // namespace otklik::detail
