// i18n.hpp — the viewer's interface language (Russian or English) and its translated strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace otklik::review {

// The languages the interface speaks; titles from surveys follow the same choice.
enum class language : unsigned char { en, ru };

// "en" / "ru" and back.
[[nodiscard]] std::string_view to_string(language l) noexcept;
[[nodiscard]] std::optional<language> parse_language(std::string_view word) noexcept;

// The interface language used by tr(); the viewer has one window, so one current language is enough.
void set_language(language l) noexcept;
[[nodiscard]] language current_language() noexcept;

// The current language's text for an English interface string (the string itself when English or untranslated),
// so that code reads in English and the table is the only place Russian lives.
[[nodiscard]] const char* tr(const char* english) noexcept;

// Whether the Russian table has this English string.
[[nodiscard]] bool has_translation(std::string_view english) noexcept;

// Every English string looked up while Russian was on that has no Russian text (tests keep it empty).
[[nodiscard]] std::vector<std::string> untranslated_seen();

}  // namespace otklik::review
