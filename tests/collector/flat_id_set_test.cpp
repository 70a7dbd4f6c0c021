// tests/collector/flat_id_set_test.cpp — the writer's flat set of ids: what goes in is found, what is erased
// is not, views stay valid while the table grows, and colliding hashes are told apart by their bytes.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "flat_id_set.hpp"

using otklik::collector::detail::flat_id_set;

namespace {
std::string id_of(int n) { return "flat-set-id-" + std::to_string(n) + "-xxxxxxxx"; }
}  // namespace

TEST_CASE("the flat id set finds every id inserted, keeps its views through growth, and forgets erased ids") {
  flat_id_set set;
  std::vector<std::string_view> views;
  for (int n = 0; n < 50000; ++n) {
    const std::string id = id_of(n);
    const auto [view, added] = set.insert(id, flat_id_set::hash(id));
    CHECK(added);
    views.push_back(view);
  }
  CHECK(set.size() == 50000);
  const std::string again = id_of(7);
  CHECK_FALSE(set.insert(again, flat_id_set::hash(again)).second);
  for (int n = 0; n < 50000; ++n) REQUIRE(views[static_cast<std::size_t>(n)] == id_of(n));
  for (int n = 0; n < 50000; n += 2) set.erase(id_of(n), flat_id_set::hash(id_of(n)));
  CHECK(set.size() == 25000);
  int wrong = 0;
  for (int n = 0; n < 50000; ++n) {
    const std::string id = id_of(n);
    wrong += set.contains(id, flat_id_set::hash(id)) == (n % 2 == 1) ? 0 : 1;
  }
  CHECK(wrong == 0);
  std::size_t visited = 0;
  set.for_each([&visited](std::string_view) { ++visited; });
  CHECK(visited == 25000);
}

TEST_CASE("ids with the same hash are different members of the flat id set") {
  flat_id_set set;
  for (int n = 0; n < 100; ++n) CHECK(set.insert(id_of(n), 42).second);
  for (int n = 0; n < 100; ++n) CHECK(set.contains(id_of(n), 42));
  CHECK_FALSE(set.contains(id_of(100), 42));
  set.erase(id_of(50), 42);
  CHECK_FALSE(set.contains(id_of(50), 42));
  CHECK(set.contains(id_of(99), 42));  // found past the erased slot
}
