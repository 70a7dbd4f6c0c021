// C ABI of the core for the browser: UTF-8 JSON in (bytes the JS loader copied into linear memory),
// UTF-8 JSON out (one buffer the loader reads back). A plain C ABI instead of embind lets the loader
// (otklik-core.mjs) instantiate the .wasm itself, with no Emscripten glue and no RTTI: about 10 KB gzip less.
#include <emscripten/emscripten.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "otklik/json_writer.hpp"
#if defined(OTKLIK_WASM_MESSAGES)
#include "otklik/messages.hpp"
#endif
#if !defined(OTKLIK_WASM_NO_VALIDATE)
#include "otklik/validate.hpp"
#endif
#if defined(OTKLIK_WASM_REDACT)
#include "otklik/redact.hpp"
#endif

namespace {

#if !defined(OTKLIK_WASM_NO_VALIDATE)
// The widget validates against one survey many times: keep the parsed survey for its JSON text.
struct survey_cache {
  std::string json;
  std::optional<otklik::result<otklik::survey>> parsed;  // the survey or its issues, moved in whole (no copies)
};

survey_cache& cache() {
  static survey_cache instance;
  return instance;
}

otklik::validator& checker() {
  static otklik::validator instance;
  return instance;
}
#endif

// The last answer; the loader reads it with otk_output() before the next call overwrites it.
std::string& output() {
  static std::string instance;
  return instance;
}

std::string_view view(const char* data, std::size_t size) { return {data, size}; }

#if !defined(OTKLIK_WASM_NO_VALIDATE)
// The formats' error list. The full core writes the sentence in `locale` ({"path","code","message"}); the
// widget's core writes the message's detail instead ({"path","code","detail"}) and the widget words the
// few issues its own form can meet (web/src/locales.js): the sentences of every code would cost about
// 1.7 KB gzip of the widget's budget.
void write_errors(otklik::json_writer& w, const std::vector<otklik::issue>& issues, [[maybe_unused]] std::string_view locale) {
#if defined(OTKLIK_WASM_MESSAGES)
  otklik::write_issues(w, issues, locale);
#else
  w.begin_array();
  for (const auto& problem : issues) {
    w.begin_object()
        .key("path").string(problem.path)
        .key("code").string(otklik::to_string(problem.code))
        .key("detail").string(problem.detail)
        .end_object();
  }
  w.end_array();
#endif
}
#endif

}  // namespace

extern "C" {

// Buffers for the loader's arguments (it frees them after the call; redact's one it keeps for the next).
EMSCRIPTEN_KEEPALIVE void* otk_alloc(std::size_t size) { return std::malloc(size ? size : 1); }
EMSCRIPTEN_KEEPALIVE void otk_free(void* pointer) { std::free(pointer); }

// Where the last call's JSON answer starts (its length is what that call returned).
EMSCRIPTEN_KEEPALIVE const char* otk_output() { return output().data(); }

#if !defined(OTKLIK_WASM_NO_VALIDATE)
// {"ok":bool,"errors":[...],"response":{canonical response}} or {"survey_errors":[...]}.
EMSCRIPTEN_KEEPALIVE std::size_t otk_validate(const char* survey, std::size_t survey_size, const char* response,
                                              std::size_t response_size, const char* locale, std::size_t locale_size) {
  auto& c = cache();
  const auto survey_json = view(survey, survey_size);
  const auto lang = view(locale, locale_size);
  if (!c.parsed || !*c.parsed || c.json != survey_json) {
    c.parsed.reset();
    c.parsed.emplace(otklik::parse_survey(survey_json));
    c.json = survey_json;
  }
  auto& out = output();
  out.clear();
  otklik::json_writer w(out);
  w.begin_object();
  if (!*c.parsed) {
    w.key("survey_errors");
    write_errors(w, c.parsed->issues(), lang);
  } else {
    auto checked = checker().check(c.parsed->value(), view(response, response_size));
    w.key("ok").boolean(checked.ok()).key("errors");
    write_errors(w, checked.issues(), lang);
    if (checked) w.key("response").raw(otklik::to_json(checked.value()));
  }
  w.end_object();
  return out.size();
}

#if defined(OTKLIK_WASM_CHECK_SURVEY)
// {"ok":bool,"errors":[...]} for a survey document (portal developers check their surveys in the browser too).
EMSCRIPTEN_KEEPALIVE std::size_t otk_check_survey(const char* survey, std::size_t survey_size, const char* locale,
                                                  std::size_t locale_size) {
  const auto parsed = otklik::parse_survey(view(survey, survey_size));
  auto& out = output();
  out.clear();
  otklik::json_writer w(out);
  w.begin_object().key("ok").boolean(parsed.ok()).key("errors");
  write_errors(w, parsed.issues(), view(locale, locale_size));
  w.end_object();
  return out.size();
}
#endif
#endif  // !OTKLIK_WASM_NO_VALIDATE

#if defined(OTKLIK_WASM_REDACT_JSON)
// {"text": redacted, "findings": [{"type","start","end"}]} with byte offsets into the UTF-8 input: the
// readable form of otk_redact_run's answer, kept in the full core so that tests can compare the two.
EMSCRIPTEN_KEEPALIVE std::size_t otk_redact(const char* text, std::size_t text_size) {
  const auto result = otklik::redact(view(text, text_size));
  auto& out = output();
  out.clear();
  otklik::json_writer w(out);
  w.begin_object().key("text").string(result.text).key("findings").begin_array();
  for (const auto& f : result.findings) {
    w.begin_object()
        .key("type").string(otklik::to_string(f.type))
        .key("start").integer(f.start)
        .key("end").integer(f.end)
        .end_object();
  }
  w.end_array().end_object();
  return out.size();
}
#endif

#if defined(OTKLIK_WASM_REDACT)
// The hot path of redact(): the loader encodes the text straight into a buffer of otk_alloc's that it keeps
// between calls and reads the answer where it lies (no JSON, no copy; once warm, no allocation). Answers four
// 32-bit words: where the redacted text starts, its size in bytes, where the findings start, their count.
// A finding is three 32-bit words: its type in the low byte, start, end (byte offsets into the text).
static_assert(sizeof(otklik::finding) == 12 && offsetof(otklik::finding, start) == 4 && offsetof(otklik::finding, end) == 8);
EMSCRIPTEN_KEEPALIVE const std::uint32_t* otk_redact_run(const char* text, std::size_t text_size) {
  static otklik::redaction answer;  // kept between calls, so that its buffers are reused
  static std::uint32_t header[4];
  otklik::redact(view(text, text_size), answer);
  header[0] = reinterpret_cast<std::uintptr_t>(answer.text.data());
  header[1] = answer.text.size();
  header[2] = reinterpret_cast<std::uintptr_t>(answer.findings.data());
  header[3] = answer.findings.size();
  return header;
}

// The placeholder words by type number, separated by spaces ("EMAIL PHONE ..."), for the loader.
EMSCRIPTEN_KEEPALIVE std::size_t otk_pii_types() {
  auto& out = output();
  out.clear();
  for (int i = 0; i <= static_cast<int>(otklik::pii_type::address); ++i) {  // address: the enum's last
    if (i > 0) out += ' ';
    out += otklik::to_string(static_cast<otklik::pii_type>(i));
  }
  return out.size();
}
#endif

}  // extern "C"
