#include "monitoring/observation_template.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <set>
#include <vector>

#include "core/json.hpp"
#include "core/text.hpp"
#include "monitoring/observation_import.hpp"
#include "registry/region.hpp"

namespace zhiyou::monitoring {
namespace {

namespace xlsx = tabular::xlsx;

bool leads(const plans::Indicator& indicator, const std::string& unit) {
  const std::string wanted = text::normalize(text::trim(unit));
  return std::any_of(indicator.lead_units.begin(), indicator.lead_units.end(),
                     [&](const std::string& lead) { return text::normalize(lead) == wanted; });
}

// Whole-city first, then the districts of the plan's city (all built-in ones when the plan
// names no known city).
std::vector<std::string> template_regions(const plans::Plan& plan) {
  std::vector<std::string> regions{std::string(registry::kWholeCity)};
  std::set<std::string_view> cities;
  for (const registry::Region& r : registry::builtin_regions()) {
    const std::string_view city_stem =
        r.city.substr(0, r.city.size() - std::string_view("市").size());
    if (text::contains(plan.title, city_stem) || text::contains(plan.issuer, city_stem)) {
      cities.insert(r.city);
    }
  }
  for (const registry::Region& r : registry::builtin_regions()) {
    if (cities.empty() || cities.contains(r.city)) regions.emplace_back(r.name);
  }
  return regions;
}

std::string number_text(double value) { return json::serialize(json::number(value)); }

std::string baseline_text(const plans::Indicator& ind) {
  if (!ind.baseline) return {};
  const auto& e = ind.baseline->expression;
  const std::string shown = !e.text.empty() ? e.text : e.value ? number_text(*e.value) : "";
  return fmt::format("{}年 {}", ind.baseline->year, shown);
}

std::string targets_text(const plans::Indicator& ind) {
  std::string out;
  for (const plans::Target& t : ind.targets) {
    if (!out.empty()) out += "；";
    out += fmt::format("{}年 {}", t.year, t.expression.text);
  }
  return out;
}

std::string row_hint(const plans::Indicator& ind) {
  const auto has = [&](plans::TargetKind kind) {
    return std::any_of(ind.targets.begin(), ind.targets.end(),
                       [&](const plans::Target& t) { return t.expression.kind == kind; });
  };
  if (has(plans::TargetKind::cumulative)) return "累计目标：填本年度当年数（不是累计数）";
  if (has(plans::TargetKind::qualitative)) return "定性目标：有数据可填，完成情况由评审认定";
  if (has(plans::TargetKind::increment)) return "新增目标：填期末总量，系统按基期值计算新增";
  if (ind.unit && *ind.unit == "%") return "填百分数的数字，如 99.5（不超过 100）";
  return {};
}

std::vector<xlsx::Column> template_columns(const Period& period) {
  return {
      {"指标编号", 16, "系统用来识别指标，请勿修改。", "", true, false},
      {"领域", 12, "", "", false, false},
      {"指标", 36, "指标名称与规划原文一致。", "", false, false},
      {"单位", 10, "数值按此单位填写；若用其他量级（如亿元对万元），请另加“单位”说明。", "", false,
       false},
      {"基期值", 14, "", "", false, false},
      {"目标值", 22, "", "", false, false},
      {"区县", 10, "“全市”为全市合计数。", "", true, false},
      {"期间", 10,
       fmt::format("报告期：{}。年份写 2025，季度写 2025Q2，月份写 2025-06。", period.to_string()),
       "", true, false},
      {"数值", 12,
       "请在黄色单元格填写实际值（只填数字，可带“万/亿”）。没有数据的留空，导入时跳过。", "", false,
       true},
      {"来源", 20, "数据来源，如“2025年统计公报”“部门统计报表”。可留空。", "", true, true},
      {"填报提示", 36, "", "", false, false},
  };
}

xlsx::Sheet instructions(const plans::Plan& plan, const TemplateRequest& request,
                         std::size_t rows) {
  xlsx::Sheet sheet;
  sheet.name = "填报说明";
  sheet.autofilter = false;
  sheet.columns = {{"填报说明", 100, "", "", false, false}};
  const std::vector<std::string> lines{
      "规划：" + plan.title + (plan.doc_number.empty() ? "" : "（" + plan.doc_number + "）"),
      "报告期：" + request.period.to_string(),
      "责任单位：" + request.unit.value_or("全部"),
      fmt::format("共 {} 行：每个指标一行全市、每个区县一行。", rows),
      "1. 只在第一个工作表“填报表”的黄色“数值”列填写实际值；没有数据的行留空即可。",
      "2. 不要修改指标编号、指标、区县、期间列，不要增删列；可以删除不填的行。",
      "3. 百分比指标填数字（99.5 表示 99.5%），不超过 100；累计目标指标填当年数。",
      "4. 填好后用 zhiyou data import 文件.xlsx 导入；有错误的行会列出行号和原因，整份文件不写入。",
  };
  for (const std::string& line : lines) sheet.rows.push_back({line});
  return sheet;
}

}  // namespace

Result<xlsx::Workbook> observation_template(const plans::Plan& plan,
                                            const TemplateRequest& request) {
  std::vector<const plans::Indicator*> chosen;
  std::set<std::string> lead_units;
  for (const plans::Indicator& ind : plan.indicators) {
    lead_units.insert(ind.lead_units.begin(), ind.lead_units.end());
    if (request.unit && !leads(ind, *request.unit)) continue;
    if (!check_reporting_period(request.period, plan, ind).ok()) continue;
    chosen.push_back(&ind);
  }
  if (chosen.empty()) {
    if (request.unit) {
      std::string known;
      for (const std::string& u : lead_units) known += (known.empty() ? "" : "、") + u;
      return make_error("规划 " + plan.id + " 中没有“" + *request.unit + "”牵头的、可在 " +
                        request.period.to_string() + " 填报的指标（牵头单位有：" +
                        (known.empty() ? "无" : known) + "）");
    }
    return make_error("规划 " + plan.id + " 中没有可在 " + request.period.to_string() +
                      " 填报的指标（期间不在规划期内）");
  }
  xlsx::Sheet sheet;
  sheet.name = "填报表";
  sheet.columns = template_columns(request.period);
  const std::vector<std::string> regions = template_regions(plan);
  for (const plans::Indicator* ind : chosen) {
    for (const std::string& region : regions) {
      sheet.rows.push_back({ind->id, ind->domain, ind->name, ind->unit.value_or(""),
                            baseline_text(*ind), targets_text(*ind), region,
                            request.period.to_string(), std::monostate{}, std::monostate{},
                            row_hint(*ind)});
    }
  }
  xlsx::Workbook workbook;
  const std::size_t rows = sheet.rows.size();
  workbook.sheets.push_back(std::move(sheet));
  workbook.sheets.push_back(instructions(plan, request, rows));
  return workbook;
}

}  // namespace zhiyou::monitoring
