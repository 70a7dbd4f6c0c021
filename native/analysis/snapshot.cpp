// Snapshots with cereal's portable binary archive: vectors of small integers are written and read as
// whole blocks, so a reload costs little more than reading the file.
#include "otklik/analysis/snapshot.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

namespace otklik {

// cereal finds these by argument-dependent lookup.
template <class Archive>
void save(Archive& archive, const dictionary& d) {
  archive(d.words());
}

template <class Archive>
void load(Archive& archive, dictionary& d) {
  std::vector<std::string> words;
  archive(words);
  d = dictionary(std::move(words));
}

template <class Archive>
void serialize(Archive& archive, store_segment& s) {
  archive(s.survey, s.service, s.criteria, s.stage, s.channel, s.locale, s.region, s.hour, s.csat, s.ces, s.nps, s.goal,
          s.criterion_answers, s.comment_row, s.comment_end, s.comment_text);
}

template <class Archive>
void serialize(Archive& archive, columnar_store& s) {
  archive(s.surveys, s.services, s.stages, s.locales, s.regions, s.criteria, s.journey, s.survey_k, s.segments);
}

template <class Archive>
void serialize(Archive& archive, input_summary& summary) {
  archive(summary.known, summary.lines, summary.invalid, summary.duplicates);
}

}  // namespace otklik

namespace otklik::analysis {

namespace {

// Checks that every per-row column of a segment has the segment's length, so a damaged file cannot
// make the aggregation read out of bounds.
bool consistent(const columnar_store& store) {
  if (store.journey.size() > store.services.size()) return false;
  for (const auto& stages : store.journey) {
    for (const std::uint16_t code : stages) {
      if (code >= store.stages.size()) return false;
    }
  }
  for (const store_segment& s : store.segments) {
    const std::size_t n = s.size();
    const auto fits = [n](const auto& column, bool optional) { return column.size() == n || (optional && column.empty()); };
    if (!fits(s.stage, false) || !fits(s.channel, false) || !fits(s.locale, false) || !fits(s.region, false) ||
        !fits(s.csat, true) || !fits(s.ces, true) || !fits(s.nps, true) || !fits(s.goal, true) ||
        s.criterion_answers.size() != s.criteria.size() || s.comment_row.size() != s.comment_end.size()) {
      return false;
    }
    for (const auto& column : s.criterion_answers) {
      if (!fits(column, false)) return false;
    }
    if (s.survey >= store.surveys.size() || s.service >= store.services.size()) return false;
    for (const std::uint16_t c : s.criteria) {
      if (c >= store.criteria.size()) return false;
    }
    for (const std::uint16_t code : s.stage) {
      if (code >= store.stages.size()) return false;
    }
    for (const std::uint8_t code : s.locale) {
      if (code >= store.locales.size()) return false;
    }
    for (const std::uint16_t code : s.region) {
      if (code >= store.regions.size()) return false;
    }
    for (const std::uint8_t code : s.channel) {
      if (code > 4) return false;
    }
    const auto in_range = [](const std::vector<std::uint8_t>& column, std::uint8_t high) {
      return std::all_of(column.begin(), column.end(), [high](std::uint8_t v) { return v <= high; });
    };
    if (!in_range(s.csat, 5) || !in_range(s.ces, 7) || !in_range(s.nps, 11) || !in_range(s.goal, 3)) return false;
    for (const auto& column : s.criterion_answers) {
      if (!in_range(column, 5)) return false;
    }
    std::uint32_t previous_end = 0;
    for (std::size_t j = 0; j < s.comment_row.size(); ++j) {
      if (s.comment_row[j] >= n || s.comment_end[j] < previous_end || s.comment_end[j] > s.comment_text.size()) {
        return false;
      }
      previous_end = s.comment_end[j];
    }
  }
  return true;
}

}  // namespace

std::string save_snapshot(const std::string& path, const columnar_store& store, const input_summary& summary) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return path + ": " + std::strerror(errno);
  out.write(snapshot_magic.data(), static_cast<std::streamsize>(snapshot_magic.size()));
  {
    cereal::PortableBinaryOutputArchive archive(out);
    archive(snapshot_version, store, summary);
  }
  out.flush();
  if (!out) return path + ": write failed";
  return {};
}

snapshot_result load_snapshot(const std::string& path) {
  snapshot_result result;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.error = path + ": " + std::strerror(errno);
    return result;
  }
  std::string magic(snapshot_magic.size(), '\0');
  in.read(magic.data(), static_cast<std::streamsize>(magic.size()));
  if (magic != snapshot_magic) {
    result.error = path + ": not an Otklik snapshot";
    return result;
  }
  try {
    cereal::PortableBinaryInputArchive archive(in);
    std::uint32_t version = 0;
    archive(version);
    if (version != snapshot_version) {
      result.error = path + ": snapshot version " + std::to_string(version) + " is not supported";
      return result;
    }
    archive(result.store, result.summary);
  } catch (const std::exception& e) {
    // cereal reports a truncated or damaged file by throwing: the library boundary.
    result.error = path + ": damaged snapshot (" + e.what() + ")";
    return result;
  }
  if (!consistent(result.store)) {
    result.error = path + ": damaged snapshot (inconsistent columns)";
    return result;
  }
  result.ok = true;
  return result;
}

}  // namespace otklik::analysis
