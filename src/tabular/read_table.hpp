// One entry point for importers: a file the user sent, as a Table, whatever Excel saved it as.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "tabular/csv.hpp"
#include "tabular/encoding.hpp"

namespace zhiyou::tabular {

enum class FileFormat { csv, xlsx };

struct ReadTable {
  Table table;
  FileFormat format = FileFormat::csv;
  SourceEncoding encoding = SourceEncoding::utf8;  // for CSV
};

// Picks the reader by content first (a zip is an .xlsx), then by extension: .xlsx/.xlsm
// that are not zips, and old binary .xls/.et workbooks, are errors that say what to do.
// Text is decoded with decode_text() and read as CSV; a header line with tabs and no commas
// is read as tab-separated (Excel's "文本文件(制表符分隔)"). `name` is only for messages.
Result<ReadTable> parse_table(std::string_view bytes, std::string_view name);

// Reads the file at `path` and calls parse_table. Every error's place starts with the path.
Result<ReadTable> read_table(const std::string& path);

}  // namespace zhiyou::tabular
