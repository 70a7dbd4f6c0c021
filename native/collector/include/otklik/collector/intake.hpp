// otklik/collector/intake.hpp — the path of one submission from request body to durable store:
// re-check with the core's validator (never trust the client), anonymize, truncate the time to the
// hour; then, once the group committer has its outcome, the answer. Independent of the HTTP library.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "otklik/collector/metrics.hpp"
#include "otklik/collector/storage/group_commit.hpp"
#include "otklik/validate.hpp"

namespace otklik::collector {

// The HTTP status and JSON body for one submission.
struct intake_reply {
  int status = 500;
  std::string body;
};

// A checked submission: the record to commit, or (when `valid` is false) the 400 to answer.
struct intake_check {
  bool valid = false;
  stored_response record;
  intake_reply rejection;
};

class intake {
 public:
  // `surveys` and `counters` must outlive the intake.
  intake(const survey_set& surveys, metrics& counters, limits bounds);

  // A validator with this intake's limits. Validators keep parser buffers and are not thread-safe:
  // each thread that checks submissions keeps its own.
  [[nodiscard]] validator new_validator() const { return validator(bounds_); }
  // Validates with `checker` (from new_validator), anonymizes and truncates the time to the hour; a 400
  // with the issues (messages in `locale`) when invalid. Counts the issues of rejected submissions.
  [[nodiscard]] intake_check check(validator& checker, std::string_view body, std::string_view locale);
  // 201 stored, 200 duplicate, 503 when the store failed; counts the outcome.
  [[nodiscard]] intake_reply acknowledge(const std::string& id, submit_status outcome);

 private:
  const survey_set& surveys_;
  metrics& counters_;
  limits bounds_;
};

// {"errors":[{"path":..,"code":..,"message":..},...]} with messages in `locale`.
[[nodiscard]] std::string errors_json(const std::vector<issue>& issues, std::string_view locale);

}  // namespace otklik::collector
