// Any bytes as an .xlsx workbook: the zip (minizip from memory) and its XML parts (expat).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tabular/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto table = zhiyou::tabular::parse_xlsx(bytes);
  (void)table;
  return 0;
}
