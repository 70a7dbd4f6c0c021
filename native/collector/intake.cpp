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

intake::~intake() = default;

std::unique_ptr<validator> intake::borrow() {
  {
    const std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!pool_.empty()) {
      std::unique_ptr<validator> v = std::move(pool_.back());
      pool_.pop_back();
      return v;
    }
  }
  return std::make_unique<validator>(bounds_);
}

void intake::give_back(std::unique_ptr<validator> v) {
  const std::lock_guard<std::mutex> lock(pool_mutex_);
  pool_.push_back(std::move(v));
}

intake_check intake::check(std::string_view body, std::string_view locale) {
  std::unique_ptr<validator> checker = borrow();
  result<response> checked = checker->check(surveys_, body);
  give_back(std::move(checker));
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
  outcome.record = {r.id, r.survey, r.service, r.stage, r.submitted_at, to_json(r)};
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
