// tests/collector/merged_id_filter_test.cpp — the Bloom filter of merged ids: never a false "new", rarely a
// false "maybe", and "maybe" for everything once past its capacity.
#include <catch2/catch.hpp>
#include <string>

#include "merged_id_filter.hpp"

using otklik::collector::detail::merged_id_filter;

namespace {
std::string id_of(int n) { return "filter-id-" + std::to_string(n) + "-xxxxxxxxxx"; }
}  // namespace

TEST_CASE("the merged id filter finds every id added and rejects nearly every other") {
  merged_id_filter filter(100000);
  for (int n = 0; n < 100000; n += 2) filter.add(id_of(n));
  int missed = 0, false_maybe = 0;
  for (int n = 0; n < 100000; n += 2) missed += filter.may_contain(id_of(n)) ? 0 : 1;
  for (int n = 1; n < 100000; n += 2) false_maybe += filter.may_contain(id_of(n)) ? 1 : 0;
  CHECK(missed == 0);
  CHECK(false_maybe < 500);  // under 1% of 50,000 ids never added (at half its capacity)
}

TEST_CASE("past its capacity the merged id filter answers maybe for every id") {
  merged_id_filter filter(64);
  for (int n = 0; n < 65; ++n) filter.add(id_of(n));
  for (int n = 1000; n < 1100; ++n) CHECK(filter.may_contain(id_of(n)));
}
