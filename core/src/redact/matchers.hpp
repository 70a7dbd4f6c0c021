// Spans the scanner recognises whole, each from a trigger byte with a bounded forward (and for e-mail a
// bounded backward) look: e-mail addresses, URLs, IPv6 addresses, IBANs and vehicle plates.
#pragma once

#include <cstddef>

#include "text.hpp"

namespace otklik::detail {

struct byte_span {
  std::size_t start = 0, end = 0;
  [[nodiscard]] bool empty() const noexcept { return start == end; }
};

// The e-mail address around the '@' at `at`; its local part starts no earlier than `floor`. Empty if none.
[[nodiscard]] byte_span match_email(const text_view& t, std::size_t at, std::size_t floor) noexcept;

// A URL starting at `start` with "http://", "https://" or "www."; its end, or 0. `personal` tells whether
// its user part, path or query carries personal data (an e-mail, a personal key, a long number).
[[nodiscard]] std::size_t match_url(const text_view& t, std::size_t start, bool& personal) noexcept;

// An IPv6 address (RFC 4291 text forms, "::" compression, IPv4 tail) at `start`; its end, or 0.
[[nodiscard]] std::size_t match_ipv6(const text_view& t, std::size_t start) noexcept;

// An IBAN at `start` (two capital letters, two digits, then letters and digits, optionally in groups of four);
// its end, or 0. `valid` tells whether the country's length and the mod-97 check hold.
[[nodiscard]] std::size_t match_iban(const text_view& t, std::size_t start, bool& valid) noexcept;

// A Russian vehicle plate at `start` (letter, three digits, two letters, optional two- or three-digit region,
// in Cyrillic or Latin look-alike letters, with or without spaces); its end, or 0.
[[nodiscard]] std::size_t match_plate(const text_view& t, std::size_t start) noexcept;

}  // namespace otklik::detail
