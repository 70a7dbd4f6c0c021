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
}  // namespace

void redact(std::string_view text, redaction& out) {
  out.findings.clear();
  if (text.size() >= UINT32_MAX) {  // offsets are 32-bit: a larger text is redacted whole
    out.text.assign("[PERSON]");
    out.findings.push_back(finding{pii_type::person, 0, UINT32_MAX});
    return;
  }
  scratch_space& s = scratch();
  detail::scan(text, s.tokens);
  s.findings.clear();
  detail::detector(text, s.tokens, s.findings).run();
  if (s.findings.empty()) {
    out.text.assign(text);
    return;
  }
  // The sizes are known before copying: at most one allocation each for the text and the findings.
  std::size_t size = text.size();
  for (const finding& f : s.findings) size = size - (f.end - f.start) + to_string(f.type).size() + 2;
  out.text.resize(size);
  char* to = out.text.data();
  std::size_t at = 0;
  for (const finding& f : s.findings) {
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
#if defined(OTKLIK_WASM_SIZE_FIRST)  // the widget's core: no range-assign code linked; the scratch list regrows
  out.findings.swap(s.findings);
#else
  out.findings.assign(s.findings.begin(), s.findings.end());
#endif
}

redaction redact(std::string_view text) {
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
