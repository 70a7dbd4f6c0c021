// Scoring: a labelled span counts as found when findings cover it whole and one of them has its type;
// a look-alike counts as kept when no finding touches it.
#include "score.hpp"

#include <cstdio>

namespace otklik::corpus {

double required_recall(pii_type type) {
  switch (type) {
    case pii_type::person:
    case pii_type::address:
    case pii_type::date_of_birth: return 0.95;
    default: return 0.995;
  }
}

score score_corpus(const std::vector<sample>& corpus, std::size_t max_examples) {
  score s;
  for (const sample& sm : corpus) {
    const redaction r = redact(sm.text);
    for (const gold_span& g : sm.pii) {
      type_score& ts = s.by_type[static_cast<std::size_t>(g.type)];
      ++ts.total;
      std::uint32_t covered = g.start;
      bool typed = false;
      for (const finding& f : r.findings) {
        if (f.end <= g.start || f.start >= g.end) continue;
        if (f.type == g.type) typed = true;
        if (f.start <= covered && f.end > covered) covered = f.end;
      }
      const bool whole = covered >= g.end;
      if (whole) ++ts.redacted;
      if (whole && typed) {
        ++ts.found;
      } else if (s.misses.size() < max_examples) {
        s.misses.push_back(std::string(to_string(g.type)) + " missed in " + sm.id + ": \"" +
                           sm.text.substr(g.start, g.end - g.start) + "\" -> " + r.text);
      }
    }
    for (const keep_span& k : sm.keep) {
      ++s.lookalikes;
      bool touched = false;
      for (const finding& f : r.findings) touched = touched || (f.start < k.end && f.end > k.start);
      if (!touched) {
        ++s.lookalikes_kept;
      } else if (s.misses.size() < max_examples) {
        s.misses.push_back(k.what + " redacted in " + sm.id + ": \"" + sm.text.substr(k.start, k.end - k.start) +
                           "\" -> " + r.text);
      }
    }
    for (const finding& f : r.findings) {
      ++s.findings;
      bool labelled = false;
      for (const gold_span& g : sm.pii) labelled = labelled || (f.start < g.end && f.end > g.start);
      if (!labelled) {
        ++s.spurious;
        if (s.misses.size() < max_examples)
          s.misses.push_back(std::string("spurious ") + std::string(to_string(f.type)) + " in " + sm.id + ": \"" +
                             sm.text.substr(f.start, f.end - f.start) + "\"");
      }
    }
  }
  return s;
}

std::string format_score(const score& s) {
  std::string out = "type            total   found  recall  required  redacted-any\n";
  char line[160];
  for (std::size_t i = 0; i < s.by_type.size(); ++i) {
    const type_score& t = s.by_type[i];
    const auto type = static_cast<pii_type>(i);
    std::snprintf(line, sizeof line, "%-14s %6zu  %6zu  %6.2f%%  %6.1f%%  %6.2f%%\n", std::string(to_string(type)).c_str(),
                  t.total, t.found, 100.0 * t.recall(), 100.0 * required_recall(type),
                  t.total ? 100.0 * static_cast<double>(t.redacted) / static_cast<double>(t.total) : 100.0);
    out += line;
  }
  std::snprintf(line, sizeof line, "look-alikes kept: %zu of %zu (%.2f%%, required 99%%)\n", s.lookalikes_kept,
                s.lookalikes, 100.0 * s.kept_share());
  out += line;
  std::snprintf(line, sizeof line, "spurious findings (outside labelled personal data): %zu of %zu findings\n",
                s.spurious, s.findings);
  out += line;
  return out;
}

}  // namespace otklik::corpus
