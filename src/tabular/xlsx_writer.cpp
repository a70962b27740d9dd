#include "tabular/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <memory>
#include <system_error>

namespace zhiyou::tabular::xlsx {
namespace {

constexpr lxw_color_t kHeaderFill = 0xDDEBF7;  // light blue
constexpr lxw_color_t kInputFill = 0xFFF2CC;   // light yellow: "fill this in"

struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const { workbook_close(wb); }
};

Error sheet_error(const Sheet& sheet, const std::string& reason) {
  return make_error("无法写入工作表「" + sheet.name + "」: " + reason);
}

struct Formats {
  lxw_format* header = nullptr;
  std::vector<lxw_format*> columns;  // per column: number format, text, input fill
};

Formats make_formats(lxw_workbook* wb, const Sheet& sheet) {
  Formats f;
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, kHeaderFill);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  for (const Column& column : sheet.columns) {
    lxw_format* format = nullptr;
    if (column.text || column.input || !column.number_format.empty()) {
      format = workbook_add_format(wb);
      if (column.text) format_set_num_format(format, "@");
      if (!column.number_format.empty())
        format_set_num_format(format, column.number_format.c_str());
      if (column.input) {
        format_set_bg_color(format, kInputFill);
        format_set_border(format, LXW_BORDER_THIN);
      }
    }
    f.columns.push_back(format);
  }
  return f;
}

Status write_sheet(lxw_workbook* wb, const Sheet& sheet, const std::string& author) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  if (ws == nullptr) {
    return sheet_error(sheet, "工作表名无效（最多 31 个字符，不能含 []:*?/\\，不能重名）");
  }
  if (sheet.columns.empty()) return sheet_error(sheet, "没有列");
  const Formats formats = make_formats(wb, sheet);
  worksheet_set_comments_author(ws, author.c_str());
  for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
    const Column& column = sheet.columns[c];
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, column.width, formats.columns[c]);
    worksheet_write_string(ws, 0, col, column.header.c_str(), formats.header);
    if (!column.note.empty()) {
      worksheet_write_comment(ws, 0, col, column.note.c_str());
    }
  }
  worksheet_set_row(ws, 0, 30, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto& row = sheet.rows[r];
    if (row.size() > sheet.columns.size()) {
      return sheet_error(sheet, "第 " + std::to_string(r + 2) + " 行的单元格多于表头");
    }
    const auto xr = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < row.size(); ++c) {
      const auto xc = static_cast<lxw_col_t>(c);
      lxw_format* format = formats.columns[c];
      lxw_error err = LXW_NO_ERROR;
      if (const auto* text = std::get_if<std::string>(&row[c])) {
        err = worksheet_write_string(ws, xr, xc, text->c_str(), format);
      } else if (const auto* number = std::get_if<double>(&row[c])) {
        err = worksheet_write_number(ws, xr, xc, *number, format);
      } else if (format != nullptr) {
        err = worksheet_write_blank(ws, xr, xc, format);
      }
      if (err != LXW_NO_ERROR) {
        return sheet_error(sheet,
                           column_letters(c) + std::to_string(r + 2) + ": " + lxw_strerror(err));
      }
    }
    // Input cells past the row's end still get their highlight.
    for (std::size_t c = row.size(); c < sheet.columns.size(); ++c) {
      if (sheet.columns[c].input) {
        worksheet_write_blank(ws, xr, static_cast<lxw_col_t>(c), formats.columns[c]);
      }
    }
  }
  for (const Note& note : sheet.notes) {
    if (note.row >= sheet.rows.size() || note.column >= sheet.columns.size()) {
      return sheet_error(sheet, "批注位置超出表格");
    }
    worksheet_write_comment(ws, static_cast<lxw_row_t>(note.row + 1),
                            static_cast<lxw_col_t>(note.column), note.text.c_str());
  }
  if (sheet.autofilter && !sheet.rows.empty()) {
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                         static_cast<lxw_col_t>(sheet.columns.size() - 1));
  }
  return Ok{};
}

}  // namespace

std::string column_letters(std::size_t column) {
  std::string letters;
  ++column;
  while (column > 0) {
    const std::size_t digit = (column - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + digit));
    column = (column - 1) / 26;
  }
  return letters;
}

Status write_xlsx(const std::string& path, const Workbook& workbook) {
  if (workbook.sheets.empty()) return make_error("无法写入 " + path + ": 工作簿没有工作表");
  lxw_workbook* raw = workbook_new(path.c_str());
  if (raw == nullptr) return make_error("无法创建 " + path);
  std::unique_ptr<lxw_workbook, WorkbookCloser> guard(raw);
  for (const Sheet& sheet : workbook.sheets) {
    if (Status written = write_sheet(raw, sheet, workbook.author); !written) {
      guard.reset();  // libxlsxwriter writes on close; the half-made file is removed (a
                      // regular file only: never a device or link named as the output)
      std::error_code ignored;
      if (std::filesystem::is_regular_file(std::filesystem::symlink_status(path, ignored))) {
        std::filesystem::remove(path, ignored);
      }
      return make_error(written.error().message, path);
    }
  }
  const lxw_error closed = workbook_close(guard.release());
  if (closed != LXW_NO_ERROR) {
    return make_error(std::string("无法写入文件: ") + lxw_strerror(closed), path);
  }
  return Ok{};
}

}  // namespace zhiyou::tabular::xlsx
