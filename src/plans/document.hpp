// Finding the official documents in a file: a plan text holds one, a government gazette
// (公报) holds many. A document starts at its document number (文号, "甬政办发〔2023〕1号")
// with its title beside it, and runs to the next document.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "plans/source_text.hpp"

namespace zhiyou::plans {

struct Document {
  std::size_t begin = 0;  // index into the lines, inclusive
  std::size_t end = 0;    // exclusive
  int title_line = 0;
  std::string heading;  // the title as printed ("…关于印发…的通知")
  std::string title;  // the plan's own name ("宁波市残疾人事业发展“十四五”规划")
  std::string doc_number;
  std::string issuer;
  std::optional<std::string> issued_on;  // YYYY-MM-DD
  std::optional<int> start_year;         // plan period, from "(2021-2025年)" or "十四五"
  std::optional<int> end_year;
  bool is_plan = false;  // 规划 / 方案 / 实施意见 / 行动计划, not 规定, 通知 of appointments …
  bool is_report = false;  // no official text: a news report naming the plan it reports on
};

// Every document found, plans or not, in order.
std::vector<Document> find_documents(const std::vector<SourceLine>& lines);

// "甬政办发〔2023〕1号" when the whole of `raw` is a document number (brackets canonicalised
// to 〔〕); empty otherwise.
std::string document_number_in(std::string_view raw);

// "2023年1月16日印发" → "2023-01-16".
std::optional<std::string> date_in(std::string_view raw);

}  // namespace zhiyou::plans
