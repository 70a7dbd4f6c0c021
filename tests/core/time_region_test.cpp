// RFC 3339 UTC timestamps, hour truncation and ISO 3166-2 region codes.
#include <catch2/catch.hpp>

#include "detail/region_codes.hpp"
#include "detail/time_format.hpp"
#include "otklik/response.hpp"

using otklik::detail::is_iso3166_2;
using otklik::detail::is_rfc3339_utc;

TEST_CASE("RFC 3339 UTC timestamps", "[time]") {
  CHECK(is_rfc3339_utc("2026-11-27T10:00:00Z"));
  CHECK(is_rfc3339_utc("2026-11-27t10:00:00z"));
  CHECK(is_rfc3339_utc("2026-11-27T10:00:00.123456789Z"));
  CHECK(is_rfc3339_utc("2026-11-27T10:00:00+00:00"));
  CHECK(is_rfc3339_utc("2024-02-29T00:00:00Z"));
  CHECK(is_rfc3339_utc("2000-02-29T00:00:00Z"));
  CHECK(is_rfc3339_utc("2016-12-31T23:59:60Z"));  // leap second
  CHECK_FALSE(is_rfc3339_utc("1900-02-29T00:00:00Z"));
  CHECK_FALSE(is_rfc3339_utc("2026-11-27 10:00:00Z"));
  CHECK_FALSE(is_rfc3339_utc("2026-11-27T10:00:00"));
  CHECK_FALSE(is_rfc3339_utc("2026-11-27T10:00:00+03:00"));
  CHECK_FALSE(is_rfc3339_utc("2026-11-27T10:00:00-00:00"));
  CHECK_FALSE(is_rfc3339_utc("2026-11-27T10:00:00.Z"));
  CHECK_FALSE(is_rfc3339_utc("2026-11-27T10:00:00.1234567890Z"));
  CHECK_FALSE(is_rfc3339_utc("2026-13-01T10:00:00Z"));
  CHECK_FALSE(is_rfc3339_utc("2026-04-31T10:00:00Z"));
  CHECK_FALSE(is_rfc3339_utc("2026-11-27T10:60:00Z"));
  CHECK_FALSE(is_rfc3339_utc("2026-11-27"));
  CHECK_FALSE(is_rfc3339_utc(""));
}

TEST_CASE("submitted_at is truncated to the hour", "[time]") {
  otklik::response r;
  r.submitted_at = "2026-11-27t10:41:07.5z";
  otklik::truncate_to_hour(r);
  CHECK(r.submitted_at == "2026-11-27T10:00:00Z");
  r.submitted_at = "2026-11-27T23:59:59+00:00";
  otklik::truncate_to_hour(r);
  CHECK(r.submitted_at == "2026-11-27T23:00:00Z");
}

TEST_CASE("ISO 3166-2 region codes", "[region]") {
  CHECK(is_iso3166_2("RU-MOW"));
  CHECK(is_iso3166_2("RU-SPE"));
  CHECK(is_iso3166_2("US-CA"));
  CHECK(is_iso3166_2("FR-75"));
  CHECK(is_iso3166_2("GB-1"));
  CHECK(is_iso3166_2("AD-02"));
  CHECK(is_iso3166_2("ZW-HA"));
  CHECK_FALSE(is_iso3166_2("XX-MOW"));   // no such country
  CHECK_FALSE(is_iso3166_2("ru-mow"));
  CHECK_FALSE(is_iso3166_2("RU"));
  CHECK_FALSE(is_iso3166_2("RU-"));
  CHECK_FALSE(is_iso3166_2("RU-MOSC"));
  CHECK_FALSE(is_iso3166_2("RUS-MOW"));
  CHECK_FALSE(is_iso3166_2("RU_MOW"));
}

TEST_CASE("ISO 3166-2 region codes: exactly the 249 assigned country codes of all letter pairs", "[region]") {
  int countries = 0;
  for (char first = 'A'; first <= 'Z'; ++first) {
    for (char second = 'A'; second <= 'Z'; ++second) countries += is_iso3166_2(std::string{first, second, '-', '1'});
  }
  CHECK(countries == 249);
  CHECK_FALSE(is_iso3166_2("@A-1"));  // the bytes beside A..Z
  CHECK_FALSE(is_iso3166_2("A[-1"));
  CHECK_FALSE(is_iso3166_2("AB-1"));  // not assigned
  CHECK(is_iso3166_2("AZ-1"));
}
