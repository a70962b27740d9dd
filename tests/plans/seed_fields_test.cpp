// The five seed documents (../shared/seeds, read by path) through parse_plan_text, field by
// field. Every expected value was read off the seed text by hand; line numbers are the
// 1-based lines of the seed files.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "plans/plan_text_parser.hpp"
#include "support/test_support.hpp"

namespace zhiyou::plans {
namespace {

using Units = std::vector<std::string>;

ParsedPlans parse_seed_file(const std::string& prefix) {
  const auto path = zhiyou::testing::seed(prefix);
  auto parsed =
      parse_plan_text(zhiyou::testing::read_file(path), path.string(), path.filename().string());
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().describe());
  return parsed.ok() ? std::move(parsed.value()) : ParsedPlans{};
}

// Parsed once per test binary: the gazette is large.
const ParsedPlans& seed_plans(const std::string& prefix) {
  static std::map<std::string, ParsedPlans> cache;
  auto it = cache.find(prefix);
  if (it == cache.end()) it = cache.emplace(prefix, parse_seed_file(prefix)).first;
  return it->second;
}

const Plan* numbered(const ParsedPlans& parsed, const std::string& doc_number) {
  for (const Plan& p : parsed.plans) {
    if (p.doc_number == doc_number) return &p;
  }
  return nullptr;
}

const Indicator* named(const Plan& plan, const std::string& name) {
  for (const Indicator& i : plan.indicators) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

const Task* task_titled(const Plan& plan, const std::string& title) {
  for (const Task& t : plan.tasks) {
    if (t.title == title) return &t;
  }
  return nullptr;
}

// Indicators read from a table (their targets did not come from a sentence).
std::vector<const Indicator*> table_indicators(const Plan& plan) {
  std::vector<const Indicator*> out;
  for (const Indicator& i : plan.indicators) {
    if (i.targets.empty() || i.targets.front().sentence.empty()) out.push_back(&i);
  }
  return out;
}

std::string names_of(const Plan& plan) {
  std::string s;
  for (const Indicator& i : plan.indicators) s += i.name + " | ";
  return s;
}

// One row of an indicator table with a single target, as printed.
struct Row {
  int line;
  std::string domain;
  std::string name;
  std::optional<std::string> unit;
  TargetKind kind;
  std::optional<Comparator> op;  // nullopt: don't care (plain numbers resolve by direction)
  std::optional<double> value;
  Units lead_units;
};

void expect_row(const Plan& plan, const Row& row, int year) {
  SCOPED_TRACE("line " + std::to_string(row.line) + " " + row.name);
  const Indicator* ind = named(plan, row.name);
  ASSERT_NE(ind, nullptr) << "not found; have: " << names_of(plan);
  EXPECT_EQ(ind->domain, row.domain);
  EXPECT_EQ(ind->unit, row.unit);
  ASSERT_EQ(ind->targets.size(), 1U);
  EXPECT_EQ(ind->targets[0].year, year);
  EXPECT_EQ(ind->targets[0].expression.kind, row.kind);
  if (row.op) {
    EXPECT_EQ(ind->targets[0].expression.op, row.op);
  }
  EXPECT_EQ(ind->targets[0].expression.value, row.value);
  EXPECT_EQ(ind->lead_units, row.lead_units);
  EXPECT_EQ(ind->source.line, row.line);
  EXPECT_FALSE(ind->id.empty());
}

// ---------------------------------------------------------------- 000 质优宁波

TEST(Seed000, Metadata) {
  const ParsedPlans& parsed = seed_plans("000");
  ASSERT_EQ(parsed.plans.size(), 1U);
  const Plan& plan = parsed.plans[0];
  EXPECT_EQ(plan.doc_number, "甬政办发〔2023〕1号");
  EXPECT_EQ(plan.issuer, "宁波市人民政府办公厅");
  EXPECT_EQ(plan.issued_on, "2023-01-16");
  EXPECT_EQ(plan.kind, "official");
  EXPECT_NE(plan.title.find("“质优宁波”建设的实施意见"), std::string::npos) << plan.title;
  EXPECT_EQ(plan.source.file, zhiyou::testing::seed("000").filename().string());
}

TEST(Seed000, TableHas47Rows) {
  const Plan& plan = seed_plans("000").plans.at(0);
  // Lines 126–152 (27 rows) before the repeated header, 155–174 (20 rows) after it.
  const auto rows = table_indicators(plan);
  EXPECT_EQ(rows.size(), 47U);
  std::set<int> lines;
  for (const Indicator* i : rows) lines.insert(i->source.line);
  std::set<int> expected;
  for (int l = 126; l <= 152; ++l) expected.insert(l);
  for (int l = 155; l <= 174; ++l) expected.insert(l);
  EXPECT_EQ(lines, expected);
  for (const Indicator* i : rows) {
    EXPECT_FALSE(i->domain.empty()) << i->name;
    EXPECT_FALSE(i->lead_units.empty()) << i->name;
    EXPECT_EQ(i->targets.size(), 1U) << i->name;
    if (!i->targets.empty()) {
      EXPECT_EQ(i->targets[0].year, 2025) << i->name;
    }
  }
}

TEST(Seed000, PinnedRows) {
  const Plan& plan = seed_plans("000").plans.at(0);
  const auto L = TargetKind::level;
  const auto ge = Comparator::ge;
  const std::vector<Row> rows = {
      {126, "制造业", "规上工业新产品产值率", "%", L, ge, 35, {"市经信局"}},
      {127, "制造业", "规上工业企业研发经费支出占主营业务收入比重", "%", L, ge, 2.5, {"市科技局"}},
      {129, "制造业", "规上工业亩均税收", "万元", L, ge, 60, {"市经信局"}},
      {130, "制造业", "数字经济核心产业增加值占GDP比重", "%", L, ge, 15, {"市经信局"}},
      {131, "制造业", "“专精特新”小巨人企业", "家", L, ge, 600, {"市经信局"}},
      {135, "制造业", "主要食品评价性抽检合格率", "%", L, ge, 99.5, {"市市场监管局"}},
      {138, "制造业", "每万人高价值发明专利拥有量", "件/万人", L, ge, 18.8, {"市市场监管局"}},
      // Row printed with its name in the domain column: still 制造业.
      {140, "制造业", "质量基础“一站式”公共服务平台", "个", L, ge, 50, {"市市场监管局"}},
      {141,
       "服务业",
       "数字经济核心服务业营业收入占规上服务业营业收入比重",
       "%",
       L,
       ge,
       20,
       {"市服务业局"}},
      {143, "服务业", "服务业劳动生产率", "万元/人", L, ge, 28, {"市服务业局"}},
      {144, "服务业", "文化及相关产业增加值占GDP比重", "%", L, ge, 10, {"市文广旅游局"}},
      {147, "农业", "农产品质量安全抽检合格率", "%", L, ge, 98, {"市农业农村局"}},
      {149,
       "农业",
       "市级以上农业龙头企业",
       "家",
       TargetKind::increment,
       std::nullopt,
       50,
       {"市农业农村局"}},
      {152,
       "农业",
       "市级以上农业标准化示范区项目和农村综合改革标准化试点",
       "个",
       L,
       ge,
       730,
       {"市市场监管局"}},
      {155, "政务服务", "依申请政务服务“一网通办”率", "%", L, ge, 90, {"市大数据局"}},
      {157, "政务服务", "基本养老保险参保人数", "万人", L, ge, 620, {"市人社局"}},
      {159, "政务服务", "儿童预期受教育年限", "年", L, ge, 15.5, {"市教育局"}},
      {160, "城乡发展", "工程质量终身责任制三项制度覆盖率", "%", L, ge, 100, {"市住建局"}},
      {163, "城乡发展", "新开工装配式建筑面积", "平方米", L, ge, 80000000, {"市住建局"}},
      {165, "城乡发展", "新增受益住房保障家庭", "户", L, ge, 28000, {"市住建局"}},
      {166, "城乡发展", "生活垃圾分类覆盖率", "%", L, ge, 100, {"市综合执法局", "市农业农村局"}},
      // The 生态环境 label is printed one row too early, beside 国家级优质工程 (市住建局).
      {167,
       "城乡发展",
       "国家级优质工程",
       "项",
       TargetKind::increment,
       std::nullopt,
       25,
       {"市住建局"}},
      {168, "生态环境", "城市空气质量指数(AQI)优良天数比例", "%", L, ge, 93, {"市生态环境局"}},
      {173, "生态环境", "森林覆盖率", "%", L, ge, 48, {"市自然资源规划局"}},
      {174,
       "生态环境",
       "单位GDP二氧化碳排放降低比例",
       std::nullopt,
       TargetKind::qualitative,
       std::nullopt,
       std::nullopt,
       {"市生态环境局"}},
  };
  for (const Row& row : rows) expect_row(plan, row, 2025);
}

TEST(Seed000, QualitativeTargetKeepsItsWording) {
  const Plan& plan = seed_plans("000").plans.at(0);
  const Indicator* co2 = named(plan, "单位GDP二氧化碳排放降低比例");
  ASSERT_NE(co2, nullptr);
  ASSERT_EQ(co2->targets.size(), 1U);
  EXPECT_EQ(co2->targets[0].expression.text, "完成上级下达指标");
}

TEST(Seed000, SentenceTargetFromTheText) {
  const Plan& plan = seed_plans("000").plans.at(0);
  const Indicator* closure = named(plan, "不合格产品后处理闭环率");
  ASSERT_NE(closure, nullptr) << names_of(plan);
  ASSERT_EQ(closure->targets.size(), 1U);
  EXPECT_EQ(closure->targets[0].year, 2025);
  EXPECT_EQ(closure->targets[0].expression.value, 100);
  EXPECT_EQ(closure->unit, "%");
  EXPECT_NE(closure->targets[0].sentence.find("不合格产品后处理闭环率达到100%"), std::string::npos)
      << closure->targets[0].sentence;
  // The paragraph starts on line 101 (wrapped by the PDF); the sentence is on line 103.
  EXPECT_GE(closure->source.line, 101);
  EXPECT_LE(closure->source.line, 103);
}

// The paragraph is wrapped by the PDF over lines 101–103; file:line in `plan show` must send
// the reader to the line holding the sentence ("…不合格产品后处理闭环率达到100%").
TEST(Seed000, SentenceTargetPointsAtTheSentencesLine) {
  const Plan& plan = seed_plans("000").plans.at(0);
  const Indicator* closure = named(plan, "不合格产品后处理闭环率");
  ASSERT_NE(closure, nullptr);
  EXPECT_EQ(closure->source.line, 103);
}

TEST(Seed000, ReparsingGivesIdenticalIds) {
  const ParsedPlans a = parse_seed_file("000");
  const ParsedPlans b = parse_seed_file("000");
  ASSERT_EQ(a.plans.size(), b.plans.size());
  ASSERT_FALSE(a.plans.empty());
  EXPECT_EQ(a.plans[0].id, b.plans[0].id);
  ASSERT_EQ(a.plans[0].indicators.size(), b.plans[0].indicators.size());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < a.plans[0].indicators.size(); ++i) {
    EXPECT_EQ(a.plans[0].indicators[i].id, b.plans[0].indicators[i].id);
    ids.insert(a.plans[0].indicators[i].id);
  }
  EXPECT_EQ(ids.size(), a.plans[0].indicators.size()) << "indicator ids must be distinct";
  ASSERT_EQ(a.plans[0].tasks.size(), b.plans[0].tasks.size());
  for (std::size_t i = 0; i < a.plans[0].tasks.size(); ++i) {
    EXPECT_EQ(a.plans[0].tasks[i].id, b.plans[0].tasks[i].id);
  }
  // The id does not depend on the path the file was read from.
  const auto path = zhiyou::testing::seed("000");
  const auto elsewhere = parse_plan_text(zhiyou::testing::read_file(path), "/other/dir/x.txt",
                                         path.filename().string());
  ASSERT_TRUE(elsewhere.ok());
  EXPECT_EQ(elsewhere->plans[0].id, a.plans[0].id);
}

// ---------------------------------------------------------------- 004 gazette

TEST(Seed004, FindsExactlyTheSevenPlans) {
  const ParsedPlans& parsed = seed_plans("004");
  std::vector<std::string> numbers;
  for (const Plan& p : parsed.plans) numbers.push_back(p.doc_number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"甬政发〔2021〕56号", "甬政发〔2021〕57号",
                                               "甬政发〔2021〕59号", "甬政办发〔2021〕78号",
                                               "甬政办发〔2021〕79号", "甬政办发〔2021〕80号",
                                               "甬政办发〔2021〕82号"}));
  for (const Plan& p : parsed.plans) {
    EXPECT_EQ(p.kind, "official") << p.doc_number;
    EXPECT_EQ(p.doc_number.find("甬政干"), std::string::npos);
    EXPECT_NE(p.doc_number, "甬政发〔2021〕58号");  // a 规定, not a plan
    EXPECT_EQ(p.title.find("政府令"), std::string::npos);
    EXPECT_EQ(p.title.find("非税收入管理"), std::string::npos);  // 政府令第260号
    EXPECT_EQ(p.title.find("任职"), std::string::npos);
  }
  std::set<std::string> ids;
  for (const Plan& p : parsed.plans) ids.insert(p.id);
  EXPECT_EQ(ids.size(), parsed.plans.size());
}

TEST(Seed004, TitlesIssuersDatesAndPeriods) {
  const ParsedPlans& parsed = seed_plans("004");
  const Plan* disabled = numbered(parsed, "甬政发〔2021〕56号");
  const Plan* names = numbered(parsed, "甬政发〔2021〕57号");
  const Plan* mfg = numbered(parsed, "甬政发〔2021〕59号");
  const Plan* services = numbered(parsed, "甬政办发〔2021〕80号");
  const Plan* base = numbered(parsed, "甬政办发〔2021〕82号");
  ASSERT_TRUE(disabled && names && mfg && services && base);
  EXPECT_EQ(disabled->title, "宁波市残疾人事业发展“十四五”规划");
  EXPECT_EQ(disabled->issuer, "宁波市人民政府");
  EXPECT_EQ(disabled->issued_on, "2021-12-27");
  EXPECT_NE(names->title.find("地名"), std::string::npos) << names->title;
  EXPECT_NE(mfg->title.find("腾笼换鸟、凤凰涅槃"), std::string::npos) << mfg->title;
  EXPECT_EQ(mfg->issuer, "宁波市人民政府");
  EXPECT_EQ(mfg->issued_on, "2021-12-29");
  EXPECT_EQ(mfg->start_year, 2021);
  EXPECT_EQ(mfg->end_year, 2025);
  EXPECT_EQ(services->title, "宁波市公共服务发展“十四五”规划");
  EXPECT_EQ(services->issuer, "宁波市人民政府办公厅");
  EXPECT_EQ(services->issued_on, "2021-12-28");
  EXPECT_EQ(services->start_year, 2021);
  EXPECT_EQ(services->end_year, 2025);
  EXPECT_NE(base->title.find("产业基础高级化"), std::string::npos) << base->title;
  EXPECT_EQ(base->issued_on, "2021-12-29");
  EXPECT_EQ(base->end_year, 2025);
}

TEST(Seed004, DisabledPersonsTable) {
  const Plan* plan = numbered(seed_plans("004"), "甬政发〔2021〕56号");
  ASSERT_NE(plan, nullptr);
  const auto rows = table_indicators(*plan);
  EXPECT_EQ(rows.size(), 15U);  // lines 255–269

  struct Expect {
    int line;
    std::string name;
    std::optional<double> baseline;
    TargetKind kind;
    std::optional<Comparator> op;
    std::optional<double> target;
    Attribute attribute;
  };
  const auto L = TargetKind::level;
  const std::vector<Expect> expected = {
      {255, "残疾人家庭人均可支配收入年均增长", std::nullopt, TargetKind::qualitative, std::nullopt,
       std::nullopt, Attribute::expected},
      {256, "符合条件的残疾人纳入最低生活保障比例", 99.81, L, std::nullopt, 100,
       Attribute::binding},
      {257, "困难残疾人生活补贴覆盖率", 99, L, Comparator::gt, 99, Attribute::binding},
      {258, "重度残疾人护理补贴覆盖率", 99, L, Comparator::gt, 99, Attribute::binding},
      {259, "“残疾人之家”覆盖率", 95, L, Comparator::gt, 95, Attribute::binding},
      {264, "残疾人就业率", 55.89, L, Comparator::ge, 60, Attribute::expected},
      {265, "残疾学生接受高中阶段教育比例", 85, L, Comparator::ge, 90, Attribute::binding},
      {268, "符合条件残疾人家庭无障碍改造率", std::nullopt, L, Comparator::ge, 95,
       Attribute::binding},
      {269, "残疾人文体服务覆盖率", std::nullopt, L, Comparator::ge, 95, Attribute::expected},
  };
  for (const Expect& e : expected) {
    SCOPED_TRACE(e.name);
    const Indicator* ind = named(*plan, e.name);
    ASSERT_NE(ind, nullptr) << names_of(*plan);
    EXPECT_EQ(ind->source.line, e.line);
    EXPECT_EQ(ind->attribute, e.attribute);
    if (e.baseline) {
      ASSERT_TRUE(ind->baseline.has_value());
      EXPECT_EQ(ind->baseline->year, 2020);
      EXPECT_EQ(ind->baseline->expression.value, e.baseline);
    } else {
      EXPECT_FALSE(ind->baseline.has_value());  // "—"
    }
    ASSERT_EQ(ind->targets.size(), 1U);
    EXPECT_EQ(ind->targets[0].year, 2025);
    EXPECT_EQ(ind->targets[0].expression.kind, e.kind);
    if (e.op) {
      EXPECT_EQ(ind->targets[0].expression.op, e.op);
    }
    EXPECT_EQ(ind->targets[0].expression.value, e.target);
  }
  // Values printed with "%": the unit is per cent.
  EXPECT_EQ(named(*plan, "残疾人就业率")->unit, "%");
  EXPECT_EQ(named(*plan, "符合条件的残疾人纳入最低生活保障比例")->unit, "%");
  int binding = 0;
  for (const Indicator* i : rows) binding += i->attribute == Attribute::binding ? 1 : 0;
  EXPECT_EQ(binding, 10);  // rows 2–7, 11–14 约束性
}

TEST(Seed004, ManufacturingTable) {
  const Plan* plan = numbered(seed_plans("004"), "甬政发〔2021〕59号");
  ASSERT_NE(plan, nullptr);
  const auto rows = table_indicators(*plan);
  EXPECT_EQ(rows.size(), 17U);  // lines 638–654
  for (const Indicator* i : rows) {
    ASSERT_EQ(i->targets.size(), 2U) << i->name;
    EXPECT_EQ(i->targets[0].year, 2023) << i->name;
    EXPECT_EQ(i->targets[1].year, 2025) << i->name;
  }

  const Indicator* rate = named(*plan, "规上工业增加值率");
  ASSERT_NE(rate, nullptr) << names_of(*plan);
  EXPECT_EQ(rate->domain, "综合效益");
  EXPECT_EQ(rate->unit, "%");
  EXPECT_EQ(rate->baseline->year, 2020);
  EXPECT_EQ(rate->baseline->expression.value, 22.6);
  EXPECT_EQ(rate->targets[0].expression.value, 24);
  EXPECT_EQ(rate->targets[1].expression.value, 24.5);
  EXPECT_EQ(rate->source.line, 638);

  const Indicator* energy = named(*plan, "规上工业万元增加值能耗降低率");
  ASSERT_NE(energy, nullptr);
  ASSERT_TRUE(energy->baseline.has_value());
  EXPECT_EQ(energy->baseline->expression.kind, TargetKind::change);
  EXPECT_EQ(energy->baseline->expression.reference_year, 2015);
  EXPECT_EQ(energy->baseline->expression.value, -14.93);
  EXPECT_EQ(energy->targets[0].expression.kind, TargetKind::change);
  EXPECT_EQ(energy->targets[0].expression.reference_year, 2020);
  EXPECT_EQ(energy->targets[0].expression.value, -10.4);
  EXPECT_EQ(energy->targets[0].expression.op, Comparator::le);
  EXPECT_EQ(energy->targets[1].expression.value, -15);
  EXPECT_EQ(energy->targets[1].expression.reference_year, 2020);
  EXPECT_EQ(energy->lead_units, Units{"市能源局"});

  const Indicator* backward = named(*plan, "累计淘汰落后产能企业");
  ASSERT_NE(backward, nullptr);
  EXPECT_EQ(backward->domain, "淘汰落后");
  EXPECT_EQ(backward->unit, "家");
  EXPECT_EQ(backward->baseline->expression.value, 225);
  EXPECT_EQ(backward->targets[1].expression.value, 2000);

  // Two lead units in one cell.
  EXPECT_EQ(named(*plan, "累计整治“散乱污”企业")->lead_units, (Units{"市经信局", "市生态环境局"}));
  const Indicator* land = named(*plan, "累计腾出低效工业用地");
  ASSERT_NE(land, nullptr);
  EXPECT_EQ(land->lead_units, (Units{"市自然资源规划局", "市经信局"}));
  EXPECT_EQ(land->unit, "平方公里");
  EXPECT_FALSE(land->baseline.has_value());  // "-"

  const Indicator* hightech = named(*plan, "高新技术企业数量");
  ASSERT_NE(hightech, nullptr);
  EXPECT_EQ(hightech->domain, "创新强工");
  EXPECT_EQ(hightech->baseline->expression.value, 3103);
  EXPECT_EQ(hightech->targets[1].expression.value, 8000);
  EXPECT_EQ(named(*plan, "新增培育“品字标”品牌企业")->domain, "质量提升");
  EXPECT_EQ(named(*plan, "新增培育“品字标”品牌企业")->lead_units, Units{"市市场监管局"});
}

TEST(Seed004, ManufacturingTasksWithLeadAndSupportingUnits) {
  const Plan* plan = numbered(seed_plans("004"), "甬政发〔2021〕59号");
  ASSERT_NE(plan, nullptr);
  // Units clause on its own line (561), after the task paragraph.
  const Task* first = task_titled(*plan, "大力实施落后企业分类整治");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->lead_units, Units{"市经信局"});
  EXPECT_EQ(first->supporting_units,
            (Units{"市发改委", "市生态环境局", "市应急管理局", "市市场监管局", "市能源局",
                   "市自然资源规划局", "市住建局", "宁波市税务局"}));
  EXPECT_EQ(first->source.line, 559);

  const Task* land = task_titled(*plan, "加快整治提升低效工业用地");
  ASSERT_NE(land, nullptr);
  EXPECT_EQ(land->lead_units, (Units{"市自然资源规划局", "市发改委"}));
  EXPECT_EQ(land->supporting_units, Units{"市经信局"});

  const Task* tech = task_titled(*plan, "加强关键核心技术攻关");
  ASSERT_NE(tech, nullptr);
  EXPECT_EQ(tech->lead_units, Units{"市科技局"});
  EXPECT_TRUE(tech->supporting_units.empty());

  // Paragraph wrapped over two lines; the clause ends the second.
  const Task* listed = task_titled(*plan, "推动上市企业资本重组项目落地");
  ASSERT_NE(listed, nullptr);
  EXPECT_EQ(listed->lead_units, Units{"市地方金融监管局"});
  EXPECT_EQ(listed->supporting_units, (Units{"宁波证监局", "市经信局"}));

  std::set<std::string> ids;
  for (const Task& t : plan->tasks) ids.insert(t.id);
  EXPECT_EQ(ids.size(), plan->tasks.size());
}

TEST(Seed004, PublicServiceTable) {
  const Plan* plan = numbered(seed_plans("004"), "甬政办发〔2021〕80号");
  ASSERT_NE(plan, nullptr);
  // 47 numbered rows; row 7 has three sub-rows (+2), row 36 two sub-items (+1).
  EXPECT_EQ(table_indicators(*plan).size(), 50U);

  const std::vector<std::tuple<std::string, double, double>> stages = {
      {"学前段", 91.49, 92}, {"义务段", 99.33, 99.5}, {"高中段", 82.27, 86}};
  for (const auto& [stage, base, target] : stages) {
    SCOPED_TRACE(stage);
    const Indicator* i = named(*plan, "持证适龄残疾儿童少年入学率(" + stage + ")");
    ASSERT_NE(i, nullptr) << names_of(*plan);
    EXPECT_EQ(i->domain, "学有优教");
    EXPECT_EQ(i->unit, "%");
    ASSERT_TRUE(i->baseline.has_value());
    EXPECT_EQ(i->baseline->year, 2020);
    EXPECT_EQ(i->baseline->expression.value, base);
    ASSERT_EQ(i->targets.size(), 1U);
    EXPECT_EQ(i->targets[0].year, 2025);
    EXPECT_EQ(i->targets[0].expression.value, target);
  }

  // 序号 "9" slid into the domain column: the domain is still 学有优教.
  const Indicator* disciplines = named(*plan, "高校高水平学科数(国家级、省级)");
  ASSERT_NE(disciplines, nullptr) << names_of(*plan);
  EXPECT_EQ(disciplines->domain, "学有优教");
  EXPECT_EQ(disciplines->unit, "个");
  EXPECT_EQ(disciplines->baseline->expression.value, 6);
  EXPECT_EQ(disciplines->targets[0].expression.value, 8);
  EXPECT_EQ(disciplines->source.line, 855);
  const Indicator* higher = named(*plan, "高等教育毛入学率");
  ASSERT_NE(higher, nullptr);
  EXPECT_EQ(higher->domain, "学有优教");
  EXPECT_EQ(higher->targets[0].expression.value, 75);

  // Bracketed targets: five-year sums, with the table's note.
  const std::vector<std::tuple<std::string, double>> cumulative = {{"城镇新增就业人员", 90},
                                                                   {"职业技能培训人数", 100},
                                                                   {"儿童青少年总体近视率降低", 5},
                                                                   {"城镇老旧小区改造数量", 300}};
  for (const auto& [name, value] : cumulative) {
    SCOPED_TRACE(name);
    const Indicator* i = named(*plan, name);
    ASSERT_NE(i, nullptr) << names_of(*plan);
    ASSERT_EQ(i->targets.size(), 1U);
    EXPECT_EQ(i->targets[0].expression.kind, TargetKind::cumulative);
    EXPECT_EQ(i->targets[0].expression.value, value);
    EXPECT_NE(std::find(i->notes.begin(), i->notes.end(), "5年累计值"), i->notes.end());
  }
  EXPECT_EQ(named(*plan, "城镇新增就业人员")->unit, "万人");
  EXPECT_EQ(named(*plan, "城镇新增就业人员")->domain, "劳有厚得");

  // "*" marks: 常住人口口径; unmarked rows carry no such note.
  for (const char* name : {"每千人拥有3岁以下婴幼儿托位数", "每千人医疗卫生机构床位数",
                           "公共图书馆人均藏书量", "人均体育场地面积"}) {
    const Indicator* i = named(*plan, name);
    ASSERT_NE(i, nullptr) << name << " — " << names_of(*plan);
    EXPECT_NE(std::find(i->notes.begin(), i->notes.end(), "常住人口口径"), i->notes.end()) << name;
  }
  const Indicator* unmarked = named(*plan, "人均预期寿命");
  ASSERT_NE(unmarked, nullptr);
  EXPECT_EQ(std::find(unmarked->notes.begin(), unmarked->notes.end(), "常住人口口径"),
            unmarked->notes.end());
  EXPECT_EQ(unmarked->unit, "岁");
  EXPECT_EQ(unmarked->baseline->expression.value, 81.94);
  EXPECT_EQ(unmarked->targets[0].expression.value, 83.1);

  // "99.6 /99.22" over "困难残疾人生活补贴、重度残疾人护理补贴覆盖率": two indicators.
  const Indicator* living = named(*plan, "困难残疾人生活补贴覆盖率");
  const Indicator* care = named(*plan, "重度残疾人护理补贴覆盖率");
  ASSERT_NE(living, nullptr) << names_of(*plan);
  ASSERT_NE(care, nullptr);
  EXPECT_EQ(living->baseline->expression.value, 99.6);
  EXPECT_EQ(care->baseline->expression.value, 99.22);
  for (const Indicator* i : {living, care}) {
    ASSERT_EQ(i->targets.size(), 1U);
    EXPECT_EQ(i->targets[0].expression.op, Comparator::gt);
    EXPECT_EQ(i->targets[0].expression.value, 99);
    EXPECT_EQ(i->domain, "弱有众扶");
    EXPECT_NE(i->id, (i == living ? care : living)->id);
  }

  // Lower is better.
  for (const char* name : {"城镇登记失业率", "重大慢性病过早死亡率", "城乡居民收入倍差"}) {
    const Indicator* i = named(*plan, name);
    ASSERT_NE(i, nullptr) << name;
    EXPECT_EQ(i->direction, Direction::down) << name;
  }
  EXPECT_EQ(named(*plan, "城镇登记失业率")->targets[0].expression.op, Comparator::lt);
  EXPECT_EQ(named(*plan, "城镇登记失业率")->targets[0].expression.value, 3.5);
  EXPECT_EQ(named(*plan, "城乡居民收入倍差")->targets[0].expression.value, 1.7);
  EXPECT_EQ(named(*plan, "人均预期寿命")->direction, Direction::up);
  EXPECT_EQ(named(*plan, "居民人均可支配收入增长率")->targets[0].expression.kind,
            TargetKind::qualitative);
  EXPECT_EQ(named(*plan, "国民体质监测合格率")->targets[0].expression.op, Comparator::ge);
  EXPECT_EQ(named(*plan, "国民体质监测合格率")->targets[0].expression.value, 95);
}

// ---------------------------------------------------------------- 002 and 003

TEST(Seed002, MetadataAndSentenceTargets) {
  const ParsedPlans& parsed = seed_plans("002");
  ASSERT_EQ(parsed.plans.size(), 1U);
  const Plan& plan = parsed.plans[0];
  EXPECT_EQ(plan.doc_number, "舟质强市发〔2023〕1号");
  EXPECT_EQ(plan.issuer, "舟山市质量强市工作领导小组");
  EXPECT_EQ(plan.issued_on, "2023-12-01");

  const Indicator* share = named(plan, "规上工业增加值占全市生产总值比重");
  ASSERT_NE(share, nullptr) << names_of(plan);
  ASSERT_FALSE(share->targets.empty());
  EXPECT_EQ(share->targets[0].year, 2025);
  EXPECT_EQ(share->targets[0].expression.op, Comparator::eq);  // 40%左右
  EXPECT_EQ(share->targets[0].expression.value, 40);
  EXPECT_EQ(share->unit, "%");
  EXPECT_NE(share->targets[0].sentence.find("40%左右"), std::string::npos)
      << share->targets[0].sentence;

  const Indicator* pass = named(plan, "制造业产品质量合格率");
  ASSERT_NE(pass, nullptr);
  EXPECT_EQ(pass->targets[0].year, 2025);
  EXPECT_EQ(pass->targets[0].expression.op, Comparator::ge);
  EXPECT_EQ(pass->targets[0].expression.value, 94);
  EXPECT_EQ(pass->unit, "%");

  const Indicator* food = named(plan, "食品安全评价性抽检合格率");
  ASSERT_NE(food, nullptr) << names_of(plan);
  EXPECT_EQ(food->targets[0].expression.op, Comparator::ge);
  EXPECT_EQ(food->targets[0].expression.value, 99);
  const Indicator* works = named(plan, "工程质量一次交验合格率");
  ASSERT_NE(works, nullptr) << names_of(plan);
  EXPECT_EQ(works->targets[0].expression.value, 100);
}

TEST(Seed002, TaskUnitsFromResponsibilityClause) {
  const Plan& plan = seed_plans("002").plans.at(0);
  ASSERT_GE(plan.tasks.size(), 2U);
  EXPECT_EQ(plan.tasks[0].title, "坚持质量发展创新驱动");
  // （责任部门：市发改委、市经信局、市科技局、市市场监管局等按职责分工负责。以下均需…）
  EXPECT_EQ(plan.tasks[0].lead_units, (Units{"市发改委", "市经信局", "市科技局", "市市场监管局"}));
  // Task 2: the clause stands on its own line.
  const Task* green = task_titled(plan, "树立质量发展绿色导向");
  ASSERT_NE(green, nullptr);
  EXPECT_EQ(green->lead_units,
            (Units{"市发改委", "市经信局", "市资源规划局", "市生态环境局", "市住建局", "市交通局",
                   "市水利局", "市农业农村局", "市市场监管局", "市港航和口岸局"}));
  const Task* share = task_titled(plan, "强化质量发展惠民共享");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->lead_units, (Units{"市经信局", "市商务局", "市市场监管局"}));
}

TEST(Seed003, MetadataAndSentenceTargets) {
  const ParsedPlans& parsed = seed_plans("003");
  ASSERT_EQ(parsed.plans.size(), 1U);
  const Plan& plan = parsed.plans[0];
  EXPECT_EQ(plan.doc_number, "甬政办发〔2025〕42号");
  EXPECT_EQ(plan.issuer, "宁波市人民政府办公厅");
  EXPECT_EQ(plan.issued_on, "2025-11-05");
  EXPECT_EQ(plan.start_year, 2025);
  EXPECT_EQ(plan.end_year, 2027);

  const Indicator* coded = named(plan, "质量赋码追溯产品");
  ASSERT_NE(coded, nullptr) << names_of(plan);
  ASSERT_FALSE(coded->targets.empty());
  EXPECT_EQ(coded->targets[0].year, 2027);
  EXPECT_EQ(coded->targets[0].expression.value, 1500000);
  EXPECT_EQ(coded->unit, "个");
  EXPECT_NE(coded->targets[0].sentence.find("质量赋码追溯产品累计"), std::string::npos)
      << coded->targets[0].sentence;
  EXPECT_NE(coded->targets[0].sentence.find("150万个"), std::string::npos)
      << coded->targets[0].sentence;
}

TEST(Seed003, TaskUnitsKeepBracketedRegions) {
  const Plan& plan = seed_plans("003").plans.at(0);
  const Task* governance = task_titled(plan, "开展重点治理");
  ASSERT_NE(governance, nullptr);
  EXPECT_EQ(governance->lead_units,
            (Units{"市市场监管局", "市经信局", "各区〔县、市〕政府", "开发园区管委会"}));
  const Task* standards = task_titled(plan, "加强标准引领");
  ASSERT_NE(standards, nullptr);
  EXPECT_EQ(standards->lead_units, (Units{"市市场监管局", "市发改委", "市经信局"}));
  // Clause on its own line after a wrapped paragraph.
  const Task* dividend = task_titled(plan, "释放质量红利");
  ASSERT_NE(dividend, nullptr);
  EXPECT_EQ(dividend->lead_units, (Units{"市市场监管局", "市委金融办", "市发改委",
                                         "中国人民银行宁波市分行", "宁波金融监管局"}));
}

// ---------------------------------------------------------------- 001 news report

TEST(Seed001, NewsReportImportsAsAReport) {
  const ParsedPlans& parsed = seed_plans("001");
  ASSERT_EQ(parsed.plans.size(), 1U);
  EXPECT_EQ(parsed.plans[0].kind, "report");
  EXPECT_TRUE(parsed.plans[0].doc_number.empty());
  EXPECT_NE(parsed.plans[0].title.find("质优宁波"), std::string::npos) << parsed.plans[0].title;
}

TEST(SeedIds, PlansOfDifferentSeedsHaveDifferentIds) {
  std::set<std::string> ids;
  std::size_t count = 0;
  for (const char* prefix : {"000", "001", "002", "003", "004"}) {
    for (const Plan& p : seed_plans(prefix).plans) {
      ids.insert(p.id);
      ++count;
    }
  }
  EXPECT_EQ(count, 11U);
  EXPECT_EQ(ids.size(), 11U);
}

}  // namespace
}  // namespace zhiyou::plans
