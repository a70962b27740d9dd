// Any bytes as a CSV file a unit sends: encoding detection (UTF-8 / GB18030), delimiter
// guess and the RFC 4180 reader, exactly as `zhiyou data import` runs them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tabular/read_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto table = zhiyou::tabular::parse_table(bytes, "fuzz.csv");
  (void)table;
  return 0;
}
