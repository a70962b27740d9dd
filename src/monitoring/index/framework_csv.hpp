// Reads a framework from the two CSV tables of the JRC COINr layout:
//   data:     uCode, uName, then group, denominator and indicator columns (one row per unit;
//             a Time column is allowed and ignored)
//   metadata: Level, iCode, iName, Direction, Weight, Unit, Target, Denominator, Parent,
//             Type (Indicator | Aggregate | Group | Denominator | Other); optional
//             goalpost_lower, goalpost_upper
// Empty cells and NA are missing values. Errors name the file, the row (its line) and the
// column: "ASEM_iData.csv:5: 第 12 列 Flights：“abc” 不是数字".
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "monitoring/index/framework.hpp"

namespace zhiyou::monitoring::index {

Result<Framework> read_framework(std::string_view data_csv, const std::string& data_name,
                                 std::string_view meta_csv, const std::string& meta_name);

}  // namespace zhiyou::monitoring::index
