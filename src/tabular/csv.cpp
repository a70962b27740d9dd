#include "tabular/csv.hpp"

#include <algorithm>
#include <string>

#include "core/text.hpp"

namespace zhiyou::tabular {
namespace {

bool is_blank(const Row& row) {
  return std::all_of(row.cells.begin(), row.cells.end(),
                     [](const std::string& cell) { return cell.empty(); });
}

std::string line_place(std::size_t line) { return "第 " + std::to_string(line) + " 行"; }

}  // namespace

Result<Table> parse_csv(std::string_view text, char delimiter) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  if (auto bad = text::find_invalid_utf8(text)) {
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(*bad), '\n');
    return make_error("不是 UTF-8 编码的文本（可另存为“CSV UTF-8”或 GB18030）",
                      line_place(static_cast<std::size_t>(line)));
  }
  Table table;
  Row row{1, {}};
  std::string cell;
  std::size_t line = 1;
  std::size_t i = 0;
  auto end_row = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
    if (!is_blank(row)) {
      table.rows.push_back(std::move(row));
    }
    row = Row{line, {}};
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && cell.empty()) {
      const std::size_t opened_on = line;
      ++i;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (text[i] == '\n') {
          ++line;
        }
        cell += text[i++];
      }
      if (!closed) {
        return make_error("引号未闭合", line_place(opened_on));
      }
      if (i < text.size() && text[i] != delimiter && text[i] != '\n' && text[i] != '\r') {
        return make_error("右引号后还有文字（引号内的引号应写成两个 \"\"）", line_place(line));
      }
      continue;
    }
    if (c == delimiter) {
      row.cells.push_back(std::move(cell));
      cell.clear();
      ++i;
    } else if (c == '\r' || c == '\n') {
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      end_row();
    } else {
      cell += c;
      ++i;
    }
  }
  if (!cell.empty() || !row.cells.empty()) {
    end_row();
  }
  return table;
}

}  // namespace zhiyou::tabular
