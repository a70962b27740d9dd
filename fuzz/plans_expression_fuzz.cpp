// Any bytes as a target or baseline cell.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/text.hpp"
#include "plans/target_expression.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view cell(reinterpret_cast<const char*>(data), size);
  if (zhiyou::text::find_invalid_utf8(cell)) return 0;  // cells reach the parser as UTF-8
  auto parsed = zhiyou::plans::parse_expression(zhiyou::text::normalize(cell));
  (void)parsed;
  return 0;
}
