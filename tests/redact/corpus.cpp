// Composes the corpus: each comment mixes ordinary feedback sentences with sentences that carry personal
// data (labelled with its exact byte span) and look-alikes that must stay (labelled too).
#include "corpus.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace otklik::corpus {

namespace {

using slot = std::function<void()>;

// Text with labelled spans.
struct builder {
  std::string text;
  std::vector<gold_span> pii;
  std::vector<keep_span> keep;

  void plain(std::string_view s) { text += s; }
  void value(pii_type type, std::string_view v) {
    pii.push_back({type, static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(text.size() + v.size())});
    text += v;
  }
  void kept(const char* what, std::string_view v) {
    keep.push_back({what, static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(text.size() + v.size())});
    text += v;
  }
  // A template with one "{}".
  void fill(std::string_view tmpl, const slot& s) {
    const std::size_t at = tmpl.find("{}");
    plain(tmpl.substr(0, at));
    s();
    plain(tmpl.substr(at + 2));
  }
};

const char* const filler_ru[] = {
    "Очень долго ждал в очереди.", "Сотрудники были вежливы и всё объяснили.",
    "Сайт постоянно зависает при загрузке документов.", "Спасибо за быстрое оформление!",
    "Информации о сроках на сайте нет.", "В зале ожидания душно и мало мест.", "Всё прошло хорошо, рекомендую.",
    "Не смог записаться через портал, пришлось идти лично.", "Оператор не знал ответа на простой вопрос.",
    "Результат получил в срок.", "Очень удобно, что можно подать заявление онлайн.",
    "Просьба добавить больше окон приёма.", "Электронная очередь не работает.",
    "Хотелось бы получать уведомления о статусе.", "Консультант помог заполнить анкету.",
    "Непонятно, какие документы нужны.", "Мне отказали без объяснения причин.", "Охранник на входе был груб.",
    "Парковки рядом нет.", "Всё отлично, претензий нет.", "Приложение Госуслуги работает нормально.",
    "В МФЦ было многолюдно.", "Ответ пришёл только через месяц.",
    "Пришлось три раза приходить из-за ошибки в документах.", "Кондиционер не работает.",
    "Специалист была очень внимательна.", "Уважаемые сотрудники, спасибо!", "Благодарю за работу.",
    "Сначала сказали одно, потом другое.", "Записался на приём через сайт без проблем.",
    "Не хватает информации на английском языке.", "Терминал не принимает карты.",
    "Сайт не открывается с телефона.", "В чате поддержки отвечают быстро.", "Хорошая организация работы.",
    "Вчера пытался дозвониться весь день.", "Дети ждали вместе со мной больше часа.",
    "Бланки закончились, пришлось писать от руки.", "Сотрудница Отдела кадров помогла разобраться.",
    "Очень долго ждал в очереди, около двух часов, при этом работало только одно окно из пяти, а остальные сотрудники куда-то ушли.",
    "Сначала на сайте было написано, что справку можно получить через неделю, потом срок перенесли, и никто не предупредил об этом заранее.",
    "В целом обслуживание нормальное, но хотелось бы, чтобы в зале ожидания было больше мест и работал кондиционер, особенно летом.",
    "Подавал документы через портал, всё загрузилось с третьей попытки, потому что большие файлы не принимаются, а об этом нигде не сказано.",
    "Консультант по телефону горячей линии объяснила порядок подачи заявления подробно и вежливо, спасибо ей большое.",
    "Приходится отпрашиваться с работы, потому что офис работает только до шести вечера, а по субботам закрыт.",
    "Электронная очередь сбоит: талоны выдаются, но на табло номера не появляются, люди нервничают и спорят между собой.",
    "Хочу отметить, что в этот раз всё прошло быстро и без лишних вопросов, документы приняли с первого раза.",
    "Не понимаю, зачем требовать копию документа, который уже есть в базе ведомства, это лишняя трата времени.",
    "Сайт работает медленно, страница с формой заявления загружается по минуте, а при ошибке все введённые данные пропадают.",
    "Пожилым людям очень сложно разобраться с терминалом, нужен хотя бы один сотрудник в зале, который подскажет, что нажимать.",
    "Результат пришёл в личный кабинет вовремя, но уведомление на почту так и не пришло, узнал случайно."};

const char* const filler_en[] = {
    "The waiting time was far too long.", "Staff were polite and helpful.",
    "The website kept crashing when I uploaded documents.", "Thank you for the quick service!",
    "There was no information about processing times.", "The office was crowded and hot.",
    "Everything went smoothly.", "I could not book an appointment online.",
    "The officer could not answer a simple question.", "I received the result on time.",
    "Please add more service windows.", "The queue system was broken.", "The form is confusing.",
    "I was refused without any explanation.", "Great experience overall.",
    "Parking near the office is impossible.", "The mobile app works fine.", "It took a month to get an answer.",
    "I had to come back three times because of a typo.", "Customer support replied quickly in the chat.",
    "Nobody at the Main Office knew the rules.", "I would like status updates by email.",
    "The online form kept timing out, and every time it did I had to fill in all the fields again from the very beginning.",
    "Staff at the front desk were friendly, but nobody could tell me how long the review of my application would take.",
    "I waited almost two hours even though I had booked an appointment online, which makes the booking system rather pointless.",
    "The instructions on the website are confusing and contradict what the officer told me on the phone last week.",
    "Overall the process was smoother than I expected, and I received a confirmation by email the same day.",
    "It would help a lot if the office stayed open later on weekdays, because most people work until six."};

// ---- Sentences with personal data ----

void person_sentence(rng& r, builder& b, bool ru) {
  if (ru) {
    struct frame {
      const char* text;
      grammatical_case c;
    };
    static const frame frames[] = {
        {"Спасибо {}!", grammatical_case::dat}, {"Хочу поблагодарить {}.", grammatical_case::acc},
        {"Сотрудник {} очень помог.", grammatical_case::nom}, {"Жалоба на специалиста {}.", grammatical_case::acc},
        {"Обратился к {}, вопрос решили.", grammatical_case::dat}, {"С {} было приятно общаться.", grammatical_case::ins},
        {"Отдельное спасибо {} за терпение.", grammatical_case::dat}, {"Оператор {} нагрубил.", grammatical_case::nom},
        {"Работой {} недоволен.", grammatical_case::gen}, {"Прошу разобраться с поведением {}.", grammatical_case::gen},
        {"Расскажу о {} подробнее.", grammatical_case::pre}, {"Меня принял {} в окне.", grammatical_case::nom},
        {"{} приняла документы без очереди.", grammatical_case::nom}, {"{} не смог ответить на вопрос.", grammatical_case::nom},
        {"Спасибо, {}, за помощь!", grammatical_case::nom}, {"Благодарность сотруднику {}.", grammatical_case::dat}};
    const unsigned form = r.below(10);
    if (form < 7) {
      const frame& f = frames[r.below(sizeof frames / sizeof frames[0])];
      b.fill(f.text, [&] { b.value(pii_type::person, russian_name(r, f.c)); });
    } else if (form == 7) {
      b.fill(one_of(r, {"Меня зовут {}.", "Меня зовут {}, я подавала заявление на прошлой неделе."}),
             [&] { b.value(pii_type::person, russian_name_nominative(r, r.chance(30))); });
    } else if (form == 8) {
      b.fill("ФИО: {}.", [&] { b.value(pii_type::person, russian_name_nominative(r, true)); });
    } else {
      b.fill(one_of(r, {"С уважением, {}.", "С уважением, {}"}),
             [&] { b.value(pii_type::person, russian_name(r, grammatical_case::nom)); });
    }
    return;
  }
  switch (r.below(9)) {
    case 0: b.fill("My name is {}.", [&] { b.value(pii_type::person, english_name(r, true)); }); break;
    case 1: b.fill("I am {} and I applied last week.", [&] { b.value(pii_type::person, english_name(r, true)); }); break;
    case 2: b.fill("I'm {}, a resident here.", [&] { b.value(pii_type::person, english_name(r, true)); }); break;
    case 3: b.fill("Regards, {}", [&] { b.value(pii_type::person, english_name(r, true)); }); break;
    case 4: b.fill("Best regards,\n{}", [&] { b.value(pii_type::person, english_name(r, true)); }); break;
    case 5: b.fill("Mr. {} was very rude.", [&] { b.value(pii_type::person, english_name(r, false)); }); break;
    case 6: b.fill("Dr. {} helped me a lot.", [&] { b.value(pii_type::person, english_name(r, false)); }); break;
    case 7: b.fill("Ms. {} explained everything.", [&] { b.value(pii_type::person, english_name(r, r.chance(50))); }); break;
    default: b.fill("Sincerely, {}", [&] { b.value(pii_type::person, english_name(r, true)); }); break;
  }
}

void passport_sentence(rng& r, builder& b, bool ru) {
  if (!ru) {
    b.fill(one_of(r, {"My passport number is {}.", "Passport no. {} was not accepted.", "Passport {} expired."}),
           [&] { b.value(pii_type::passport, passport_foreign(r)); });
    return;
  }
  switch (r.below(8)) {
    case 0: case 1: {  // series and number as separate words
      const std::string series = cat() << passport_ru(r).substr(0, 2) << std::to_string(r.between(10, 24));
      const std::string number = std::to_string(r.between(100001, 999999));
      const char* joiner = r.chance(50) ? " номер " : " № ";
      b.fill(one_of(r, {"Паспорт серии {}.", "паспорт: серия {}, выдан ОВД.", "Паспорт серия {} не приняли."}),
             [&] { b.value(pii_type::passport, series + joiner + number); });
      break;
    }
    case 2:
      b.fill(one_of(r, {"Загранпаспорт {}.", "Номер загранпаспорта {} указал верно."}),
             [&] {
               std::string number = std::string(cat() << std::to_string(r.between(70, 77)) << (r.chance(50) ? " " : ""));
               for (int i = 0; i < 7; ++i) number += r.digit();
               b.value(pii_type::passport, number);
             });
      break;
    default:
      b.fill(one_of(r, {"Паспорт {}.", "Серия и номер паспорта {}.", "Данные паспорта: {}",
                        "Паспорт {} выдан в 2015 году.", "Мой паспорт {} не проходит проверку."}),
             [&] { b.value(pii_type::passport, passport_ru(r)); });
      break;
  }
}

void birth_sentence(rng& r, builder& b, bool ru) {
  if (ru) {
    if (r.chance(25)) {
      const std::string year = std::to_string(r.between(1940, 2010));
      b.fill(one_of(r, {"Ребёнок {} г.р., нужна справка.", "Сын {} года рождения.", "Моя мама, {} г.р., ждала стоя."}),
             [&] { b.value(pii_type::date_of_birth, year); });
      return;
    }
    b.fill(one_of(r, {"Дата рождения: {}.", "Дата рождения {} указана неверно.", "д.р. {}", "Я родилась {}.",
                      "Родился {} в Москве.", "дата рождения ребёнка {}"}),
           [&] { b.value(pii_type::date_of_birth, birth_date(r, true)); });
    return;
  }
  if (r.chance(20)) {
    b.fill("I was born in {}, so the senior line applies.", [&] { b.value(pii_type::date_of_birth, std::to_string(r.between(1940, 2005))); });
    return;
  }
  b.fill(one_of(r, {"My date of birth is {}.", "DOB: {}", "I was born on {}.", "Date of birth {} is wrong in the system."}),
         [&] { b.value(pii_type::date_of_birth, birth_date(r, false)); });
}

void pii_sentence(rng& r, builder& b, pii_type type, bool ru) {
  switch (type) {
    case pii_type::email:
      b.fill(ru ? one_of(r, {"Пишите мне на почту {}.", "Мой e-mail: {}", "Ответ прошу направить на {}.",
                             "Почта для связи {} — проверяю каждый день.", "Отправил документы с адреса {}, ответа нет."})
                : one_of(r, {"Please reply to {}.", "My email is {}.", "Contact me at {} for details.", "I wrote from {} twice."}),
             [&] { b.value(type, email(r)); });
      break;
    case pii_type::phone:
      b.fill(ru ? one_of(r, {"Перезвоните мне по номеру {}.", "Мой телефон {}, звонить после обеда.",
                             "Оставил номер {}, но никто не перезвонил.", "Связаться со мной можно по {}.", "Тел.: {}",
                             "Звонил с {} пять раз, никто не ответил.", "Контактный номер {}.", "Номер для связи — {}.",
                             "Мой мобильный {}", "WhatsApp {} — пишите туда."})
                : one_of(r, {"Please call me back at {}.", "My phone number is {}.", "You can reach me on {}.",
                             "Contact: {}", "I called from {} three times."}),
             [&] { b.value(type, (ru ? r.chance(85) : r.chance(40)) ? phone_ru(r) : phone_international(r)); });
      break;
    case pii_type::snils:
      b.fill(ru ? one_of(r, {"Мой СНИЛС {}.", "СНИЛС: {}", "Указал СНИЛС {}, а система его не приняла.",
                             "СНИЛС {} не находится в базе.", "Номер СНИЛС {} введён верно, но ошибка повторяется."})
                : one_of(r, {"My SNILS is {}.", "SNILS number {} was rejected."}),
             [&] { b.value(type, snils(r, true)); });
      break;
    case pii_type::inn:
      b.fill(ru ? one_of(r, {"Мой ИНН {}.", "ИНН {} указан в заявлении.", "ИНН организации: {}", "Проверьте ИНН {}, пожалуйста."})
                : one_of(r, {"My taxpayer number (INN) is {}.", "INN {} is correct."}),
             [&] { b.value(type, inn(r, r.chance(60), true)); });
      break;
    case pii_type::ogrn: {
      const bool sole = r.chance(30);
      b.fill(ru ? (sole ? one_of(r, {"ОГРНИП {}.", "ИП, ОГРНИП {}, просит вернуть платёж."})
                        : one_of(r, {"ОГРН {}.", "Организация с ОГРН {} не отвечает.", "Указан ОГРН: {}"}))
                : one_of(r, {"Company OGRN {}.", "Our OGRN is {}."}),
             [&] { b.value(pii_type::ogrn, ogrn(r, sole, true)); });
      break;
    }
    case pii_type::oms:
      b.fill(ru ? one_of(r, {"Полис ОМС {}.", "Номер полиса {}.", "Мой полис ОМС: {}",
                             "Единый номер полиса ОМС {} не нашли в базе.", "Полис {} действующий."})
                : one_of(r, {"My OMS policy number is {}.", "OMS policy {} was not found."}),
             [&] { b.value(type, oms(r, true)); });
      break;
    case pii_type::card:
      b.fill(ru ? one_of(r, {"Списали деньги с карты {}.", "Номер карты {}.", "Оплатил картой {}, чек не пришёл.",
                             "Карта {} заблокирована после оплаты.", "Деньги вернули на карту {}?"})
                : one_of(r, {"They charged my card {} twice.", "Card number: {}", "I paid with card {}."}),
             [&] { b.value(type, card(r, true)); });
      break;
    case pii_type::iban:
      b.fill(ru ? one_of(r, {"Верните деньги на счёт IBAN {}.", "Мой IBAN: {}", "Реквизиты для возврата: {}."})
                : one_of(r, {"Please refund to IBAN {}.", "My IBAN is {}.", "Refund account {}."}),
             [&] { b.value(type, iban(r)); });
      break;
    case pii_type::ip:
      b.fill(ru ? one_of(r, {"Сайт не открывается с IP {}.", "Мой IP-адрес {}, доступ заблокирован.", "Заходил с адреса {}."})
                : one_of(r, {"My IP address is {}.", "I was blocked from {}."}),
             [&] { b.value(type, r.chance(60) ? ipv4(r) : ipv6(r)); });
      break;
    case pii_type::url:
      b.fill(ru ? one_of(r, {"Ссылка из письма: {}", "Перешёл по ссылке {} и получил ошибку.", "Вот ссылка {}"})
                : one_of(r, {"The link {} shows my data.", "Link: {}"}),
             [&] { b.value(type, personal_url(r)); });
      break;
    case pii_type::plate:
      b.fill(ru ? one_of(r, {"Машина {} стоит у входа.", "Автомобиль с номером {} перегородил проезд.", "Госномер {}.",
                             "Мой автомобиль {} эвакуировали."})
                : one_of(r, {"My car plate is {}.", "A car {} blocked the entrance."}),
             [&] { b.value(type, plate(r)); });
      break;
    case pii_type::passport: passport_sentence(r, b, ru); break;
    case pii_type::date_of_birth: birth_sentence(r, b, ru); break;
    case pii_type::person: person_sentence(r, b, ru); break;
    case pii_type::address:
      if (ru) {
        b.fill(one_of(r, {"Проживаю по адресу: {}.", "Адрес регистрации: {}.", "Пришлите ответ на адрес {}.",
                          "Живу: {}, рядом с офисом.", "Мой адрес {}, курьер не приехал."}),
               [&] { b.value(type, russian_address(r)); });
      } else {
        b.fill(one_of(r, {"I live at {}.", "My address is {}.", "Send the letter to {}."}),
               [&] { b.value(type, english_address(r)); });
      }
      break;
  }
}

// ---- Look-alikes that must stay ----

std::string amount(rng& r, bool ru) {
  if (ru) {
    switch (r.below(5)) {
      case 0: return std::to_string(r.between(1, 99)) + " 000";
      case 1: return cat() << std::to_string(r.between(1, 9)) << " " << std::to_string(r.between(100, 999)) << " 000";
      case 2: return std::to_string(r.between(100, 9999));
      case 3: return cat() << std::to_string(r.between(1, 9)) << " " << std::to_string(r.between(100, 999)) << "," << std::to_string(r.between(10, 99));
      default: return cat() << std::to_string(r.between(1, 99)) << " " << std::to_string(r.between(100, 999));
    }
  }
  return std::string(cat() << std::to_string(r.between(1, 9)) << "," << std::to_string(r.between(100, 999)) << ".00");
}

std::string event_date(rng& r, bool ru) {
  const int d = r.between(1, 28), m = r.between(1, 12), y = r.between(2019, 2026);
  char buf[32];
  switch (r.below(4)) {
    case 0: std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d, m, y); return buf;
    case 1: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d); return buf;
    case 2: return ru ? std::to_string(d) + " " + month_name(m, true) + " " + std::to_string(y)
                      : std::string(month_name(m, false)) + " " + std::to_string(d) + ", " + std::to_string(y);
    default: std::snprintf(buf, sizeof buf, "%02d.%02d", d, m); return buf;
  }
}

void lookalike_sentence(rng& r, builder& b, bool ru) {
  switch (r.below(13)) {
    case 11: {  // bank and company details, postal tracking, confirmation codes
      std::string value;
      const char* tmpl = "";
      switch (r.below(5)) {
        case 0: value = "04452" + std::to_string(r.between(1000, 9999)); tmpl = ru ? "БИК банка {}." : "Bank BIC {}."; break;
        case 1: value = std::to_string(r.between(100000000, 999999999)); tmpl = ru ? "КПП {} указан верно." : "KPP {}."; break;
        case 2: value = unchecked_number(r, 14); tmpl = ru ? "Трек-номер {} не отслеживается." : "Tracking number {} is unknown."; break;
        case 3: value = std::to_string(r.between(100000, 999999)); tmpl = ru ? "Код подтверждения {} не пришёл." : "The code {} never arrived."; break;
        default: value = cat() << std::to_string(r.between(100, 999)) << "-" << std::to_string(r.between(100, 999)); tmpl = ru ? "Код подразделения {}." : "Unit code {}."; break;
      }
      b.fill(tmpl, [&] { b.kept("requisites", value); });
      break;
    }
    case 12: {  // application numbers written in groups, failing the card check
      std::string d = unchecked_number(r, 16);
      const std::string grouped_number = d.substr(0, 4) + " " + d.substr(4, 4) + " " + d.substr(8, 4) + " " + d.substr(12, 4);
      b.fill(ru ? one_of(r, {"Номер обращения {}.", "Платёжное поручение {} исполнено."})
                : one_of(r, {"Request {} is open.", "Order {} was cancelled."}),
             [&] { b.kept("grouped_number", grouped_number); });
      break;
    }
    case 0: {  // application, payment and ticket numbers of identifier lengths that fail their checksums
      static const std::size_t lengths[] = {7, 9, 10, 11, 12, 13, 15, 16, 20};
      const std::string number = unchecked_number(r, lengths[r.below(9)]);
      b.fill(ru ? one_of(r, {"Номер заявления {}.", "Заявление № {} до сих пор в обработке.", "По обращению {} ответа нет.",
                             "Номер заявки: {}", "Квитанция № {} оплачена.", "Платёж {} не прошёл.", "УИН {} не найден."})
                : one_of(r, {"Application number {} is still pending.", "Ticket {} was closed without an answer.",
                             "Reference {}.", "Invoice {} was paid."}),
             [&] { b.kept("application_number", number); });
      break;
    }
    case 1:
      b.fill(ru ? one_of(r, {"Заплатил {} руб.", "Сумма {} рублей списана дважды.", "Госпошлина {} ₽.", "Штраф {} руб."})
                : one_of(r, {"I paid ${} in fees.", "The fee was {} USD."}),
             [&] { b.kept("amount", amount(r, ru)); });
      break;
    case 2:
      b.fill(ru ? one_of(r, {"{} подал заявление.", "Приём был назначен на {}.", "Обращался {}, ответа нет."})
                : one_of(r, {"I applied on {}.", "My appointment was on {}."}),
             [&] { b.kept("event_date", event_date(r, ru)); });
      break;
    case 3:
      b.fill(ru ? one_of(r, {"Пришёл в {}, а открыли позже.", "Запись была на {}.", "Работают с {} до 18:00."})
                : one_of(r, {"I arrived at {} but they opened late.", "The slot was at {}."}),
             [&] { b.kept("time", one_of(r, {"9:00", "10:30", "14:45", "10:30:15", "08:15"})); });
      break;
    case 4:
      b.fill(ru ? one_of(r, {"Ждал {}.", "Очередь заняла {}."}) : one_of(r, {"I waited {}.", "It took {}."}),
             [&] { b.kept("duration", ru ? one_of(r, {"2 часа", "45 минут", "3 недели", "1 час 20 минут", "10 дней"})
                                         : one_of(r, {"45 minutes", "2 hours", "3 weeks", "10 days"})); });
      break;
    case 5: {
      const std::string n = r.chance(50) ? std::to_string(r.between(1, 40)) : std::to_string(r.between(101, 520));
      b.fill(ru ? one_of(r, {"Подошёл к окну {}.", "Кабинет {} был закрыт.", "Окно № {} не работало.", "В каб. {} очередь."})
                : one_of(r, {"Window {} was closed.", "Office {} on the second floor.", "Room {} was empty."}),
             [&] { b.kept("office_number", n); });
      break;
    }
    case 6:
      b.fill(ru ? one_of(r, {"{} работает отлично.", "Обратился в {}.", "Сотрудники {} помогли."})
                : one_of(r, {"The {} was helpful.", "I contacted the {}."}),
             [&] { b.kept("agency", ru ? one_of(r, {"МФЦ", "Госуслуги", "ПФР", "Социальный фонд", "ГИБДД", "Росреестр", "ФНС"})
                                       : one_of(r, {"Social Security Administration", "DMV", "Passport Office"})); });
      break;
    case 7:
      if (ru && r.chance(60)) {
        b.fill(one_of(r, {"Живу в {}.", "Филиал в {} работает хуже."}), [&] { b.kept("city", city_ru(r, grammatical_case::pre)); });
      } else if (ru) {
        b.fill(one_of(r, {"{} — большой город, а офис один.", "Офис в г. {} открыт."}), [&] { b.kept("city", city_ru(r, grammatical_case::nom)); });
      } else {
        b.fill("I live in {}.", [&] { b.kept("city", one_of(r, {"London", "Manchester", "Chicago", "Moscow"})); });
      }
      break;
    case 8:
      b.fill(ru ? one_of(r, {"Версия приложения {} глючит.", "После обновления до версии {} всё сломалось."})
                : one_of(r, {"App version {} crashes.", "Since version {} nothing works."}),
             [&] { b.kept("version", one_of(r, {"2.3.1", "4.12.0", "1.0.0.5", "10.2", "3.14.15.9"})); });
      break;
    case 9:
      b.fill(ru ? one_of(r, {"Приехал из {}.", "Отделение на {} закрыли.", "Мы из {}."})
                : one_of(r, {"The {} branch was closed.", "I went to {} first."}),
             [&] { b.kept("place_name", ru ? one_of(r, {"Ивановской области", "Петровском бульваре", "Кировского района",
                                                         "Пушкинской площади", "Владимирской области"})
                                           : one_of(r, {"Washington Street", "Baker Street", "Oxford Road"})); });
      break;
    default:
      b.fill(ru ? one_of(r, {"Согласно постановлению № {} срок 10 дней.", "По ст. {} КоАП штраф."})
                : one_of(r, {"Under rule {} the deadline is 10 days.", "Section {} applies."}),
             [&] { b.kept("law_reference", one_of(r, {"1284", "12.15", "2.1.3", "63-ФЗ", "152-ФЗ"})); });
      break;
  }
}

constexpr pii_type all_types[] = {
    pii_type::email, pii_type::phone, pii_type::snils, pii_type::inn, pii_type::ogrn,
    pii_type::passport, pii_type::oms, pii_type::card, pii_type::iban, pii_type::ip,
    pii_type::url, pii_type::plate, pii_type::date_of_birth, pii_type::person, pii_type::address};

sample compose(rng& r, std::size_t n, bool with_pii) {
  const bool ru = r.chance(70);
  std::vector<std::function<void(builder&)>> parts;
  const unsigned fillers = 1 + r.below(3);
  for (unsigned i = 0; i < fillers; ++i) {
    parts.emplace_back([&r, ru](builder& b) { b.plain(ru ? one_of(r, filler_ru) : one_of(r, filler_en)); });
  }
  if (with_pii) {
    const unsigned pii = r.chance(10) ? 0 : (r.chance(70) ? 1 : 2);
    for (unsigned i = 0; i < pii; ++i) {
      const pii_type type = all_types[r.below(15)];
      parts.emplace_back([&r, ru, type](builder& b) { pii_sentence(r, b, type, ru); });
    }
    const unsigned lookalikes = r.chance(40) ? 0 : (r.chance(65) ? 1 : 2);
    for (unsigned i = 0; i < lookalikes; ++i) parts.emplace_back([&r, ru](builder& b) { lookalike_sentence(r, b, ru); });
  }
  // Shuffle (Fisher-Yates with the corpus generator, so the order is deterministic too).
  for (std::size_t i = parts.size(); i > 1; --i) std::swap(parts[i - 1], parts[r.below(static_cast<std::uint32_t>(i))]);
  builder b;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) b.plain(r.chance(10) ? "\n" : " ");
    parts[i](b);
  }
  char id[32];
  std::snprintf(id, sizeof id, "c%06zu", n);
  return sample{id, ru ? "ru" : "en", std::move(b.text), std::move(b.pii), std::move(b.keep)};
}

}  // namespace

std::vector<sample> generate(std::uint64_t seed, std::size_t count) {
  rng r(seed);
  std::vector<sample> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(compose(r, i + 1, true));
  return out;
}

std::string benchmark_text(std::uint64_t seed, std::size_t bytes, std::vector<std::string>* comments) {
  rng r(seed);
  std::string text;
  text.reserve(bytes + 4096);
  std::size_t n = 0;
  while (text.size() < bytes) {
    // One comment in five carries personal data or look-alikes; the rest are ordinary feedback.
    sample s = compose(r, ++n, r.below(5) == 0);
    if (comments) comments->push_back(s.text);
    text += s.text;
    text += '\n';
  }
  return text;
}

}  // namespace otklik::corpus
