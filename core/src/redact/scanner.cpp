// The single pass over the text: classifies each byte run as a word, a digit chain, punctuation or a
// span recognised whole (e-mail, URL, IPv6, IBAN, plate), and keeps only the tokens detectors need.
#include <string_view>

#include "matchers.hpp"
#include "tokens.hpp"

namespace otklik::detail {

namespace {

constexpr std::size_t max_chain_groups = 64;

constexpr std::uint8_t separator_bit(byte c) noexcept {
  switch (c) {
    case ' ': return sep_space;
    case '-': return sep_dash;
    case '(': return sep_lparen;
    case ')': return sep_rparen;
    case '.': return sep_dot;
    case '/': return sep_slash;
    case ':': return sep_colon;
    default: return 0;
  }
}

class scanner {
 public:
  scanner(std::string_view text, token_list& out) : t_(text), out_(out), lexicon_(lexicon::get()) {}

  void run() {
    const byte* b = t_.data;
    const std::size_t n = t_.size;
    std::size_t i = 0;
    while (i < n) {
      const byte c = b[i];
      if (c == ' ') {
        ++i;
      } else if (is_cyrillic_lead(c) || is_ascii_alpha(c)) {
        i = word(i);
      } else if (is_digit(c)) {
        i = digits(i);
      } else if (c < 0x80) {
        i = punctuation(i);
      } else if (letter_length(t_, i) != 0) {
        i = word(i);
      } else {
        const unsigned len = sequence_length(t_, i);
        if (c == 0xE2 && len == 3 && b[i + 1] == 0x80 && b[i + 2] == 0xA6) pending_ |= flag_break_before;  // …
        i += len == 0 ? 1 : len;
      }
    }
  }

 private:
  void push(token tok) {
    tok.index = index_++;
    tok.flags = static_cast<std::uint16_t>(tok.flags | pending_);
    pending_ = 0;
    out_.tokens.push_back(tok);
  }
  void count_only() {
    ++index_;
    pending_ = 0;
  }
  void push_span(std::size_t s, std::size_t e, token_kind kind, std::uint16_t flags = 0) {
    push(token{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e), 0, 0, flags, 0, 0, kind, lex::none});
    floor_ = e;
  }

  std::size_t punctuation(std::size_t i) {
    const byte c = t_.data[i];
    switch (c) {
      case '.': case '!': case '?': case '\n': pending_ |= flag_break_before; return i + 1;
      case ',': pending_ |= flag_comma_before; return i + 1;
      case '+':
        if (is_digit(t_.at(i + 1))) return chain(i, flag_plus);
        return i + 1;
      case '(':
        if (is_digit(t_.at(i + 1))) return chain(i, flag_paren);
        return i + 1;
      case '@': return at_sign(i);
      case ':':
        if (t_.at(i + 1) == ':' && is_hex(t_.at(i + 2))) {
          const std::size_t end = match_ipv6(t_, i);
          if (end != 0) {
            push_span(i, end, token_kind::ipv6);
            return end;
          }
        }
        return i + 1;
      default: return i + 1;
    }
  }

  std::size_t at_sign(std::size_t i) {
    const byte_span email = match_email(t_, i, floor_);
    if (email.empty()) return i + 1;
    // Words and numbers of the local part were kept as tokens: the address replaces them.
    while (!out_.tokens.empty() && out_.tokens.back().end > email.start) {
      const token& last = out_.tokens.back();
      if (last.kind == token_kind::chain) out_.groups.resize(last.first_group);
      out_.tokens.pop_back();
    }
    push_span(email.start, email.end, token_kind::email);
    return email.end;
  }

  std::size_t digits(std::size_t i) {
    // An IPv6 address may start with digits: "2001:db8::1". Times ("10:30") fail it and become chains.
    std::size_t j = i;
    while (j < t_.size && j - i < 5 && is_hex(t_.data[j])) ++j;
    if (j - i <= 4 && t_.at(j) == ':' && (is_hex(t_.at(j + 1)) || t_.at(j + 1) == ':')) {
      const std::size_t end = match_ipv6(t_, i);
      if (end != 0) {
        push_span(i, end, token_kind::ipv6);
        return end;
      }
    }
    return chain(i, 0);
  }

  std::size_t chain(std::size_t start, std::uint16_t flags) {
    const byte* b = t_.data;
    const std::size_t n = t_.size;
    std::size_t pos = (flags & (flag_plus | flag_paren)) ? start + 1 : start;
    const auto first = static_cast<std::uint32_t>(out_.groups.size());
    std::uint8_t sep = 0, sep_len = 0;
    std::size_t count = 0;
    for (;;) {
      const std::size_t group_start = pos;
      while (pos < n && is_digit(b[pos])) ++pos;
      out_.groups.push_back(group{static_cast<std::uint32_t>(group_start), static_cast<std::uint32_t>(pos), sep, sep_len});
      if (++count == max_chain_groups) break;
      std::size_t j = pos;
      std::uint8_t mask = 0;
      unsigned k = 0;
      while (j < n && k < 3) {
        const std::uint8_t bit = separator_bit(b[j]);
        if (bit == 0) break;
        mask |= bit;
        ++j;
        ++k;
      }
      if (k == 0 || j >= n || !is_digit(b[j])) break;
      sep = mask;
      sep_len = static_cast<std::uint8_t>(k);
      pos = j;
    }
    if (pos < n && letter_length(t_, pos) != 0) flags |= flag_letter_after;
    if (pos < n && b[pos] == '.') flags |= flag_dot_after;
    push(token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(pos), 0, first, flags,
               static_cast<std::uint8_t>(count), 0, token_kind::chain, lex::none});
    return pos;
  }

  std::size_t word(std::size_t s) {
    const byte* b = t_.data;
    const std::size_t n = t_.size;
    std::size_t i = s;
    unsigned letters = 0;
    for (;;) {
      if (i >= n) break;
      const byte d = b[i];
      if (is_cyrillic_lead(d)) {
        if (i + 1 < n && is_continuation(b[i + 1])) {
          i += 2;
          ++letters;
          continue;
        }
        break;
      }
      if (d < 0x80) {
        if (is_ascii_alpha(d)) {
          ++i;
          ++letters;
          continue;
        }
        if ((d == '-' || d == '\'') && i + 1 < n && letter_length(t_, i + 1) != 0) {  // что-то, O'Brien
          ++i;
          continue;
        }
        break;
      }
      const unsigned len = letter_length(t_, i);
      if (len != 0) {
        i += len;
        ++letters;
        continue;
      }
      if (d == 0xE2 && t_.at(i + 1) == 0x80 && t_.at(i + 2) == 0x99 && i + 3 < n && letter_length(t_, i + 3) != 0) {
        i += 3;  // typographic apostrophe inside a word
        continue;
      }
      break;
    }
    const std::size_t e = i;
    const std::size_t len = e - s;
    const bool cap = is_upper_letter_at(t_, s);
    std::uint16_t flags = b[s] < 0x80 ? flag_latin : (is_cyrillic_lead(b[s]) ? flag_cyrillic : 0);
    lex meaning = lex::none;
    if (!cap) {
      if (len <= lexicon::max_word_bytes) meaning = lexicon_.find(b + s, len, hash_lower_word(b + s, len, b + n));
    } else {
      flags |= flag_cap;
      if (len <= lexicon::max_word_bytes) {
        byte folded[lexicon::max_word_bytes + 16] = {};
        unsigned upper = 0;
        for (std::size_t k = s; k < e;) {
          unsigned l = letter_length(t_, k);
          if (l == 0) l = sequence_length(t_, k);  // hyphen or apostrophe inside the word
          if (is_upper_letter_at(t_, k)) ++upper;
          fold_letter(b + k, l, folded + (k - s));
          k += l;
        }
        meaning = lexicon_.find(folded, len, hash_lower_word(folded, len, folded + sizeof folded));
        if (upper == letters && letters >= 2) flags |= flag_all_caps;
      }
    }

    // Spans that start with letters.
    if (letters == 1 && (is_digit(t_.at(e)) || (t_.at(e) == ' ' && is_digit(t_.at(e + 1)))) &&
        plate_letter_length(t_, s) != 0) {
      const std::size_t end = match_plate(t_, s);
      if (end != 0) {
        push_span(s, end, token_kind::plate);
        return end;
      }
    }
    if (cap && (flags & flag_latin) && letters <= 2 && is_digit(t_.at(e)) && is_ascii_upper(b[e - 1])) {
      bool valid = false;
      const std::size_t end = letters == 2 ? match_iban(t_, s, valid) : 0;
      if (end != 0) {
        push_span(s, end, token_kind::iban, valid ? flag_valid : 0);
        return end;
      }
      std::size_t j = e;
      while (j < n && j - s < 12 && (is_digit(b[j]) || is_ascii_upper(b[j]))) ++j;
      if (j >= n || !is_ascii_alnum(b[j])) {
        push_span(s, j, token_kind::alnum);
        return j;
      }
    }
    if (meaning == lex::url_scheme) {
      bool personal = false;
      const std::size_t end = match_url(t_, s, personal);
      if (end != 0) {
        push_span(s, end, personal ? token_kind::url_personal : token_kind::url);
        return end;
      }
    }
    if (letters <= 4 && (flags & flag_latin) && is_hex(b[s])) {  // fe80::1, abcd:ef01:...
      std::size_t h = s;
      while (h < n && h - s < 5 && is_hex(b[h])) ++h;
      if (h - s <= 4 && t_.at(h) == ':' && (is_hex(t_.at(h + 1)) || t_.at(h + 1) == ':')) {
        const std::size_t end = match_ipv6(t_, s);
        if (end != 0) {
          push_span(s, end, token_kind::ipv6);
          return end;
        }
      }
    }

    if (cap || meaning != lex::none) {
      if (e < n && b[e] == '.') flags |= flag_dot_after;
      push(token{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(e), 0, 0, flags, 0,
                 static_cast<std::uint8_t>(letters > 255 ? 255 : letters), token_kind::word, meaning});
    } else {
      count_only();
    }
    return e;
  }

  text_view t_;
  token_list& out_;
  const lexicon& lexicon_;
  std::uint32_t index_ = 0;
  std::uint16_t pending_ = flag_break_before;
  std::size_t floor_ = 0;  // e-mail local parts never reach back into a span already recognised
};

}  // namespace

void scan(std::string_view text, token_list& out) {
  out.clear();
  scanner(text, out).run();
}

}  // namespace otklik::detail
