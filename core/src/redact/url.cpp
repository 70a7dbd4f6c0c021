// URLs (RFC 3986) written in comments: the span, and whether it carries personal data. Only a personal URL
// is redacted; a plain link (a portal's help page) is kept, and nothing inside any URL is looked at again.
#include <array>
#include <string_view>

#include "matchers.hpp"
#include "word_list.hpp"

namespace otklik::detail {

namespace {

// Query keys whose value is personal data wherever they appear, in one space-separated string: the widget's
// size-first core walks it (no table of 48 pointers and lengths to download); other builds split it at
// compile time and compare whole views.
constexpr std::string_view personal_keys =
    "email e-mail mail phone tel telephone mobile msisdn name fio first_name firstname fname last_name lastname "
    "lname surname full_name fullname middle_name patronymic snils inn passport user username user_name login uid "
    "userid user_id token access_token auth session sessionid session_id sid address addr dob birthdate birth_date "
    "birthday card pan iban account";

#if !defined(OTKLIK_WASM_SIZE_FIRST)
constexpr std::size_t personal_key_count = shape_of(personal_keys).count;
constexpr std::array<std::string_view, personal_key_count> personal_key_table = [] {
  std::array<std::string_view, personal_key_count> keys{};
  std::size_t start = 0, k = 0;
  for (std::size_t i = 0; i <= personal_keys.size(); ++i) {
    if (i == personal_keys.size() || personal_keys[i] == ' ') {
      keys[k++] = personal_keys.substr(start, i - start);
      start = i + 1;
    }
  }
  return keys;
}();
#endif

bool is_personal_key(const text_view& t, std::size_t s, std::size_t e) noexcept {
  const std::size_t n = e - s;
  if (n == 0 || n > 16) return false;
  char lower[16];
  for (std::size_t i = 0; i < n; ++i) {
    const byte c = t.data[s + i];
    lower[i] = static_cast<char>(is_ascii_upper(c) ? c + 32 : c);
  }
  const std::string_view key(lower, n);
#if defined(OTKLIK_WASM_SIZE_FIRST)
  return in_word_list(personal_keys, key);
#else
  for (const std::string_view k : personal_key_table) {
    if (k == key) return true;
  }
  return false;
#endif
}

// Whether a query value looks personal: an e-mail, or ten digits or more (a phone, INN, SNILS, card...).
bool is_personal_value(const text_view& t, std::size_t s, std::size_t e) noexcept {
  std::size_t digits = 0;
  for (std::size_t i = s; i < e; ++i) {
    const byte c = t.data[i];
    if (c == '@') return true;
    if (c == '%' && i + 2 < e && t.data[i + 1] == '4' && t.data[i + 2] == '0') return true;  // %40 is '@'
    if (is_digit(c)) {
      if (++digits >= 10) return true;
    } else if (c != '-' && c != '+' && c != '(' && c != ')' && c != '.') {
      digits = 0;
    }
  }
  return false;
}

bool ends_url(const text_view& t, std::size_t i) noexcept {
  const byte c = t.data[i];
  if (c <= 0x20 || c == 0x7F) return true;
  switch (c) {
    case '<': case '>': case '"': case '`': case '{': case '}': case '|': case '\\': case '^': return true;
    default: break;
  }
  if (c == 0xC2 && i + 1 < t.size && (t.data[i + 1] == 0xAB || t.data[i + 1] == 0xBB || t.data[i + 1] == 0xA0))
    return true;  // « » and no-break space
  if (c == 0xE2 && i + 2 < t.size && t.data[i + 1] == 0x80) return true;  // typographic quotes, dashes, spaces
  return sequence_length(t, i) == 0;
}

bool starts_with_ci(const text_view& t, std::size_t i, std::string_view what) noexcept {
  if (i + what.size() > t.size) return false;
  for (std::size_t k = 0; k < what.size(); ++k) {
    byte c = t.data[i + k];
    if (is_ascii_upper(c)) c = static_cast<byte>(c + 32);
    if (c != static_cast<byte>(what[k])) return false;
  }
  return true;
}

}  // namespace

std::size_t match_url(const text_view& t, std::size_t start, bool& personal) noexcept {
  personal = false;
  std::size_t host;
  if (starts_with_ci(t, start, "http://")) {
    host = start + 7;
  } else if (starts_with_ci(t, start, "https://")) {
    host = start + 8;
  } else if (starts_with_ci(t, start, "www.")) {
    host = start;
  } else {
    return 0;
  }
  std::size_t end = host;
  int open_parens = 0;
  while (end < t.size && !ends_url(t, end)) {
    if (t.data[end] == '(') ++open_parens;
    if (t.data[end] == ')') --open_parens;
    end += sequence_length(t, end);
  }
  // Trailing sentence punctuation is not part of the URL; a closing parenthesis only when unbalanced.
  while (end > host) {
    const byte c = t.data[end - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == ']' ||
        (c == ')' && open_parens < 0)) {
      if (c == ')') ++open_parens;
      --end;
    } else {
      break;
    }
  }
  if (end <= host + 3) return 0;

  // User part, path and query.
  std::size_t i = host;
  while (i < end && t.data[i] != '/' && t.data[i] != '?' && t.data[i] != '#') {
    if (t.data[i] == '@') personal = true;  // user:password@host
    ++i;
  }
  while (i < end && t.data[i] != '?' && t.data[i] != '#') {
    if (t.data[i] == '@') personal = true;  // an address in the path
    ++i;
  }
  if (i < end && t.data[i] == '?') {
    ++i;
    while (i < end && t.data[i] != '#' && !personal) {
      const std::size_t key_start = i;
      while (i < end && t.data[i] != '=' && t.data[i] != '&' && t.data[i] != ';' && t.data[i] != '#') ++i;
      const std::size_t key_end = i;
      std::size_t value_start = i, value_end = i;
      if (i < end && t.data[i] == '=') {
        value_start = ++i;
        while (i < end && t.data[i] != '&' && t.data[i] != ';' && t.data[i] != '#') ++i;
        value_end = i;
      }
      if (value_end > value_start &&
          (is_personal_key(t, key_start, key_end) || is_personal_value(t, value_start, value_end)))
        personal = true;
      if (i < end && (t.data[i] == '&' || t.data[i] == ';')) ++i;
    }
  }
  return end;
}

}  // namespace otklik::detail
