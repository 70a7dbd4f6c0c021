// Person names for the corpus: Russian first names, patronymics and surnames declined by Russian grammar
// (six cases, masculine and feminine), written in the usual forms, and English names.
#include <string>
#include <vector>

#include "corpus.hpp"

namespace otklik::corpus {

namespace {

struct surname {
  const char* male;
  char type;  // o: -ов/-ев/-ин; s: -ский/-цкий; i: indeclinable; c: declined for men only (Ким, Шевчук)
};

const surname surnames[] = {
    {"Иванов", 'o'}, {"Смирнов", 'o'}, {"Кузнецов", 'o'}, {"Попов", 'o'}, {"Васильев", 'o'}, {"Петров", 'o'},
    {"Соколов", 'o'}, {"Михайлов", 'o'}, {"Новиков", 'o'}, {"Фёдоров", 'o'}, {"Морозов", 'o'}, {"Волков", 'o'},
    {"Алексеев", 'o'}, {"Лебедев", 'o'}, {"Семёнов", 'o'}, {"Егоров", 'o'}, {"Павлов", 'o'}, {"Козлов", 'o'},
    {"Степанов", 'o'}, {"Николаев", 'o'}, {"Орлов", 'o'}, {"Андреев", 'o'}, {"Макаров", 'o'}, {"Никитин", 'o'},
    {"Захаров", 'o'}, {"Зайцев", 'o'}, {"Соловьёв", 'o'}, {"Борисов", 'o'}, {"Яковлев", 'o'}, {"Григорьев", 'o'},
    {"Романов", 'o'}, {"Воробьёв", 'o'}, {"Сергеев", 'o'}, {"Кузьмин", 'o'}, {"Фролов", 'o'}, {"Александров", 'o'},
    {"Дмитриев", 'o'}, {"Королёв", 'o'}, {"Гусев", 'o'}, {"Киселёв", 'o'}, {"Ильин", 'o'}, {"Максимов", 'o'},
    {"Поляков", 'o'}, {"Сорокин", 'o'}, {"Виноградов", 'o'}, {"Ковалёв", 'o'}, {"Белов", 'o'}, {"Медведев", 'o'},
    {"Антонов", 'o'}, {"Тарасов", 'o'}, {"Жуков", 'o'}, {"Баранов", 'o'}, {"Филиппов", 'o'}, {"Комаров", 'o'},
    {"Давыдов", 'o'}, {"Беляев", 'o'}, {"Герасимов", 'o'}, {"Богданов", 'o'}, {"Осипов", 'o'}, {"Сидоров", 'o'},
    {"Матвеев", 'o'}, {"Титов", 'o'}, {"Марков", 'o'}, {"Миронов", 'o'}, {"Крылов", 'o'}, {"Куликов", 'o'},
    {"Карпов", 'o'}, {"Власов", 'o'}, {"Мельников", 'o'}, {"Денисов", 'o'}, {"Гаврилов", 'o'}, {"Тихонов", 'o'},
    {"Казаков", 'o'}, {"Афанасьев", 'o'}, {"Данилов", 'o'}, {"Фомин", 'o'}, {"Чернов", 'o'}, {"Абрамов", 'o'},
    {"Щербаков", 'o'}, {"Назаров", 'o'}, {"Калинин", 'o'}, {"Исаев", 'o'}, {"Быков", 'o'}, {"Лазарев", 'o'},
    {"Воронин", 'o'}, {"Голубев", 'o'}, {"Гончаров", 'o'}, {"Галкин", 'o'}, {"Юдин", 'o'}, {"Цветков", 'o'},
    {"Хабибуллин", 'o'}, {"Сафин", 'o'}, {"Алиев", 'o'}, {"Мамедов", 'o'}, {"Левин", 'o'},
    {"Островский", 's'}, {"Вишневский", 's'}, {"Ковальский", 's'}, {"Левицкий", 's'}, {"Жуковский", 's'},
    {"Покровский", 's'}, {"Троицкий", 's'}, {"Полянский", 's'}, {"Шевченко", 'i'}, {"Бондаренко", 'i'},
    {"Коваленко", 'i'}, {"Ткаченко", 'i'}, {"Кравченко", 'i'}, {"Белых", 'i'}, {"Черных", 'i'}, {"Долгих", 'i'},
    {"Беридзе", 'i'}, {"Шапиро", 'i'}, {"Ким", 'c'}, {"Пак", 'c'}, {"Шевчук", 'c'}, {"Ковальчук", 'c'},
    {"Мельник", 'c'}, {"Гофман", 'c'}, {"Рабинович", 'c'}, {"Кац", 'c'}, {"Петросян", 'c'}, {"Бабаян", 'c'}};

struct first_name {
  const char* nom;
  const char* stem;  // stem for the oblique cases where it differs (Павел -> Павл), else nullptr
};

const first_name men[] = {
    {"Александр", nullptr}, {"Алексей", nullptr}, {"Анатолий", nullptr}, {"Андрей", nullptr}, {"Антон", nullptr},
    {"Аркадий", nullptr}, {"Арсений", nullptr}, {"Артём", nullptr}, {"Богдан", nullptr}, {"Борис", nullptr},
    {"Вадим", nullptr}, {"Валентин", nullptr}, {"Валерий", nullptr}, {"Василий", nullptr}, {"Вениамин", nullptr},
    {"Виктор", nullptr}, {"Виталий", nullptr}, {"Владимир", nullptr}, {"Владислав", nullptr}, {"Всеволод", nullptr},
    {"Вячеслав", nullptr}, {"Геннадий", nullptr}, {"Георгий", nullptr}, {"Герман", nullptr}, {"Глеб", nullptr},
    {"Григорий", nullptr}, {"Даниил", nullptr}, {"Денис", nullptr}, {"Дмитрий", nullptr}, {"Евгений", nullptr},
    {"Егор", nullptr}, {"Иван", nullptr}, {"Игорь", nullptr}, {"Илья", nullptr}, {"Кирилл", nullptr},
    {"Константин", nullptr}, {"Лев", "Льв"}, {"Леонид", nullptr}, {"Максим", nullptr}, {"Марк", nullptr},
    {"Матвей", nullptr}, {"Михаил", nullptr}, {"Никита", nullptr}, {"Николай", nullptr}, {"Олег", nullptr},
    {"Павел", "Павл"}, {"Пётр", "Петр"}, {"Роман", nullptr}, {"Ростислав", nullptr}, {"Руслан", nullptr},
    {"Савелий", nullptr}, {"Семён", nullptr}, {"Сергей", nullptr}, {"Станислав", nullptr}, {"Степан", nullptr},
    {"Тимофей", nullptr}, {"Тимур", nullptr}, {"Фёдор", nullptr}, {"Филипп", nullptr}, {"Эдуард", nullptr},
    {"Юрий", nullptr}, {"Ярослав", nullptr}, {"Ринат", nullptr}, {"Рустам", nullptr}};

const char* const women[] = {
    "Александра", "Алина", "Алла", "Алёна", "Анастасия", "Ангелина", "Анна", "Валентина", "Валерия", "Варвара",
    "Вера", "Вероника", "Виктория", "Галина", "Дарья", "Диана", "Ева", "Евгения", "Екатерина", "Елена",
    "Елизавета", "Жанна", "Зинаида", "Инна", "Ирина", "Камила", "Карина", "Кира", "Кристина", "Ксения", "Лариса",
    "Лидия", "Людмила", "Маргарита", "Марина", "Мария", "Милана", "Надежда", "Наталья", "Нина", "Оксана", "Олеся",
    "Ольга", "Полина", "Раиса", "Светлана", "Снежана", "София", "Тамара", "Татьяна", "Ульяна", "Эльвира", "Юлия",
    "Яна"};

struct patronymic {
  const char* male;
  const char* female;
};

const patronymic patronymics[] = {
    {"Александрович", "Александровна"}, {"Алексеевич", "Алексеевна"}, {"Анатольевич", "Анатольевна"},
    {"Андреевич", "Андреевна"}, {"Антонович", "Антоновна"}, {"Аркадьевич", "Аркадьевна"}, {"Борисович", "Борисовна"},
    {"Вадимович", "Вадимовна"}, {"Валентинович", "Валентиновна"}, {"Валерьевич", "Валерьевна"},
    {"Васильевич", "Васильевна"}, {"Викторович", "Викторовна"}, {"Витальевич", "Витальевна"},
    {"Владимирович", "Владимировна"}, {"Владиславович", "Владиславовна"}, {"Вячеславович", "Вячеславовна"},
    {"Геннадьевич", "Геннадьевна"}, {"Георгиевич", "Георгиевна"}, {"Григорьевич", "Григорьевна"},
    {"Дмитриевич", "Дмитриевна"}, {"Евгеньевич", "Евгеньевна"}, {"Егорович", "Егоровна"}, {"Иванович", "Ивановна"},
    {"Игоревич", "Игоревна"}, {"Ильич", "Ильинична"}, {"Кириллович", "Кирилловна"},
    {"Константинович", "Константиновна"}, {"Львович", "Львовна"}, {"Леонидович", "Леонидовна"},
    {"Максимович", "Максимовна"}, {"Михайлович", "Михайловна"}, {"Никитич", "Никитична"},
    {"Николаевич", "Николаевна"}, {"Олегович", "Олеговна"}, {"Павлович", "Павловна"}, {"Петрович", "Петровна"},
    {"Романович", "Романовна"}, {"Русланович", "Руслановна"}, {"Семёнович", "Семёновна"},
    {"Сергеевич", "Сергеевна"}, {"Станиславович", "Станиславовна"}, {"Степанович", "Степановна"},
    {"Тимофеевич", "Тимофеевна"}, {"Фёдорович", "Фёдоровна"}, {"Эдуардович", "Эдуардовна"},
    {"Юрьевич", "Юрьевна"}, {"Ярославович", "Ярославовна"}, {"Кузьмич", "Кузьминична"}, {"Фомич", "Фоминична"},
    {"Рашидович", "Рашидовна"}};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
std::string drop(const std::string& s, std::size_t bytes) { return s.substr(0, s.size() - bytes); }

std::size_t index_of(grammatical_case c) { return static_cast<std::size_t>(c); }

// Endings for nom, gen, dat, acc, ins, pre.
std::string decline(const std::string& base, const std::string& stem, const char* const (&ends)[6], grammatical_case c) {
  return c == grammatical_case::nom ? base : stem + ends[index_of(c)];
}

std::string male_first(const first_name& n, grammatical_case c) {
  const std::string w = n.nom;
  if (ends_with(w, "ий")) {
    static const char* const e[6] = {"", "ия", "ию", "ия", "ием", "ии"};
    return decline(w, drop(w, 4), e, c);
  }
  if (ends_with(w, "й") || ends_with(w, "ь")) {
    static const char* const e[6] = {"", "я", "ю", "я", "ем", "е"};
    return decline(w, drop(w, 2), e, c);
  }
  if (ends_with(w, "ья")) {
    static const char* const e[6] = {"", "ьи", "ье", "ью", "ьёй", "ье"};
    return decline(w, drop(w, 4), e, c);
  }
  if (ends_with(w, "а")) {
    static const char* const e[6] = {"", "ы", "е", "у", "ой", "е"};
    return decline(w, drop(w, 2), e, c);
  }
  static const char* const e[6] = {"", "а", "у", "а", "ом", "е"};
  return decline(w, n.stem ? n.stem : w, e, c);
}

std::string female_first(const std::string& w, grammatical_case c) {
  if (ends_with(w, "ия")) {
    static const char* const e[6] = {"", "ии", "ии", "ию", "ией", "ии"};
    return decline(w, drop(w, 4), e, c);
  }
  if (ends_with(w, "я")) {
    static const char* const e[6] = {"", "и", "е", "ю", "ей", "е"};
    return decline(w, drop(w, 2), e, c);
  }
  const std::string stem = drop(w, 2);
  const bool velar = ends_with(stem, "г") || ends_with(stem, "к") || ends_with(stem, "х");
  static const char* const hard[6] = {"", "ы", "е", "у", "ой", "е"};
  static const char* const soft[6] = {"", "и", "е", "у", "ой", "е"};
  return decline(w, stem, velar ? soft : hard, c);
}

std::string patronymic_form(const patronymic& p, bool male, grammatical_case c) {
  if (male) {
    const std::string w = p.male;
    const bool stressed = ends_with(w, "ьич") || w == "Кузьмич" || w == "Фомич";
    static const char* const e[6] = {"", "а", "у", "а", "ем", "е"};
    static const char* const s[6] = {"", "а", "у", "а", "ом", "е"};
    return decline(w, w, stressed ? s : e, c);
  }
  const std::string w = p.female;
  static const char* const e[6] = {"", "ы", "е", "у", "ой", "е"};
  return decline(w, drop(w, 2), e, c);
}

std::string surname_form(const surname& s, bool male, grammatical_case c) {
  const std::string w = s.male;
  switch (s.type) {
    case 'o': {
      if (male) {
        static const char* const e[6] = {"", "а", "у", "а", "ым", "е"};
        return decline(w, w, e, c);
      }
      static const char* const e[6] = {"а", "ой", "ой", "у", "ой", "ой"};
      return w + e[index_of(c)];
    }
    case 's': {
      const std::string stem = drop(w, 4);  // without -ий
      if (male) {
        static const char* const e[6] = {"ий", "ого", "ому", "ого", "им", "ом"};
        return stem + e[index_of(c)];
      }
      static const char* const e[6] = {"ая", "ой", "ой", "ую", "ой", "ой"};
      return stem + e[index_of(c)];
    }
    case 'c': {
      if (!male) return w;
      static const char* const e[6] = {"", "а", "у", "а", "ом", "е"};
      return decline(w, w, e, c);
    }
    default: return w;
  }
}

// The first letter of a word (one UTF-8 character) with a dot.
std::string initial(const std::string& w) {
  const std::size_t n = (static_cast<unsigned char>(w[0]) & 0x80) ? 2 : 1;
  return w.substr(0, n) + ".";
}

std::string lower_cyrillic(const std::string& w) {
  std::string out = w;
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    auto b0 = static_cast<unsigned char>(out[i]), b1 = static_cast<unsigned char>(out[i + 1]);
    if (b0 == 0xD0 && b1 >= 0x90 && b1 <= 0x9F) {
      out[i + 1] = static_cast<char>(b1 + 0x20);
    } else if (b0 == 0xD0 && b1 >= 0xA0 && b1 <= 0xAF) {
      out[i] = static_cast<char>(0xD1);
      out[i + 1] = static_cast<char>(b1 - 0x20);
    } else if (b0 == 0xD0 && b1 == 0x81) {
      out[i] = static_cast<char>(0xD1);
      out[i + 1] = static_cast<char>(0x91);
    }
  }
  return out;
}

struct person {
  bool male;
  std::string first, patr, last;
};

person make_person(rng& r, grammatical_case c) {
  person p;
  p.male = r.chance(50);
  const surname& s = surnames[r.below(sizeof surnames / sizeof surnames[0])];
  const patronymic& pa = patronymics[r.below(sizeof patronymics / sizeof patronymics[0])];
  p.last = surname_form(s, p.male, c);
  p.patr = patronymic_form(pa, p.male, c);
  p.first = p.male ? male_first(men[r.below(sizeof men / sizeof men[0])], c)
                   : female_first(women[r.below(sizeof women / sizeof women[0])], c);
  return p;
}

}  // namespace

std::string russian_name(rng& r, grammatical_case c) {
  const person p = make_person(r, c);
  const std::string initials = r.chance(70) ? initial(p.first) + initial(p.patr) : initial(p.first) + " " + initial(p.patr);
  switch (r.below(20)) {
    case 0: case 1: case 2: case 3: case 4: case 5: return p.last + " " + p.first + " " + p.patr;
    case 6: case 7: return p.first + " " + p.patr + " " + p.last;
    case 8: case 9: case 10: case 11: return p.first + " " + p.patr;
    case 12: case 13: case 14: return p.last + " " + initials;
    case 15: case 16: return initials + " " + p.last;
    case 17: return lower_cyrillic(p.first + " " + p.patr);
    default: return p.first + " " + p.last;
  }
}

std::string russian_name_nominative(rng& r, bool with_patronymic) {
  const person p = make_person(r, grammatical_case::nom);
  return with_patronymic ? p.last + " " + p.first + " " + p.patr : p.first + " " + p.last;
}

std::string english_name(rng& r, bool with_first) {
  static const char* first[] = {"John", "Mary", "James", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
                                "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph",
                                "Jessica", "Thomas", "Sarah", "Emily", "Daniel", "Olivia", "Matthew", "Sophia",
                                "Anthony", "Emma", "Grace", "Paul", "Laura", "Priya", "Mohammed"};
  static const char* last[] = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
                               "Rodriguez", "Martinez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore",
                               "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
                               "Walker", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson",
                               "Campbell", "Mitchell", "Roberts", "Carter", "Evans", "Turner", "Patel", "O'Brien",
                               "McDonald", "Khan"};
  const std::string l = last[r.below(sizeof last / sizeof last[0])];
  return with_first ? std::string(first[r.below(sizeof first / sizeof first[0])]) + " " + l : l;
}

}  // namespace otklik::corpus
