// `otklik templates [NAME]`: lists the built-in criteria sets, or prints one as a starting survey.
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "otklik/templates.hpp"

namespace otklik::cli {

namespace {

int run_templates(const std::string& name) {
  if (name.empty()) {
    for (const auto& t : builtin_templates()) {
      std::printf("%-8s %.*s\n", std::string(t.id).c_str(), static_cast<int>(t.description.size()), t.description.data());
    }
    return 0;
  }
  const survey_template* t = find_template(name);
  if (!t) {
    std::fprintf(stderr, "otklik templates: no template '%s' (try: otklik templates)\n", name.c_str());
    return exit_usage;
  }
  // A complete survey that starts from the template; edit ids and titles, then put it in --surveys DIR.
  survey s;
  s.id = "my-service";
  s.service.id = "my-service";
  s.service.title.by_locale = {{"ru", "Моя услуга"}, {"en", "My service"}};
  s.template_id = std::string(t->id);
  s.locales = {"ru", "en"};
  s.stages = {{"application", {{{"ru", "Подача заявления"}, {"en", "Application"}}}},
              {"result", {{{"ru", "Получение результата"}, {"en", "Result"}}}}};
  s.questions = t->questions();
  const std::string json = to_json(s);
  std::printf("%s\n", json.c_str());
  return 0;
}

}  // namespace

void add_templates_command(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("templates", "List the built-in criteria sets, or print a survey that starts from one");
  auto name = std::make_shared<std::string>();
  cmd->add_option("name", *name, "ru-1284, a11 or basic");
  cmd->callback([&status, name] { status = run_templates(*name); });
}

}  // namespace otklik::cli
