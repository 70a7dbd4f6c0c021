// Ingest of NDJSON (threads, invalid lines, duplicates), collector databases, snapshots; terms.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "test_data.hpp"
#include "otklik/analysis/ingest.hpp"
#include "otklik/analysis/snapshot.hpp"
#include "otklik/analysis/terms.hpp"
#include "otklik/native/survey_dir.hpp"
#ifdef OTKLIK_TEST_WITH_COLLECTOR
#include "otklik/collector/storage/sqlite_store.hpp"
#endif

using namespace otklik;

namespace {

const native::survey_dir& surveys() { return test::vector_surveys(); }

std::vector<response> generated(std::uint64_t count, std::uint64_t seed) {
  return test::generated_responses(count, seed);
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("otklik-analysis-" + std::to_string(::getpid()) + "-" + name)).string();
}

// Groups by label so that stores with different codes compare.
std::map<std::vector<std::string>, group_counts> by_label(const columnar_store& store, const grouping& g) {
  std::map<std::vector<std::string>, group_counts> out;
  for (const group& item : aggregate(store, filter{}, g).groups) {
    std::vector<std::string> labels;
    for (std::size_t d = 0; d < g.by.size(); ++d) labels.push_back(key_label(store, g.by[d], item.key[d], g.period));
    out.emplace(labels, item.counts);
  }
  return out;
}

}  // namespace

TEST_CASE("NDJSON ingest on two threads counts invalid lines and drops repeated ids", "[analysis][ingest]") {
  const auto responses = generated(2000, 21);
  std::string ndjson;
  store_builder expected(surveys().surveys);
  for (std::size_t i = 0; i < responses.size(); ++i) {
    ndjson += to_json(responses[i]) + "\n";
    REQUIRE(expected.append(responses[i]));
    if (i == 10) ndjson += "{\"format\":\"otklik.response/1\"}\n";         // line 12
    if (i == 1500) ndjson += "\n" + to_json(responses[3]) + "\r\n";        // blank line, then a repeat of line 4
    if (i == 1800) ndjson += "not json\n";
  }
  analysis::ingest_options options;
  options.threads = 2;
  const auto result = analysis::ingest_ndjson(surveys().surveys, ndjson, "test.ndjson", options);
  REQUIRE(result.ok);
  CHECK(result.summary.lines == 2003);
  CHECK(result.summary.invalid == 2);
  CHECK(result.summary.duplicates == 1);
  REQUIRE(result.invalid_examples.size() == 2);
  CHECK(result.invalid_examples[0].line == 12);
  CHECK(result.invalid_examples[0].issues.front().code == error_code::missing_field);
  CHECK(result.invalid_examples[1].line == 1805);
  CHECK(result.invalid_examples[1].issues.front().code == error_code::invalid_json);
  CHECK(result.store.size() == 2000);
  const columnar_store whole = expected.finish();
  for (const grouping& g : {grouping{{dimension::service, dimension::stage}, period_unit::month},
                            grouping{{dimension::region, dimension::period}, period_unit::week}}) {
    CHECK(by_label(result.store, g) == by_label(whole, g));
  }
  options.drop_duplicates = false;
  CHECK(analysis::ingest_ndjson(surveys().surveys, ndjson, "test.ndjson", options).store.size() == 2001);
}

TEST_CASE("a snapshot reloads the same store and rejects damaged files", "[analysis][snapshot]") {
  const auto responses = generated(1500, 22);
  std::string ndjson;
  for (const response& r : responses) ndjson += to_json(r) + "\n";
  auto ingested = analysis::ingest_ndjson(surveys().surveys, ndjson, "x", {});
  REQUIRE(ingested.ok);
  const std::string path = temp_path("store.snapshot");
  REQUIRE(analysis::save_snapshot(path, ingested.store, ingested.summary).empty());
  CHECK(analysis::detect_input(path) == analysis::input_kind::snapshot);
  const auto loaded = analysis::load_snapshot(path);
  REQUIRE(loaded.ok);
  CHECK(loaded.summary.lines == 1500);
  CHECK(loaded.store.size() == ingested.store.size());
  CHECK(loaded.store.stages.words() == ingested.store.stages.words());
  CHECK(loaded.store.journey == ingested.store.journey);
  REQUIRE(loaded.store.segments.size() == ingested.store.segments.size());
  for (std::size_t i = 0; i < loaded.store.segments.size(); ++i) {
    CHECK(loaded.store.segments[i].comment_text == ingested.store.segments[i].comment_text);
    CHECK(loaded.store.segments[i].criterion_answers == ingested.store.segments[i].criterion_answers);
  }
  report_options options;
  CHECK(to_json(loaded.store, build_report(loaded.store, filter{}, options)) ==
        to_json(ingested.store, build_report(ingested.store, filter{}, options)));
  // Truncated and corrupted copies are refused with a sentence, never read out of bounds.
  const std::string bytes = [&] {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }();
  for (const std::size_t keep : {bytes.size() / 2, std::size_t{20}}) {
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(keep));
    const auto damaged = analysis::load_snapshot(path);
    CHECK_FALSE(damaged.ok);
    CHECK(damaged.error.find("damaged") != std::string::npos);
  }
  std::string flipped = bytes;
  for (std::size_t i = flipped.size() / 3; i < flipped.size() / 3 + 64; ++i) flipped[i] = static_cast<char>(0x7f);
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(flipped.data(), static_cast<std::streamsize>(flipped.size()));
  CHECK_FALSE(analysis::load_snapshot(path).ok);
  std::filesystem::remove(path);
}

#ifdef OTKLIK_TEST_WITH_COLLECTOR
TEST_CASE("a collector database is read like its NDJSON export", "[analysis][ingest]") {
  const auto responses = generated(800, 23);
  const std::string path = temp_path("collector.db");
  {
    auto opened = collector::open_sqlite_store(path);
    REQUIRE(opened.opened);
    std::vector<collector::stored_response> rows;
    for (response r : responses) {
      truncate_to_hour(r);
      rows.push_back({r.id, r.survey, r.service, r.stage, r.submitted_at, to_json(r)});
    }
    std::vector<const collector::stored_response*> batch;
    for (const auto& row : rows) batch.push_back(&row);
    REQUIRE(opened.opened->put_batch(batch).ok);
  }
  CHECK(analysis::detect_input(path) == analysis::input_kind::sqlite);
  const auto from_db = analysis::ingest(surveys().surveys, {path}, {});
  REQUIRE(from_db.ok);
  CHECK(from_db.summary.lines == 800);
  CHECK(from_db.summary.invalid == 0);
  CHECK(from_db.store.size() == 800);
  store_builder expected(surveys().surveys);
  for (const response& r : responses) REQUIRE(expected.append(r));
  const grouping g{{dimension::service, dimension::stage, dimension::channel}, period_unit::month};
  CHECK(by_label(from_db.store, g) == by_label(expected.finish(), g));
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
}
#endif

TEST_CASE("terms are Snowball stems without stop words or placeholders", "[analysis][terms]") {
  analysis::term_extractor extractor;
  std::vector<std::string> stems, forms;
  for (const auto& w : extractor.words("Очень долго ждал в ОЧЕРЕДИ, очередь огромная! Звоните [PHONE]; ёлка")) {
    stems.push_back(w.stem);
    forms.push_back(w.surface);
  }
  CHECK(forms == std::vector<std::string>{"долго", "ждал", "очереди", "очередь", "огромная", "звоните", "елка"});
  CHECK(stems[2] == stems[3]);   // очереди, очередь -> one term
  CHECK(stems[2] == "очеред");
  std::vector<std::string> english;
  for (const auto& w : extractor.words("The staff were waiting; waited for the [EMAIL] documents")) english.push_back(w.stem);
  CHECK(english == std::vector<std::string>{"staff", "wait", "wait", "document"});
}

TEST_CASE("top terms are counted per shown group, once per comment", "[analysis][terms]") {
  const auto responses = generated(3000, 24);
  store_builder builder(surveys().surveys);
  for (const response& r : responses) REQUIRE(builder.append(r));
  const columnar_store store = builder.finish();
  report_options options;
  const report r = build_report(store, filter{}, options);
  const auto terms = analysis::top_terms(store, filter{}, r);
  REQUIRE_FALSE(terms.empty());
  // Counting on one thread gives the same result as on two.
  analysis::term_options one;
  one.threads = 1;
  const auto single = analysis::top_terms(store, filter{}, r, one);
  REQUIRE(single.size() == terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    CHECK(group_shown(r, terms[i].key));
    CHECK(terms[i].comments == single[i].comments);
    REQUIRE(terms[i].terms.size() == single[i].terms.size());
    for (std::size_t t = 0; t < terms[i].terms.size(); ++t) {
      CHECK(terms[i].terms[t].term == single[i].terms[t].term);
      CHECK(terms[i].terms[t].comments == single[i].terms[t].comments);
      CHECK(terms[i].terms[t].comments <= terms[i].comments);
      CHECK(terms[i].terms[t].comments >= 3);
    }
  }
  // Placeholders never become terms; personal data never reaches the store.
  for (const auto& g : terms) {
    for (const auto& t : g.terms) CHECK(t.term != "phone");
  }
  for (const store_segment& s : store.segments) {
    CHECK(s.comment_text.find("123-45-67") == std::string::npos);
    CHECK(s.comment_text.find("anna.petrova@example.com") == std::string::npos);
  }
}
