// The dataset generator: a small hand-written PRNG (so every platform draws the same numbers) and a latent
// satisfaction model per response.
#include "dataset.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <vector>

#include "otklik/period.hpp"

namespace otklik::test {

namespace {

// splitmix64: tiny, fast and identical everywhere (std distributions differ between standard libraries).
class random {
 public:
  explicit random(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }
  bool chance(double p) { return uniform() < p; }
  // Approximately normal (sum of 4 uniforms, scaled): cheap and bounded.
  double normal(double sd) {
    const double s = uniform() + uniform() + uniform() + uniform() - 2.0;
    return s * std::sqrt(3.0) * sd;
  }

 private:
  std::uint64_t state_;
};

int clamp_round(double value, int low, int high) {
  return std::clamp(static_cast<int>(std::lround(value)), low, high);
}

std::uint64_t hash_text(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// How much each criterion weighs in the overall rating and how well the service does on it.
double criterion_weight(std::string_view id) {
  if (id == "time" || id == "efficiency") return 0.35;
  if (id == "queue" || id == "ease") return 0.25;
  if (id == "staff" || id == "employee") return 0.2;
  return 0.1;
}
double criterion_offset(std::string_view id) {
  if (id == "queue" || id == "efficiency") return -0.9;
  if (id == "staff" || id == "equity") return 0.3;
  return 0.0;
}

constexpr std::array<std::string_view, 12> regions = {"RU-MOW", "RU-SPE", "RU-NVS", "RU-SVE", "RU-TA", "RU-KDA",
                                                      "RU-NIZ", "RU-SAM", "RU-ROS", "RU-BA",  "RU-KEM", "RU-PER"};

constexpr std::array<std::string_view, 8> ru_bad = {
    "Очень долго ждал в очереди", "Сотрудник был груб и не объяснил порядок", "Сайт постоянно зависал при подаче заявления",
    "Документы потеряли, пришлось приходить снова", "Нет информации о сроках", "Долгое ожидание результата",
    "Очередь на два часа, окно одно", "Непонятная форма заявления"};
constexpr std::array<std::string_view, 6> ru_good = {
    "Всё быстро и понятно, спасибо", "Вежливые сотрудники, удобное помещение", "Услугу получил вовремя",
    "Понятная инструкция на сайте", "Быстро приняли документы", "Спасибо за помощь"};
constexpr std::array<std::string_view, 8> en_bad = {
    "Waited far too long in the queue", "The staff were rude and unhelpful", "The website kept crashing",
    "They lost my documents", "No information about the waiting time", "The result took weeks to arrive",
    "Only one window open and a long queue", "The application form is confusing"};
constexpr std::array<std::string_view, 6> en_good = {
    "Quick and clear, thank you", "Polite staff and a comfortable office", "Got the result on time",
    "Clear instructions on the website", "Documents were accepted quickly", "Thanks for the help"};
constexpr std::array<std::string_view, 4> personal = {" звоните +7 916 123-45-67", " my email is anna.petrova@example.com",
                                                      " паспорт 4510 123456", " call me on +7 (495) 765-43-21"};

std::string comment_text(random& rng, std::string_view locale, int rating, std::size_t max_length) {
  const bool russian = locale == "ru";
  std::string text;
  const bool bad = rating <= 3;
  if (russian) {
    text = bad ? ru_bad[rng.below(ru_bad.size())] : ru_good[rng.below(ru_good.size())];
  } else {
    text = bad ? en_bad[rng.below(en_bad.size())] : en_good[rng.below(en_good.size())];
  }
  if (rng.chance(0.3)) {
    text += ". ";
    text += russian ? (bad ? ru_bad[rng.below(ru_bad.size())] : ru_good[rng.below(ru_good.size())])
                    : (bad ? en_bad[rng.below(en_bad.size())] : en_good[rng.below(en_good.size())]);
  }
  if (rng.chance(0.05)) text += personal[rng.below(personal.size())];
  // Cut to max_length code points, on a code point boundary.
  std::size_t points = 0, at = 0;
  while (at < text.size() && points < max_length) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    ++points;
  }
  text.resize(at);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

void append_two(std::string& out, unsigned value) {
  out.push_back(static_cast<char>('0' + value / 10));
  out.push_back(static_cast<char>('0' + value % 10));
}

std::string timestamp(std::int64_t day, unsigned hour, unsigned minute, unsigned second) {
  const civil_date d = civil_from_days(day);
  std::string out = std::to_string(d.year) + "-";
  append_two(out, d.month);
  out.push_back('-');
  append_two(out, d.day);
  out.push_back('T');
  append_two(out, hour);
  out.push_back(':');
  append_two(out, minute);
  out.push_back(':');
  append_two(out, second);
  out.push_back('Z');
  return out;
}

}  // namespace

void generate_responses(const survey_set& surveys, const dataset_options& options,
                        const std::function<void(const response&)>& emit) {
  random rng(options.seed);
  const auto& all = surveys.all();
  if (all.empty()) return;
  const int end_year = std::stoi(options.end_date.substr(0, 4));
  const auto end_month = static_cast<unsigned>(std::stoi(options.end_date.substr(5, 2)));
  const auto end_day_of_month = static_cast<unsigned>(std::stoi(options.end_date.substr(8, 2)));
  const std::int64_t end_day = days_from_civil(end_year, end_month, end_day_of_month);
  const std::int64_t span_days = std::max<std::int64_t>(1, options.months * 30);
  const std::int64_t first_day = end_day - span_days;
  constexpr std::array<channel, 5> channels = {channel::web, channel::mobile, channel::office, channel::phone,
                                               channel::kiosk};
  response r;
  for (std::uint64_t i = 0; i < options.count; ++i) {
    const survey& s = all[rng.below(all.size())];
    const std::size_t stage_index = rng.below(s.stages.size());
    r.id.clear();
    static constexpr char hex[] = "0123456789abcdef";
    const std::uint64_t id_low = rng.next(), id_high = rng.next();
    for (int nibble = 0; nibble < 16; ++nibble) r.id.push_back(hex[(id_low >> (nibble * 4)) & 15]);
    for (int nibble = 0; nibble < 16; ++nibble) r.id.push_back(hex[(id_high >> (nibble * 4)) & 15]);
    r.survey = s.id;
    r.service = s.service.id;
    r.stage = s.stages[stage_index].id;
    r.where = channels[rng.below(channels.size())];
    r.locale = s.locales[rng.below(s.locales.size())];
    const std::int64_t day = first_day + static_cast<std::int64_t>(rng.below(static_cast<std::size_t>(span_days)));
    r.submitted_at = timestamp(day, static_cast<unsigned>(rng.below(24)), static_cast<unsigned>(rng.below(60)),
                               static_cast<unsigned>(rng.below(60)));
    r.region = rng.chance(0.1) ? std::string() : std::string(regions[rng.below(regions.size())]);

    // Latent satisfaction: a per-service level, a fall at the journey's middle stage, and a fall in the last
    // month for every other service (so journeys, trends and alerts have something real to find).
    const std::uint64_t service_hash = hash_text(s.service.id);
    double level = 3.6 + static_cast<double>(service_hash % 5) * 0.1;
    if (s.stages.size() >= 2 && stage_index == s.stages.size() / 2) level -= 0.7;
    if (service_hash % 2 == 0 && day >= end_day - 30) level -= 0.5;
    level += rng.normal(0.7);

    r.answers.clear();
    double weighted = 0.0, weights = 0.0;
    std::vector<std::pair<std::size_t, int>> criterion_values;
    for (std::size_t q = 0; q < s.questions.size(); ++q) {
      const question& question = s.questions[q];
      if (question.kind != question_kind::criterion || !question.applies_to(r.stage, r.where)) continue;
      const int value = clamp_round(level + criterion_offset(question.criterion) + rng.normal(0.9), 1, 5);
      weighted += criterion_weight(question.criterion) * value;
      weights += criterion_weight(question.criterion);
      criterion_values.emplace_back(q, value);
    }
    const double overall_latent = weights > 0.0 ? 0.3 * level + 0.7 * (weighted / weights) : level;
    const int csat = clamp_round(overall_latent + rng.normal(0.5), 1, 5);
    for (std::size_t q = 0; q < s.questions.size(); ++q) {
      const question& question = s.questions[q];
      if (!question.applies_to(r.stage, r.where)) continue;
      if (!question.required && rng.chance(0.15)) continue;
      answer a;
      a.question = question.id;
      a.kind = question.kind;
      switch (question.kind) {
        case question_kind::csat: a.number = csat; break;
        case question_kind::criterion: {
          const auto found = std::find_if(criterion_values.begin(), criterion_values.end(),
                                          [&](const auto& entry) { return entry.first == q; });
          a.number = found->second;
          break;
        }
        case question_kind::ces: a.number = clamp_round(8.0 - 1.4 * overall_latent + rng.normal(0.8), 1, 7); break;
        case question_kind::nps: a.number = clamp_round(2.2 * overall_latent - 1.0 + rng.normal(1.5), 0, 10); break;
        case question_kind::goal: {
          const double u = rng.uniform() * 5.0;
          a.text = u < overall_latent - 0.8 ? "yes" : (u < overall_latent + 0.4 ? "partly" : "no");
          break;
        }
        case question_kind::choice: a.text = question.options[rng.below(question.options.size())].id; break;
        case question_kind::text:
          if (!rng.chance(options.comment_share)) continue;
          a.text = comment_text(rng, r.locale, csat, question.max_length);
          if (a.text.empty()) continue;
          break;
      }
      r.answers.push_back(std::move(a));
    }
    emit(r);
  }
}

}  // namespace otklik::test
