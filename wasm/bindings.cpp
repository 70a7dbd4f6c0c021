// embind bindings of the core for the browser: JSON strings in, JSON strings out (the JS loader parses
// them), which keeps the binding surface, and so the glue code, small.
#include <emscripten/bind.h>

#include <optional>
#include <string>

#include "otklik/json_writer.hpp"
#include "otklik/messages.hpp"
#include "otklik/validate.hpp"
#if __has_include("otklik/redact.hpp") && defined(OTKLIK_WASM_REDACT)
#include "otklik/redact.hpp"
#endif

namespace {

void write_issues(otklik::json_writer& w, const std::vector<otklik::issue>& issues, const std::string& locale) {
  w.begin_array();
  for (const auto& problem : issues) {
    w.begin_object()
        .key("path").string(problem.path)
        .key("code").string(otklik::to_string(problem.code))
        .key("message").string(otklik::message(problem, locale))
        .end_object();
  }
  w.end_array();
}

// The widget validates against one survey many times: keep the parsed survey for its JSON text.
struct survey_cache {
  std::string json;
  std::optional<otklik::survey> parsed;
  std::vector<otklik::issue> issues;
};

survey_cache& cache() {
  static survey_cache instance;
  return instance;
}

otklik::validator& checker() {
  static otklik::validator instance;
  return instance;
}

// {"ok":bool,"errors":[...],"response":{canonical response}} or {"survey_errors":[...]}.
std::string validate(const std::string& survey_json, const std::string& response_json, const std::string& locale) {
  auto& c = cache();
  if (!c.parsed || c.json != survey_json) {
    auto parsed = otklik::parse_survey(survey_json);
    c.json = survey_json;
    c.issues = parsed.issues();
    c.parsed.reset();
    if (parsed) c.parsed = std::move(parsed).value();
  }
  std::string out;
  otklik::json_writer w(out);
  w.begin_object();
  if (!c.parsed) {
    w.key("survey_errors");
    write_issues(w, c.issues, locale);
    w.end_object();
    return out;
  }
  auto checked = checker().check(*c.parsed, response_json);
  w.key("ok").boolean(checked.ok()).key("errors");
  write_issues(w, checked.issues(), locale);
  if (checked) w.key("response").raw(otklik::to_json(checked.value()));
  w.end_object();
  return out;
}

// {"ok":bool,"errors":[...]} for a survey document (portal developers check their surveys in the browser too).
std::string check_survey(const std::string& survey_json, const std::string& locale) {
  const auto parsed = otklik::parse_survey(survey_json);
  std::string out;
  otklik::json_writer w(out);
  w.begin_object().key("ok").boolean(parsed.ok()).key("errors");
  write_issues(w, parsed.issues(), locale);
  w.end_object();
  return out;
}

#ifdef OTKLIK_WASM_REDACT
// {"text": redacted, "findings": [{"type","start","end"}]} with byte offsets into the UTF-8 input.
std::string redact(const std::string& text) {
  const auto result = otklik::redact(text);
  std::string out;
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
  return out;
}
#endif

}  // namespace

EMSCRIPTEN_BINDINGS(otklik_core) {
  emscripten::function("validate", &validate);
  emscripten::function("checkSurvey", &check_survey);
#ifdef OTKLIK_WASM_REDACT
  emscripten::function("redact", &redact);
#endif
}
