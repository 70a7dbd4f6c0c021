// Loading: the survey directory, then analysis::ingest with a progress callback that turns per-input byte counts
// into one share of all input bytes.
#include "app/loader.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <filesystem>
#include <map>
#include <system_error>

#include "otklik/messages.hpp"
#include "otklik/native/survey_dir.hpp"

namespace otklik::review {

namespace {

constexpr std::uint64_t progress_scale = 1'000'000;

std::uint64_t size_of(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 1 : std::max<std::uint64_t>(size, 1);
}

}  // namespace

loader::loader() : worker_([this](const load_request& r, const std::atomic<bool>&) { return load(r); }) {}

void loader::start(load_request request) {
  done_ = 0;
  total_ = progress_scale;
  newest_ = worker_.submit(std::move(request));
}

float loader::progress() const noexcept {
  return static_cast<float>(static_cast<double>(done_.load()) / static_cast<double>(std::max<std::uint64_t>(total_, 1)));
}

std::string loader::current_input() const {
  std::lock_guard lock(input_mutex_);
  return input_;
}

std::optional<load_outcome> loader::take() {
  auto finished = worker_.take();
  // Only the newest request's result counts: an older one finished after the user asked for another.
  if (!finished || finished->first != newest_) return std::nullopt;
  return std::move(finished->second);
}

load_outcome loader::load(const load_request& request) {
  const auto start = std::chrono::steady_clock::now();
  load_outcome out;
  auto data = std::make_shared<dataset>();
  data->inputs = request.inputs;
  bool needs_surveys = false;
  for (const std::string& path : request.inputs) {
    if (analysis::detect_input(path) != analysis::input_kind::snapshot) needs_surveys = true;
  }
  if (!request.surveys_dir.empty()) {
    auto dir = native::load_survey_dir(request.surveys_dir);
    out.warnings = std::move(dir.errors);
    data->surveys = std::move(dir.surveys);
  }
  if (needs_surveys && data->surveys.all().empty()) {
    out.error = "NDJSON files and collector databases need the surveys they answer: --surveys DIR";
    return out;
  }

  // Each input's share of all bytes; the callback reports bytes of the input being decoded.
  std::map<std::string, std::pair<std::uint64_t, double>> inputs;  // path -> size, fraction done
  std::uint64_t all_bytes = 0;
  for (const std::string& path : request.inputs) {
    inputs[path] = {size_of(path), 0.0};
    all_bytes += inputs[path].first;
  }
  analysis::ingest_options options;
  options.threads = request.threads;
  options.on_progress = [&](const std::string& input, std::uint64_t done, std::uint64_t total) {
    {
      std::lock_guard lock(input_mutex_);
      input_ = input;
    }
    const auto it = inputs.find(input);
    if (it == inputs.end() || total == 0) return;
    it->second.second = static_cast<double>(done) / static_cast<double>(total);
    double bytes = 0.0;
    for (const auto& [path, state] : inputs) bytes += static_cast<double>(state.first) * state.second;
    done_ = static_cast<std::uint64_t>(bytes / static_cast<double>(std::max<std::uint64_t>(all_bytes, 1)) *
                                       static_cast<double>(progress_scale));
  };
  analysis::ingest_result ingested = analysis::ingest(data->surveys, request.inputs, options);
  done_ = progress_scale;
  if (!ingested.ok) {
    out.error = ingested.error;
    return out;
  }
  for (const analysis::invalid_line& line : ingested.invalid_examples) {
    if (line.issues.empty()) continue;
    const issue& first = line.issues.front();
    out.warnings.push_back(line.source + ":" + std::to_string(line.line) + ": " +
                           (first.path.empty() ? "/" : first.path) + ": " + message(first, "en"));
  }
  data->store = std::move(ingested.store);
  data->first_hour = std::numeric_limits<std::uint32_t>::max();
  for (const store_segment& s : data->store.segments) {
    if (s.size() == 0) continue;
    const auto [low, high] = std::minmax_element(s.hour.begin(), s.hour.end());
    data->first_hour = std::min(data->first_hour, *low);
    data->last_hour = std::max(data->last_hour, *high);
  }
  if (data->store.size() == 0) data->first_hour = 0;
  if (request.cube_bytes > 0) data->cube = build_cube(data->store, request.cube_bytes, request.threads);
  data->summary = ingested.summary;
  data->invalid_examples = std::move(ingested.invalid_examples);
  data->load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.ok = true;
  out.data = std::move(data);
  return out;
}

}  // namespace otklik::review
