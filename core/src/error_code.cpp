// The stable words of error codes (part of the wire format).
#include "otklik/result.hpp"

namespace otklik {

std::string_view to_string(error_code code) noexcept {
  switch (code) {
    case error_code::invalid_json: return "invalid_json";
    case error_code::invalid_utf8: return "invalid_utf8";
    case error_code::too_large: return "too_large";
    case error_code::too_deep: return "too_deep";
    case error_code::wrong_type: return "wrong_type";
    case error_code::unknown_field: return "unknown_field";
    case error_code::missing_field: return "missing_field";
    case error_code::duplicate_field: return "duplicate_field";
    case error_code::unsupported_format: return "unsupported_format";
    case error_code::invalid_id: return "invalid_id";
    case error_code::duplicate_id: return "duplicate_id";
    case error_code::out_of_range: return "out_of_range";
    case error_code::not_an_integer: return "not_an_integer";
    case error_code::invalid_value: return "invalid_value";
    case error_code::too_long: return "too_long";
    case error_code::too_many: return "too_many";
    case error_code::empty: return "empty";
    case error_code::invalid_time: return "invalid_time";
    case error_code::invalid_region: return "invalid_region";
    case error_code::unknown_survey: return "unknown_survey";
    case error_code::survey_mismatch: return "survey_mismatch";
    case error_code::unknown_stage: return "unknown_stage";
    case error_code::unsupported_locale: return "unsupported_locale";
    case error_code::unknown_question: return "unknown_question";
    case error_code::not_applicable: return "not_applicable";
    case error_code::required: return "required";
    case error_code::missing_label: return "missing_label";
    case error_code::unknown_template: return "unknown_template";
    case error_code::invalid_survey: return "invalid_survey";
  }
  return "unknown_error";
}

}  // namespace otklik
