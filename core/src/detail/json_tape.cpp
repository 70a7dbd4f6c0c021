// Strict recursive-descent JSON parser onto a flat tape (see json_tape.hpp for why it exists).
#include "detail/json_tape.hpp"

#include <limits>

#include "detail/utf8.hpp"

namespace otklik::detail {

class tape_builder {
 public:
  tape_builder(json_tape& tape, std::string_view text, std::size_t max_depth)
      : tape_(tape), p_(text.data()), begin_(text.data()), end_(text.data() + text.size()), max_depth_(max_depth) {}

  bool run(json_parse_error& error) {
    skip_space();
    if (!value(0)) return fail(error);
    skip_space();
    if (p_ != end_) {
      code_ = error_code::invalid_json;
      return fail(error);
    }
    return true;
  }

 private:
  bool fail(json_parse_error& error) {
    error.code = code_;
    error.offset = static_cast<std::size_t>((fail_at_ ? fail_at_ : p_) - begin_);
    return false;
  }
  bool bad(const char* at = nullptr) {
    fail_at_ = at ? at : p_;
    code_ = error_code::invalid_json;
    return false;
  }
  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  std::uint32_t push(json_kind kind, std::uint32_t a = 0, std::uint32_t b = 0, std::int64_t integer = 0) {
    tape_.entries_.push_back({kind, a, b, integer});
    return static_cast<std::uint32_t>(tape_.entries_.size() - 1);
  }
  bool literal(std::string_view word, json_kind kind, std::uint32_t a) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return bad();
    p_ += word.size();
    push(kind, a);
    return true;
  }

  bool value(std::size_t depth) {
    if (p_ == end_) return bad();
    switch (*p_) {
      case '{': return object(depth + 1);
      case '[': return array(depth + 1);
      case '"': {
        std::uint32_t offset, length;
        if (!string(offset, length)) return false;
        push(json_kind::string, offset, length);
        return true;
      }
      case 't': return literal("true", json_kind::boolean, 1);
      case 'f': return literal("false", json_kind::boolean, 0);
      case 'n': return literal("null", json_kind::null_value, 0);
      default: return number();
    }
  }

  bool enter(std::size_t depth) {
    if (depth > max_depth_) {
      fail_at_ = p_;
      code_ = error_code::too_deep;
      return false;
    }
    return true;
  }

  bool object(std::size_t depth) {
    if (!enter(depth)) return false;
    const std::uint32_t self = push(json_kind::object);
    ++p_;
    skip_space();
    std::uint32_t count = 0;
    if (p_ < end_ && *p_ == '}') {
      ++p_;
    } else {
      for (;;) {
        if (p_ == end_ || *p_ != '"') return bad();
        std::uint32_t offset, length;
        if (!string(offset, length)) return false;
        push(json_kind::string, offset, length);
        skip_space();
        if (p_ == end_ || *p_ != ':') return bad();
        ++p_;
        skip_space();
        if (!value(depth)) return false;
        ++count;
        skip_space();
        if (p_ < end_ && *p_ == ',') {
          ++p_;
          skip_space();
          continue;
        }
        if (p_ < end_ && *p_ == '}') {
          ++p_;
          break;
        }
        return bad();
      }
    }
    auto& e = tape_.entries_[self];
    e.a = static_cast<std::uint32_t>(tape_.entries_.size());
    e.b = count;
    return true;
  }

  bool array(std::size_t depth) {
    if (!enter(depth)) return false;
    const std::uint32_t self = push(json_kind::array);
    ++p_;
    skip_space();
    std::uint32_t count = 0;
    if (p_ < end_ && *p_ == ']') {
      ++p_;
    } else {
      for (;;) {
        if (!value(depth)) return false;
        ++count;
        skip_space();
        if (p_ < end_ && *p_ == ',') {
          ++p_;
          skip_space();
          continue;
        }
        if (p_ < end_ && *p_ == ']') {
          ++p_;
          break;
        }
        return bad();
      }
    }
    auto& e = tape_.entries_[self];
    e.a = static_cast<std::uint32_t>(tape_.entries_.size());
    e.b = count;
    return true;
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool hex4(char32_t& out) {
    if (end_ - p_ < 4) return bad();
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = hex(p_[i]);
      if (h < 0) return bad();
      out = (out << 4) | static_cast<char32_t>(h);
    }
    p_ += 4;
    return true;
  }

  // Unescapes a string into the tape's string buffer; the input is already known to be valid UTF-8.
  bool string(std::uint32_t& offset, std::uint32_t& length) {
    const char* const start = p_;
    ++p_;
    auto& out = tape_.strings_;
    offset = static_cast<std::uint32_t>(out.size());
    for (;;) {
      const char* run = p_;
      while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) ++p_;
      out.append(run, static_cast<std::size_t>(p_ - run));
      if (p_ == end_) return bad(start);
      const char c = *p_;
      if (c == '"') {
        ++p_;
        break;
      }
      if (c != '\\') return bad();  // an unescaped control character
      ++p_;
      if (p_ == end_) return bad(start);
      const char e = *p_++;
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          char32_t cp;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t low;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return bad();
            p_ += 2;
            if (!hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return bad();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return bad();
          }
          append_utf8(out, cp);
          break;
        }
        default: return bad(p_ - 1);
      }
    }
    length = static_cast<std::uint32_t>(out.size() - offset);
    return true;
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  // Whether a decimal literal rounds to infinity as a double, i.e. is at least 2^1024 - 2^970 (the
  // midpoint between DBL_MAX and 2^1024, which rounds to even, upwards). Exact, by comparing digits
  // with that threshold; hand-written because strtod pulls about 6 KB of long double code into WebAssembly.
  static bool overflows_double(const char* begin, const char* end) {
    static constexpr std::string_view threshold =
        "17976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797758720709633028641"
        "66928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757302700698555713669"
        "59622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";
    // value = 0.D * 10^(point + e), D the significant digits without leading zeros.
    std::string digits;
    long long point = 0;
    const char* p = begin;
    if (*p == '-') ++p;
    bool fraction = false;
    for (; p < end && *p != 'e' && *p != 'E'; ++p) {
      if (*p == '.') {
        fraction = true;
      } else if (digits.empty() && *p == '0') {
        if (fraction) --point;
      } else {
        if (!fraction) ++point;
        if (digits.size() <= threshold.size()) digits.push_back(*p);
      }
    }
    if (digits.empty()) return false;  // zero
    long long e = 0;
    if (p < end) {
      ++p;
      const bool negative = *p == '-';
      if (*p == '+' || *p == '-') ++p;
      for (; p < end; ++p) {
        if (e < 100000) e = e * 10 + (*p - '0');
      }
      if (negative) e = -e;
    }
    if (point + e != 309) return point + e > 309;
    while (digits.back() == '0') digits.pop_back();
    return std::string_view(digits) >= threshold;  // as fractions: a longer string with the same prefix is larger
  }

  bool number() {
    const char* const start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || !digit(*p_)) return bad(start);
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ < end_ && digit(*p_)) ++p_;
    }
    const char* const integer_end = p_;
    bool real = false;
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (p_ == end_ || !digit(*p_)) return bad(start);
      while (p_ < end_ && digit(*p_)) ++p_;
      real = true;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !digit(*p_)) return bad(start);
      while (p_ < end_ && digit(*p_)) ++p_;
      real = true;
    }
    // A number must be followed by a structural character or white space (simdjson rejects "1x").
    if (p_ < end_) {
      const char c = *p_;
      if (!(c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) return bad(start);
    }
    if (real) {
      if (overflows_double(start, p_)) return bad(start);  // like simdjson: beyond double's range is invalid
      push(json_kind::real);
      return true;
    }
    // Integer: int64, or uint64 read as INT64_MAX; beyond that invalid (as simdjson).
    std::uint64_t magnitude = 0;
    for (const char* d = negative ? start + 1 : start; d < integer_end; ++d) {
      const auto dv = static_cast<std::uint64_t>(*d - '0');
      if (magnitude > (std::numeric_limits<std::uint64_t>::max() - dv) / 10) return bad(start);
      magnitude = magnitude * 10 + dv;
    }
    std::int64_t v;
    if (negative) {
      if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1) return bad(start);
      v = magnitude == 0 ? 0 : static_cast<std::int64_t>(~(magnitude - 1));
    } else {
      v = magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
              ? std::numeric_limits<std::int64_t>::max()
              : static_cast<std::int64_t>(magnitude);
    }
    push(json_kind::integer, 0, 0, v);
    return true;
  }

  json_tape& tape_;
  const char* p_;
  const char* const begin_;
  const char* const end_;
  const std::size_t max_depth_;
  const char* fail_at_ = nullptr;
  error_code code_ = error_code::invalid_json;
};

bool json_tape::parse(std::string_view text, std::size_t max_depth, json_parse_error& error) {
  entries_.clear();
  strings_.clear();
  if (!is_valid_utf8(text)) {
    error = {error_code::invalid_utf8, 0};
    return false;
  }
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    error = {error_code::too_large, 0};
    return false;
  }
  tape_builder builder(*this, text, max_depth);
  return builder.run(error);
}

}  // namespace otklik::detail
