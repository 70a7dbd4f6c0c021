// The validator: one parser state per thread, the same decoding rules in every build.
#include "otklik/validate.hpp"

#include "detail/document_parser.hpp"
#include "detail/response_decoder.hpp"

namespace otklik {

void survey_set::add(survey s) {
  for (auto& existing : surveys_) {
    if (existing.id == s.id) {
      existing = std::move(s);
      return;
    }
  }
  surveys_.push_back(std::move(s));
}

const survey* survey_set::find(std::string_view id) const noexcept {
  for (const auto& s : surveys_) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

validator::validator(limits bounds) : state_(std::make_unique<detail::validator_state>()) { state_->bounds = bounds; }
validator::~validator() = default;
validator::validator(validator&&) noexcept = default;
validator& validator::operator=(validator&&) noexcept = default;

namespace {

result<response> check_with(detail::validator_state& state, const detail::survey_lookup& lookup, std::string_view json) {
  response& out = state.last;
  out = response{};
  std::vector<issue> issues;
  state.run(
      json, issues, [&](const detail::tape_node& root) { detail::decode_response(root, lookup, out, issues); },
      [&]([[maybe_unused]] auto& native) {
#ifdef OTKLIK_WITH_SIMDJSON
        return detail::simdjson_decode_response(native, json, state.bounds.max_depth, lookup, out, issues);
#else
        return false;
#endif
      });
  if (!issues.empty()) return issues;
  return std::move(out);  // the caller owns a valid response; last_decoded() matters only for invalid ones
}

}  // namespace

result<response> validator::check(const survey_set& surveys, std::string_view json) {
  return check_with(*state_, detail::survey_lookup{&surveys, nullptr}, json);
}

result<response> validator::check(const survey& s, std::string_view json) {
  return check_with(*state_, detail::survey_lookup{nullptr, &s}, json);
}

const response& validator::last_decoded() const noexcept { return state_->last; }

std::vector<issue> check_against(const survey& s, const response& r) {
  validator v;
  auto checked = v.check(s, to_json(r));
  return checked.issues();
}

}  // namespace otklik
