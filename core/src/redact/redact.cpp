// The public redaction API: scan once, detect, then copy the text with each finding replaced by its
// placeholder. Scratch buffers are kept per thread so that a warm redactor allocates only its output.
#include "otklik/redact.hpp"

#include <cstring>

#include "otklik/response.hpp"
#include "detector.hpp"
#include "tokens.hpp"

namespace otklik {

namespace {
// The scanner's tokens and the findings of one call, kept per thread between calls.
struct scratch_space {
  detail::token_list tokens;
  std::vector<finding> findings;
};
scratch_space& scratch() {
  static thread_local scratch_space space;
  return space;
}

// The findings of `text` (below 4 GB: offsets are 32-bit), in the thread's scratch list until the next call.
std::vector<finding>& find_all(std::string_view text) {
  scratch_space& s = scratch();
  detail::scan(text, s.tokens);
  s.findings.clear();
  detail::detector(text, s.tokens, s.findings).run();
  return s.findings;
}

// The size of the text once each finding is replaced by its placeholder.
std::size_t redacted_size(std::string_view text, const std::vector<finding>& found) noexcept {
  std::size_t size = text.size();
  for (const finding& f : found) size = size - (f.end - f.start) + to_string(f.type).size() + 2;
  return size;
}

// Writes the redacted text (redacted_size bytes) to `to`.
void write_redacted(std::string_view text, const std::vector<finding>& found, char* to) noexcept {
  std::size_t at = 0;
  for (const finding& f : found) {
    std::memcpy(to, text.data() + at, f.start - at);
    to += f.start - at;
    *to++ = '[';
    const std::string_view word = to_string(f.type);
    std::memcpy(to, word.data(), word.size());
    to += word.size();
    *to++ = ']';
    at = f.end;
  }
  std::memcpy(to, text.data() + at, text.size() - at);
}
}  // namespace

void redact(std::string_view text, redaction& out) {
  out.findings.clear();
  if (text.size() >= UINT32_MAX) {  // offsets are 32-bit: a larger text is redacted whole
    out.text.assign("[PERSON]");
    out.findings.push_back(finding{pii_type::person, 0, UINT32_MAX});
    return;
  }
  std::vector<finding>& found = find_all(text);
  if (found.empty()) {
    out.text.assign(text);
    return;
  }
  // The size is known before copying: at most one allocation each for the text and the findings.
  out.text.resize(redacted_size(text, found));
  write_redacted(text, found, out.text.data());
#if defined(OTKLIK_WASM_SIZE_FIRST)  // the widget's core: no range-assign code linked; the scratch list regrows
  out.findings.swap(found);
#else
  out.findings.assign(found.begin(), found.end());
#endif
}

redaction redact(std::string_view text) {
#if !defined(OTKLIK_WASM_SIZE_FIRST)
  // Natively the result is built in place, each buffer allocated once at its exact size: assigning into an
  // empty string goes through its growth policy, which cost as much as the copy (a quarter of the
  // instructions of a comment with nothing to remove).
  if (text.size() < UINT32_MAX) {
    const std::vector<finding>& found = find_all(text);
    if (found.empty()) return redaction{std::string(text), {}};
    redaction result{std::string(redacted_size(text, found), '\0'), std::vector<finding>(found.begin(), found.end())};
    write_redacted(text, found, result.text.data());
    return result;
  }
#endif
  redaction result;
  redact(text, result);
  return result;
}

void anonymize(response& r) {
  for (answer& a : r.answers) {
    if (a.kind == question_kind::text) a.text = redact(a.text).text;
  }
}

}  // namespace otklik
