// Case folding for comment search: Latin and Cyrillic capitals (Ё too) fold, everything else stays.
#include <catch2/catch.hpp>

#include "app/text_fold.hpp"

using otklik::review::fold_case;

TEST_CASE("search folds Latin and Cyrillic capitals, Ё included", "[review]") {
  CHECK(fold_case("ОЧЕРЕДЬ Ёлка Queue") == "очередь ёлка queue");
  CHECK(fold_case("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ") == "абвгдежзийклмнопрстуфхцчшщъыьэюя");
  CHECK(fold_case("ЀЂЃЄЅІЇЈЉЊЋЌЍЎЏ") == "ѐђѓєѕіїјљњћќѝўџ");
  // Lower case, digits, placeholders and other scripts are unchanged.
  CHECK(fold_case("уже строчные 123 [PHONE]") == "уже строчные 123 [phone]");
  CHECK(fold_case("日本 ÄÖ") == "日本 ÄÖ");
  CHECK(fold_case("") == "");
}
