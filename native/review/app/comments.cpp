// Comments: the core's for_each_comment() walks the filtered rows; suppression uses the core's group_shown();
// terms come from the analysis library's Snowball term extractor and top_terms(), summed over groups.
#include "app/comments.hpp"

#include <algorithm>
#include <map>

#include "app/text_fold.hpp"
#include "otklik/analysis/terms.hpp"

namespace otklik::review {

namespace {

report shown_report(const aggregation& groups, std::uint32_t k) {
  report r;
  r.groups = groups;
  r.options.k = k;
  r.options.by = groups.by;
  return r;
}

}  // namespace

comment_results find_comments(const comment_query& query, const std::atomic<bool>& superseded) {
  comment_results out;
  const comment_scope& scope = query.scope;
  out.data = scope.data;
  const report shown = shown_report(scope.shown_groups, scope.k);
  const std::string needle = fold_case(query.search);
  analysis::term_extractor extractor;
  std::string folded;
  std::uint64_t visited = 0;
  std::vector<comment_item_ref> found;
  for_each_comment(scope.data->store, scope.rows, scope.shown_groups.by,
                   [&](const group_key& key, std::uint8_t csat, std::string_view text) {
                     if (out.stopped || (++visited % 4096 == 0 && superseded.load())) {
                       out.stopped = true;
                       return;
                     }
                     if (!group_shown(shown, key)) {
                       out.some_hidden = true;
                       return;
                     }
                     if (!query.ratings[csat <= 5 ? csat : 0]) return;
                     if (!needle.empty()) {
                       folded.clear();
                       fold_case_into(text, folded);
                       if (folded.find(needle) == std::string::npos) return;
                     }
                     if (!query.term.empty()) {
                       const auto words = extractor.words(text);
                       if (std::none_of(words.begin(), words.end(),
                                        [&](const analysis::stemmed_word& w) { return w.stem == query.term; })) {
                         return;
                       }
                     }
                     ++out.matching;
                     found.push_back({key[0], key[1], csat, text});
                   });
  // Lowest rating first (none given last), store order within a rating.
  std::stable_sort(found.begin(), found.end(), [](const comment_item_ref& a, const comment_item_ref& b) {
    const int ra = a.csat == 0 ? 6 : a.csat, rb = b.csat == 0 ? 6 : b.csat;
    return ra < rb;
  });
  if (found.size() > query.limit) found.resize(query.limit);
  out.items = std::move(found);
  return out;
}

term_results find_terms(const term_query& query) {
  const comment_scope& scope = query.scope;
  const report shown = shown_report(scope.shown_groups, scope.k);
  analysis::term_options options;
  options.per_group = 200;
  options.min_comments = 1;
  const std::vector<group_terms> per_group = analysis::top_terms(scope.data->store, scope.rows, shown, options);
  // Comment counts of disjoint groups add up; the example is the one of the group where the term is most frequent.
  std::map<std::string, std::pair<std::uint64_t, std::pair<std::uint64_t, std::string>>> merged;
  for (const group_terms& g : per_group) {
    for (const term_count& t : g.terms) {
      auto& [total, example] = merged[t.term];
      total += t.comments;
      if (t.comments > example.first) example = {t.comments, t.example};
    }
  }
  term_results out;
  for (auto& [stem, value] : merged) {
    if (value.first >= 3) out.terms.push_back({stem, value.second.second, value.first});
  }
  std::sort(out.terms.begin(), out.terms.end(), [](const term_count& a, const term_count& b) {
    return a.comments != b.comments ? a.comments > b.comments : a.term < b.term;
  });
  if (out.terms.size() > query.count) out.terms.resize(query.count);
  return out;
}

}  // namespace otklik::review
