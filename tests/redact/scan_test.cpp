// The scanner's trigger masks against a byte-by-byte reference (every byte class at every offset of a
// block, texts of every length up to a few blocks, the AVX2 steps against the SSE2 ones), and redaction
// that does not depend on where the 64-byte blocks fall or on a text cut inside a character.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "redact/triggers.hpp"
#include "redact_helpers.hpp"

namespace {

using otklik::detail::byte;

// Whether byte i of the text is a trigger, read one byte at a time (see triggers.hpp). The SSE2 masks
// test patronymic endings by their continuation bytes only; the other builds test all four bytes.
bool reference_trigger(const std::vector<byte>& t, std::size_t i) {
  const byte c = t[i];
  const byte b1 = i >= 1 ? t[i - 1] : 0, b2 = i >= 2 ? t[i - 2] : 0, b3 = i >= 3 ? t[i - 3] : 0;
  if (c >= 0x30 && c <= 0x5A) return true;
  if (b1 == 0xD0 && c >= 0x80 && c <= 0xAF) return true;
#if defined(OTKLIK_TRIGGERS_SSE2)
  static_cast<void>(b3);
  return (c == 0x87 && b2 == 0xB8) || (c == 0xBD && b2 == 0xB2);
#else
  return (c == 0x87 && b1 == 0xD1 && b2 == 0xB8 && b3 == 0xD0) || (c == 0xBD && b1 == 0xD0 && b2 == 0xB2);
#endif
}

// Random bytes drawn from the ones the masks look at, and their neighbours.
std::vector<byte> random_text(std::mt19937& rng, std::size_t n) {
  static const byte alphabet[] = {' ', '.', '/', '0', '5', '9', ':', '@', 'A', 'Z', '[', 'a', 'z', 0x2F, 0x5B,
                                  0x7F, 0x80, 0x81, 0x87, 0x8F, 0x90, 0xAF, 0xB0, 0xB2, 0xB8, 0xBD, 0xBF, 0xC2,
                                  0xD0, 0xD0, 0xD0, 0xD1, 0xD1, 0xE2, 0xFF};
  std::vector<byte> t(n);
  for (byte& c : t) c = alphabet[rng() % sizeof alphabet];
  return t;
}

}  // namespace

TEST_CASE("Trigger masks give the reference bits for every length and block", "[redact][scan]") {
  std::mt19937 rng(20261128);
  for (int round = 0; round < 40; ++round) {
    for (std::size_t n = 0; n <= 200; ++n) {
      const std::vector<byte> t = random_text(rng, n);
      for (std::size_t block = 0; block < n; block += 64) {
        std::uint64_t want = 0;
        for (std::size_t i = block; i < n && i < block + 64; ++i) {
          if (reference_trigger(t, i)) want |= std::uint64_t{1} << (i - block);
        }
        const std::uint64_t got = otklik::detail::trigger_mask(t.data(), n, block);
        INFO("length " << n << ", block " << block);
        REQUIRE(got == want);
      }
    }
  }
}

TEST_CASE("Every trigger class is found at every offset of a block", "[redact][scan]") {
  // Each anchor written into a run of spaces at each offset 0..127 (and so across the 16-, 32- and
  // 64-byte step boundaries); its trigger byte must be the only bit set.
  const std::vector<std::pair<std::string, std::size_t>> anchors = {
      {"7", 0}, {"@", 0}, {":", 0}, {"Q", 0}, {"\xD0\x96", 1} /* Ж */, {"\xD0\x81", 1} /* Ё */,
      {"\xD0\xB8\xD1\x87", 3} /* ич */, {"\xD0\xB2\xD0\xBD", 3} /* вн */};
  for (const auto& [anchor, trigger_at] : anchors) {
    for (std::size_t offset = 0; offset < 128; ++offset) {
      std::vector<byte> t(192, ' ');
      for (std::size_t k = 0; k < anchor.size(); ++k) t[offset + k] = static_cast<byte>(anchor[k]);
      const std::size_t at = offset + trigger_at;
      for (std::size_t block = 0; block < t.size(); block += 64) {
        const std::uint64_t want = at >= block && at < block + 64 ? std::uint64_t{1} << (at - block) : 0;
        INFO("anchor " << anchor << " at offset " << offset << ", block " << block);
        REQUIRE(otklik::detail::trigger_mask(t.data(), t.size(), block) == want);
      }
    }
  }
}

#if defined(OTKLIK_TRIGGERS_AVX2)
TEST_CASE("AVX2 and SSE2 trigger steps agree", "[redact][scan]") {
  if (!otklik::detail::has_avx2) return;  // nothing to compare on this processor
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    const std::vector<byte> t = random_text(rng, 66);
    REQUIRE(otklik::detail::trigger_bits64_avx2(t.data() + 2) == otklik::detail::trigger_bits64_sse2(t.data() + 2));
  }
}
#endif

TEST_CASE("Redaction does not depend on where the blocks fall", "[redact][scan]") {
  // A line of lowercase filler before a comment moves it across every offset of a block; a line break
  // ends any sentence, so the comment's findings must only move by the filler's length.
  const std::vector<std::string> comments = {
      "Звоните +7 (916) 123-45-67, Иванову Ивану Ивановичу. СНИЛС 112-233-445 95",
      "Паспорт серии 4510 номер 123456, д.р. 12.03.1985, ул. Ленина, д. 5, кв. 12",
      "почта ivan.petrov@mail.ru, мария ивановна, https://x.ru/f?email=a@b.ru, A123BC77",
      "My name is John Smith, IBAN DE89 3704 0044 0532 0130 00, IP 2001:db8::1, 4111 1111 1111 1111",
  };
  for (const std::string& comment : comments) {
    const otklik::redaction alone = otklik::redact(comment);
    REQUIRE_FALSE(alone.findings.empty());
    for (std::size_t length = 0; length < 140; ++length) {
      std::string filler;
      for (std::size_t i = 0; i < length; ++i) filler += i % 7 == 6 ? ' ' : 'x';
      filler += '\n';
      const otklik::redaction moved = otklik::redact(filler + comment);
      INFO(comment << " after " << filler.size() << " bytes");
      REQUIRE(moved.text == filler + alone.text);
      REQUIRE(moved.findings.size() == alone.findings.size());
      for (std::size_t k = 0; k < alone.findings.size(); ++k) {
        CHECK(moved.findings[k].type == alone.findings[k].type);
        CHECK(moved.findings[k].start == alone.findings[k].start + filler.size());
        CHECK(moved.findings[k].end == alone.findings[k].end + filler.size());
      }
    }
  }
}

TEST_CASE("A text cut anywhere, inside a character too, is redacted within its bounds", "[redact][scan]") {
  const std::string comment =
      "Иванов Иван Иванович, тел. 8 916 123-45-67, ivan@mail.ru, ИНН 7707083893, ул. Тверская, д. 7, кв. 15";
  for (std::size_t cut = 0; cut <= comment.size(); ++cut) {
    const std::string text = comment.substr(0, cut);
    const otklik::redaction r = otklik::redact(text);
    std::uint32_t last_end = 0;
    for (const otklik::finding& f : r.findings) {
      INFO("cut at " << cut);
      REQUIRE(f.start >= last_end);
      REQUIRE(f.start < f.end);
      REQUIRE(f.end <= text.size());
      last_end = f.end;
    }
  }
}

#if defined(__SSE2__)
TEST_CASE("The SSE2 lowercase fold gives fold_letter's bytes and capital count", "[redact][scan]") {
  // Byte by byte as words.cpp's lowercase() folds: A-Z, and a D0 lead with its continuation 80..AF inside the word.
  auto reference = [](const std::vector<byte>& t, std::size_t n, std::vector<byte>& out) {
    unsigned upper = 0;
    out.assign(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(n));
    for (std::size_t k = 0; k < n; ++k) {
      if (t[k] >= 'A' && t[k] <= 'Z') {
        out[k] = static_cast<byte>(t[k] + 32);
        ++upper;
      } else if (t[k] == 0xD0 && k + 1 < n && t[k + 1] >= 0x80 && t[k + 1] <= 0xAF) {
        otklik::detail::fold_letter(t.data() + k, 2, out.data() + k);
        ++upper;
        ++k;
      }
    }
    return upper;
  };
  std::mt19937 rng(20261129);
  std::vector<byte> want;
  for (int round = 0; round < 2000; ++round) {
    for (std::size_t n = 1; n <= 47; ++n) {
      std::vector<byte> t = random_text(rng, 49 + 16);  // the steps read one byte past their 16
      byte out[48];
      const unsigned upper = otklik::detail::fold_lowercase_sse2(t.data(), n, out);
      REQUIRE(upper == reference(t, n, want));
      REQUIRE(std::vector<byte>(out, out + n) == want);
    }
  }
}
#endif
