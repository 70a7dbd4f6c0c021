// The public redaction API: scan once, detect, then copy the text with each finding replaced by its
// placeholder. Scratch buffers are kept per thread so that a warm redactor allocates only its output.
#include "otklik/redact.hpp"

#include "otklik/response.hpp"
#include "detector.hpp"
#include "tokens.hpp"

namespace otklik {

namespace {
detail::token_list& scratch() {
  static thread_local detail::token_list list;
  return list;
}
}  // namespace

redaction redact(std::string_view text) {
  redaction result;
  if (text.size() >= UINT32_MAX) {  // offsets are 32-bit: a larger text is redacted whole
    result.text = "[" + std::string(to_string(pii_type::person)) + "]";
    result.findings.push_back(finding{pii_type::person, 0, UINT32_MAX});
    return result;
  }
  detail::token_list& list = scratch();
  detail::scan(text, list);
  detail::detector(text, list, result.findings).run();
  if (result.findings.empty()) {
    result.text.assign(text);
    return result;
  }
  result.text.reserve(text.size());
  std::size_t at = 0;
  for (const finding& f : result.findings) {
    result.text.append(text.substr(at, f.start - at));
    result.text.push_back('[');
    result.text.append(to_string(f.type));
    result.text.push_back(']');
    at = f.end;
  }
  result.text.append(text.substr(at));
  return result;
}

void anonymize(response& r) {
  for (answer& a : r.answers) {
    if (a.kind == question_kind::text) a.text = redact(a.text).text;
  }
}

}  // namespace otklik
