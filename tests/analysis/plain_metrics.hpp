// plain_metrics.hpp — an independent, deliberately plain implementation of the brief's metrics for the tests:
// raw answer lists per group keyed by strings, textbook formulas, no shared code with core/src/analysis.
#pragma once

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "otklik/response.hpp"
#include "otklik/survey.hpp"

namespace otklik::test::plain {

constexpr double z = 1.959964;

struct answers {
  std::size_t responses = 0;
  std::vector<int> csat, ces, nps;
  std::vector<std::string> goal;
  std::map<std::string, std::vector<int>> criteria;                          // by criterion id
  std::map<std::string, std::vector<std::pair<int, int>>> csat_and_criterion;  // pairs where both answered
};

inline double mean(const std::vector<int>& v) {
  double s = 0;
  for (int x : v) s += x;
  return s / static_cast<double>(v.size());
}

inline double sd(const std::vector<int>& v) {
  const double m = mean(v);
  double s = 0;
  for (int x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size() - 1));
}

inline double share(const std::vector<int>& v, int at_least) {
  double s = 0;
  for (int x : v) s += x >= at_least ? 1 : 0;
  return s / static_cast<double>(v.size());
}

struct range {
  double low, high;
};

inline range wilson(double p, double n) {
  const double centre = p + z * z / (2 * n);
  const double spread = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
  return {(centre - spread) / (1 + z * z / n), (centre + spread) / (1 + z * z / n)};
}

inline range mean_ci(const std::vector<int>& v) {
  const double m = mean(v), half = z * sd(v) / std::sqrt(static_cast<double>(v.size()));
  return {m - half, m + half};
}

struct nps_value {
  double score, low, high;
};

inline nps_value nps(const std::vector<int>& v) {
  double promoters = 0, detractors = 0;
  for (int x : v) {
    if (x >= 9) promoters += 1;
    if (x <= 6) detractors += 1;
  }
  const double n = static_cast<double>(v.size()), p = promoters / n, d = detractors / n;
  const double var = (p * (1 - p) + d * (1 - d) + 2 * p * d) / n;
  const double score = (p - d) * 100;
  return {score, score - z * 100 * std::sqrt(var), score + z * 100 * std::sqrt(var)};
}

inline double pearson(const std::vector<std::pair<int, int>>& pairs) {
  double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (auto [x, y] : pairs) {
    n += 1;
    sx += x;
    sy += y;
    sxx += double(x) * x;
    syy += double(y) * y;
    sxy += double(x) * y;
  }
  return (n * sxy - sx * sy) / std::sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
}

// Adds one response's answers to its group.
inline void add(answers& group, const survey& s, const response& r) {
  ++group.responses;
  int overall = 0;
  for (const answer& a : r.answers) {
    if (a.kind == question_kind::csat) overall = a.number;
  }
  for (const answer& a : r.answers) {
    switch (a.kind) {
      case question_kind::csat: group.csat.push_back(a.number); break;
      case question_kind::ces: group.ces.push_back(a.number); break;
      case question_kind::nps: group.nps.push_back(a.number); break;
      case question_kind::goal: group.goal.push_back(a.text); break;
      case question_kind::criterion: {
        const std::string& id = s.find_question(a.question)->criterion;
        group.criteria[id].push_back(a.number);
        if (overall > 0) group.csat_and_criterion[id].emplace_back(overall, a.number);
        break;
      }
      default: break;
    }
  }
}

// ISO 8601 week label computed the long way: weekday by Sakamoto's method, then the week of its Thursday.
inline std::string iso_week(const std::string& date) {
  int y = std::stoi(date.substr(0, 4));
  const int m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
  const auto days_in = [](int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 366 : 365; };
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  const int yy = m < 3 ? y - 1 : y;
  const int sunday_based = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + d) % 7;
  const int weekday = sunday_based == 0 ? 7 : sunday_based;  // 1 = Monday
  static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const int ordinal = before[m - 1] + d + (m > 2 && days_in(y) == 366 ? 1 : 0);
  int thursday = ordinal - weekday + 4;
  if (thursday < 1) {
    y -= 1;
    thursday += days_in(y);
  } else if (thursday > days_in(y)) {
    thursday -= days_in(y);
    y += 1;
  }
  const int week = (thursday - 1) / 7 + 1;
  return std::to_string(y) + (week < 10 ? "-W0" : "-W") + std::to_string(week);
}

}  // namespace otklik::test::plain
