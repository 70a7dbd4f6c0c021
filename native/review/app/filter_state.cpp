// Filter state: codes stay dictionary codes, months become the half-open hour range the core filters on.
#include "app/filter_state.hpp"

#include <algorithm>
#include <charconv>

#include "otklik/period.hpp"

namespace otklik::review {

filter filter_state::to_filter() const {
  filter f;
  const auto sorted = [](std::vector<std::uint32_t> codes) {
    std::sort(codes.begin(), codes.end());
    return codes;
  };
  f.services = sorted(services);
  f.stages = sorted(stages);
  f.channels = sorted(channels);
  f.regions = sorted(regions);
  f.locales = sorted(locales);
  if (first_month) f.first_hour = period_start_hour(*first_month, period_unit::month);
  if (last_month) f.end_hour = period_start_hour(*last_month + 1, period_unit::month);
  return f;
}

std::vector<std::uint32_t>& filter_state::codes(dimension d) {
  return const_cast<std::vector<std::uint32_t>&>(static_cast<const filter_state&>(*this).codes(d));
}

const std::vector<std::uint32_t>& filter_state::codes(dimension d) const {
  switch (d) {
    case dimension::service: return services;
    case dimension::stage: return stages;
    case dimension::channel: return channels;
    case dimension::region: return regions;
    case dimension::locale: return locales;
    case dimension::period: break;
  }
  return services;
}

bool filter_state::empty() const noexcept {
  return services.empty() && stages.empty() && channels.empty() && regions.empty() && locales.empty() &&
         !first_month && !last_month;
}

std::optional<std::uint32_t> parse_month(std::string_view text) noexcept {
  int year = 0;
  unsigned month = 0;
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  if (std::from_chars(text.data(), text.data() + 4, year).ptr != text.data() + 4) return std::nullopt;
  if (std::from_chars(text.data() + 5, text.data() + 7, month).ptr != text.data() + 7) return std::nullopt;
  if (year < 1970 || month < 1 || month > 12) return std::nullopt;
  return static_cast<std::uint32_t>(year * 12 + static_cast<int>(month) - 1);
}

std::string apply_filter_argument(filter_state& state, const columnar_store& store, std::string_view argument) {
  const std::size_t equals = argument.find('=');
  if (equals == std::string_view::npos) return "a filter reads dimension=value: " + std::string(argument);
  const std::string_view name = argument.substr(0, equals);
  std::string_view values = argument.substr(equals + 1);
  if (name == "from" || name == "to") {
    const auto month = parse_month(values);
    if (!month) return "a month reads YYYY-MM: " + std::string(values);
    (name == "from" ? state.first_month : state.last_month) = *month;
    return {};
  }
  const auto d = parse_dimension(name);
  if (!d || *d == dimension::period) {
    return "filters are service, stage, channel, region, locale, from, to (not " + std::string(name) + ")";
  }
  while (!values.empty()) {
    const std::size_t comma = values.find(',');
    const std::string_view word = values.substr(0, comma);
    values = comma == std::string_view::npos ? std::string_view{} : values.substr(comma + 1);
    std::optional<std::uint32_t> code;
    switch (*d) {
      case dimension::service: code = store.services.find(word); break;
      case dimension::stage: code = store.stages.find(word); break;
      case dimension::region: code = store.regions.find(word); break;
      case dimension::locale: code = store.locales.find(word); break;
      case dimension::channel: {
        if (const auto c = parse_channel(word)) code = static_cast<std::uint32_t>(*c);
        break;
      }
      case dimension::period: break;
    }
    if (!code) return "no " + std::string(name) + " '" + std::string(word) + "' in the data";
    auto& list = state.codes(*d);
    if (std::find(list.begin(), list.end(), *code) == list.end()) list.push_back(*code);
  }
  return {};
}

}  // namespace otklik::review
