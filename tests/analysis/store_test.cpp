// The columnar store: encoding, merging parts built separately, removing rows, compactness.
#include <catch2/catch.hpp>

#include <map>

#include "test_data.hpp"
#include "otklik/aggregate.hpp"
#include "otklik/native/survey_dir.hpp"

using namespace otklik;

namespace {

const native::survey_dir& surveys() { return test::vector_surveys(); }

std::vector<response> generated(std::uint64_t count, std::uint64_t seed) {
  return test::generated_responses(count, seed);
}

}  // namespace

TEST_CASE("dictionaries keep first-seen codes and rebuild from their words", "[analysis][store]") {
  dictionary d;
  CHECK(d.intern("b") == 0);
  CHECK(d.intern("a") == 1);
  CHECK(d.intern("b") == 0);
  CHECK(d.find("a") == 1u);
  CHECK_FALSE(d.find("c").has_value());
  const dictionary copy(d.words());
  CHECK(copy.find("a") == 1u);
  CHECK(copy.word(0) == "b");
}

TEST_CASE("a store built in two parts and merged aggregates like one built whole", "[analysis][store]") {
  const auto responses = generated(3000, 7);
  store_builder whole(surveys().surveys), first(surveys().surveys), second(surveys().surveys);
  for (std::size_t i = 0; i < responses.size(); ++i) {
    REQUIRE(whole.append(responses[i]));
    // The second part sees responses in reverse, so its region codes differ from the first part's.
    REQUIRE((i < responses.size() / 2 ? first : second).append(responses[responses.size() - 1 - i]));
  }
  const columnar_store one = whole.finish();
  columnar_store merged = first.finish();
  merge_into(merged, second.finish());
  CHECK(merged.size() == one.size());
  for (const grouping& g : {grouping{{dimension::region, dimension::stage}, period_unit::month},
                            grouping{{dimension::service, dimension::locale, dimension::period}, period_unit::week}}) {
    // Codes differ between the two stores, so groups are compared by their labels.
    const auto by_label = [&](const columnar_store& store) {
      std::map<std::vector<std::string>, group_counts> out;
      for (const group& item : aggregate(store, filter{}, g).groups) {
        std::vector<std::string> labels;
        for (std::size_t d = 0; d < g.by.size(); ++d) labels.push_back(key_label(store, g.by[d], item.key[d], g.period));
        out.emplace(labels, item.counts);
      }
      return out;
    };
    const auto a = by_label(one), b = by_label(merged);
    CHECK(a.size() > 10);
    CHECK(a == b);
  }
}

TEST_CASE("removing rows keeps columns and comments aligned", "[analysis][store]") {
  const auto responses = generated(400, 11);
  store_builder builder(surveys().surveys);
  for (const response& r : responses) REQUIRE(builder.append(r));
  columnar_store store = builder.finish();
  store_segment& s = store.segments.front();
  const std::size_t before = s.size();
  REQUIRE(s.comment_row.size() >= 4);
  // Remove the rows of the first two comments and one row without a comment.
  std::vector<std::uint32_t> rows = {s.comment_row[0], s.comment_row[1]};
  std::uint32_t plain_row = 0;
  while (std::find(s.comment_row.begin(), s.comment_row.end(), plain_row) != s.comment_row.end()) ++plain_row;
  rows.push_back(plain_row);
  std::sort(rows.begin(), rows.end());
  const std::string third_comment(s.comment(2));
  const std::uint32_t third_row = s.comment_row[2];
  const std::uint32_t third_hour = s.hour[third_row];
  const std::size_t comments = s.comment_row.size();
  remove_rows(s, rows);
  CHECK(s.size() == before - 3);
  CHECK(s.comment_row.size() == comments - 2);
  CHECK(s.comment(0) == third_comment);
  CHECK(s.hour[s.comment_row[0]] == third_hour);
  for (const auto& column : s.criterion_answers) CHECK(column.size() == s.size());
}

TEST_CASE("the store holds at most 50 bytes per response, comments apart", "[analysis][store]") {
  const auto responses = generated(2000, 3);
  store_builder builder(surveys().surveys);
  for (const response& r : responses) REQUIRE(builder.append(r));
  const columnar_store store = builder.finish();
  CHECK(static_cast<double>(store.row_bytes()) / static_cast<double>(store.size()) <= 50.0);
  CHECK(store.comment_bytes() > 0);
}
