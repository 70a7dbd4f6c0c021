// format.hpp — how numbers read on screen (fixed decimals, thin-space thousands, "<k" for hidden counts)
// and in the CSV exports (the core's format_number, empty for hidden values).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "otklik/stats.hpp"

namespace otklik::review {

// "4.12" with `decimals` places; "—" for NaN.
[[nodiscard]] std::string fixed(double value, int decimals);
// "[4.08, 4.16]"; "" when either end is NaN.
[[nodiscard]] std::string interval_text(const stats::interval& ci, int decimals);
// A share as "72.3 %".
[[nodiscard]] std::string percent(double share);
// A response count: "1 234", or "<k" when the group is hidden.
[[nodiscard]] std::string count_text(std::uint64_t n, bool hidden, std::uint32_t k);
// "<k": how a hidden count reads everywhere.
[[nodiscard]] std::string below_k(std::uint32_t k);
// A signed change: "+0.12" / "−0.40".
[[nodiscard]] std::string signed_fixed(double value, int decimals);

// RFC 4180 CSV, built row by row.
class csv_table {
 public:
  explicit csv_table(std::vector<std::string> header);
  void row(const std::vector<std::string>& cells);
  [[nodiscard]] const std::string& text() const noexcept { return text_; }

 private:
  void append(const std::vector<std::string>& cells);
  std::string text_;
};

// A value for a CSV cell: the core's number format, "" when hidden or NaN.
[[nodiscard]] std::string csv_number(double value, bool hidden);

}  // namespace otklik::review
