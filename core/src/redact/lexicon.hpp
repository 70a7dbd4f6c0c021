// The redactor's word list: context cue words, street and house words, months, common first names,
// cities and agencies, each in all its case forms, looked up by hashing a lowercase word once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "text.hpp"

namespace otklik::detail {

// What a known word means to the detectors.
enum class lex : std::uint8_t {
  none,
  cue_phone,     // телефон, тел, звонил, phone, call...
  cue_snils,
  cue_inn,
  cue_ogrn,
  cue_oms,       // омс, полис, policy
  cue_card,      // карта, card
  cue_passport,  // паспорт, серия, passport
  cue_iban,
  cue_dob,       // рождения, родился, born, dob, birth
  cue_version,   // версия, version: a dotted number there is not an IP address
  cue_negative,  // заявление, платёж, сумма, окно, кабинет, application, order...: a number there is not personal
  cue_person,    // зовут, фио, name, regards, уважением: a name follows
  cue_title,     // mr, mrs, dr, господин: a name follows
  cue_i_am,      // "am", "i'm": a name may follow
  cue_address,   // адрес, проживаю, live, address, индекс
  street_abbr,   // ул, пр, пер, наб...: a street name follows
  street_word,   // улица, проспект, переулок...: the name is before or after
  street_en,     // street, st, avenue, road...
  house,         // д, дом
  building,      // корп, корпус, стр, строение, лит
  flat,          // кв, квартира, apt, flat, suite
  city_prefix,   // г, город, пос, село
  region,        // обл, область, край, район, республика
  city,          // a few large cities (never surnames; a city alone stays)
  agency,        // мфц, пфр, гибдд...: never a name
  month,
  first_name,    // common Russian first names
  number_word,   // номер, no, number
  url_scheme,    // http, https, www
  year_word,     // года, год
};

// Whether a cue word makes numbers near it personal (or, for cue_negative, not personal).
[[nodiscard]] constexpr bool is_number_cue(lex k) noexcept { return k >= lex::cue_phone && k <= lex::cue_negative; }

// Reads `n` bytes (n <= 8) at `p` as a little-endian number, the rest zero.
[[nodiscard]] inline std::uint64_t load_bytes(const byte* p, std::size_t n) noexcept {
  std::uint64_t v = 0;
  for (std::size_t i = n; i-- > 0;) v = (v << 8) | p[i];
  return v;
}

// Hash of a lowercase word of `n` bytes from its first and last eight bytes (they overlap in short words)
// and its length: two loads and two multiplications, whatever the word's length. `limit` is where the
// readable bytes end (reads never pass it).
[[nodiscard]] inline std::uint64_t hash_lower_word(const byte* p, std::size_t n, const byte* limit) noexcept {
  std::uint64_t head, tail;
  if (n >= 8) {
    std::memcpy(&head, p, 8);
    std::memcpy(&tail, p + n - 8, 8);
  } else if (p + 8 <= limit) {
    std::memcpy(&head, p, 8);
    head &= (std::uint64_t{1} << (8 * n)) - 1;
    tail = head;
  } else {
    head = tail = load_bytes(p, n);
  }
  // The tail is rotated so that the last letters (its top bytes) reach every bit through the
  // multiplications; two multiply-xorshift rounds (SplitMix64's finaliser) mix the rest.
  std::uint64_t h = head ^ ((tail + n) << 31 | (tail + n) >> 33);
  h *= 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

class lexicon {
 public:
  // The one table, built on first use from the compact word sources in lexicon.cpp. Natively inline (it is
  // asked for at every look back); the widget's core keeps one copy of the first-use check.
#if defined(OTKLIK_WASM_SIZE_FIRST)
  static const lexicon& get();
#else
  static const lexicon& get() {
    static const lexicon instance;
    return instance;
  }
#endif

  // The meaning of the lowercase word `w` (n bytes) with precomputed hash `h`. A word sits in one of two
  // buckets of four 16-bit tags (no probing): a word that is not listed costs two 8-byte loads from a 16 KB
  // table and one well-predicted branch.
  [[nodiscard]] lex find(const byte* w, std::size_t n, std::uint64_t h) const noexcept {
    const std::size_t b1 = first_bucket(h), b2 = second_bucket(h);
    const std::uint64_t spread = std::uint64_t{tag_of(h)} * 0x0001000100010001ull;
    const std::uint64_t x1 = tags_[b1] ^ spread, x2 = tags_[b2] ^ spread;
    constexpr std::uint64_t lows = 0x0001000100010001ull, highs = 0x8000800080008000ull;
    if ((((x1 - lows) & ~x1) | ((x2 - lows) & ~x2)) & highs) {  // some 16-bit lane equals the tag
      for (int i = 0; i < 8; ++i) {
        const std::size_t b = i < 4 ? b1 : b2;
        if (static_cast<std::uint16_t>(tags_[b] >> (16 * (i & 3))) != tag_of(h)) continue;
        const entry& e = entries_[slot(b, static_cast<unsigned>(i & 3))];
        if (e.length == n && std::memcmp(pool_.data() + e.offset, w, n) == 0) return e.kind;
      }
    }
    return lex::none;
  }

  // Buckets in the table (a test keeps it small).
#if defined(OTKLIK_WASM_SIZE_FIRST)
  [[nodiscard]] std::size_t bucket_count() const noexcept { return mask_ + 1; }
#else
  [[nodiscard]] std::size_t bucket_count() const noexcept { return tags_.size(); }
#endif

  // Calls f(word, kind) for every word of the table: for filters derived from it, built once.
  template <class F>
  void for_each_word(F&& f) const {
    for (const entry& e : entries_) f(pool_.data() + e.offset, std::size_t{e.length}, e.kind);
  }

  // Longest word in the table, in bytes; longer words are never looked up.
  static constexpr std::size_t max_word_bytes = 40;

  lexicon();

 private:
  struct entry {
    std::uint32_t offset;
    std::uint8_t length;
    lex kind;
  };

  [[nodiscard]] std::size_t first_bucket(std::uint64_t h) const noexcept { return static_cast<std::size_t>(h >> 40) & mask_; }
  [[nodiscard]] std::size_t second_bucket(std::uint64_t h) const noexcept { return static_cast<std::size_t>(h >> 20) & mask_; }
  [[nodiscard]] static std::uint16_t tag_of(std::uint64_t h) noexcept { return static_cast<std::uint16_t>(h | 1u); }
  bool add(const char* word, std::size_t n, lex kind);
  bool fill();
  lex kind_ = lex::none;  // the kind of the source being added
  std::string pool_;
  std::vector<entry> entries_;
#if defined(OTKLIK_WASM_SIZE_FIRST)
  // The widget's core: zeroed arrays of one word per bucket instead of std::vector, so that it links no
  // std::vector<std::uint64_t> or std::vector<std::uint16_t> code (the same bytes on a little-endian machine).
  std::unique_ptr<std::uint64_t[]> tags_;   // four 16-bit tags per bucket, 0: empty
  std::unique_ptr<std::uint64_t[]> slots_;  // four 16-bit entry indexes per bucket
  void clear_buckets(std::size_t size) {
    tags_.reset(new std::uint64_t[size]());
    slots_.reset(new std::uint64_t[size]());
  }
  [[nodiscard]] std::uint16_t slot(std::size_t b, unsigned way) const noexcept {
    return static_cast<std::uint16_t>(slots_[b] >> (16 * way));
  }
  void set_slot(std::size_t b, unsigned way, std::uint16_t i) noexcept { slots_[b] |= std::uint64_t{i} << (16 * way); }
#else
  std::vector<std::uint64_t> tags_;   // four 16-bit tags per bucket, 0: empty
  std::vector<std::uint16_t> slots_;  // four entry indexes per bucket
  void clear_buckets(std::size_t size) {
    tags_.assign(size, 0);
    slots_.assign(size * 4, 0);
  }
  [[nodiscard]] std::uint16_t slot(std::size_t b, unsigned way) const noexcept { return slots_[b * 4 + way]; }
  void set_slot(std::size_t b, unsigned way, std::uint16_t i) noexcept { slots_[b * 4 + way] = i; }
#endif
  std::size_t mask_ = 0;
};

}  // namespace otklik::detail
