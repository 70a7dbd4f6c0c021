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

redaction redact(std::string_view text) {
  redaction result;
  if (text.size() >= UINT32_MAX) {  // offsets are 32-bit: a larger text is redacted whole
    result.text.assign("[PERSON]");
    result.findings.push_back(finding{pii_type::person, 0, UINT32_MAX});
    return result;
  }
  scratch_space& s = scratch();
  detail::scan(text, s.tokens);
  s.findings.clear();
  detail::detector(text, s.tokens, s.findings).run();
  if (s.findings.empty()) {
    result.text.assign(text);
    return result;
  }
  // One allocation for the text and one for the findings: sizes are known before copying.
  std::size_t size = text.size();
  for (const finding& f : s.findings) size = size - (f.end - f.start) + to_string(f.type).size() + 2;
  result.text.resize(size);
  char* out = result.text.data();
  std::size_t at = 0;
  for (const finding& f : s.findings) {
    std::memcpy(out, text.data() + at, f.start - at);
    out += f.start - at;
    *out++ = '[';
    const std::string_view word = to_string(f.type);
    std::memcpy(out, word.data(), word.size());
    out += word.size();
    *out++ = ']';
    at = f.end;
  }
  std::memcpy(out, text.data() + at, text.size() - at);
  result.findings.assign(s.findings.begin(), s.findings.end());
  return result;
}

void anonymize(response& r) {
  for (answer& a : r.answers) {
    if (a.kind == question_kind::text) a.text = redact(a.text).text;
  }
}

}  // namespace otklik
