// Places and dates for the corpus: Russian postal addresses (postcode, region, city, street, house,
// building, flat in their usual written orders), English/US/UK addresses, city names, dates of birth.
#include <string>

#include "corpus.hpp"

namespace otklik::corpus {

namespace {

std::string russian_street(rng& r) {
  static const char* const names_gen[] = {"Ленина", "Пушкина", "Гагарина", "Кирова", "Мира", "Победы",
                                          "Маршала Жукова", "Академика Королёва", "Чехова", "Лермонтова",
                                          "Горького", "8 Марта", "Строителей", "Энтузиастов"};
  static const char* const names_adj[] = {"Советская", "Садовая", "Лесная", "Центральная", "Молодёжная",
                                          "Школьная", "Новая", "Заречная", "Октябрьская", "Первомайская", "1-я Парковая"};
  switch (r.below(12)) {
    case 0: case 1: case 2: return std::string("ул. ") + one_of(r, names_gen);
    case 3: return std::string("улица ") + one_of(r, names_gen);
    case 4: case 5: return std::string("ул. ") + one_of(r, names_adj);
    case 6: return cat() << std::string(r.chance(50) ? "пр-т " : "проспект ") << one_of(r, names_gen);
    case 7: return cat() << std::string(r.chance(50) ? "пер. " : "переулок ") << one_of(r, {"Садовый", "Кривоколенный", "Школьный", "Почтовый"});
    case 8: return cat() << std::string(r.chance(50) ? "б-р " : "бульвар ") << one_of(r, names_gen);
    case 9: return one_of(r, {"Тверская улица", "Ленинский проспект", "Невский пр-т", "Кутузовский проспект"});
    case 10: return std::string("мкр. ") + one_of(r, {"Северный", "Южный", "Солнечный"});
    default: return std::string("наб. ") + one_of(r, {"Фонтанки", "Мойки", "Обводного канала"});
  }
}

std::string russian_house(rng& r) {
  const std::string n = std::to_string(r.between(1, 150));
  switch (r.below(9)) {
    case 0: case 1: case 2: return "д. " + n;
    case 3: return "д." + n;
    case 4: return "дом " + n;
    case 5: return "д. " + n + (r.chance(50) ? "А" : "б");
    case 6: return "д. " + n + ", корп. " + std::to_string(r.between(1, 5));
    case 7: return "д. " + n + "/" + std::to_string(r.between(1, 9));
    default: return "д. " + n + " стр. " + std::to_string(r.between(1, 4));
  }
}

std::string russian_flat(rng& r) {
  const std::string n = std::to_string(r.between(1, 350));
  switch (r.below(6)) {
    case 0: case 1: case 2: return ", кв. " + n;
    case 3: return " кв. " + n;
    case 4: return ", квартира " + n;
    default: return "";
  }
}

std::string city_line(rng& r) {
  static const char* const cities[] = {"г. Москва", "г. Химки", "г. Казань", "город Екатеринбург", "г. Тула",
                                       "г. Новосибирск", "пос. Первомайский", "г. Санкт-Петербург", "г. Подольск"};
  return one_of(r, cities);
}

std::string region_line(rng& r) {
  static const char* const regions[] = {"Московская обл.", "Ленинградская область", "Свердловская обл.",
                                        "Краснодарский край", "Республика Татарстан", "Тульская область"};
  return one_of(r, regions);
}

std::string postcode(rng& r) { return std::to_string(r.between(101000, 692999)); }

std::string uk_postcode(rng& r) {
  static const char* const outward[] = {"SW1A", "NW1", "M1", "LS1", "EC2A", "B33", "CR2", "E14", "W1T"};
  std::string in = std::to_string(r.between(1, 9));
  in += static_cast<char>('A' + r.below(26));
  in += static_cast<char>('A' + r.below(26));
  return std::string(one_of(r, outward)) + " " + in;
}

}  // namespace

std::string russian_address(rng& r) {
  const std::string street = russian_street(r);
  std::string house = russian_house(r);
  std::string flat = russian_flat(r);
  switch (r.below(10)) {
    case 0: case 1: return cat() << postcode(r) << ", " << city_line(r) << ", " << street << ", " << house << flat;
    case 2: case 3: return city_line(r) + ", " + street + ", " + house + flat;
    case 4: case 5: case 6: return street + ", " + house + flat;
    case 7: return cat() << street << " " << std::to_string(r.between(1, 99)) << "-" << std::to_string(r.between(1, 200));
    case 8: return cat() << region_line(r) << ", " << city_line(r) << ", " << street << ", " << house << flat;
    default: return cat() << postcode(r) << ", " << region_line(r) << ", " << city_line(r) << ", " << street << ", " << house;
  }
}

std::string english_address(rng& r) {
  static const char* const names[] = {"Baker", "Main", "Oak", "Maple", "High", "Church", "Park", "Elm",
                                      "Washington", "Lake", "Hill", "Victoria", "King", "Queen"};
  static const char* const types[] = {"Street", "St", "Avenue", "Ave", "Road", "Rd", "Lane", "Drive",
                                      "Boulevard", "Blvd", "Way", "Place", "Court"};
  static const char* const us_cities[] = {"Springfield, IL", "Chicago, IL", "New York, NY", "Austin, TX",
                                          "Seattle, WA", "Boston, MA", "Denver, CO"};
  const std::string street = cat() << std::to_string(r.between(1, 9999)) << " " << one_of(r, names) << " " << one_of(r, types);
  switch (r.below(6)) {
    case 0: case 1: return cat() << street << ", " << one_of(r, us_cities) << " " << std::to_string(r.between(10001, 99950));
    case 2: return cat() << street << ", Apt " << std::to_string(r.between(1, 40)) << (r.chance(50) ? "B" : "");
    case 3: return cat() << "Flat " << std::to_string(r.between(1, 30)) << ", " << street << ", " << one_of(r, {"London", "Manchester", "Leeds"}) << " " << uk_postcode(r);
    case 4: return cat() << std::to_string(r.between(1, 300)) << static_cast<char>('A' + r.below(4)) << " " << one_of(r, names) << " " << one_of(r, types);
    default: return street;
  }
}

std::string city_ru(rng& r, grammatical_case c) {
  static const char* const prep[] = {"Москве", "Казани", "Санкт-Петербурге", "Новосибирске", "Екатеринбурге", "Туле", "Самаре"};
  static const char* const nom[] = {"Москва", "Казань", "Новосибирск", "Екатеринбург", "Тула", "Самара", "Подольск"};
  return c == grammatical_case::pre ? one_of(r, prep) : one_of(r, nom);
}

const char* month_name(int month, bool russian) {
  static const char* const genitive_ru[] = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
                                            "августа", "сентября", "октября", "ноября", "декабря"};
  static const char* const english[] = {"January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December"};
  return (russian ? genitive_ru : english)[month - 1];
}

std::string birth_date(rng& r, bool russian) {
  const int day = r.between(1, 28), month = r.between(1, 12), year = r.between(1940, 2008);
  char dmy[16], ymd[16], mdy[16];
  std::snprintf(dmy, sizeof dmy, "%02d.%02d.%04d", day, month, year);
  std::snprintf(ymd, sizeof ymd, "%04d-%02d-%02d", year, month, day);
  std::snprintf(mdy, sizeof mdy, "%02d/%02d/%04d", month, day, year);
  const unsigned form = r.below(10);
  if (russian) {
    if (form < 5) return dmy;
    if (form < 8) return std::to_string(day) + " " + month_name(month, true) + " " + std::to_string(year);
    if (form < 9) return ymd;
    std::snprintf(dmy, sizeof dmy, "%02d/%02d/%04d", day, month, year);
    return dmy;
  }
  if (form < 4) return std::string(month_name(month, false)) + " " + std::to_string(day) + ", " + std::to_string(year);
  if (form < 6) return std::to_string(day) + " " + month_name(month, false) + " " + std::to_string(year);
  if (form < 8) return ymd;
  return mdy;
}

}  // namespace otklik::corpus
