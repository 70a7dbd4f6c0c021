// otklik/native/survey_dir.hpp — loads every *.json survey of a directory (`--surveys DIR`).
#pragma once

#include <string>
#include <vector>

#include "otklik/messages.hpp"
#include "otklik/validate.hpp"

namespace otklik::native {

// The surveys that loaded, and one sentence per file or issue that did not.
struct survey_dir {
  survey_set surveys;
  std::vector<std::string> errors;   // "DIR/x.json: /questions/0/kind: invalid_value ..." ; empty when all loaded
};

// Reads DIR/*.json in name order; a missing directory or a survey with issues is reported in errors.
[[nodiscard]] survey_dir load_survey_dir(const std::string& dir);

}  // namespace otklik::native
