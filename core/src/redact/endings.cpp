// Russian word endings that mark patronymics, surnames and adjectives. The rules are written as stems and
// case endings (the declension of a suffix). Natively they are expanded at compile time into every
// stem+ending suffix, coded as 6-bit letter numbers and sorted by their last letter, so a word costs one
// walk over its last five letters and a look at the few suffixes ending in its letter. The widget's WebAssembly
// core matches the rules as written, byte by byte (smaller; the same answers: redact.wasm_identical_to_native).
#include <array>
#include <bit>
#include <cstdint>
#include <string_view>

#include "words.hpp"

namespace otklik::detail {

namespace {

// The letters а..я as 1..32 and ё as 33 (lowercase, D0 B0..D1 8F and D1 91), capitals folded (D0 90..AF,
// D0 81); 0 for anything else, which no suffix contains.
constexpr unsigned letter_number(byte lead, byte next) noexcept {
  if (lead == 0xD0) {
    if (next >= 0xB0 && next <= 0xBF) return next - 0xB0 + 1u;
    if (next >= 0x90 && next <= 0xAF) return next - 0x90 + 1u;
    return next == 0x81 ? 33u : 0u;
  }
  if (lead == 0xD1) {
    if (next >= 0x80 && next <= 0x8F) return next - 0x80 + 17u;
    return next == 0x91 ? 33u : 0u;
  }
  return 0;
}

constexpr unsigned max_suffix_letters = 5;

// The last (up to five) letters of the bytes [s, e) as 6-bit numbers, the last letter lowest; the walk
// stops at the first byte pair that is no Cyrillic letter (its group and those before stay 0).
[[maybe_unused]] constexpr std::uint32_t ending_code(const byte* s, const byte* e) noexcept {
  std::uint32_t code = 0;
  for (unsigned k = 0; k < max_suffix_letters && e - s >= 2; ++k, e -= 2) {
    const unsigned l = letter_number(e[-2], e[-1]);
    if (l == 0) break;
    code |= l << (6 * k);
  }
  return code;
}

// Classes of suffixes (two bits in each table entry): the bit numbers of words.hpp's ending flags.
enum ending_class : unsigned { patronymic_ending, adjective_ending, surname_ending, weak_surname_ending };
static_assert(ending_patronymic == 1u << patronymic_ending && ending_adjective == 1u << adjective_ending &&
              ending_surname == 1u << surname_ending && ending_weak_surname == 1u << weak_surname_ending);

struct rule {
  ending_class kind;
  const char* stems;    // space-separated
  const char* endings;  // space-separated; "-" is none
};

// Patronymics: -ович/-евич and -ич after ь, м, к, т (Ильич, Кузьмич, Лукич, Никитич) in every case, and
// -овна/-евна/-ична. Surnames: -ов, -ин, -ский, -ян, -енко... and, weaker (ordinary capitalised words have
// them too: Белых, Рабинович, Гофман), -их, -ых, -ич, -ман. Adjectives: Грозный, Тверская.
constexpr rule rules[] = {
    {patronymic_ending, "вич ьич мич кич тич", "- а у ем ом е"},
    {patronymic_ending, "вн ичн", "а ы е у ой ою"},
    {adjective_ending, "ый ий ой ая ое ые ого ому ым ую", "-"},
    {surname_ending, "ов ев ёв ин ын", "- а у ым е ой ы"},
    {surname_ending, "ск цк", "ий ая ого ому им ом ой ую"},
    {surname_ending, "ян ук юк", "- а у ом е"},
    {surname_ending, "енко дзе швили", "-"},
    {weak_surname_ending, "их ых", "-"},
    {weak_surname_ending, "ич", "- а у ем е"},
    {weak_surname_ending, "ман", "- а"},
};

#if defined(OTKLIK_WASM_SIZE_FIRST)  // the widget's WebAssembly core (cmake/OtklikEmscripten.cmake)

// Whether the lowercase bytes [w, w + n) end with `suffix`.
bool ends_with(const byte* w, std::size_t n, std::string_view suffix) noexcept {
  if (suffix.size() > n) return false;
  for (std::size_t k = suffix.size(); k > 0; --k, --n)
    if (w[n - 1] != static_cast<byte>(suffix[k - 1])) return false;
  return true;
}

}  // namespace

// The WebAssembly core matches the rules as written, byte by byte on the word's lowercase ending, without
// the expanded table below: there the download counts more than these microseconds.
unsigned ending_classes(const byte* s, const byte* e) noexcept {
  const std::string_view bytes(reinterpret_cast<const char*>(s), static_cast<std::size_t>(e - s));
  const text_view t(bytes);
  std::size_t from = bytes.size() > 16 ? bytes.size() - 16 : 0;  // whole letters of the last 16 bytes
  while (from > 0 && is_continuation(t.data[from])) --from;
  lower_word w;
  lowercase(t, from, bytes.size(), w);
  unsigned classes = 0;
  for (const rule& r : rules) {
    const std::string_view stems = r.stems, endings = r.endings;
    for (std::size_t c = 0; c < endings.size();) {
      std::size_t d = c;
      while (d < endings.size() && endings[d] != ' ') ++d;
      const std::string_view ending = endings.substr(c, d - c) == "-" ? std::string_view{} : endings.substr(c, d - c);
      if (ends_with(w.bytes, w.size, ending)) {
        for (std::size_t a = 0; a < stems.size();) {
          std::size_t b = a;
          while (b < stems.size() && stems[b] != ' ') ++b;
          if (ends_with(w.bytes, w.size - ending.size(), stems.substr(a, b - a))) classes |= 1u << r.kind;
          a = b + 1;
        }
      }
      c = d + 1;
    }
  }
  return classes;
}

#else

constexpr std::size_t count_words(std::string_view list) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < list.size(); ++i) n += list[i] != ' ' && (i == 0 || list[i - 1] == ' ');
  return n;
}

constexpr std::size_t suffix_count = [] {
  std::size_t n = 0;
  for (const rule& r : rules) n += count_words(std::string_view(r.stems)) * count_words(std::string_view(r.endings));
  return n;
}();

// One suffix: its code (30 bits) and its class (top two bits).
using suffix = std::uint32_t;
constexpr std::uint32_t code_bits = (1u << 30) - 1;

constexpr std::uint32_t code_of(std::string_view stem, std::string_view ending) {
  byte bytes[32] = {};
  std::size_t n = 0;
  for (char c : stem) bytes[n++] = static_cast<byte>(c);
  if (ending != "-")
    for (char c : ending) bytes[n++] = static_cast<byte>(c);
  return ending_code(bytes, bytes + n);
}

struct suffix_table {
  std::array<suffix, suffix_count> suffixes{};
  std::array<std::uint32_t, suffix_count> masks{};  // the code bits of each suffix's letters
  std::array<std::uint8_t, 35> first{};  // suffixes ending in letter l: [first[l], first[l + 1])
};

constexpr suffix_table build_table() {
  suffix_table t;
  std::size_t n = 0;
  for (const rule& r : rules) {
    const std::string_view stems = r.stems, endings = r.endings;
    for (std::size_t a = 0; a < stems.size();) {
      std::size_t b = a;
      while (b < stems.size() && stems[b] != ' ') ++b;
      for (std::size_t c = 0; c < endings.size();) {
        std::size_t d = c;
        while (d < endings.size() && endings[d] != ' ') ++d;
        t.suffixes[n++] = code_of(stems.substr(a, b - a), endings.substr(c, d - c)) | (suffix{r.kind} << 30);
        c = d + 1;
      }
      a = b + 1;
    }
  }
  // Sorted by last letter (insertion sort: a constant expression, a hundred entries).
  for (std::size_t i = 1; i < n; ++i) {
    for (std::size_t j = i; j > 0 && (t.suffixes[j] & 63) < (t.suffixes[j - 1] & 63); --j) {
      const suffix x = t.suffixes[j];
      t.suffixes[j] = t.suffixes[j - 1];
      t.suffixes[j - 1] = x;
    }
  }
  for (unsigned l = 0, i = 0; l < t.first.size(); ++l) {
    while (i < n && (t.suffixes[i] & 63) < l) ++i;
    t.first[l] = static_cast<std::uint8_t>(i);
  }
  for (std::size_t i = 0; i < n; ++i) {
    // Letters in the suffix: its highest non-zero 6-bit group.
    const unsigned letters = (static_cast<unsigned>(std::bit_width(t.suffixes[i] & code_bits)) + 5) / 6;
    t.masks[i] = (1u << (6 * letters)) - 1;
  }
  return t;
}

constexpr suffix_table table = build_table();
static_assert(suffix_count < 256);

}  // namespace

unsigned ending_classes(const byte* s, const byte* e) noexcept {
  const std::uint32_t code = ending_code(s, e);
  const unsigned last = code & 63;
  unsigned classes = 0;
  for (unsigned i = table.first[last]; i < table.first[last + 1]; ++i) {
    if ((code & table.masks[i]) == (table.suffixes[i] & code_bits)) classes |= 1u << (table.suffixes[i] >> 30);
  }
  return classes;
}

#endif

bool is_patronymic(const lower_word& w, unsigned letters) noexcept {
  return letters >= 5 && (ending_classes(w.bytes, w.bytes + w.size) & ending_patronymic) != 0;
}

bool is_surname_like(const lower_word& w, unsigned letters, bool strong) noexcept {
  return surname_ending_holds(ending_classes(w.bytes, w.bytes + w.size), letters, strong);
}

}  // namespace otklik::detail
