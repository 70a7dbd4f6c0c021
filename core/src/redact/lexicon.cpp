// The word sources of the redactor: stems with a declension code, expanded into every case form
// (and the е spelling of ё) when the table is first used. Kept short on purpose: patronymics and
// surnames are recognised by suffix rules (names.cpp), not listed here.
#include "lexicon.hpp"

#include <cstring>
#include <string_view>

namespace otklik::detail {

namespace {

// Endings per declension code, appended to a stem ("телефон/m" -> телефон, телефона, ...).
std::string_view endings(char code) noexcept {
  switch (code) {
    case 'm': return ",а,у,ом,е,ы,ов,ам,ами,ах";        // masculine hard: телефон
    case 'f': return "а,ы,е,у,ой,ою";                   // feminine -а: карта
    case 'F': return "а,ы,е,у,ей,ею";                   // feminine -а after ц/ж/ш: улица
    case 'g': return "а,и,е,у,ой,ою";                   // feminine -а after г/к/х: Ольга
    case 'i': return "ия,ии,ию,ией,иею";                // -ия: Мария, серия
    case 'j': return "ья,ьи,ье,ью,ьей,ьёй";             // -ья: Наталья, Илья
    case 's': return "я,и,е,ю,ей,ёй";                   // -я: Олеся, аллея
    case 'y': return "й,я,ю,ем,е";                      // -й: Сергей, Николай
    case 'Y': return "ий,ия,ию,ием,ии";                 // -ий: Дмитрий
    case 'b': return "ь,я,ю,ем,е";                      // masculine -ь: Игорь, январь
    case 'B': return "ь,и,ью";                          // feminine -ь: площадь, Любовь
    case 'a': return "ый,ая,ое,ого,ому,ым,ом,ую,ой,ые,ых,ыми";  // adjective: мобильный
    case 'n': return "ие,ия,ию,ием,ии,ий";              // -ие: заявление
    case 'o': return "о,а,у,ом,е";                      // neuter -о: окно
    default: return "";
  }
}

struct source {
  lex kind;
  const char* words;  // "stem/code" or an exact word, separated by spaces
};

constexpr source sources[] = {
    {lex::cue_phone,
     "телефон/m телефонн/a тел тлф моб мобильн/a мобильник/m сотов/a звонил звонила звонили звонить звоните "
     "позвоните позвонить позвонила позвонил перезвоните перезвонить звонок звонки звонков контакт/m связ/B "
     "whatsapp вотсап ватсап viber вайбер телеграм telegram phone phones tel mob mobile cell cellphone call "
     "calling called contact reach"},
    {lex::cue_snils, "снилс snils"},
    {lex::cue_inn, "инн inn"},
    {lex::cue_ogrn, "огрн огрнип ogrn ogrnip"},
    {lex::cue_oms, "омс oms полис/m медполис/m policy"},
    {lex::cue_card, "карт/f карточк/g банковск/a card cards visa mastercard"},
    {lex::cue_passport, "паспорт/m паспортн/a загранпаспорт/m загран сер/i passport passports"},
    {lex::cue_iban, "iban"},
    {lex::cue_dob, "рожден/n родился родилась родились рождён рождена рожденный рождённый born dob birth birthday "
                   "birthdate"},
    {lex::cue_negative,
     "заявлен/n заявк/g обращен/n квитанц/i платеж/m платёж оплат/f сумм/f руб рубль рублей рубля рублям тыс "
     "млн уин окн/o кабинет/m каб офис/m талон/m постановлен/n приказ/m закон/m указ/m госпошлин/f "
     "трек трек-номер/m отправлени/n бик кпп окпо счет счёт счета счёта application applications request ticket order reference ref case invoice "
     "payment amount receipt usd eur rub window office room desk counter tracking"},
    {lex::cue_version, "верси/s version versions"},
    {lex::cue_person, "зовут имя фио фамил/i name regards sincerely signed уважением"},
    {lex::cue_title, "mr mrs ms miss mister madam dr господин/m госпож/F г-н г-жа"},
    {lex::cue_i_am, "am i'm"},
    {lex::cue_address, "адрес/m проживаю проживает проживаем прожива/n живу прописк/g регистраци/i индекс/m "
                       "address live lives"},
    {lex::street_abbr, "ул пр пер наб пл мкр б-р пр-т пр-д ш"},
    {lex::street_word, "улиц/F проспект/m переулок переулка переулку переулком переулке бульвар/m набережн/a "
                       "площад/B проезд/m шоссе тупик/m алле/s микрорайон/m"},
    {lex::street_en, "street st avenue ave road rd lane ln drive boulevard blvd court ct place pl square sq "
                     "terrace way crescent highway hwy parkway"},
    {lex::house, "д дом/m"},
    {lex::building, "корп корпус/m стр строен/n лит литер/f"},
    {lex::flat, "кв квартир/f apt apartment flat suite unit"},
    {lex::city_prefix, "г гор город/m пос поселок поселка поселке посёлок посёлка посёлке пгт село селе села дер "
                       "деревн/s"},
    {lex::region, "обл област/B кра/y р-н район/m респ республик/g"},
    {lex::city,
     "москв/f санкт-петербург/m петербург/m спб казан/B новосибирск/m екатеринбург/m самар/f омск/m "
     "челябинск/m ростов/m уф/f красноярск/m перм/B воронеж/m волгоград/m краснодар/m саратов/m тюмен/B "
     "тольятти ижевск/m барнаул/m ульяновск/m иркутск/m хабаровск/m ярославл/b владивосток/m махачкал/f "
     "томск/m оренбург/m кемерово новокузнецк/m рязан/B астрахан/B пенз/f липецк/m тул/f киров/m "
     "калининград/m курск/m сочи химки подольск/m мытищи балашиха твер/B россия россии moscow london paris "
     "berlin"},
    {lex::agency, "мфц пфр сфр фнс фсс гибдд мвд фмс умвд гувм фссп ифнс ржд загс/m росреестр/m "
                  "роспотребнадзор/m госуслуг/g госуслугах госуслугам соцзащит/f собес/m dmv ssa irs uscis nhs "
                  "hmrc dvla"},
    {lex::month, "январ/b феврал/b март/m апрел/b ма/y июн/b июл/b август/m сентябр/b октябр/b ноябр/b декабр/b "
                 "january february march april may june july august september october november december jan feb "
                 "mar apr jun jul aug sep sept oct nov dec"},
    {lex::first_name,
     // men
     "александр/m алексе/y анатол/Y андре/y антон/m аркад/Y арсен/Y артём/m артур/m богдан/m борис/m вадим/m "
     "валентин/m валер/Y васил/Y виктор/m витал/Y владимир/m владислав/m вячеслав/m геннад/Y георг/Y глеб/m "
     "григор/Y даниил/m денис/m дмитр/Y евген/Y егор/m иван/m игор/b ил/j кирилл/m константин/m лев льва льву "
     "львом льве леонид/m максим/m марк/m матве/y михаил/m никит/f никола/y олег/m павел павла павлу павлом "
     "павле пётр петр/m роман/m руслан/m семён/m серге/y станислав/m степан/m тимофе/y тимур/m фёдор/m "
     "филипп/m эдуард/m юр/Y ярослав/m ринат/m рустам/m айдар/m марат/m ильдар/m азат/m "
     // women
     "александр/f алин/f алл/f алён/f анастас/i ангелин/f анн/f валентин/f валер/i варвар/f вер/f вероник/g "
     "виктор/i галин/f дар/j диан/f ев/f евген/i екатерин/f елен/f елизавет/f жанн/f зинаид/f зо/s инн/f "
     "ирин/f камил/f карин/f кир/f кристин/f ксен/i ларис/f лид/i любов/B людмил/f маргарит/f марин/f мар/i "
     "надежд/f натал/j натал/i нин/f оксан/f олес/s ольг/g полин/f раис/f светлан/f соф/j соф/i тамар/f "
     "татьян/f ульян/f юл/i ян/f"},
    {lex::number_word, "номер/m no number num"},
    {lex::url_scheme, "http https www"},
    {lex::year_word, "год/m года году"},
};

// Writes the е spelling of a word written with ё into `out`; false when it has no ё.
bool without_yo(const char* w, std::size_t n, char* out) noexcept {
  bool changed = false;
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = w[i];
    if (i + 1 < n && static_cast<byte>(w[i]) == 0xD1 && static_cast<byte>(w[i + 1]) == 0x91) {  // ё -> е (D0 B5)
      out[i] = static_cast<char>(0xD0);
      out[++i] = static_cast<char>(0xB5);
      changed = true;
    }
  }
  return changed;
}

constexpr std::size_t source_count = sizeof sources / sizeof sources[0];

#if defined(OTKLIK_WASM_SIZE_FIRST)
// The widget's WebAssembly core (cmake/OtklikEmscripten.cmake) keeps the word sources with one byte per
// Russian letter (а..я as 0x80..0x9F, ё as 0xA0), packed at compile time from the readable lists above and
// turned back into UTF-8 as each form is added: about 390 B less of its download. Natively, and in the
// full core, the lists are used as written.

consteval std::size_t packed_size() {
  std::size_t size = 0;
  for (const source& src : sources) {
    for (const char* p = src.words; *p; ++p) size += (static_cast<byte>(*p) & 0xC0) != 0x80;  // one per character
    ++size;  // the terminating zero
  }
  return size;
}

struct packed_sources {
  char text[packed_size()];
  std::uint16_t start[source_count];
  lex kind[source_count];
};

// Only ASCII and lowercase Russian letters can be packed; a call in pack(), which is evaluated at compile
// time, to this function that is not constexpr stops the compilation.
void not_packable_character() {}

consteval packed_sources pack() {
  packed_sources out{};
  std::size_t at = 0;
  for (std::size_t i = 0; i < source_count; ++i) {
    out.start[i] = static_cast<std::uint16_t>(at);
    out.kind[i] = sources[i].kind;
    for (const char* p = sources[i].words; *p; ++p) {
      const auto b = static_cast<byte>(*p);
      if (b < 0x80) {
        out.text[at++] = *p;
        continue;
      }
      const unsigned cp = ((b & 0x1Fu) << 6) | (static_cast<byte>(*++p) & 0x3Fu);
      if (cp == 0x451) {
        out.text[at++] = static_cast<char>(0xA0);
      } else if (cp >= 0x430 && cp <= 0x44F) {
        out.text[at++] = static_cast<char>(0x80 + (cp - 0x430));
      } else {
        not_packable_character();  // not constexpr: a compile error
      }
    }
    out.text[at++] = '\0';
  }
  return out;
}

constexpr packed_sources packed = pack();

// The words of the i-th source and their meaning (the readable `sources` stay out of the binary).
const char* words_of(std::size_t i) noexcept { return packed.text + packed.start[i]; }
lex kind_of(std::size_t i) noexcept { return packed.kind[i]; }

// The UTF-8 size of `n` packed bytes.
std::size_t unpacked_size(const char* p, std::size_t n) noexcept {
  std::size_t size = n;
  for (std::size_t i = 0; i < n; ++i) size += static_cast<byte>(p[i]) >= 0x80;
  return size;
}

// Writes `n` packed bytes as UTF-8 into `out`.
void unpack(char* out, const char* p, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned b = static_cast<byte>(p[i]);
    if (b < 0x80) {
      *out++ = p[i];
    } else {
      const unsigned cp = b == 0xA0 ? 0x451 : 0x430 + (b - 0x80);
      *out++ = static_cast<char>(0xC0 | (cp >> 6));
      *out++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
}
#else
const char* words_of(std::size_t i) noexcept { return sources[i].words; }
lex kind_of(std::size_t i) noexcept { return sources[i].kind; }
std::size_t unpacked_size(const char*, std::size_t n) noexcept { return n; }
void unpack(char* out, const char* p, std::size_t n) noexcept { std::memcpy(out, p, n); }
#endif

}  // namespace

#if defined(OTKLIK_WASM_SIZE_FIRST)
const lexicon& lexicon::get() {
  static const lexicon instance;
  return instance;
}
#endif

bool lexicon::add(const char* word, std::size_t n, lex kind) {
  if (n == 0 || n > max_word_bytes) return true;
  const auto* w = reinterpret_cast<const byte*>(word);
  const std::uint64_t h = hash_lower_word(w, n, w + n);
  if (find(w, n, h) != lex::none) return true;  // the first meaning listed wins
  for (const std::size_t b : {first_bucket(h), second_bucket(h)}) {
    for (unsigned way = 0; way < 4; ++way) {
      if (static_cast<std::uint16_t>(tags_[b] >> (16 * way)) != 0) continue;
      entries_.push_back({static_cast<std::uint32_t>(pool_.size()), static_cast<std::uint8_t>(n), kind});
      pool_.append(word, n);
      tags_[b] |= std::uint64_t{tag_of(h)} << (16 * way);
      set_slot(b, way, static_cast<std::uint16_t>(entries_.size() - 1));  // the slot is 0: its tag was
      return true;
    }
  }
  return false;  // all eight places taken: the caller grows the table
}

lexicon::lexicon() {
  // About 2,100 forms in 2,048 buckets of four, each word in one of two buckets: a quarter full, so a word
  // practically always finds a place. Should all eight places of a word be taken, start again with twice
  // as many buckets (the hash has bits for up to 2^20).
  for (std::size_t size = 2048; size <= (std::size_t{1} << 20); size *= 2) {
    pool_.clear();
    entries_.clear();
    clear_buckets(size);
    mask_ = size - 1;
    if (fill()) break;
  }
}

bool lexicon::fill() {
  char form[max_word_bytes + 16], plain[max_word_bytes + 16];
  // Adds a form and its е spelling.
  auto add_form = [&](std::size_t n) { return add(form, n, kind_) && (!without_yo(form, n, plain) || add(plain, n, kind_)); };
  for (std::size_t i = 0; i < source_count; ++i) {
    kind_ = kind_of(i);
    for (const char* p = words_of(i); *p;) {
      while (*p == ' ') ++p;
      std::size_t n = 0, slash = 0;
      while (p[n] && p[n] != ' ') {
        if (p[n] == '/') slash = n;
        ++n;
      }
      if (n == 0) break;
      if (slash == 0) {  // an exact word
        if (const std::size_t size = unpacked_size(p, n); size <= max_word_bytes) {
          unpack(form, p, n);
          if (!add_form(size)) return false;
        }
      } else {  // stem/code: the stem with each ending of the code
        const std::size_t stem = unpacked_size(p, slash);
        for (const char* e = endings(p[slash + 1]).data(); e;) {
          const char* comma = std::strchr(e, ',');
          const std::size_t el = comma ? static_cast<std::size_t>(comma - e) : std::strlen(e);
          if (stem + el <= max_word_bytes) {
            unpack(form, p, slash);
            std::memcpy(form + stem, e, el);
            if (!add_form(stem + el)) return false;
          }
          e = comma ? comma + 1 : nullptr;
        }
      }
      p += n;
    }
  }
  return true;
}

}  // namespace otklik::detail
