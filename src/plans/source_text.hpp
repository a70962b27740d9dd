// An imported file as numbered, normalised lines — the unit every plan parser works on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace zhiyou::plans {

struct SourceLine {
  int number = 0;    // 1-based line number in the file
  std::string text;  // normalised (text::normalize), without the line break
};

// Splits `content` into lines (LF or CRLF), drops a UTF-8 BOM and normalises each line.
// A file that is not UTF-8 is an error naming the first bad line, e.g.
// "plan.txt:3: 文件不是 UTF-8 编码（第 17 字节起无法解码）…".
Result<std::vector<SourceLine>> read_source_lines(std::string_view content,
                                                  std::string_view file_label);

}  // namespace zhiyou::plans
