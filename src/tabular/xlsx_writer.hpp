// Writing Excel workbooks (libxlsxwriter) from plain values: a sheet is a header row plus
// data rows. Numbers stay numbers (Excel can sum them), text stays text, headers are bold
// and frozen, and a header or a cell may carry a note (Excel comment) explaining it.
// Used by `zhiyou data template` and the reports.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace zhiyou::tabular::xlsx {

// Empty, text or a number.
using CellValue = std::variant<std::monostate, std::string, double>;

struct Column {
  std::string header;
  double width = 12;          // in Excel's character units; CJK characters count about 2
  std::string note;           // shown as a comment on the header cell; empty for none
  std::string number_format;  // Excel format code for numbers ("0.00", "#,##0"); empty: General
  bool text = false;          // formatted "@" so what a user types stays text (2025 as "2025")
  bool input = false;         // highlighted as a cell the recipient fills in
};

struct Note {
  std::size_t row = 0;  // 0-based index into Sheet::rows
  std::size_t column = 0;
  std::string text;
};

struct Sheet {
  std::string name;  // at most 31 characters, none of []:*?/\ (Excel's rule)
  std::vector<Column> columns;
  std::vector<std::vector<CellValue>> rows;  // each at most columns.size() cells
  std::vector<Note> notes;
  bool autofilter = true;
};

struct Workbook {
  std::vector<Sheet> sheets;  // the first is the one opened (and the one importers read)
  std::string author = "质优 Zhiyou";
};

// Writes `workbook` to `path` (replaced when it exists). Errors name the sheet and say why:
// a bad sheet name, a row wider than its header, a file that cannot be written.
Status write_xlsx(const std::string& path, const Workbook& workbook);

// Excel's column letters: 0 → "A", 26 → "AA".
std::string column_letters(std::size_t column);

}  // namespace zhiyou::tabular::xlsx
