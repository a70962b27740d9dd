// Element strings: the input is tried as bracketed and as raw data; whatever parses must
// format and parse back to the same elements.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "trace/gs1/check.hpp"
#include "trace/gs1/element_string.hpp"

namespace gs1 = zhiyou::trace::gs1;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gs1::Options loose;
  loose.check_associations = false;
  loose.permit_unknown_ais = true;
  for (const gs1::Options& options : {gs1::Options{}, loose}) {
    if (auto r = gs1::parse_bracketed(text, options); r.ok()) {
      auto again = gs1::parse_bracketed(gs1::to_bracketed(*r), options);
      if (!again.ok() || *again != *r) std::abort();
    }
    if (auto r = gs1::parse_raw(text, options); r.ok()) {
      auto again = gs1::parse_raw(gs1::to_raw(*r, "]d2"), options);
      if (!again.ok() || *again != *r) std::abort();
    }
  }
  const auto checked = gs1::check_input(text);
  if (!checked.ok && checked.position > size) std::abort();
  (void)gs1::to_json(checked);
  return 0;
}
