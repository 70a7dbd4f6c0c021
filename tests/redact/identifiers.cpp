// Identifier makers for the corpus, each from its published format and check-digit rule:
// SNILS (Pension Fund rules on the insurance number), INN (Federal Tax Service order on the INN structure),
// OGRN/OGRNIP (Government decree 438 of 19.06.2002), the unified OMS policy number (FOMS order 79 of
// 07.04.2011), bank cards (ISO/IEC 7812, Luhn), IBAN (ISO 13616 / ISO 7064 mod 97-10), E.164 phones,
// passports (the internal passport's series "region+year" and number), plates (GOST R 50577).
#include <cstdio>
#include <string>

#include "corpus.hpp"

namespace otklik::corpus {

namespace {

std::string random_digits(rng& r, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += r.digit();
  return s;
}

std::string two_digits(int v) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02d", v % 100);
  return buf;
}

// Another digit than `d`.
char other_digit(rng& r, char d) { return static_cast<char>('0' + (d - '0' + 1 + static_cast<int>(r.below(9))) % 10); }

// Groups `digits` by `sizes` joined with `sep`.
std::string grouped(const std::string& digits, std::initializer_list<int> sizes, const char* sep) {
  std::string out;
  std::size_t at = 0;
  for (int size : sizes) {
    if (!out.empty()) out += sep;
    out += digits.substr(at, static_cast<std::size_t>(size));
    at += static_cast<std::size_t>(size);
  }
  return out;
}

int weighted_mod11(std::string_view d, std::initializer_list<int> weights) {
  int sum = 0, i = 0;
  for (int w : weights) sum += (d[static_cast<std::size_t>(i++)] - '0') * w;
  return sum % 11 % 10;
}

char luhn_digit(const std::string& body) {
  int sum = 0;
  bool twice = true;  // the digit next to the check digit is doubled
  for (std::size_t i = body.size(); i-- > 0;) {
    int v = body[i] - '0';
    if (twice) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
    twice = !twice;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

int mod97(const std::string& numeric) {
  int r = 0;
  for (char c : numeric) r = (r * 10 + (c - '0')) % 97;
  return r;
}

std::string iban_numeric(std::string_view rearranged) {
  std::string out;
  for (char c : rearranged) {
    if (c >= 'A' && c <= 'Z') {
      out += std::to_string(c - 'A' + 10);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

int snils_check(std::string_view nine) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (nine[static_cast<std::size_t>(i)] - '0') * (9 - i);
  if (sum < 100) return sum;
  if (sum == 100 || sum == 101) return 0;
  const int r = sum % 101;
  return r == 100 ? 0 : r;
}

bool inn_ok(std::string_view d) {
  if (d.size() == 10) return weighted_mod11(d, {2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[9] - '0';
  if (d.size() == 12)
    return weighted_mod11(d, {7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[10] - '0' &&
           weighted_mod11(d, {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == d[11] - '0';
  return false;
}

bool ogrn_ok(std::string_view d) {
  if (d.size() != 13 && d.size() != 15) return false;
  const unsigned long long body = std::stoull(std::string(d.substr(0, d.size() - 1)));
  const unsigned long long m = d.size() == 13 ? 11 : 13;
  return static_cast<int>(body % m % 10) == d.back() - '0';
}

bool luhn_ok(std::string_view d) {
  if (d.empty()) return false;
  return luhn_digit(std::string(d.substr(0, d.size() - 1))) == d.back();
}

int oms_check(std::string_view fifteen) {
  // 1. Digits in odd places counting from the right, written as a number, multiplied by 2.
  std::string odd, even;
  for (std::size_t place = 1; place <= 15; ++place) {
    const char c = fifteen[15 - place];
    (place % 2 == 1 ? odd : even).insert(0, 1, c);
  }
  std::string doubled;
  int carry = 0;
  for (std::size_t i = odd.size(); i-- > 0;) {
    const int v = (odd[i] - '0') * 2 + carry;
    doubled.insert(0, 1, static_cast<char>('0' + v % 10));
    carry = v / 10;
  }
  if (carry) doubled.insert(0, 1, static_cast<char>('0' + carry));
  // 2. Digits in even places written to the left of it. 3. The sum of all digits.
  int sum = 0;
  for (char c : even + doubled) sum += c - '0';
  // 4. Subtracted from the nearest multiple of ten not below it.
  return (10 - sum % 10) % 10;
}

bool iban_ok(std::string_view compact) {
  if (compact.size() < 5) return false;
  const std::string rearranged = std::string(compact.substr(4)) + std::string(compact.substr(0, 4));
  return mod97(iban_numeric(rearranged)) == 1;
}

std::string snils(rng& r, bool valid) {
  std::string nine;
  do {
    nine = random_digits(r, 9);
  } while (std::stoul(nine) <= 1001998);
  int check = snils_check(nine);
  if (!valid) check = (check + 1 + static_cast<int>(r.below(98))) % 100;
  const std::string all = nine + two_digits(check);
  switch (r.below(10)) {
    case 0: case 1: case 2: case 3: case 4: return grouped(all, {3, 3, 3}, "-") + " " + all.substr(9);
    case 5: return grouped(all, {3, 3, 3, 2}, "-");
    case 6: case 7: return all;
    default: return grouped(all, {3, 3, 3, 2}, " ");
  }
}

std::string inn(rng& r, bool person, bool valid) {
  std::string d = std::string(cat() << two_digits(r.between(1, 92)) << two_digits(r.between(1, 99)));
  if (person) {
    d += random_digits(r, 6);
    d += static_cast<char>('0' + weighted_mod11(d, {7, 2, 4, 10, 3, 5, 9, 4, 6, 8}));
    d += static_cast<char>('0' + weighted_mod11(d, {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}));
  } else {
    d += random_digits(r, 5);
    d += static_cast<char>('0' + weighted_mod11(d, {2, 4, 10, 3, 5, 9, 4, 6, 8}));
  }
  if (!valid) d.back() = other_digit(r, d.back());
  return d;
}

std::string ogrn(rng& r, bool sole_trader, bool valid) {
  std::string d = sole_trader ? "3" : std::string(1, r.chance(80) ? '1' : '5');
  d += std::string(cat() << two_digits(r.between(2, 24)) << two_digits(r.between(1, 92)));
  d += random_digits(r, sole_trader ? 9 : 7);
  const unsigned long long body = std::stoull(d);
  d += static_cast<char>('0' + static_cast<int>(body % (sole_trader ? 13 : 11) % 10));
  if (!valid) d.back() = other_digit(r, d.back());
  return d;
}

std::string oms(rng& r, bool valid) {
  std::string d = std::string(cat() << two_digits(r.between(1, 99)) << random_digits(r, 13));
  char check = static_cast<char>('0' + oms_check(d));
  if (!valid) check = other_digit(r, check);
  d += check;
  return r.chance(75) ? d : grouped(d, {4, 4, 4, 4}, " ");
}

std::string card(rng& r, bool valid) {
  std::string body;
  std::size_t length = 16;
  switch (r.below(8)) {
    case 0: case 1: body = "4" + random_digits(r, 5); break;                                   // Visa
    case 2: body = std::string(cat() << "5" << std::to_string(r.between(1, 5)) << random_digits(r, 4)); break;         // Mastercard
    case 3: body = std::string(cat() << std::to_string(r.between(2221, 2720)) << random_digits(r, 2)); break;         // Mastercard 2-series
    case 4: case 5: body = std::string(cat() << "220" << std::to_string(r.between(0, 4)) << random_digits(r, 2)); break;  // Mir
    case 6: body = r.chance(50) ? "34" : "37"; body += random_digits(r, 4); length = 15; break;  // American Express
    default: body = "62" + random_digits(r, 4); length = r.chance(50) ? 16 : 19; break;         // UnionPay
  }
  body += random_digits(r, length - 1 - body.size());
  char check = luhn_digit(body);
  if (!valid) check = other_digit(r, check);
  const std::string d = body + check;
  const unsigned form = r.below(10);
  if (length == 15) return form < 6 ? grouped(d, {4, 6, 5}, " ") : d;
  if (length == 19) return form < 6 ? grouped(d, {4, 4, 4, 4, 3}, " ") : d;
  if (form < 5) return grouped(d, {4, 4, 4, 4}, " ");
  if (form < 7) return grouped(d, {4, 4, 4, 4}, "-");
  return d;
}

std::string iban(rng& r) {
  struct country {
    const char* code;
    const char* pattern;  // n: digit, a: capital letter, c: letter or digit
  };
  static const country countries[] = {
      {"DE", "nnnnnnnnnnnnnnnnnn"}, {"GB", "aaaannnnnnnnnnnnnn"}, {"FR", "nnnnnnnnnncccccccccccnn"},
      {"ES", "nnnnnnnnnnnnnnnnnnnn"}, {"IT", "annnnnnnnnncccccccccccc"}, {"NL", "aaaannnnnnnnnn"},
      {"CH", "nnnnncccccccccccc"}, {"AT", "nnnnnnnnnnnnnnnn"}, {"BE", "nnnnnnnnnnnn"},
      {"PL", "nnnnnnnnnnnnnnnnnnnnnnnn"}, {"KZ", "nnnccccccccccccc"}, {"LT", "nnnnnnnnnnnnnnnn"},
      {"SE", "nnnnnnnnnnnnnnnnnnnn"}, {"NO", "nnnnnnnnnnn"}, {"BY", "ccccnnnncccccccccccccccc"},
      {"UA", "nnnnnnccccccccccccccccccc"}, {"RU", "nnnnnnnnnnnnnnnnnnnnnnnnnnnnn"}};
  const country& c = countries[r.below(sizeof countries / sizeof countries[0])];
  std::string bban;
  for (const char* p = c.pattern; *p; ++p) {
    if (*p == 'n' || (*p == 'c' && r.chance(70))) {
      bban += r.digit();
    } else {
      bban += static_cast<char>('A' + r.below(26));
    }
  }
  const int check = 98 - mod97(iban_numeric(bban + c.code + "00"));
  const std::string compact = std::string(c.code) + two_digits(check) + bban;
  if (r.chance(40)) return compact;
  std::string paper;
  for (std::size_t i = 0; i < compact.size(); i += 4) {
    if (i) paper += ' ';
    paper += compact.substr(i, 4);
  }
  return paper;
}

std::string phone_ru(rng& r) {
  static const char* landline[] = {"495", "499", "812", "343", "383", "846", "861", "863", "843", "831", "800"};
  const std::string area = r.chance(75) ? std::string(cat() << "9" << random_digits(r, 2)) : std::string(landline[r.below(11)]);
  const std::string n = random_digits(r, 7);
  const std::string a = n.substr(0, 3), b = n.substr(3, 2), c = n.substr(5, 2);
  switch (r.below(20)) {
    case 0: case 1: return "+7 (" + area + ") " + a + "-" + b + "-" + c;
    case 2: case 3: return "+7 " + area + " " + a + "-" + b + "-" + c;
    case 4: return "+7" + area + n;
    case 5: return "+7 " + area + " " + a + " " + b + " " + c;
    case 6: return "+7(" + area + ")" + n;
    case 7: return "+7-" + area + "-" + a + "-" + b + "-" + c;
    case 8: case 9: return "8 (" + area + ") " + a + "-" + b + "-" + c;
    case 10: return "8 " + area + " " + a + " " + b + " " + c;
    case 11: return "8-" + area + "-" + a + "-" + b + "-" + c;
    case 12: case 13: return "8" + area + n;
    case 14: return "8(" + area + ")" + a + "-" + b + "-" + c;
    case 15: return "8 " + area + " " + n;
    case 16: return "+7 " + area + " " + a + " " + n.substr(3);
    case 17: return "(" + area + ") " + a + "-" + b + "-" + c;
    case 18: return "8" + area + " " + a + " " + b + " " + c;
    default: return area + " " + a + "-" + b + "-" + c;
  }
}

std::string phone_international(rng& r) {
  switch (r.below(10)) {
    case 0: return "+44 20 7946 " + random_digits(r, 4);
    case 1: return cat() << "+44 7" << random_digits(r, 3) << " " << random_digits(r, 6);
    case 2: return cat() << "+1 (" + std::to_string(r.between(201, 989)) + ") 555-" << random_digits(r, 4);
    case 3: return cat() << "+1 " << std::to_string(r.between(201, 989)) << "-555-" << random_digits(r, 4);
    case 4: return "+49 30 " + random_digits(r, 8);
    case 5: return cat() << "+375 29 " << random_digits(r, 3) << "-" << random_digits(r, 2) << "-" << random_digits(r, 2);
    case 6: return cat() << "+380 " << two_digits(r.between(50, 99)) << " " << random_digits(r, 3) << " " << random_digits(r, 2) << " " << random_digits(r, 2);
    case 7: return cat() << "+998 90 " << random_digits(r, 3) << " " << random_digits(r, 2) << " " << random_digits(r, 2);
    case 8: return cat() << "+33 1 " << random_digits(r, 2) << " " << random_digits(r, 2) << " " << random_digits(r, 2) << " " << random_digits(r, 2);
    default: return cat() << "+86 138 " << random_digits(r, 4) << " " << random_digits(r, 4);
  }
}

std::string email(rng& r) {
  static const char* first[] = {"ivan", "maria", "a", "petr", "olga", "sergey", "anna", "d", "john", "kate", "alex", "n"};
  static const char* last[] = {"petrov", "smirnova", "ivanov", "kuznetsova", "sokolov", "popova", "smith", "lee", "volkov"};
  static const char* domains[] = {"mail.ru", "yandex.ru", "ya.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru",
                                  "rambler.ru", "outlook.com", "yahoo.com", "hotmail.co.uk", "company.ru", "gov.spb.ru", "mos.ru"};
  if (r.chance(8)) {
    static const char* local_ru[] = {"иван", "мария.петрова", "почта", "ольга85"};
    static const char* domain_ru[] = {"почта.рф", "пример.рф", "мойсайт.рф"};
    return std::string(cat() << std::string(local_ru[r.below(4)]) << "@" << domain_ru[r.below(3)]);
  }
  std::string local;
  switch (r.below(6)) {
    case 0: local = std::string(cat() << std::string(first[r.below(12)]) << "." << last[r.below(9)]); break;
    case 1: local = std::string(cat() << std::string(last[r.below(9)]) << std::to_string(r.between(1, 99))); break;
    case 2: local = std::string(cat() << std::string(first[r.below(12)]) << "_" << last[r.below(9)]); break;
    case 3: local = std::string(cat() << std::string(last[r.below(9)]) << "-" << first[r.below(12)] << "+gov"); break;
    case 4: local = std::string(cat() << std::string(1, first[r.below(12)][0]) << "." << last[r.below(9)] << std::to_string(r.between(1960, 2005))); break;
    default: local = std::string(last[r.below(9)]); break;
  }
  std::string out = local + "@" + domains[r.below(14)];
  if (r.chance(5)) {
    for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  return out;
}

std::string ipv4(rng& r) {
  switch (r.below(4)) {
    case 0: return cat() << "192.168." << std::to_string(r.between(0, 255)) << "." << std::to_string(r.between(1, 254));
    case 1: return cat() << "10." << std::to_string(r.between(0, 255)) << "." << std::to_string(r.between(0, 255)) << "." << std::to_string(r.between(1, 254));
    default:
      return cat() << std::to_string(r.between(1, 223)) << "." << std::to_string(r.between(0, 255)) << "."
                   << std::to_string(r.between(0, 255)) << "." << std::to_string(r.between(1, 254));
  }
}

std::string ipv6(rng& r) {
  auto hex_group = [&](int max_len) {
    static const char digits[] = "0123456789abcdef";
    std::string g;
    const int n = r.between(1, max_len);
    for (int i = 0; i < n; ++i) g += digits[r.below(16)];
    if (g.size() > 1 && g[0] == '0') g[0] = 'a';
    return g;
  };
  std::string out;
  switch (r.below(4)) {
    case 0:  // full form
      for (int i = 0; i < 8; ++i) {
        if (i) out += ':';
        out += hex_group(4);
      }
      break;
    case 1: out = "2001:db8::" + hex_group(4); break;
    case 2: out = "fe80::" + hex_group(4) + ":" + hex_group(4) + ":" + hex_group(4) + ":" + hex_group(4); break;
    default: out = "2a02:6b8:" + hex_group(4) + "::" + hex_group(3) + ":" + hex_group(4); break;
  }
  if (r.chance(15)) {
    for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 32 : c);
  }
  return out;
}

std::string personal_url(rng& r) {
  static const char* hosts[] = {"www.gosuslugi.ru", "lk.mos.ru", "portal.example.org", "service.nalog.ru", "forms.gov.spb.ru"};
  static const char* paths[] = {"/form", "/status", "/lk/profile", "/api/v1/check", "/feedback/new", "/appointment"};
  const std::string base = cat() << (r.chance(85) ? "https://" : "http://") << hosts[r.below(5)] << paths[r.below(6)];
  switch (r.below(8)) {
    case 0: return base + "?email=" + email(r);
    case 1: return base + "?phone=%2B7916" + random_digits(r, 7) + "&lang=ru";
    case 2: return base + "?lang=ru&name=Ivan+Petrov";
    case 3: return base + "?user=ivanov" + std::to_string(r.between(1, 99)) + "&page=2";
    case 4: return cat() << base << "?token=" << random_digits(r, 8) << "abcdef" << random_digits(r, 6);
    case 5: return base + "?snils=" + random_digits(r, 11);
    case 6: return base + "/unsubscribe/" + email(r);
    default: return cat() << base << "?session=" << random_digits(r, 4) << "f3a9" << random_digits(r, 8) << "&step=1";
  }
}

std::string plain_url(rng& r) {
  static const char* urls[] = {"https://www.gosuslugi.ru/help/faq", "https://mos.ru/services/pay?page=2&lang=ru",
                               "www.nalog.gov.ru", "https://example.org/docs/form-12.pdf",
                               "https://www.gosuslugi.ru/600123/1/form", "http://mfc.ru/offices?city=moscow"};
  return urls[r.below(6)];
}

std::string plate(rng& r) {
  static const char* cyr[] = {"А", "В", "Е", "К", "М", "Н", "О", "Р", "С", "Т", "У", "Х"};
  static const char* cyr_lower[] = {"а", "в", "е", "к", "м", "н", "о", "р", "с", "т", "у", "х"};
  static const char* lat[] = {"A", "B", "E", "K", "M", "H", "O", "P", "C", "T", "Y", "X"};
  static const char* regions[] = {"77", "97", "99", "177", "197", "199", "777", "799", "50", "150", "750", "78",
                                  "178", "98", "16", "116", "02", "102", "66", "196", "61", "161", "23", "123", "54", "01"};
  const unsigned form = r.below(10);
  const char** letters = form == 7 ? cyr_lower : (form == 8 ? lat : cyr);
  const int l1 = static_cast<int>(r.below(12)), l2 = static_cast<int>(r.below(12)), l3 = static_cast<int>(r.below(12));
  char number[4];
  std::snprintf(number, sizeof number, "%03d", r.between(1, 999));
  const std::string region = regions[r.below(26)];
  const std::string a = letters[l1], bc = std::string(letters[l2]) + letters[l3];
  switch (form) {
    case 5: return a + " " + number + " " + bc + " " + region;
    case 6: return a + number + bc + " " + region;
    default: return a + number + bc + region;
  }
}

std::string passport_ru(rng& r) {
  const std::string series = cat() << two_digits(r.between(1, 99)) << two_digits(r.between(0, 24));
  const std::string number = std::to_string(r.between(100001, 999999));
  switch (r.below(4)) {
    case 0: case 1: return series.substr(0, 2) + " " + series.substr(2) + " " + number;
    case 2: return series + " " + number;
    default: return series + number;
  }
}

std::string passport_foreign(rng& r) {
  switch (r.below(3)) {
    case 0: return cat() << two_digits(r.between(70, 77)) << " " << random_digits(r, 7);
    case 1: return cat() << std::string(1, static_cast<char>('A' + r.below(26))) << static_cast<char>('A' + r.below(26)) << random_digits(r, 7);
    default: return cat() << std::to_string(r.between(1, 9)) << random_digits(r, 8);
  }
}

std::string unchecked_number(rng& r, std::size_t length) {
  for (;;) {
    std::string d(1, static_cast<char>('0' + r.between(1, 9)));
    d += random_digits(r, length - 1);
    bool passes = luhn_ok(d);
    if (length == 10 || length == 12) passes = passes || inn_ok(d);
    if (length == 11) passes = passes || std::stoi(d.substr(9)) == snils_check(d.substr(0, 9));
    if (length == 13 || length == 15) passes = passes || ogrn_ok(d);
    if (!passes) return d;
  }
}

}  // namespace otklik::corpus
