// The recall scope as an Excel workbook for the regulator's staff: Chinese headers, business
// steps and dispositions in Chinese beside their CBV names, times in Beijing time, yes/no as
// 是/否. Pure: the workbook is plain values (tabular/xlsx_writer.hpp writes it).
#pragma once

#include "tabular/xlsx_writer.hpp"
#include "trace/recall.hpp"

namespace zhiyou::trace {

// Sheets: 汇总 (the request and the counts), 受影响单品 (one row per unit, as the CSV) and
// 箱托 (the cases and pallets holding affected units).
tabular::xlsx::Workbook recall_workbook(const RecallScope& scope);

}  // namespace zhiyou::trace
