#include "plans/source_text.hpp"

#include <fmt/core.h>

#include "core/text.hpp"

namespace zhiyou::plans {

Result<std::vector<SourceLine>> read_source_lines(std::string_view content,
                                                  std::string_view file_label) {
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  std::vector<SourceLine> lines;
  int number = 0;
  std::size_t start = 0;
  while (start <= content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ++number;
    if (const auto bad = text::find_invalid_utf8(line)) {
      return make_error(
          fmt::format("文件不是 UTF-8 编码（本行第 {} 字节无法解码）；请另存为 UTF-8 文本后再导入",
                      *bad + 1),
          fmt::format("{}:{}", file_label, number));
    }
    if (line.find('\0') != std::string_view::npos) {
      return make_error("文件含有空字符（NUL），不是文本文件",
                        fmt::format("{}:{}", file_label, number));
    }
    lines.push_back(SourceLine{number, text::normalize(line)});
    if (end == content.size()) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace zhiyou::plans
