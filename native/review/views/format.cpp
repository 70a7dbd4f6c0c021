// Formatting: snprintf with the "C" numeric locale (the viewer never calls setlocale), so "." is the decimal mark.
#include "views/format.hpp"

#include <cmath>
#include <cstdio>

#include "otklik/report.hpp"

namespace otklik::review {

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "—";
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  const std::string out = text;
  if (out.front() != '-') return out;
  if (out.find_first_not_of("-0.") == std::string::npos) return out.substr(1);  // −0.00 reads 0.00
  return "−" + out.substr(1);   // a true minus sign, as wide as a digit
}

std::string interval_text(const stats::interval& ci, int decimals) {
  if (std::isnan(ci.low) || std::isnan(ci.high)) return {};
  return std::string("[").append(fixed(ci.low, decimals)).append(", ").append(fixed(ci.high, decimals)).append("]");
}

std::string percent(double share) { return fixed(share * 100.0, 1) + " %"; }

std::string below_k(std::uint32_t k) { return std::string("<").append(std::to_string(k)); }

std::string count_text(std::uint64_t n, bool hidden, std::uint32_t k) {
  if (hidden) return below_k(k);
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

std::string signed_fixed(double value, int decimals) {
  if (std::isnan(value)) return "—";
  const std::string body = fixed(std::abs(value), decimals);
  return (value < 0 ? "−" : "+") + body;
}

csv_table::csv_table(std::vector<std::string> header) { append(header); }

void csv_table::row(const std::vector<std::string>& cells) { append(cells); }

void csv_table::append(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) text_ += ',';
    const std::string& cell = cells[i];
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      text_ += cell;
      continue;
    }
    text_ += '"';
    for (const char ch : cell) {
      if (ch == '"') text_ += '"';
      text_ += ch;
    }
    text_ += '"';
  }
  text_ += "\r\n";
}

std::string csv_number(double value, bool hidden) { return hidden ? std::string() : format_number(value); }

}  // namespace otklik::review
