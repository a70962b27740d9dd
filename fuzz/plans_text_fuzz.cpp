// Any bytes through the plan-text importer: it must return plans or an error, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "plans/plan_text_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = zhiyou::plans::parse_plan_text(text, "fuzz.txt", "fuzz.txt");
  (void)parsed;
  return 0;
}
