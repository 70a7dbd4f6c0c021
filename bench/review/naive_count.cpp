// The baseline is deliberately plain: per row, strings for every id, a formatted period label and a hash lookup.
#include "naive_count.hpp"

namespace otklik::bench {

naive_result naive_count(const columnar_store& store, const naive_filter& f, period_unit unit) {
  naive_result out;
  const auto allowed = [](const std::set<std::string>& set, const std::string& word) {
    return set.empty() || set.count(word) != 0;
  };
  for (const store_segment& s : store.segments) {
    const std::string service = store.services.word(s.service);
    for (std::size_t row = 0; row < s.size(); ++row) {
      const std::string stage = store.stages.word(s.stage[row]);
      const std::string where(to_string(static_cast<channel>(s.channel[row])));
      const std::string region = store.regions.word(s.region[row]);
      const std::string locale = store.locales.word(s.locale[row]);
      if (!allowed(f.services, service) || !allowed(f.stages, stage) || !allowed(f.channels, where) ||
          !allowed(f.regions, region) || !allowed(f.locales, locale) || s.hour[row] < f.first_hour ||
          s.hour[row] >= f.end_hour) {
        continue;
      }
      const std::string key = service + "|" + stage + "|" + period_label(period_of(s.hour[row], unit), unit);
      group_counts& g = out.groups[key];
      if (g.criteria.size() < store.criteria.size()) {
        g.criteria.resize(store.criteria.size());
        g.csat_by_criterion.resize(store.criteria.size());
      }
      ++out.responses;
      ++g.responses;
      const std::uint8_t csat = s.csat.empty() ? 0 : s.csat[row];
      if (csat != 0) ++g.csat.by_code[csat];
      if (!s.ces.empty() && s.ces[row] != 0) ++g.ces.by_code[s.ces[row]];
      if (!s.nps.empty() && s.nps[row] != 0) ++g.nps.by_code[s.nps[row]];
      if (!s.goal.empty() && s.goal[row] != 0) ++g.goal.yes_partly_no[s.goal[row] - 1u];
      for (std::size_t c = 0; c < s.criteria.size(); ++c) {
        const std::uint8_t answer = s.criterion_answers[c][row];
        if (answer != 0) ++g.criteria[s.criteria[c]].by_code[answer];
        ++g.csat_by_criterion[s.criteria[c]].by_codes[csat][answer];   // pairs with a side missing count too
      }
    }
  }
  return out;
}

}  // namespace otklik::bench
