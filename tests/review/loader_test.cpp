// The loader: NDJSON with its surveys and a snapshot without them, read on the loader's thread while the caller
// keeps going; the newest request wins; an input that cannot be read is an error, not a crash.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "app/loader.hpp"
#include "otklik/analysis/snapshot.hpp"
#include "review_fixture.hpp"

using namespace otklik;
using namespace otklik::review;

namespace {

// Polls as the interface does, one "frame" at a time, until the load is done.
load_outcome wait_for(loader& l) {
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    if (auto outcome = l.take()) return std::move(*outcome);
    REQUIRE(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

TEST_CASE("the loader reads NDJSON with its surveys and a snapshot without them", "[review]") {
  const std::string surveys = std::string(OTKLIK_VECTORS_DIR) + "/surveys";
  loader l;
  l.start({surveys, {OTKLIK_REVIEW_DATA}});
  const load_outcome ndjson = wait_for(l);
  REQUIRE(ndjson.ok);
  CHECK(ndjson.data->store.size() == test::test_dataset()->store.size());
  CHECK(ndjson.data->cube.has_value());
  CHECK(ndjson.data->first_hour < ndjson.data->last_hour);
  CHECK(l.progress() == Approx(1.0f));
  CHECK_FALSE(l.busy());

  const std::string snapshot = test::output_path("responses.snapshot");
  REQUIRE(analysis::save_snapshot(snapshot, ndjson.data->store, ndjson.data->summary).empty());
  l.start({"", {snapshot}});
  const load_outcome reloaded = wait_for(l);
  REQUIRE(reloaded.ok);
  CHECK(reloaded.data->store.size() == ndjson.data->store.size());
  CHECK(reloaded.data->cube->cells.groups.size() == ndjson.data->cube->cells.groups.size());
}

TEST_CASE("the loader says why it cannot load, and only the newest request counts", "[review]") {
  loader l;
  l.start({"", {OTKLIK_REVIEW_DATA}});
  const load_outcome no_surveys = wait_for(l);
  CHECK_FALSE(no_surveys.ok);
  CHECK_THAT(no_surveys.error, Catch::Contains("--surveys"));

  const std::string surveys = std::string(OTKLIK_VECTORS_DIR) + "/surveys";
  l.start({surveys, {"/nonexistent/responses.ndjson"}});
  l.start({surveys, {OTKLIK_REVIEW_DATA}});   // replaces the first before or after it ran
  const load_outcome newest = wait_for(l);
  CHECK(newest.ok);
  CHECK(newest.data->inputs == std::vector<std::string>{OTKLIK_REVIEW_DATA});
  CHECK_FALSE(l.take().has_value());
}
