// parse_survey and the survey rules that are not templated on the JSON tree.
#include "detail/survey_decoder.hpp"

#include "detail/document_parser.hpp"

namespace otklik {

namespace detail {

bool is_locale_tag(std::string_view tag) noexcept {
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto alnum = [&](char c) { return lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  std::size_t i = 0;
  while (i < tag.size() && lower(tag[i])) ++i;
  if (i < 2 || i > 3) return false;
  if (i == tag.size()) return true;
  if (tag[i] != '-') return false;
  const std::size_t sub = ++i;
  while (i < tag.size() && alnum(tag[i])) ++i;
  return i == tag.size() && i - sub >= 2 && i - sub <= 8;
}

void keep_locales(localized_text& text, const std::vector<std::string>& locales) {
  std::erase_if(text.by_locale, [&](const auto& entry) {
    return std::find(locales.begin(), locales.end(), entry.first) == locales.end();
  });
}

void check_labels(const localized_text& text, const std::vector<std::string>& locales, const std::string& path,
                  decode_context& ctx) {
  for (const auto& locale : locales) {
    if (!text.find(locale)) ctx.add(path, error_code::missing_label, locale);
  }
  for (const auto& [tag, value] : text.by_locale) {
    if (std::find(locales.begin(), locales.end(), tag) == locales.end()) {
      ctx.add(decode_context::child(path, tag), error_code::unsupported_locale);
    }
  }
}

}  // namespace detail

result<survey> parse_survey(std::string_view json) {
  detail::validator_state state;
  survey out;
  std::vector<issue> issues;
  state.run(
      json, issues, [&](const detail::tape_node& root) { detail::decode_survey(root, out, issues); },
      [&]([[maybe_unused]] auto& native) {
#ifdef OTKLIK_WITH_SIMDJSON
        return detail::simdjson_decode_survey(native, json, state.bounds.max_depth, out, issues);
#else
        return false;
#endif
      });
  if (!issues.empty()) return issues;
  return out;
}

}  // namespace otklik
