// Aggregation: rows pass the filter, get a group key from per-dimension lookup tables, and bump joint answer
// counters, block by block over small integer columns. Joint counters (overall × goal, effort × NPS, overall ×
// each criterion) cut the increments per row and give drivers their pairs for free.
#include "otklik/aggregate.hpp"

#include <algorithm>
#include <unordered_map>

namespace otklik {

namespace {

constexpr std::uint64_t none = std::numeric_limits<std::uint64_t>::max();
constexpr std::size_t block_rows = 2048;

// Counter layout of one group: overall(6) × goal(4), effort(8) × nps(12), then overall(6) × criterion(6) per code.
constexpr std::size_t csat_goal_bins = 6 * 4;
constexpr std::size_t ces_nps_offset = csat_goal_bins;
constexpr std::size_t ces_nps_bins = 8 * 12;
constexpr std::size_t criteria_offset = ces_nps_offset + ces_nps_bins;
constexpr std::size_t criterion_bins = 6 * 6;

// Dense groups while their counters stay this small; a hash of keys beyond.
constexpr std::uint64_t dense_group_limit = 1u << 16;
constexpr std::uint64_t dense_counter_limit = 1u << 24;

// Per dimension: code -> dense index (allowed codes only) and back.
struct dimension_map {
  bool grouped = false;
  bool filtered = false;
  std::vector<std::uint64_t> lut;   // code -> dense index × key stride, or `none` when filtered out
  std::vector<std::uint32_t> codes; // dense index -> code
};

std::size_t cardinality(const columnar_store& store, dimension d) {
  switch (d) {
    case dimension::service: return store.services.size();
    case dimension::stage: return store.stages.size();
    case dimension::channel: return 5;
    case dimension::region: return store.regions.size();
    case dimension::locale: return store.locales.size();
    case dimension::period: return 0;
  }
  return 0;
}

const std::vector<std::uint32_t>* allowed_codes(const filter& f, dimension d) {
  switch (d) {
    case dimension::service: return &f.services;
    case dimension::stage: return &f.stages;
    case dimension::channel: return &f.channels;
    case dimension::region: return &f.regions;
    case dimension::locale: return &f.locales;
    case dimension::period: return nullptr;
  }
  return nullptr;
}

// Row share [begin, end) of part `part` in the global row order over segments.
std::pair<std::size_t, std::size_t> part_rows(std::size_t total, std::size_t part, std::size_t parts) {
  return {total * part / parts, total * (part + 1) / parts};
}

// The plan of one aggregation: lookup tables, strides, counter layout.
struct plan {
  std::array<dimension_map, dimension_count> maps;  // indexed by dimension value
  std::uint64_t key_space = 1;
  bool overflow = false;
  std::size_t stride = 0;         // counters per group
  std::uint32_t first_day = 0;    // period lut covers days [first_day, first_day + lut size)
  bool period_active = false;
  bool hour_filtered = false;
};

plan make_plan(const columnar_store& store, const filter& f, const grouping& g, std::uint32_t first_hour,
               std::uint32_t last_hour) {
  plan p;
  p.stride = criteria_offset + criterion_bins * store.criteria.size();
  p.hour_filtered = f.first_hour > 0 || f.end_hour != std::numeric_limits<std::uint32_t>::max();
  for (std::size_t i = 0; i < dimension_count; ++i) {
    const auto d = static_cast<dimension>(i);
    dimension_map& m = p.maps[i];
    m.grouped = std::find(g.by.begin(), g.by.end(), d) != g.by.end();
    if (d == dimension::period) {
      if (!m.grouped) continue;
      const std::uint32_t from = period_of(std::max(first_hour, f.first_hour), g.period);
      const std::uint32_t last_allowed = f.end_hour == 0 ? 0 : f.end_hour - 1;
      const std::uint32_t to = period_of(std::min(last_hour, last_allowed), g.period);
      for (std::uint32_t period = from; period <= to && first_hour <= last_hour; ++period) m.codes.push_back(period);
      continue;
    }
    const std::vector<std::uint32_t>& allowed = *allowed_codes(f, d);
    m.filtered = !allowed.empty();
    if (!m.grouped && !m.filtered) continue;
    const std::size_t size = cardinality(store, d);
    m.lut.assign(size, none);
    for (std::uint32_t code = 0; code < size; ++code) {
      if (m.filtered && std::find(allowed.begin(), allowed.end(), code) == allowed.end()) continue;
      m.lut[code] = m.grouped ? m.codes.size() : 0;
      if (m.grouped) m.codes.push_back(code);
    }
  }
  // Strides: the first grouped dimension varies slowest, so key order is lexicographic in `by` order.
  std::uint64_t stride = 1;
  for (std::size_t i = g.by.size(); i-- > 0;) {
    dimension_map& m = p.maps[static_cast<std::size_t>(g.by[i])];
    const std::uint64_t size = std::max<std::uint64_t>(m.codes.size(), 1);
    for (std::uint64_t& entry : m.lut) {
      if (entry != none) entry *= stride;
    }
    if (g.by[i] == dimension::period) m.lut.assign(1, stride);  // the period stride, applied per row
    if (stride > std::numeric_limits<std::uint64_t>::max() / size) p.overflow = true;
    stride *= size;
  }
  p.key_space = stride;
  p.period_active = p.maps[static_cast<std::size_t>(dimension::period)].grouped;
  return p;
}

// Counters of the groups seen so far: dense by key, or a hash from key to a compact slot. One extra "trash"
// group takes the rows that the filter drops, so that the counting loops need no branch.
class counter_table {
 public:
  counter_table(std::uint64_t key_space, std::size_t stride) : stride_(stride) {
    dense_ = key_space <= dense_group_limit && (key_space + 1) * stride <= dense_counter_limit;
    if (dense_) {
      // Within the dense limits, so the sizes fit std::size_t even in 32-bit WebAssembly.
      counters_.assign(static_cast<std::size_t>((key_space + 1) * stride), 0);
      trash_ = static_cast<std::size_t>(key_space * stride);
    } else {
      counters_.assign(stride, 0);  // slot 0 is the trash group
      trash_ = 0;
    }
  }
  [[nodiscard]] bool dense() const noexcept { return dense_; }
  [[nodiscard]] std::size_t stride() const noexcept { return stride_; }
  [[nodiscard]] std::size_t trash() const noexcept { return trash_; }
  // Offset of a group's counters in the sparse table.
  std::size_t sparse_offset(std::uint64_t key) {
    if (key == last_key_) return last_offset_;
    auto [it, added] = slots_.try_emplace(key, keys_.size() + 1);
    if (added) {
      keys_.push_back(key);
      counters_.resize(counters_.size() + stride_, 0);
    }
    last_key_ = key;
    last_offset_ = it->second * stride_;
    return last_offset_;
  }
  std::uint32_t* data() noexcept { return counters_.data(); }
  // Calls fn(key, counters) for every group but the trash.
  template <class Fn>
  void each(Fn&& fn) const {
    if (dense_) {
      for (std::size_t key = 0; key * stride_ < trash_; ++key) fn(key, &counters_[key * stride_]);
    } else {
      for (std::size_t slot = 0; slot < keys_.size(); ++slot) fn(keys_[slot], &counters_[(slot + 1) * stride_]);
    }
  }

 private:
  std::size_t stride_;
  bool dense_ = false;
  std::size_t trash_ = 0;
  std::vector<std::uint32_t> counters_;
  std::unordered_map<std::uint64_t, std::size_t> slots_;
  std::vector<std::uint64_t> keys_;
  std::uint64_t last_key_ = none;
  std::size_t last_offset_ = 0;
};

// Adds the lookup of one row-varying dimension to the block's keys; a filtered code clears the row's flag.
template <class Code>
void add_dimension(std::uint64_t* keys, std::uint8_t* keep, const Code* column, std::size_t n,
                   const std::vector<std::uint64_t>& lut) {
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t v = lut[column[i]];
    keep[i] &= static_cast<std::uint8_t>(v != none);
    keys[i] += v;  // wraps for dropped rows, which never use their key
  }
}

void count_segment(const store_segment& s, std::size_t begin, std::size_t end, const plan& p,
                   counter_table& table, std::vector<std::uint64_t>& period_lut, std::uint64_t& responses,
                   const filter& f) {
  const dimension_map& service_map = p.maps[static_cast<std::size_t>(dimension::service)];
  std::uint64_t base_key = 0;
  if (!service_map.lut.empty()) {
    base_key = service_map.lut[s.service];
    if (base_key == none) return;
  }
  static const std::uint8_t zeros[block_rows] = {};
  std::array<std::uint64_t, block_rows> keys;
  std::array<std::uint8_t, block_rows> keep;
  std::array<std::size_t, block_rows> offsets;
  const bool has_ces_nps = !s.ces.empty() || !s.nps.empty();
  std::vector<std::size_t> criterion_offsets;
  for (const std::uint16_t code : s.criteria) criterion_offsets.push_back(criteria_offset + criterion_bins * code);
  const auto& stage_map = p.maps[static_cast<std::size_t>(dimension::stage)];
  const auto& channel_map = p.maps[static_cast<std::size_t>(dimension::channel)];
  const auto& region_map = p.maps[static_cast<std::size_t>(dimension::region)];
  const auto& locale_map = p.maps[static_cast<std::size_t>(dimension::locale)];
  const std::size_t stride = table.stride(), trash = table.trash();

  for (std::size_t from = begin; from < end; from += block_rows) {
    const std::size_t n = std::min(block_rows, end - from);
    std::fill_n(keys.begin(), n, base_key);
    std::fill_n(keep.begin(), n, std::uint8_t{1});
    if (!stage_map.lut.empty()) add_dimension(keys.data(), keep.data(), s.stage.data() + from, n, stage_map.lut);
    if (!channel_map.lut.empty()) add_dimension(keys.data(), keep.data(), s.channel.data() + from, n, channel_map.lut);
    if (!region_map.lut.empty()) add_dimension(keys.data(), keep.data(), s.region.data() + from, n, region_map.lut);
    if (!locale_map.lut.empty()) add_dimension(keys.data(), keep.data(), s.locale.data() + from, n, locale_map.lut);
    const std::uint32_t* hours = s.hour.data() + from;
    if (p.hour_filtered) {
      for (std::size_t i = 0; i < n; ++i) {
        keep[i] &= static_cast<std::uint8_t>(hours[i] >= f.first_hour && hours[i] < f.end_hour);
      }
    }
    if (p.period_active) {
      for (std::size_t i = 0; i < n; ++i) keys[i] += period_lut[hours[i] / 24 - p.first_day];
    }
    std::size_t kept = 0;
    if (table.dense()) {
      for (std::size_t i = 0; i < n; ++i) {
        offsets[i] = keep[i] ? static_cast<std::size_t>(keys[i] * stride) : trash;
        kept += keep[i];
      }
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        offsets[i] = keep[i] ? table.sparse_offset(keys[i]) : trash;
        kept += keep[i];
      }
    }
    responses += kept;

    std::uint32_t* counters = table.data();
    const std::uint8_t* csat = s.csat.empty() ? zeros : s.csat.data() + from;
    const std::uint8_t* goal = s.goal.empty() ? zeros : s.goal.data() + from;
    const std::uint8_t* ces = s.ces.empty() ? zeros : s.ces.data() + from;
    const std::uint8_t* nps = s.nps.empty() ? zeros : s.nps.data() + from;
    for (std::size_t i = 0; i < n; ++i) ++counters[offsets[i] + csat[i] * 4u + goal[i]];
    if (has_ces_nps) {
      for (std::size_t i = 0; i < n; ++i) ++counters[offsets[i] + ces_nps_offset + ces[i] * 12u + nps[i]];
    }
    for (std::size_t c = 0; c < criterion_offsets.size(); ++c) {
      const std::uint8_t* answers = s.criterion_answers[c].data() + from;
      std::uint32_t* column = counters + criterion_offsets[c];
      for (std::size_t i = 0; i < n; ++i) ++column[offsets[i] + csat[i] * 6u + answers[i]];
    }
  }
}

// Turns one group's joint counters into its public counts.
group_counts counts_from(const std::uint32_t* c, std::size_t criteria) {
  group_counts out;
  out.criteria.resize(criteria);
  out.csat_by_criterion.resize(criteria);
  for (std::size_t csat = 0; csat < 6; ++csat) {
    for (std::size_t goal = 0; goal < 4; ++goal) {
      const std::uint64_t n = c[csat * 4 + goal];
      out.responses += n;
      if (csat > 0) out.csat.by_code[csat] += n;
      if (goal > 0) out.goal.yes_partly_no[goal - 1] += n;
    }
  }
  for (std::size_t ces = 0; ces < 8; ++ces) {
    for (std::size_t nps = 0; nps < 12; ++nps) {
      const std::uint64_t n = c[ces_nps_offset + ces * 12 + nps];
      if (ces > 0) out.ces.by_code[ces] += n;
      if (nps > 0) out.nps.by_code[nps] += n;
    }
  }
  for (std::size_t k = 0; k < criteria; ++k) {
    const std::uint32_t* joint = c + criteria_offset + criterion_bins * k;
    for (std::size_t csat = 0; csat < 6; ++csat) {
      for (std::size_t answer = 0; answer < 6; ++answer) {
        const std::uint64_t n = joint[csat * 6 + answer];
        out.csat_by_criterion[k].by_codes[csat][answer] = n;
        if (answer > 0) out.criteria[k].by_code[answer] += n;
      }
    }
  }
  return out;
}

}  // namespace

std::string_view to_string(dimension d) noexcept {
  switch (d) {
    case dimension::service: return "service";
    case dimension::stage: return "stage";
    case dimension::channel: return "channel";
    case dimension::region: return "region";
    case dimension::locale: return "locale";
    case dimension::period: return "period";
  }
  return "service";
}

std::optional<dimension> parse_dimension(std::string_view word) noexcept {
  for (std::size_t i = 0; i < dimension_count; ++i) {
    if (to_string(static_cast<dimension>(i)) == word) return static_cast<dimension>(i);
  }
  return std::nullopt;
}

aggregation aggregate(const columnar_store& store, const filter& f, const grouping& g) {
  return aggregate_part(store, f, g, 0, 1);
}

aggregation aggregate_part(const columnar_store& store, const filter& f, const grouping& requested, std::size_t part,
                           std::size_t parts) {
  aggregation out;
  // A dimension named twice groups once (the key's mixed radix needs distinct dimensions).
  grouping g{{}, requested.period};
  for (const dimension d : requested.by) {
    if (std::find(g.by.begin(), g.by.end(), d) == g.by.end()) g.by.push_back(d);
  }
  out.by = g;
  const auto [row_begin, row_end] = part_rows(store.size(), part, std::max<std::size_t>(parts, 1));

  // The hour span of the rows in this part bounds the period lookup table.
  std::uint32_t first_hour = std::numeric_limits<std::uint32_t>::max(), last_hour = 0;
  const bool by_period = std::find(g.by.begin(), g.by.end(), dimension::period) != g.by.end();
  std::size_t at = 0;
  if (by_period) {
    for (const store_segment& s : store.segments) {
      const std::size_t begin = std::clamp(row_begin, at, at + s.size()) - at;
      const std::size_t end = std::clamp(row_end, at, at + s.size()) - at;
      for (std::size_t i = begin; i < end; ++i) {
        first_hour = std::min(first_hour, s.hour[i]);
        last_hour = std::max(last_hour, s.hour[i]);
      }
      at += s.size();
    }
  }
  plan p = make_plan(store, f, g, first_hour, last_hour);
  if (p.overflow) {
    out.key_space_overflow = true;
    return out;
  }
  // Period of each day in the span, times the period stride.
  std::vector<std::uint64_t> period_lut;
  if (p.period_active && first_hour <= last_hour) {
    const dimension_map& m = p.maps[static_cast<std::size_t>(dimension::period)];
    const std::uint64_t stride = m.lut.front();
    p.first_day = first_hour / 24;
    const std::uint32_t first_period = m.codes.empty() ? 0 : m.codes.front();
    for (std::uint32_t day = p.first_day; day <= last_hour / 24; ++day) {
      const std::uint32_t period = period_of(day * 24, g.period);
      const bool inside = !m.codes.empty() && period >= first_period && period <= m.codes.back();
      period_lut.push_back(inside ? (period - first_period) * stride : 0);
    }
  }

  counter_table table(p.key_space, p.stride);
  at = 0;
  for (const store_segment& s : store.segments) {
    const std::size_t begin = std::clamp(row_begin, at, at + s.size()) - at;
    const std::size_t end = std::clamp(row_end, at, at + s.size()) - at;
    at += s.size();
    if (begin < end) count_segment(s, begin, end, p, table, period_lut, out.responses, f);
  }

  // Keys back to codes: dense index of each grouped dimension, from the key's mixed-radix digits.
  table.each([&](std::uint64_t key, const std::uint32_t* counters) {
    if (std::all_of(counters, counters + csat_goal_bins, [](std::uint32_t n) { return n == 0; })) return;
    group_counts counts = counts_from(counters, store.criteria.size());
    group item;
    std::uint64_t rest = key;
    for (std::size_t i = g.by.size(); i-- > 0;) {
      const dimension_map& m = p.maps[static_cast<std::size_t>(g.by[i])];
      const std::uint64_t size = std::max<std::uint64_t>(m.codes.size(), 1);
      item.key[i] = m.codes.empty() ? 0 : m.codes[static_cast<std::size_t>(rest % size)];
      rest /= size;
    }
    item.counts = std::move(counts);
    out.groups.push_back(std::move(item));
  });
  std::sort(out.groups.begin(), out.groups.end(), [](const group& a, const group& b) { return a.key < b.key; });
  return out;
}

void merge(aggregation& into, const aggregation& other) {
  into.responses += other.responses;
  into.key_space_overflow = into.key_space_overflow || other.key_space_overflow;
  std::vector<group> merged;
  merged.reserve(into.groups.size() + other.groups.size());
  std::size_t a = 0, b = 0;
  while (a < into.groups.size() || b < other.groups.size()) {
    if (b == other.groups.size() || (a < into.groups.size() && into.groups[a].key < other.groups[b].key)) {
      merged.push_back(std::move(into.groups[a++]));
    } else if (a == into.groups.size() || other.groups[b].key < into.groups[a].key) {
      merged.push_back(other.groups[b++]);
    } else {
      merged.push_back(std::move(into.groups[a++]));
      merged.back().counts.merge(other.groups[b++].counts);
    }
  }
  into.groups = std::move(merged);
}

std::string key_label(const columnar_store& store, dimension d, std::uint32_t code, period_unit unit) {
  switch (d) {
    case dimension::service: return store.services.word(code);
    case dimension::stage: return store.stages.word(code);
    case dimension::channel: return std::string(to_string(static_cast<channel>(code)));
    case dimension::region: return store.regions.word(code);
    case dimension::locale: return store.locales.word(code);
    case dimension::period: return period_label(code, unit);
  }
  return {};
}

}  // namespace otklik
