// Term counting: UTF-8 tokenizing with Cyrillic and Latin case folding, libstemmer (Snowball) stemming with
// a word cache, document frequency per group.
#include "otklik/analysis/terms.hpp"

#include <algorithm>
#include <map>
#include <thread>
#include <unordered_map>

#include <libstemmer.h>

#include "stop_words.hpp"

namespace otklik::analysis {

namespace {

enum class script : std::uint8_t { none, latin, cyrillic };

// Decodes one code point of valid UTF-8 at `at` (the store holds validated text), advancing `at`.
char32_t next_code_point(std::string_view text, std::size_t& at) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return static_cast<char32_t>(text[at++]);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (at + length > text.size()) {
    at = text.size();
    return U'\uFFFD';
  }
  char32_t cp = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (byte(at + i) & 0x3F);
  at += length;
  return cp;
}

// Lower case of Latin and Cyrillic letters (ё folded to е), and the letter's script.
char32_t fold(char32_t cp, script& which) noexcept {
  if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z')) {
    which = script::latin;
    return cp | 0x20;
  }
  if (cp >= 0x400 && cp <= 0x45F) {
    which = script::cyrillic;
    if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;
    if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
    return cp == 0x451 ? char32_t{0x435} : cp;
  }
  which = script::none;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

struct term_extractor::state {
  sb_stemmer* russian = sb_stemmer_new("russian", "UTF_8");
  sb_stemmer* english = sb_stemmer_new("english", "UTF_8");
  std::unordered_map<std::string, std::string> stems;  // lower-case word -> stem ("" for a stop word)
  ~state() {
    sb_stemmer_delete(russian);
    sb_stemmer_delete(english);
  }
  const std::string& stem(const std::string& word, script which) {
    auto [it, added] = stems.try_emplace(word);
    if (!added) return it->second;
    if (detail::is_stop_word(word)) return it->second;
    sb_stemmer* stemmer = which == script::cyrillic ? russian : english;
    const sb_symbol* out =
        sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    it->second = out != nullptr ? std::string(reinterpret_cast<const char*>(out),
                                              static_cast<std::size_t>(sb_stemmer_length(stemmer)))
                                : word;
    return it->second;
  }
};

term_extractor::term_extractor() : state_(std::make_unique<state>()) {}
term_extractor::~term_extractor() = default;

std::vector<stemmed_word> term_extractor::words(std::string_view text) {
  std::vector<stemmed_word> out;
  std::string word;
  script word_script = script::none;
  std::size_t letters = 0;
  const auto flush = [&] {
    if (letters >= 3) {
      const std::string& stem = state_->stem(word, word_script);
      if (!stem.empty()) out.push_back({stem, word});
    }
    word.clear();
    letters = 0;
    word_script = script::none;
  };
  std::size_t at = 0;
  while (at < text.size()) {
    // Placeholders of redacted data ("[PHONE]", "[DATE_OF_BIRTH]") are not words of the citizen.
    if (text[at] == '[') {
      std::size_t end = at + 1;
      while (end < text.size() && ((text[end] >= 'A' && text[end] <= 'Z') || text[end] == '_')) ++end;
      if (end < text.size() && text[end] == ']' && end > at + 1) {
        flush();
        at = end + 1;
        continue;
      }
    }
    script which;
    const char32_t cp = fold(next_code_point(text, at), which);
    if (which == script::none || (word_script != script::none && which != word_script)) {
      flush();
      if (which == script::none) continue;
    }
    word_script = which;
    append_utf8(word, cp);
    ++letters;
  }
  flush();
  return out;
}

namespace {

// Term counts of some comments: per group, comments and documents per stem; surface forms per stem.
struct term_tally {
  struct group_state {
    std::uint64_t comments = 0;
    std::unordered_map<std::string, std::uint64_t> documents;  // stem -> comments containing it
  };
  std::map<std::array<std::uint32_t, dimension_count>, group_state> groups;
  std::unordered_map<std::string, std::unordered_map<std::string, std::uint64_t>> surfaces;  // stem -> form -> count

  void merge(term_tally&& other) {
    for (auto& [key, g] : other.groups) {
      group_state& into = groups[key];
      into.comments += g.comments;
      for (const auto& [stem, count] : g.documents) into.documents[stem] += count;
    }
    for (auto& [stem, forms] : other.surfaces) {
      auto& into = surfaces[stem];
      for (const auto& [form, count] : forms) into[form] += count;
    }
  }
};

void tally_part(const columnar_store& store, const filter& f, const report& r, std::size_t part, std::size_t parts,
                term_tally& out) {
  term_extractor extractor;
  std::vector<std::string> seen;
  for_each_comment(
      store, f, r.groups.by,
      [&](const auto& key, std::uint8_t, std::string_view text) {
        if (!group_shown(r, key)) return;
        term_tally::group_state& g = out.groups[key];
        ++g.comments;
        seen.clear();
        for (stemmed_word& w : extractor.words(text)) {
          ++out.surfaces[w.stem][w.surface];
          seen.push_back(std::move(w.stem));
        }
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (const std::string& stem : seen) ++g.documents[stem];
      },
      part, parts);
}

}  // namespace

std::vector<group_terms> top_terms(const columnar_store& store, const filter& f, const report& r,
                                   const term_options& options) {
  const std::size_t parts = std::max(1u, options.threads);
  std::vector<term_tally> tallies(parts);
  std::vector<std::thread> workers;
  for (std::size_t part = 1; part < parts; ++part) {
    workers.emplace_back([&, part] { tally_part(store, f, r, part, parts, tallies[part]); });
  }
  tally_part(store, f, r, 0, parts, tallies[0]);
  for (std::thread& w : workers) w.join();
  term_tally& all = tallies[0];
  for (std::size_t part = 1; part < parts; ++part) all.merge(std::move(tallies[part]));

  std::vector<group_terms> out;
  for (auto& [key, g] : all.groups) {
    group_terms terms{key, g.comments, {}};
    for (const auto& [stem, count] : g.documents) {
      if (count < options.min_comments) continue;
      const auto& forms = all.surfaces[stem];
      const auto example = std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second < b.second : a.first > b.first;
      });
      terms.terms.push_back({stem, example->first, count});
    }
    std::sort(terms.terms.begin(), terms.terms.end(), [](const term_count& a, const term_count& b) {
      return a.comments != b.comments ? a.comments > b.comments : a.term < b.term;
    });
    if (terms.terms.size() > options.per_group) terms.terms.resize(options.per_group);
    out.push_back(std::move(terms));
  }
  return out;
}

}  // namespace otklik::analysis
