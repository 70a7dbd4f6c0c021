// Loading a directory of survey files into a survey_set, reporting every file that does not load.
#include "otklik/native/survey_dir.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "otklik/native/read_file.hpp"

namespace otklik::native {

survey_dir load_survey_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  survey_dir out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    out.errors.push_back(dir + ": not a readable directory");
    return out;
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) out.errors.push_back(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const auto contents = read_file(path.string());
    if (!contents.ok) {
      out.errors.push_back(contents.data);
      continue;
    }
    auto parsed = parse_survey(contents.data);
    if (!parsed) {
      for (const auto& problem : parsed.issues()) {
        out.errors.push_back(path.string() + ": " + (problem.path.empty() ? "/" : problem.path) + ": " +
                             std::string(to_string(problem.code)) + ": " + message(problem, "en"));
      }
      continue;
    }
    if (out.surveys.find(parsed.value().id)) {
      out.errors.push_back(path.string() + ": survey id '" + parsed.value().id + "' is used by another file");
      continue;
    }
    out.surveys.add(std::move(parsed).value());
  }
  return out;
}

}  // namespace otklik::native
