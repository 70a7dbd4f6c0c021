// otklik/collector/storage/store.hpp — the collector's storage interface: SQLite is the embedded
// implementation; a PostgreSQL backend implements the same three calls for deployments that run
// several collectors.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace otklik::collector {

// What the collector keeps of one submission: the validated, redacted response, with submitted_at
// already truncated to the hour; the columns beside the body let a store index and prune without parsing.
struct stored_response {
  std::string id;            // the client's idempotency key
  std::string survey;
  std::string service;
  std::string stage;
  std::string submitted_at;  // "YYYY-MM-DDTHH:00:00Z", the same value as in the body
  std::string body;          // canonical otklik.response/1 JSON
};

// Whether a record was written by this batch or an earlier one had the same id (idempotency).
enum class put_status : std::uint8_t { stored, duplicate };

// The outcome of one transaction: a status per record in batch order, or why nothing was written.
struct batch_result {
  bool ok = false;
  std::vector<put_status> statuses;
  std::string error;
};

// Streams stored responses in arrival order without holding them in memory (export, analysis).
class response_cursor {
 public:
  virtual ~response_cursor() = default;
  // The next stored body, valid until the next call; false at the end or on failure (see error()).
  [[nodiscard]] virtual bool next(std::string_view& body) = 0;
  // Why next() stopped early; empty at a normal end.
  [[nodiscard]] virtual const std::string& error() const = 0;
};

// A durable home for responses. put_batch is called by one writer thread at a time; healthy() and
// scan() may run concurrently with it from other threads.
class store {
 public:
  virtual ~store() = default;
  // Writes the whole batch in one transaction; when it returns ok, every record is durable.
  [[nodiscard]] virtual batch_result put_batch(std::span<const stored_response* const> batch) = 0;
  // Whether a write could commit now (GET /healthz answers 200 only then).
  [[nodiscard]] virtual bool healthy() = 0;
  // Every stored response in arrival order, as the store was when the cursor read its first row.
  [[nodiscard]] virtual std::unique_ptr<response_cursor> scan() = 0;
};

}  // namespace otklik::collector
