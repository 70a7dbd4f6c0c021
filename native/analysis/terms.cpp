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

// A maximal run of letters of one script as written in the text (not yet lower-cased).
struct raw_word {
  std::string_view text;
  script which;
};

// Calls visit(raw_word) for each word of `text`; placeholders of redacted data ("[PHONE]", "[DATE_OF_BIRTH]")
// are not words of the citizen and are skipped.
template <class Visit>
void for_each_raw_word(std::string_view text, Visit&& visit) {
  std::size_t at = 0, start = 0;
  script word_script = script::none;
  const auto flush = [&](std::size_t stop) {
    if (word_script != script::none) visit(raw_word{text.substr(start, stop - start), word_script});
    word_script = script::none;
  };
  while (at < text.size()) {
    if (text[at] == '[') {
      std::size_t end = at + 1;
      while (end < text.size() && ((text[end] >= 'A' && text[end] <= 'Z') || text[end] == '_')) ++end;
      if (end < text.size() && text[end] == ']' && end > at + 1) {
        flush(at);
        at = end + 1;
        continue;
      }
    }
    const std::size_t here = at;
    script which;
    fold(next_code_point(text, at), which);
    if (which == script::none || (word_script != script::none && which != word_script)) {
      flush(here);
      if (which == script::none) continue;
    }
    if (word_script == script::none) start = here;
    word_script = which;
  }
  flush(text.size());
}

// The lower-case form of a word (ё folded to е) and its number of letters.
std::string lower_case(raw_word w, std::size_t& letters) {
  std::string out;
  letters = 0;
  for (std::size_t at = 0; at < w.text.size(); ++letters) {
    script which;
    append_utf8(out, fold(next_code_point(w.text, at), which));
  }
  return out;
}

// Both Snowball stemmers; "" for a stop word.
class stemmers {
 public:
  stemmers() : russian_(sb_stemmer_new("russian", "UTF_8")), english_(sb_stemmer_new("english", "UTF_8")) {}
  ~stemmers() {
    sb_stemmer_delete(russian_);
    sb_stemmer_delete(english_);
  }
  stemmers(const stemmers&) = delete;
  stemmers& operator=(const stemmers&) = delete;
  std::string stem(const std::string& word, script which) const {
    if (detail::is_stop_word(word)) return {};
    sb_stemmer* stemmer = which == script::cyrillic ? russian_ : english_;
    const sb_symbol* out =
        sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    return out != nullptr ? std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer)))
                          : word;
  }

 private:
  sb_stemmer* russian_;
  sb_stemmer* english_;
};

}  // namespace

struct term_extractor::state {
  stemmers stem_with;
  std::unordered_map<std::string, std::string> stems;  // lower-case word -> stem ("" for a stop word)
  const std::string& stem(const std::string& word, script which) {
    auto [it, added] = stems.try_emplace(word);
    if (added) it->second = stem_with.stem(word, which);
    return it->second;
  }
};

term_extractor::term_extractor() : state_(std::make_unique<state>()) {}
term_extractor::~term_extractor() = default;

std::vector<stemmed_word> term_extractor::words(std::string_view text) {
  std::vector<stemmed_word> out;
  for_each_raw_word(text, [&](raw_word w) {
    std::size_t letters;
    std::string word = lower_case(w, letters);
    if (letters < 3) return;
    const std::string& stem = state_->stem(word, w.which);
    if (!stem.empty()) out.push_back({stem, std::move(word)});
  });
  return out;
}

namespace {

// FNV-1a over the bytes of a word: words are short, and std::hash's Murmur costs more than the lookup.
struct word_hash {
  std::size_t operator()(std::string_view word) const noexcept {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

// Term counts of some comments, by small integer ids local to one thread: words as written are looked up
// once (views into the store's text, which outlives the count), so a repeated word costs one hash lookup.
struct term_tally {
  static constexpr std::uint32_t not_a_term = UINT32_MAX;
  struct word_entry {
    std::uint32_t stem = not_a_term;
    std::uint32_t form = 0;
  };
  struct group_state {
    std::uint64_t comments = 0;
    std::vector<std::uint64_t> documents;  // by stem id: comments containing it
  };
  std::map<std::array<std::uint32_t, dimension_count>, group_state> groups;
  std::vector<std::string> stem_names;     // by stem id
  std::vector<std::string> form_names;     // by form id: the lower-case word
  std::vector<std::uint32_t> form_stems;   // by form id
  std::vector<std::uint64_t> form_counts;  // by form id: occurrences
  std::unordered_map<std::string_view, word_entry, word_hash> written;  // word as written -> its ids
  std::unordered_map<std::string, std::uint32_t> form_ids, stem_ids;
  stemmers stem_with;

  word_entry lookup(raw_word w) {
    const auto found = written.find(w.text);
    if (found != written.end()) return found->second;
    word_entry entry;
    std::size_t letters;
    std::string form = lower_case(w, letters);
    if (letters >= 3) {
      const auto [at, added] = form_ids.try_emplace(form, static_cast<std::uint32_t>(form_names.size()));
      if (added) {
        std::string stem = stem_with.stem(form, w.which);
        std::uint32_t stem_id = not_a_term;
        if (!stem.empty()) {
          stem_id = stem_ids.try_emplace(stem, static_cast<std::uint32_t>(stem_names.size())).first->second;
          if (stem_id == stem_names.size()) stem_names.push_back(std::move(stem));
        }
        form_names.push_back(std::move(form));
        form_stems.push_back(stem_id);
        form_counts.push_back(0);
      }
      entry = {form_stems[at->second], at->second};
    }
    written.emplace(w.text, entry);
    return entry;
  }
};

void tally_part(const columnar_store& store, const filter& f, const report& r, std::size_t part, std::size_t parts,
                term_tally& out) {
  std::vector<std::uint64_t> last_comment;  // by stem id: the comment it was last counted for (1-based)
  std::uint64_t comment_number = 0;
  const std::array<std::uint32_t, dimension_count>* last_key = nullptr;
  term_tally::group_state* last_group = nullptr;
  for_each_comment(
      store, f, r.groups.by,
      [&](const auto& key, std::uint8_t, std::string_view text) {
        if (last_key == nullptr || *last_key != key) {
          if (!group_shown(r, key)) return;
          const auto it = out.groups.try_emplace(key).first;
          last_key = &it->first;
          last_group = &it->second;
        }
        term_tally::group_state& g = *last_group;
        ++g.comments;
        ++comment_number;
        for_each_raw_word(text, [&](raw_word w) {
          const term_tally::word_entry entry = out.lookup(w);
          if (entry.stem == term_tally::not_a_term) return;
          ++out.form_counts[entry.form];
          if (entry.stem >= last_comment.size()) last_comment.resize(out.stem_names.size(), 0);
          if (last_comment[entry.stem] == comment_number) return;
          last_comment[entry.stem] = comment_number;
          if (entry.stem >= g.documents.size()) g.documents.resize(out.stem_names.size(), 0);
          ++g.documents[entry.stem];
        });
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
  // Merged by name: ids are local to each thread.
  struct merged_group {
    std::uint64_t comments = 0;
    std::unordered_map<std::string, std::uint64_t> documents;  // stem -> comments containing it
  };
  std::map<std::array<std::uint32_t, dimension_count>, merged_group> groups;
  std::unordered_map<std::string, std::unordered_map<std::string, std::uint64_t>> surfaces;  // stem -> form -> count
  for (const term_tally& t : tallies) {
    for (const auto& [key, g] : t.groups) {
      merged_group& into = groups[key];
      into.comments += g.comments;
      for (std::size_t stem = 0; stem < g.documents.size(); ++stem) {
        if (g.documents[stem] > 0) into.documents[t.stem_names[stem]] += g.documents[stem];
      }
    }
    for (std::size_t form = 0; form < t.form_names.size(); ++form) {
      if (t.form_stems[form] != term_tally::not_a_term && t.form_counts[form] > 0) {
        surfaces[t.stem_names[t.form_stems[form]]][t.form_names[form]] += t.form_counts[form];
      }
    }
  }

  std::vector<group_terms> out;
  for (auto& [key, g] : groups) {
    group_terms terms{key, g.comments, {}};
    for (const auto& [stem, count] : g.documents) {
      if (count < options.min_comments) continue;
      const auto& forms = surfaces[stem];
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
