// tests/collector/metrics_test.cpp — the Prometheus exposition: counters, cumulative histograms, gauges.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "otklik/collector/metrics.hpp"

using namespace otklik::collector;

TEST_CASE("metrics render counters, cumulative histogram buckets and gauges in Prometheus text format") {
  metrics m;
  m.observe_request(route::responses, 201, std::chrono::microseconds(300));
  m.observe_request(route::responses, 201, std::chrono::milliseconds(3));
  m.observe_request(route::responses, 429, std::chrono::microseconds(100));
  m.observe_rejection(rejection::rate_limited);
  m.observe_submission(submit_status::stored);
  m.observe_submission(submit_status::stored);
  m.observe_batch({3, std::chrono::microseconds(700), true, nullptr});
  m.observe_batch({20, std::chrono::microseconds(900), true, nullptr});
  const otklik::issue issues[] = {{"/answers/overall", otklik::error_code::out_of_range, "1..5"}};
  m.observe_issues(issues);
  const gauge gauges[] = {{"otklik_store_healthy", "1 when the store can commit.", 1.0}};
  const std::string text = m.render(gauges);

  CHECK(text.find("# TYPE otklik_http_responses_total counter\n") != std::string::npos);
  CHECK(text.find("otklik_http_responses_total{route=\"responses\",code=\"201\"} 2\n") != std::string::npos);
  CHECK(text.find("otklik_http_responses_total{route=\"responses\",code=\"429\"} 1\n") != std::string::npos);
  CHECK(text.find("otklik_http_request_duration_seconds_bucket{route=\"responses\",le=\"0.0005\"} 2\n") !=
        std::string::npos);
  CHECK(text.find("otklik_http_request_duration_seconds_bucket{route=\"responses\",le=\"+Inf\"} 3\n") !=
        std::string::npos);
  CHECK(text.find("otklik_http_request_duration_seconds_count{route=\"responses\"} 3\n") != std::string::npos);
  CHECK(text.find("otklik_submissions_rejected_total{reason=\"rate_limited\"} 1\n") != std::string::npos);
  CHECK(text.find("otklik_submissions_total{outcome=\"stored\"} 2\n") != std::string::npos);
  CHECK(text.find("otklik_validation_issues_total{code=\"out_of_range\"} 1\n") != std::string::npos);
  CHECK(text.find("otklik_store_batch_size_bucket{le=\"4\"} 1\n") != std::string::npos);
  CHECK(text.find("otklik_store_batch_size_bucket{le=\"32\"} 2\n") != std::string::npos);
  CHECK(text.find("otklik_store_batch_size_sum 23\n") != std::string::npos);
  CHECK(text.find("otklik_store_batch_size_count 2\n") != std::string::npos);
  CHECK(text.find("# TYPE otklik_store_healthy gauge\notklik_store_healthy 1\n") != std::string::npos);
}
