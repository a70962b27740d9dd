// CSV as Excel writes it (RFC 4180): quoted cells may hold commas, doubled quotes and line
// breaks. The text must already be UTF-8 (see encoding.hpp for GB18030 files).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace zhiyou::tabular {

struct Row {
  std::size_t line = 0;  // 1-based line of the row's first character in the file
  std::vector<std::string> cells;
};

// All rows of the file, the header included; rows that are empty (or only delimiters) are
// dropped, so a sheet saved with trailing blank lines reads the same.
struct Table {
  std::vector<Row> rows;
};

// A UTF-8 byte-order mark is skipped. Errors name the line: an unterminated quote, text
// after a closing quote, or bytes that are not UTF-8.
Result<Table> parse_csv(std::string_view text, char delimiter = ',');

}  // namespace zhiyou::tabular
