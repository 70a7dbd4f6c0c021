// libFuzzer harness for otklik::redact: any bytes (valid UTF-8 or not) must redact without a crash, a
// sanitizer report or a hang, and the result must keep its guarantees: findings sorted, not overlapping,
// inside the input, starting on a character boundary; the text rebuilt from them; the same result twice.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "otklik/redact.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const otklik::redaction r = otklik::redact(text);
  std::string rebuilt;
  std::uint32_t at = 0;
  for (const otklik::finding& f : r.findings) {
    if (f.start < at || f.end <= f.start || f.end > size) __builtin_trap();
    if ((static_cast<unsigned char>(text[f.start]) & 0xC0) == 0x80) __builtin_trap();
    rebuilt.append(text.substr(at, f.start - at));
    rebuilt.push_back('[');
    rebuilt.append(otklik::to_string(f.type));
    rebuilt.push_back(']');
    at = f.end;
  }
  rebuilt.append(text.substr(at));
  if (rebuilt != r.text) __builtin_trap();
  const otklik::redaction again = otklik::redact(text);
  if (again.text != r.text || again.findings != r.findings) __builtin_trap();
  return 0;
}
