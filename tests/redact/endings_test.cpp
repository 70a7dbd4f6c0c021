// Word endings (endings.cpp): patronymics, surnames and adjectives are told by their last letters in every
// case form, capitals folded, and ordinary words and other scripts are not mistaken for them.
#include <catch2/catch.hpp>

#include <string_view>

#include "redact/words.hpp"

namespace {
unsigned classes(std::string_view word) {
  const auto* b = reinterpret_cast<const otklik::detail::byte*>(word.data());
  return otklik::detail::ending_classes(b, b + word.size());
}
using otklik::detail::ending_adjective;
using otklik::detail::ending_patronymic;
using otklik::detail::ending_surname;
using otklik::detail::ending_weak_surname;
}  // namespace

TEST_CASE("Endings: patronymics in every case, either letter case", "[redact][endings]") {
  for (std::string_view w : {"иванович", "ивановича", "ивановичу", "ивановичем", "ивановиче", "ильич", "кузьмичом",
                             "никитич", "петровна", "петровны", "петровне", "петровну", "петровной", "петровною",
                             "ильинична", "ильиничной", "ИВАНОВИЧ", "Петровне"})
    CHECK((classes(w) & ending_patronymic) != 0);
  for (std::string_view w : {"иванов", "почему", "главный", "ночь", "петровнах", "ivanovich", "вич"})
    CHECK((classes(w) & ending_patronymic) == (w == "вич" ? ending_patronymic : 0u));
}

TEST_CASE("Endings: surnames strong and weak, adjectives", "[redact][endings]") {
  for (std::string_view w : {"иванов", "иванова", "ивановым", "ивановой", "королёв", "пушкин", "достоевского",
                             "троцкая", "петросян", "ковальчук", "шевченко", "чавчавадзе", "окуджавашвили", "СИДОРОВУ"})
    CHECK((classes(w) & ending_surname) != 0);
  for (std::string_view w : {"белых", "рабинович", "гофман", "гофмана"}) {
    CHECK((classes(w) & ending_weak_surname) != 0);
    CHECK((classes(w) & ending_surname) == 0);
  }
  for (std::string_view w : {"грозный", "тверская", "красное", "новому", "Синий"}) CHECK((classes(w) & ending_adjective) != 0);
  for (std::string_view w : {"москва", "спасибо", "окно", "smirnov", "ov", "", "ов-"}) CHECK(classes(w) == 0);
}

TEST_CASE("Endings: surname_ending_holds needs three letters, four for the weak endings", "[redact][endings]") {
  using otklik::detail::surname_ending_holds;
  CHECK(surname_ending_holds(ending_surname, 3, true));
  CHECK_FALSE(surname_ending_holds(ending_surname, 2, false));
  CHECK_FALSE(surname_ending_holds(ending_weak_surname, 5, true));
  CHECK(surname_ending_holds(ending_weak_surname, 4, false));
  CHECK_FALSE(surname_ending_holds(ending_weak_surname, 3, false));
}
