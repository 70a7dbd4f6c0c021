// The tokens the scanner keeps for the detectors: capitalised words, lowercase patronymics with their
// first names, digit chains with their groups, and spans recognised whole while scanning (e-mail, URL,
// IPv6, IBAN, plates). Ordinary lowercase words are never tokens: the scanner skips them eight bytes at a
// time, and detectors read the few words they need around a token straight from the text.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "lexicon.hpp"

namespace otklik::detail {

enum class token_kind : std::uint8_t {
  word,
  chain,         // digits in groups separated by at most three of " -()./:" (a phone, a date, an ID...)
  email,
  url,           // a URL without personal data: kept, and nothing inside it is looked at
  url_personal,  // a URL whose query or user part carries personal data
  ipv6,
  iban,          // two letters, two digits and up to 30 letters/digits; flag_valid when mod 97 holds
  plate,         // a Russian vehicle registration plate
  alnum,         // one or two capital Latin letters directly followed by digits (AB1234567)
};

// Token flags.
enum : std::uint16_t {
  flag_cap = 1u << 0,           // first letter uppercase
  flag_all_caps = 1u << 1,      // two or more letters, all uppercase
  flag_cyrillic = 1u << 2,      // first letter Cyrillic
  flag_latin = 1u << 3,         // first letter ASCII
  flag_dot_after = 1u << 5,     // the byte right after the token is '.'
  flag_plus = 1u << 6,          // chain: starts with '+'
  flag_paren = 1u << 7,         // chain: starts with '('
  flag_letter_after = 1u << 8,  // chain: a letter follows directly (15а, 221B)
  flag_valid = 1u << 9,         // iban: the checksum holds
  flag_adjective = 1u << 10,    // word: an adjective ending (Грозный, Тверская), set with the morphology
  // Set by the name detector once it has looked at a word's ending (names.cpp), or by the scanner for
  // the lowercase patronymics it keeps.
  flag_morphology_known = 1u << 12,
  flag_patronymic = 1u << 13,
  flag_surname_strong = 1u << 14,
  flag_surname_weak = 1u << 15,
};

// Separator kinds in the gap before a group of a chain.
enum : std::uint8_t {
  sep_space = 1, sep_dash = 2, sep_lparen = 4, sep_rparen = 8, sep_dot = 16, sep_slash = 32, sep_colon = 64,
};

struct group {
  std::uint32_t start, end;  // the digits
  std::uint8_t sep;          // separators in the gap before this group (0 for the first)
  std::uint8_t sep_len;      // bytes in that gap
};

struct token {
  std::uint32_t start, end;
  std::uint32_t first_group;    // chain: index into the group list
  std::uint16_t flags;
  std::uint8_t group_count;     // chain: number of groups
  std::uint8_t letters;         // word: letters, at most 255
  token_kind kind;
  lex meaning;                  // word: what the lexicon says
  [[nodiscard]] bool has(std::uint16_t f) const noexcept { return (flags & f) != 0; }
  [[nodiscard]] std::uint32_t length() const noexcept { return end - start; }
};

// The scanner's output, reused between calls so that redaction allocates nothing once warm.
struct token_list {
  std::vector<token> tokens;
  std::vector<group> groups;
  void clear() noexcept {
    tokens.clear();
    groups.clear();
  }
};

// Walks `text` once and fills `out`.
void scan(std::string_view text, token_list& out);

}  // namespace otklik::detail
