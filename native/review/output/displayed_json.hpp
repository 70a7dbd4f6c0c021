// displayed_json.hpp — the numbers the views show, as JSON (`--dump-json FILE`), so tests can hold them against
// the core's own aggregate() and metrics for the same filter.
#pragma once

#include <string>

#include "app/models.hpp"

namespace otklik::review {

// {"k", "responses", "total": metrics, "services": [...], "journeys": [...], "drivers": [...], "alerts": n};
// numbers in the core's report format, hidden values absent (with "suppressed": true and counts as "<k").
[[nodiscard]] std::string displayed_json(const view_models& m);

}  // namespace otklik::review
