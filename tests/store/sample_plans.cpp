#include "sample_plans.hpp"

#include <gtest/gtest.h>

namespace zhiyou::store::testing {

using plans::Attribute;
using plans::Comparator;
using plans::Direction;
using plans::TargetKind;

plans::Plan full_plan(const std::string& id) {
  plans::Plan plan;
  plan.id = id;
  plan.title = "宁波市质量强市建设“十四五”规划";
  plan.doc_number = "甬政办发〔2023〕1号";
  plan.issuer = "宁波市人民政府办公厅";
  plan.issued_on = "2023-01-15";
  plan.kind = "official";
  plan.start_year = 2021;
  plan.end_year = 2025;
  plan.source = {"000 质量强市规划.txt", 3};

  plans::Indicator rate;
  rate.id = id + "_ind_1";
  rate.domain = "产品质量";
  rate.name = "制造业产品质量合格率";
  rate.unit = "%";
  rate.baseline = plans::Baseline{
      2020, {TargetKind::level, Comparator::eq, 99.22, std::nullopt, {99.6, 99.22}, "99.6 /99.22"}};
  rate.targets.push_back(
      {2025, {TargetKind::level, Comparator::ge, 99.5, std::nullopt, {}, "99.5 以上"}, ""});
  rate.targets.push_back(
      {2035,
       {TargetKind::change, Comparator::le, -15.0, 2020, {0.1, 1e-7}, "比2020年下降15%"},
       "到2035年，单位产值能耗比2020年下降15%。"});
  rate.direction = Direction::down;
  rate.direction_overridden = true;
  rate.attribute = Attribute::binding;
  rate.lead_units = {"市市场监管局", "市经信局"};
  rate.notes = {"注1：按国家口径统计", "注2：含“舟山”数据"};
  rate.source = {"000 质量强市规划.txt", 41};
  plan.indicators.push_back(rate);

  plans::Indicator bare;  // every optional left empty
  bare.id = id + "_ind_2";
  bare.name = "质量发展环境";
  bare.direction = Direction::none;
  bare.targets.push_back(
      {2025,
       {TargetKind::qualitative, std::nullopt, std::nullopt, std::nullopt, {}, "持续优化"},
       ""});
  plan.indicators.push_back(bare);

  plans::Indicator count;
  count.id = id + "_ind_3";
  count.domain = "质量基础";
  count.name = "新增“浙江制造”标准";
  count.unit = "项";
  count.targets.push_back(
      {2025, {TargetKind::increment, std::nullopt, 50, std::nullopt, {}, "新增 50"}, ""});
  count.targets.push_back(
      {2025, {TargetKind::cumulative, std::nullopt, 90, std::nullopt, {}, "[90]"}, ""});
  count.attribute = Attribute::expected;
  count.lead_units = {"市市场监管局"};
  count.source = {"000 质量强市规划.txt", 42};
  plan.indicators.push_back(count);

  plans::Task lead;
  lead.id = id + "_task_1";
  lead.title = "实施质量提升行动";
  lead.lead_units = {"市市场监管局", "市发改委"};
  lead.supporting_units = {"各区县（市）政府", "市经信局"};
  lead.source = {"000 质量强市规划.txt", 88};
  plan.tasks.push_back(lead);

  plans::Task lonely;
  lonely.id = id + "_task_2";
  lonely.title = "健全质量基础设施";
  plan.tasks.push_back(lonely);
  return plan;
}

plans::Plan small_plan(const std::string& id, const std::string& title,
                       const std::string& issued_on) {
  plans::Plan plan;
  plan.id = id;
  plan.title = title;
  plan.doc_number = "文号-" + id;
  plan.issuer = "市政府";
  if (!issued_on.empty()) {
    plan.issued_on = issued_on;
  }
  plans::Indicator indicator;
  indicator.id = id + "_ind_1";
  indicator.name = "指标一";
  indicator.targets.push_back(
      {2025, {TargetKind::level, Comparator::ge, 35, std::nullopt, {}, "35"}, ""});
  indicator.lead_units = {"市市场监管局"};
  plan.indicators.push_back(indicator);
  plans::Task task;
  task.id = id + "_task_1";
  task.title = "任务一";
  task.supporting_units = {"单位-" + id};
  plan.tasks.push_back(task);
  return plan;
}

namespace {

void expect_same_expression(const plans::Expression& e, const plans::Expression& a,
                            const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(e.kind, a.kind);
  EXPECT_EQ(e.op, a.op);
  EXPECT_EQ(e.value, a.value);
  EXPECT_EQ(e.reference_year, a.reference_year);
  EXPECT_EQ(e.parts, a.parts);
  EXPECT_EQ(e.text, a.text);
}

void expect_same_source(const plans::SourceRef& e, const plans::SourceRef& a) {
  EXPECT_EQ(e.file, a.file);
  EXPECT_EQ(e.line, a.line);
}

void expect_same_indicator(const plans::Indicator& e, const plans::Indicator& a) {
  SCOPED_TRACE("indicator " + e.id);
  EXPECT_EQ(e.id, a.id);
  EXPECT_EQ(e.domain, a.domain);
  EXPECT_EQ(e.name, a.name);
  EXPECT_EQ(e.unit, a.unit);
  ASSERT_EQ(e.baseline.has_value(), a.baseline.has_value());
  if (e.baseline) {
    EXPECT_EQ(e.baseline->year, a.baseline->year);
    expect_same_expression(e.baseline->expression, a.baseline->expression, "baseline");
  }
  ASSERT_EQ(e.targets.size(), a.targets.size());
  for (std::size_t i = 0; i < e.targets.size(); ++i) {
    EXPECT_EQ(e.targets[i].year, a.targets[i].year);
    EXPECT_EQ(e.targets[i].sentence, a.targets[i].sentence);
    expect_same_expression(e.targets[i].expression, a.targets[i].expression,
                           "target " + std::to_string(i));
  }
  EXPECT_EQ(e.direction, a.direction);
  EXPECT_EQ(e.direction_overridden, a.direction_overridden);
  EXPECT_EQ(e.attribute, a.attribute);
  EXPECT_EQ(e.lead_units, a.lead_units);
  EXPECT_EQ(e.notes, a.notes);
  expect_same_source(e.source, a.source);
}

}  // namespace

void expect_same_plan(const plans::Plan& e, const plans::Plan& a) {
  SCOPED_TRACE("plan " + e.id);
  EXPECT_EQ(e.id, a.id);
  EXPECT_EQ(e.title, a.title);
  EXPECT_EQ(e.doc_number, a.doc_number);
  EXPECT_EQ(e.issuer, a.issuer);
  EXPECT_EQ(e.issued_on, a.issued_on);
  EXPECT_EQ(e.kind, a.kind);
  EXPECT_EQ(e.start_year, a.start_year);
  EXPECT_EQ(e.end_year, a.end_year);
  expect_same_source(e.source, a.source);
  ASSERT_EQ(e.indicators.size(), a.indicators.size());
  for (std::size_t i = 0; i < e.indicators.size(); ++i) {
    expect_same_indicator(e.indicators[i], a.indicators[i]);
  }
  ASSERT_EQ(e.tasks.size(), a.tasks.size());
  for (std::size_t i = 0; i < e.tasks.size(); ++i) {
    SCOPED_TRACE("task " + e.tasks[i].id);
    EXPECT_EQ(e.tasks[i].id, a.tasks[i].id);
    EXPECT_EQ(e.tasks[i].title, a.tasks[i].title);
    EXPECT_EQ(e.tasks[i].lead_units, a.tasks[i].lead_units);
    EXPECT_EQ(e.tasks[i].supporting_units, a.tasks[i].supporting_units);
    expect_same_source(e.tasks[i].source, a.tasks[i].source);
  }
}

}  // namespace zhiyou::store::testing
