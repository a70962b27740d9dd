// Reading an indicator's name cell: its unit in the trailing brackets ("(%)", "(万元/亩)"),
// its footnote marks ("*" 常住人口口径), and the sub-items a name may list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhiyou::plans {

struct IndicatorName {
  std::string name;                 // without unit and marks, PDF spaces removed
  std::optional<std::string> unit;  // "%", "万元/亩"; nullopt when the name gives none
  bool resident_basis = false;      // "*": 常住人口口径
};

IndicatorName read_indicator_name(std::string_view cell);

// "困难残疾人生活补贴、重度残疾人护理补贴覆盖率" with 2 items →
// {"困难残疾人生活补贴覆盖率", "重度残疾人护理补贴覆盖率"}; empty when the name does not
// split into exactly `count` items sharing a common ending.
std::vector<std::string> split_sub_items(std::string_view name, std::size_t count);

// Lead or supporting units as listed: "市综合执法局 市农业农村局", "市发改委、市经信局等按职责
// 分工负责", "各区〔县、市〕政府" (brackets are not split).
std::vector<std::string> split_units(std::string_view raw);

}  // namespace zhiyou::plans
