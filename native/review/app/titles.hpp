// titles.hpp — what services, stages and criteria are called in the interface language: the surveys' own titles,
// short standard names for the built-in criteria, the ids otherwise.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/dataset.hpp"
#include "app/i18n.hpp"
#include "otklik/aggregate.hpp"

namespace otklik::review {

class titles {
 public:
  titles() = default;
  // Titles of every dictionary code of the dataset's store in `lang`.
  titles(const dataset& data, language lang);
  [[nodiscard]] const std::string& service(std::uint32_t code) const;
  [[nodiscard]] const std::string& stage(std::uint32_t code) const;
  [[nodiscard]] const std::string& criterion(std::uint32_t code) const;
  // A key's label for any dimension (channel words translated, "no region" for none, period labels).
  [[nodiscard]] std::string label(dimension d, std::uint32_t code, period_unit unit) const;

 private:
  const dataset* data_ = nullptr;
  std::vector<std::string> services_, stages_, criteria_;
};

}  // namespace otklik::review
