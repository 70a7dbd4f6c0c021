// Exports: the HTML report is the analysis library's for the viewer's filter, CSV cells are quoted by RFC 4180,
// and a PNG of the view is the right rectangle of the frame.
#include <catch2/catch.hpp>

#include <cstdio>

#include "output/export.hpp"
#include "output/screenshot.hpp"
#include "review_fixture.hpp"
#include "views/format.hpp"

using namespace otklik;
using namespace otklik::review;

TEST_CASE("Make report writes the HTML report of the rows the filter passes", "[review]") {
  const dataset_ptr data = test::test_dataset();
  report_job job;
  job.data = data;
  job.rows.services = {*data->store.services.find("passport-renewal")};
  job.path = test::output_path("report.html");
  std::remove(job.path.c_str());
  REQUIRE(write_html_report(job).empty());
  const std::string html = test::file_text(job.path);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("Passport renewal") != std::string::npos);
  CHECK(html.find("Child benefit") == std::string::npos);   // filtered out

  job.lang = language::ru;
  REQUIRE(write_html_report(job).empty());
  CHECK(test::file_text(job.path).find("Замена паспорта") != std::string::npos);

  job.path = "/nonexistent-folder/report.html";
  CHECK_THAT(write_html_report(job), Catch::Contains("cannot write"));
}

TEST_CASE("CSV cells with commas, quotes or line breaks are quoted", "[review]") {
  csv_table table({"a", "b"});
  table.row({"plain", "with, comma"});
  table.row({"say \"hi\"", "two\nlines"});
  CHECK(table.text() == "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
}

TEST_CASE("numbers read with a true minus, fixed decimals and hidden counts as <k", "[review]") {
  CHECK(fixed(-1.234, 2) == "−1.23");
  CHECK(fixed(-0.001, 2) == "0.00");
  CHECK(fixed(std::numeric_limits<double>::quiet_NaN(), 2) == "—");
  CHECK(signed_fixed(0.5, 1) == "+0.5");
  CHECK(count_text(1234567, false, 10) == "1 234 567");
  CHECK(count_text(7, true, 10) == "<10");
  CHECK(interval_text({3.1, 3.25}, 2) == "[3.10, 3.25]");
  CHECK(percent(0.4567) == "45.7 %");
  CHECK(csv_number(1.5, true).empty());
}

TEST_CASE("a PNG of the view is cut from the frame at the view's rectangle", "[review]") {
  image frame;
  frame.width = 4;
  frame.height = 3;
  for (int i = 0; i < 12; ++i) {
    for (int c = 0; c < 4; ++c) frame.rgba.push_back(static_cast<unsigned char>(c == 3 ? 255 : i * 10 + c));   // opaque
  }
  const image part = crop(frame, 1, 1, 2, 5);   // clamped to the frame
  REQUIRE(part.width == 2);
  REQUIRE(part.height == 2);
  CHECK(part.rgba[0] == 50);    // pixel (1, 1) is pixel 5
  CHECK(part.rgba[4 * 3] == 100);   // pixel (2, 2) is pixel 10
  const std::string path = test::output_path("crop.png");
  REQUIRE(write_png(path, part).empty());
  const test::png_pixels back = test::read_png(path);
  CHECK(back.width == 2);
  CHECK(back.rgba == part.rgba);
  CHECK_FALSE(write_png(path, image{}).empty());
}
