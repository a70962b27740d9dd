#include "monitoring/observation_import.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "core/quantity.hpp"
#include "core/text.hpp"
#include "plans/indicator_name.hpp"
#include "registry/region.hpp"

namespace zhiyou::monitoring {
namespace {

enum Field { indicator, indicator_id, region, period, value, source, unit, field_count };

struct FieldNames {
  Field field;
  std::string_view label;  // as messages name it
  std::array<std::string_view, 5> headers;
};

// Header spellings, compared after normalisation (full-width → half-width, ASCII lower case,
// spaces and a trailing "*" removed).
constexpr std::array<FieldNames, field_count> kFields{{
    {indicator, "指标", {"指标", "指标名称", "indicator", "indicatorname", "name"}},
    {indicator_id, "指标编号", {"指标编号", "指标id", "indicator_id", "indicatorid", "id"}},
    {region, "区县", {"区县", "区县(市)", "地区", "区域", "region"}},
    {period, "期间", {"期间", "报告期", "时期", "period", "year"}},
    {value, "数值", {"数值", "实际值", "完成值", "value", "actual"}},
    {source, "来源", {"来源", "数据来源", "source", "", ""}},
    {unit, "单位", {"单位", "计量单位", "unit", "", ""}},
}};

std::string clean(std::string_view cell) {
  return text::join_wrapped(text::normalize(text::trim(cell)));
}

std::string header_key(std::string_view cell) {
  std::string key = clean(cell);
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  while (!key.empty() && key.back() == '*') key.pop_back();
  std::transform(key.begin(), key.end(), key.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return key;
}

using Columns = std::array<std::optional<std::size_t>, field_count>;

std::optional<Field> field_of(std::string_view cell) {
  const std::string key = header_key(cell);
  if (key.empty()) return std::nullopt;
  for (const FieldNames& f : kFields) {
    if (std::find(f.headers.begin(), f.headers.end(), key) != f.headers.end()) return f.field;
  }
  return std::nullopt;
}

// The header is the first of the first five rows naming at least three known columns, so a
// title line above it ("2024年监测数据填报表") is tolerated.
std::optional<std::size_t> header_row(const tabular::Table& table) {
  for (std::size_t r = 0; r < std::min<std::size_t>(5, table.rows.size()); ++r) {
    int known = 0;
    for (const std::string& cell : table.rows[r].cells) known += field_of(cell) ? 1 : 0;
    if (known >= 3) return r;
  }
  return table.rows.empty() ? std::nullopt : std::optional<std::size_t>(0);
}

Result<Columns> map_columns(const tabular::Row& header) {
  Columns columns;
  for (std::size_t c = 0; c < header.cells.size(); ++c) {
    const auto field = field_of(header.cells[c]);
    if (!field) continue;
    if (columns[*field]) {
      return make_error(fmt::format("表头有两列“{}”", kFields[*field].label),
                        fmt::format("第{}行", header.line));
    }
    columns[*field] = c;
  }
  std::vector<std::string> missing;
  if (!columns[indicator] && !columns[indicator_id]) missing.emplace_back("指标");
  for (Field f : {region, period, value}) {
    if (!columns[f]) missing.emplace_back(kFields[f].label);
  }
  if (!missing.empty()) {
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : "、") + ("“" + m + "”");
    return make_error("缺少必需的列 " + list +
                          "（表头应含 指标/indicator、区县/region、期间/period、数值/value）",
                      fmt::format("第{}行", header.line));
  }
  return columns;
}

struct Found {
  const plans::Plan* plan = nullptr;
  const plans::Indicator* indicator = nullptr;
};

class IndicatorIndex {
 public:
  IndicatorIndex(const std::vector<plans::Plan>& plans, const std::optional<std::string>& only) {
    for (const plans::Plan& plan : plans) {
      if (only && plan.id != *only) continue;
      for (const plans::Indicator& ind : plan.indicators) {
        by_id_[ind.id] = Found{&plan, &ind};
        by_name_[clean(ind.name)].push_back(Found{&plan, &ind});
      }
    }
  }

  // By id, by exact name, then by the name without a printed unit ("…产值率(%)").
  Result<Found> find(std::string_view id_cell, std::string_view name_cell) const {
    const std::string id = clean(id_cell);
    if (!id.empty()) {
      if (auto it = by_id_.find(id); it != by_id_.end()) return it->second;
      return make_error("指标编号“" + id + "”不存在");
    }
    const std::string name = clean(name_cell);
    if (name.empty()) return make_error("指标为空");
    if (auto it = by_id_.find(name); it != by_id_.end()) return it->second;
    auto it = by_name_.find(name);
    if (it == by_name_.end()) it = by_name_.find(plans::read_indicator_name(name).name);
    if (it == by_name_.end())
      return make_error("未知指标“" + name + "”（应与规划中印的指标名称一致，或填指标编号）");
    if (it->second.size() > 1) {
      std::string where;
      for (const Found& f : it->second) where += (where.empty() ? "" : "、") + f.plan->id;
      return make_error("指标“" + name + "”在多个规划中都有（" + where +
                        "），请填指标编号或指定规划（--plan）");
    }
    return it->second.front();
  }

 private:
  std::map<std::string, Found> by_id_;
  std::map<std::string, std::vector<Found>> by_name_;
};

Result<std::string> region_name(std::string_view cell) {
  const std::string name = clean(cell);
  if (name.empty()) return make_error("区县为空（全市数据请填“全市”）");
  if (name == registry::kWholeCity) return name;
  if (const auto region = registry::find_region(name)) return std::string(region->name);
  for (const registry::Region& r : registry::builtin_regions()) {
    if (r.city == name) return std::string(registry::kWholeCity);  // "宁波市" means the whole city
  }
  return make_error("未知区县“" + name + "”");
}

// "万元" → {1e4, "元"}.
std::pair<double, std::string> split_magnitude(std::string_view unit) {
  const auto m = quantity::leading_magnitude(unit);
  return {m.factor, std::string(unit.substr(m.length))};
}

Result<double> read_value(std::string_view value_cell, std::string_view unit_cell,
                          const plans::Indicator& ind) {
  const std::string cell = clean(value_cell);
  const auto parsed = quantity::parse_leading_number(cell);
  if (!parsed || !text::trim(std::string_view{cell}.substr(parsed->consumed)).empty()) {
    return make_error("数值“" + cell + "”无法识别");
  }
  double v = parsed->value;
  const std::string ind_unit = ind.unit ? clean(*ind.unit) : std::string();
  const std::string row_unit = clean(unit_cell);
  const std::string shown = ind_unit.empty() ? "无" : ind_unit;
  if (parsed->percent && !ind_unit.empty() && ind_unit != "%") {
    return make_error("单位不符: 数值带 %，但指标单位是“" + shown + "”");
  }
  if (parsed->magnitude != 1 && split_magnitude(ind_unit).first != 1) {
    return make_error("单位不符: 数值带“万/亿”，但指标单位已是“" + shown + "”");
  }
  if (!row_unit.empty() && !ind_unit.empty() && row_unit != ind_unit) {
    const auto [row_factor, row_base] = split_magnitude(row_unit);
    const auto [ind_factor, ind_base] = split_magnitude(ind_unit);
    if (row_base != ind_base || row_base.empty()) {
      return make_error("单位不符: 填的是“" + row_unit + "”，指标单位是“" + ind_unit + "”");
    }
    v = v * row_factor / ind_factor;  // 亿元 → 万元
  }
  if (!std::isfinite(v)) return make_error("数值“" + cell + "”超出范围");
  if (ind_unit == "%" && v > 100) {
    return make_error("百分比 " + cell + " 超过 100");
  }
  return v;
}

std::string cell_at(const tabular::Row& row, const std::optional<std::size_t>& column) {
  if (!column || *column >= row.cells.size()) return {};
  return row.cells[*column];
}

}  // namespace

YearRange reporting_years(const plans::Plan& plan, const plans::Indicator& indicator) {
  YearRange range;
  const auto widen_first = [&](int year) {
    range.first = range.first ? std::min(*range.first, year) : year;
  };
  const auto widen_last = [&](int year) {
    range.last = range.last ? std::max(*range.last, year) : year;
  };
  if (plan.start_year) widen_first(*plan.start_year);
  if (plan.end_year) widen_last(*plan.end_year);
  if (indicator.baseline && indicator.baseline->year > 0) widen_first(indicator.baseline->year);
  for (const plans::Target& t : indicator.targets) {
    if (t.year > 0) widen_last(t.year);
    if (t.expression.reference_year) widen_first(*t.expression.reference_year);
  }
  if (!range.first && plan.issued_on && plan.issued_on->size() >= 4) {
    // A plan without a period or baseline: the year before issue is its natural base year.
    widen_first(std::stoi(plan.issued_on->substr(0, 4)) - 1);
  }
  return range;
}

Status check_reporting_period(const Period& period, const plans::Plan& plan,
                              const plans::Indicator& ind) {
  const YearRange range = reporting_years(plan, ind);
  if ((range.first && period.year < *range.first) || (range.last && period.year > *range.last)) {
    const std::string first = range.first ? std::to_string(*range.first) : "";
    const std::string last = range.last ? std::to_string(*range.last) : "";
    return make_error("期间 " + period.to_string() + " 不在规划期内（" + first + "—" + last +
                      "年）");
  }
  const bool cumulative = std::any_of(
      ind.targets.begin(), ind.targets.end(),
      [](const plans::Target& t) { return t.expression.kind == plans::TargetKind::cumulative; });
  if (cumulative && period.kind != Period::Kind::year) {
    return make_error("该指标的目标是规划期累计值，按年度填报当年数（期间填年份，如 " +
                      std::to_string(period.year) + "）");
  }
  return Ok{};
}

Result<ImportCheck> check_observations(const std::vector<plans::Plan>& plans,
                                       const tabular::Table& table, const ImportOptions& options) {
  const auto header = header_row(table);
  if (!header) return make_error("文件是空的，没有表头和数据");
  auto columns = map_columns(table.rows[*header]);
  if (!columns) return columns.error();
  const Columns& col = *columns;
  const IndicatorIndex index(plans, options.plan_id);
  ImportCheck check;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> seen;
  for (std::size_t r = *header + 1; r < table.rows.size(); ++r) {
    const tabular::Row& row = table.rows[r];
    const auto fail = [&](const std::string& reason) {
      check.errors.push_back(RowError{row.line, reason});
    };
    if (clean(cell_at(row, col[value])).empty()) {
      ++check.empty_rows;
      continue;
    }
    auto found = index.find(cell_at(row, col[indicator_id]), cell_at(row, col[indicator]));
    if (!found) {
      fail(found.error().message);
      continue;
    }
    auto region_result = region_name(cell_at(row, col[region]));
    if (!region_result) {
      fail(region_result.error().message);
      continue;
    }
    const std::string period_cell = clean(cell_at(row, col[period]));
    const auto parsed_period = Period::parse(period_cell);
    if (!parsed_period) {
      fail(period_cell.empty()
               ? "期间为空"
               : "期间“" + period_cell + "”无法识别（应为 2024、2024Q2 或 2024-06）");
      continue;
    }
    if (Status in_plan = check_reporting_period(*parsed_period, *found->plan, *found->indicator);
        !in_plan) {
      fail(in_plan.error().message);
      continue;
    }
    auto v = read_value(cell_at(row, col[value]), cell_at(row, col[unit]), *found->indicator);
    if (!v) {
      fail(v.error().message);
      continue;
    }
    const auto key = std::tuple(found->indicator->id, *region_result, parsed_period->to_string());
    if (const auto [it, fresh] = seen.emplace(key, row.line); !fresh) {
      fail(fmt::format("与第{}行重复（同一指标、区县、期间）", it->second));
      continue;
    }
    Observation o;
    o.indicator_id = found->indicator->id;
    o.region = *region_result;
    o.period = *parsed_period;
    o.value = *v;
    o.source = clean(cell_at(row, col[source]));
    if (o.source.empty()) o.source = options.default_source;
    o.reported_by = options.reported_by;
    o.reported_at = options.reported_at;
    check.observations.push_back(std::move(o));
    check.rows.push_back(row.line);
  }
  return check;
}

}  // namespace zhiyou::monitoring
