// Filter arguments: ids become the store's codes, months become the core's half-open hour range, and anything
// unknown is an error that names it.
#include <catch2/catch.hpp>

#include "app/filter_state.hpp"
#include "otklik/period.hpp"
#include "review_fixture.hpp"

using namespace otklik;
using namespace otklik::review;

TEST_CASE("filter arguments name ids, channels and months", "[review]") {
  const columnar_store& store = test::test_dataset()->store;
  filter_state state;
  REQUIRE(apply_filter_argument(state, store, "stage=application,info").empty());
  REQUIRE(apply_filter_argument(state, store, "channel=office").empty());
  REQUIRE(apply_filter_argument(state, store, "from=2026-09").empty());
  REQUIRE(apply_filter_argument(state, store, "to=2026-10").empty());
  const filter f = state.to_filter();
  CHECK(f.stages.size() == 2);
  CHECK(std::find(f.stages.begin(), f.stages.end(), *store.stages.find("application")) != f.stages.end());
  CHECK(f.channels == std::vector<std::uint32_t>{static_cast<std::uint32_t>(channel::office)});
  CHECK(f.first_hour == *hour_index("2026-09-01T00:00:00Z"));
  CHECK(f.end_hour == *hour_index("2026-11-01T00:00:00Z"));
  CHECK_FALSE(state.empty());
}

TEST_CASE("unknown filter dimensions and values are refused", "[review]") {
  const columnar_store& store = test::test_dataset()->store;
  filter_state state;
  CHECK_THAT(apply_filter_argument(state, store, "stage=nowhere"), Catch::Contains("nowhere"));
  CHECK_THAT(apply_filter_argument(state, store, "colour=red"), Catch::Contains("colour"));
  CHECK_THAT(apply_filter_argument(state, store, "from=2026-13"), Catch::Contains("YYYY-MM"));
  CHECK_THAT(apply_filter_argument(state, store, "stage"), Catch::Contains("dimension=value"));
  CHECK(state.empty());
}
