// Any bytes as a `zhiyou plan load` file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "plans/plan_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto plans = zhiyou::plans::plans_from_json(text, "fuzz.json");
  (void)plans;
  return 0;
}
