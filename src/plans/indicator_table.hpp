// Indicator tables (主要指标 / 指标体系) as PDF extraction leaves them: one row per line,
// cells separated by tabs, with the artefacts such text has — an empty domain cell meaning
// "same as above", a name pushed into the domain column, a domain label one row too low,
// a repeated header after a page break, sub-rows (学前段 / 义务段 / 高中段).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "plans/plan.hpp"
#include "plans/source_text.hpp"

namespace zhiyou::plans {

struct TableParse {
  std::vector<Indicator> indicators;     // ids not yet assigned; direction not yet inferred
  std::vector<std::size_t> table_lines;  // indices of the lines the tables occupy
  std::vector<std::string> repairs;      // "file:167: …" what was repaired and why
};

// Reads every indicator table in lines[begin, end). A row that cannot be read is an
// error naming file:line, the column and the reason.
Result<TableParse> parse_indicator_tables(const std::vector<SourceLine>& lines, std::size_t begin,
                                          std::size_t end, std::string_view file_label,
                                          std::string_view file_name);

}  // namespace zhiyou::plans
