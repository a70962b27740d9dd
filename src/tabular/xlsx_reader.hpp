// Reading the first worksheet of an Excel workbook (.xlsx: a zip of XML parts) into the same
// Table the CSV reader returns, so importers need not care which one the user sent.
#pragma once

#include <string_view>

#include "core/result.hpp"
#include "tabular/csv.hpp"

namespace zhiyou::tabular {

// The first worksheet in workbook order. Each Row's `line` is the row number Excel shows;
// each cell sits at its column (an empty cell or a gap in the XML reads as ""). Shared and
// inline strings are read as text, numbers as the exact text Excel stored ("99.5",
// "80000000"), booleans as TRUE/FALSE, error cells as their code (#DIV/0!), formulas as
// their cached value. Blank rows are dropped, as in parse_csv.
// Errors: not a zip, a zip without a worksheet, malformed XML (naming the part and line),
// a part over 64 MiB uncompressed, a cell reference or shared-string index out of range.
Result<Table> parse_xlsx(std::string_view bytes);

// True when `bytes` start like a zip archive (an .xlsx is one).
bool looks_like_zip(std::string_view bytes);

}  // namespace zhiyou::tabular
