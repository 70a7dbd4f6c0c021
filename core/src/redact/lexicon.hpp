// The redactor's word list: context cue words, street and house words, months, common first names,
// cities and agencies, each in all its case forms, looked up by hashing a lowercase word once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
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

// A 64-bit hash of up to the first 16 bytes of a lowercase word and its length.
[[nodiscard]] inline std::uint64_t word_hash(std::uint64_t first8, std::uint64_t next8, std::size_t n) noexcept {
  std::uint64_t h = first8 * 0x9E3779B97F4A7C15ull ^ (next8 + n) * 0xC2B2AE3D27D4EB4Full;
  h ^= h >> 32;
  h *= 0xff51afd7ed558ccdull;
  return h ^ (h >> 29);
}

// Reads `n` bytes (n <= 8) at `p` as a little-endian number, the rest zero.
[[nodiscard]] inline std::uint64_t load_bytes(const byte* p, std::size_t n) noexcept {
  std::uint64_t v = 0;
  for (std::size_t i = n; i-- > 0;) v = (v << 8) | p[i];
  return v;
}

// Hash of the lowercase word at `p` (whose bytes are readable up to `limit`).
[[nodiscard]] inline std::uint64_t hash_lower_word(const byte* p, std::size_t n, const byte* limit) noexcept {
  std::uint64_t a, b = 0;
  if (p + 16 <= limit) {  // fast path: two unaligned loads, masked to the word
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + 8, 8);
    if (n < 8) {
      a &= (std::uint64_t{1} << (8 * n)) - 1;
      b = 0;
    } else if (n < 16) {
      b &= n == 8 ? 0 : (std::uint64_t{1} << (8 * (n - 8))) - 1;
    }
  } else {
    a = load_bytes(p, n < 8 ? n : 8);
    if (n > 8) b = load_bytes(p + 8, n < 16 ? n - 8 : 8);
  }
  return word_hash(a, b, n);
}

class lexicon {
 public:
  // The one table, built on first use from the compact word sources in lexicon.cpp.
  static const lexicon& get();

  // The meaning of the lowercase word `w` (n bytes) with precomputed hash `h`.
  [[nodiscard]] lex find(const byte* w, std::size_t n, std::uint64_t h) const noexcept {
    std::size_t slot = static_cast<std::size_t>(h >> 52) & mask_;
    const std::uint32_t tag = static_cast<std::uint32_t>(h) | 1u;
    for (;;) {
      const slot_t& s = slots_[slot];
      if (s.tag == 0) return lex::none;
      if (s.tag == tag) {
        const entry& e = entries_[s.entry];
        if (e.length == n && std::memcmp(pool_.data() + e.offset, w, n) == 0) return e.kind;
      }
      slot = (slot + 1) & mask_;
    }
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
  struct slot_t {
    std::uint32_t tag;
    std::uint32_t entry;
  };
  void add(const std::string& word, lex kind);
  std::string pool_;
  std::vector<entry> entries_;
  std::vector<slot_t> slots_;
  std::size_t mask_ = 0;
};

}  // namespace otklik::detail
