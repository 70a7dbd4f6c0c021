// The response model's canonical JSON form and the hour truncation the store applies.
#include "otklik/response.hpp"

#include "otklik/json_writer.hpp"
#include "detail/response_decoder.hpp"
#include "detail/time_format.hpp"

namespace otklik {

const answer* response::find(std::string_view question_id) const noexcept {
  for (const auto& a : answers) {
    if (a.question == question_id) return &a;
  }
  return nullptr;
}

std::string to_json(const response& r) {
  std::string out;
  out.reserve(256 + r.answers.size() * 16);
  json_writer w(out);
  w.begin_object()
      .key("format").string(detail::response_format_tag)
      .key("id").string(r.id)
      .key("survey").string(r.survey)
      .key("service").string(r.service)
      .key("stage").string(r.stage)
      .key("channel").string(to_string(r.where))
      .key("locale").string(r.locale)
      .key("submitted_at").string(r.submitted_at);
  w.key("answers").begin_object();
  for (const auto& a : r.answers) {
    w.key(a.question);
    switch (a.kind) {
      case question_kind::csat:
      case question_kind::criterion:
      case question_kind::ces:
      case question_kind::nps: w.integer(a.number); break;
      default: w.string(a.text);
    }
  }
  w.end_object();
  if (!r.region.empty()) w.key("region").string(r.region);
  w.end_object();
  return out;
}

void truncate_to_hour(response& r) {
  if (detail::is_rfc3339_utc(r.submitted_at)) r.submitted_at = detail::truncated_to_hour(r.submitted_at);
}

namespace detail {

bool is_valid_response_id(std::string_view id) noexcept {
  if (id.size() < 16 || id.size() > 64) return false;
  for (const char c : id) {
    const auto u = static_cast<unsigned char>(c);
    const bool ok = ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || (u >= '0' && u <= '9') || u == '_' || u == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace detail
}  // namespace otklik
