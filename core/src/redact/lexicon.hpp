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
  const std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ ((tail + n) * 0xC2B2AE3D27D4EB4Full);
  return h ^ (h >> 31);
}

class lexicon {
 public:
  // The one table, built on first use from the compact word sources in lexicon.cpp.
  static const lexicon& get();

  // The meaning of the lowercase word `w` (n bytes) with precomputed hash `h`. A word may sit in one of two
  // buckets of two 16-bit tags (no probing): a word that is not listed costs two loads from a 16 KB table
  // and one well-predicted branch.
  [[nodiscard]] lex find(const byte* w, std::size_t n, std::uint64_t h) const noexcept {
    const std::size_t b1 = first_bucket(h), b2 = second_bucket(h);
    const std::uint16_t tag = tag_of(h);
    const tags& t1 = tags_[b1];
    const tags& t2 = tags_[b2];
    if (((t1.tag[0] == tag) | (t1.tag[1] == tag) | (t2.tag[0] == tag) | (t2.tag[1] == tag)) == 0) return lex::none;
    for (int i = 0; i < 4; ++i) {
      const std::size_t b = i < 2 ? b1 : b2;
      if (tags_[b].tag[i & 1] != tag) continue;
      const entry& e = entries_[slots_[b].entry[i & 1]];
      if (e.length == n && std::memcmp(pool_.data() + e.offset, w, n) == 0) return e.kind;
    }
    return lex::none;
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
  struct tags {
    std::uint16_t tag[2];  // 0: empty
  };
  struct slots {
    std::uint16_t entry[2];
  };
  [[nodiscard]] std::size_t first_bucket(std::uint64_t h) const noexcept { return static_cast<std::size_t>(h >> 40) & mask_; }
  [[nodiscard]] std::size_t second_bucket(std::uint64_t h) const noexcept { return static_cast<std::size_t>(h >> 20) & mask_; }
  [[nodiscard]] static std::uint16_t tag_of(std::uint64_t h) noexcept { return static_cast<std::uint16_t>(h | 1u); }
  bool add(const std::string& word, lex kind);
  bool fill();
  std::string pool_;
  std::vector<entry> entries_;
  std::vector<tags> tags_;
  std::vector<slots> slots_;
  std::size_t mask_ = 0;
};

}  // namespace otklik::detail
