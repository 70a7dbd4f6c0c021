// native/collector/intake.cpp — validation and anonymization of one submission, and its answer once committed.
#include "otklik/collector/intake.hpp"

#include "otklik/json_writer.hpp"
#include "otklik/messages.hpp"
#include "otklik/redact.hpp"
#include "otklik/response.hpp"

namespace otklik::collector {
namespace {

// The acknowledgement body; ids are [A-Za-z0-9_-] after validation, so no escaping is needed.
std::string acknowledgement(const std::string& id, std::string_view status) {
  std::string body;
  body.reserve(id.size() + 32);
  body.append("{\"id\":\"").append(id).append("\",\"status\":\"").append(status).append("\"}");
  return body;
}

}  // namespace

std::string errors_json(const std::vector<issue>& issues, std::string_view locale) {
  std::string out;
  json_writer json(out);
  json.begin_object().key("errors");
  write_issues(json, issues, locale);
  json.end_object();
  return out;
}

intake::intake(const survey_set& surveys, metrics& counters, limits bounds)
    : surveys_(surveys), counters_(counters), bounds_(bounds) {}

intake_check intake::check(validator& checker, std::string_view body, std::string_view locale) {
  result<response> checked = checker.check(surveys_, body);
  intake_check outcome;
  if (!checked) {
    counters_.observe_issues(checked.issues());
    outcome.rejection = {400, errors_json(checked.issues(), locale)};
    return outcome;
  }
  response& r = checked.value();
  anonymize(r);
  truncate_to_hour(r);
  outcome.valid = true;
  std::string canonical = to_json(r);  // before the fields move out of r
  outcome.record = {std::move(r.id),         std::move(r.survey),       std::move(r.service),
                    std::move(r.stage),      std::move(r.submitted_at), std::move(canonical)};
  return outcome;
}

intake_reply intake::acknowledge(const std::string& id, submit_status outcome) {
  counters_.observe_submission(outcome);
  switch (outcome) {
    case submit_status::stored:
      return {201, acknowledgement(id, "stored")};
    case submit_status::duplicate:
      return {200, acknowledgement(id, "duplicate")};
    case submit_status::failed:
      break;
  }
  return {503, R"({"error":"store_unavailable"})"};
}

}  // namespace otklik::collector
