// The seed documents, read by path from ../shared/seeds, imported field by field. Expected
// values were read off the documents by hand.
#include <gtest/gtest.h>

#include <algorithm>

#include "plans/plan_text_parser.hpp"
#include "support/test_support.hpp"

namespace zhiyou::plans {
namespace {

using zhiyou::testing::read_file;
using zhiyou::testing::seed;

ParsedPlans parse_seed(const std::string& prefix) {
  const auto path = seed(prefix);
  auto parsed = parse_plan_text(read_file(path), path.string(), path.filename().string());
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().describe());
  return parsed.ok() ? std::move(parsed.value()) : ParsedPlans{};
}

const Plan& plan_numbered(const ParsedPlans& parsed, const std::string& doc_number) {
  const auto it = std::find_if(parsed.plans.begin(), parsed.plans.end(),
                               [&](const Plan& p) { return p.doc_number == doc_number; });
  if (it == parsed.plans.end()) throw std::runtime_error("no plan " + doc_number);
  return *it;
}

const Indicator& indicator_named(const Plan& plan, const std::string& name) {
  const auto it = std::find_if(plan.indicators.begin(), plan.indicators.end(),
                               [&](const Indicator& i) { return i.name == name; });
  if (it == plan.indicators.end()) throw std::runtime_error("no indicator " + name);
  return *it;
}

std::size_t table_rows(const Plan& plan) {
  return static_cast<std::size_t>(std::count_if(
      plan.indicators.begin(), plan.indicators.end(),
      [](const Indicator& i) { return i.targets.empty() || i.targets.front().sentence.empty(); }));
}

TEST(SeedZhiyouNingbo, MetadataAndTable) {
  const ParsedPlans parsed = parse_seed("000");
  ASSERT_EQ(parsed.plans.size(), 1U);
  const Plan& plan = parsed.plans.front();
  EXPECT_EQ(plan.doc_number, "甬政办发〔2023〕1号");
  EXPECT_EQ(plan.issuer, "宁波市人民政府办公厅");
  EXPECT_EQ(plan.issued_on, "2023-01-16");
  EXPECT_EQ(plan.title, "宁波市人民政府办公厅关于持续推进“质优宁波”建设的实施意见");
  EXPECT_EQ(table_rows(plan), 47U);  // the 附件 table: 27 rows before the page break, 20 after

  const Indicator& first = indicator_named(plan, "规上工业新产品产值率");
  EXPECT_EQ(first.domain, "制造业");
  EXPECT_EQ(first.unit, "%");
  ASSERT_EQ(first.targets.size(), 1U);
  EXPECT_EQ(first.targets[0].year, 2025);
  EXPECT_EQ(first.targets[0].expression.kind, TargetKind::level);
  EXPECT_EQ(first.targets[0].expression.value, 35);
  EXPECT_EQ(first.lead_units, std::vector<std::string>{"市经信局"});
  EXPECT_EQ(first.source.line, 126);

  const Indicator& food = indicator_named(plan, "主要食品评价性抽检合格率");
  EXPECT_EQ(food.targets[0].expression.op, Comparator::ge);
  EXPECT_EQ(food.targets[0].expression.value, 99.5);
  EXPECT_EQ(food.lead_units, std::vector<std::string>{"市市场监管局"});

  // Name printed in the domain column: still 制造业.
  const Indicator& platform = indicator_named(plan, "质量基础“一站式”公共服务平台");
  EXPECT_EQ(platform.domain, "制造业");
  EXPECT_EQ(platform.unit, "个");
  EXPECT_EQ(platform.targets[0].expression.value, 50);

  const Indicator& leaders = indicator_named(plan, "市级以上农业龙头企业");
  EXPECT_EQ(leaders.targets[0].expression.kind, TargetKind::increment);
  EXPECT_EQ(leaders.targets[0].expression.value, 50);

  const Indicator& area = indicator_named(plan, "新开工装配式建筑面积");
  EXPECT_EQ(area.unit, "平方米");
  EXPECT_EQ(area.targets[0].expression.value, 80000000);
  EXPECT_EQ(indicator_named(plan, "新增受益住房保障家庭").targets[0].expression.value, 28000);

  const Indicator& garbage = indicator_named(plan, "生活垃圾分类覆盖率");
  EXPECT_EQ(garbage.lead_units, (std::vector<std::string>{"市综合执法局", "市农业农村局"}));

  // The 生态环境 label printed one row too low: 国家级优质工程 (市住建局) belongs to 城乡发展.
  EXPECT_EQ(indicator_named(plan, "国家级优质工程").domain, "城乡发展");
  EXPECT_EQ(indicator_named(plan, "城市空气质量指数(AQI)优良天数比例").domain, "生态环境");
  EXPECT_FALSE(parsed.repairs.empty());

  const Indicator& co2 = indicator_named(plan, "单位GDP二氧化碳排放降低比例");
  EXPECT_EQ(co2.domain, "生态环境");
  EXPECT_EQ(co2.targets[0].expression.kind, TargetKind::qualitative);
  EXPECT_EQ(co2.direction, Direction::none);

  // A target written in a sentence of the text, not in the table.
  const Indicator& closure = indicator_named(plan, "不合格产品后处理闭环率");
  EXPECT_EQ(closure.targets[0].expression.value, 100);
  EXPECT_EQ(closure.targets[0].year, 2025);
  EXPECT_NE(closure.targets[0].sentence.find("不合格产品后处理闭环率达到100%"), std::string::npos);
}

TEST(SeedGazette, FindsThePlansAndSkipsOtherDocuments) {
  const ParsedPlans parsed = parse_seed("004");
  std::vector<std::string> numbers;
  for (const Plan& p : parsed.plans) numbers.push_back(p.doc_number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"甬政发〔2021〕56号", "甬政发〔2021〕57号",
                                               "甬政发〔2021〕59号", "甬政办发〔2021〕78号",
                                               "甬政办发〔2021〕79号", "甬政办发〔2021〕80号",
                                               "甬政办发〔2021〕82号"}));
  const Plan& disabled = plan_numbered(parsed, "甬政发〔2021〕56号");
  EXPECT_EQ(disabled.title, "宁波市残疾人事业发展“十四五”规划");
  EXPECT_EQ(disabled.issuer, "宁波市人民政府");
  EXPECT_EQ(disabled.issued_on, "2021-12-27");
  EXPECT_EQ(disabled.start_year, 2021);
  EXPECT_EQ(disabled.end_year, 2025);
  EXPECT_EQ(table_rows(disabled), 15U);
  const Indicator& employment = indicator_named(disabled, "残疾人就业率");
  ASSERT_TRUE(employment.baseline.has_value());
  EXPECT_EQ(employment.baseline->year, 2020);
  EXPECT_EQ(employment.baseline->expression.value, 55.89);
  EXPECT_EQ(employment.unit, "%");
  EXPECT_EQ(employment.targets[0].expression.op, Comparator::ge);
  EXPECT_EQ(employment.targets[0].expression.value, 60);
  EXPECT_EQ(employment.attribute, Attribute::expected);
  EXPECT_EQ(indicator_named(disabled, "困难残疾人生活补贴覆盖率").attribute, Attribute::binding);
  EXPECT_EQ(indicator_named(disabled, "困难残疾人生活补贴覆盖率").targets[0].expression.op,
            Comparator::gt);
}

TEST(SeedGazette, ManufacturingTableWithTwoTargetYearsAndChanges) {
  const ParsedPlans parsed = parse_seed("004");
  const Plan& plan = plan_numbered(parsed, "甬政发〔2021〕59号");
  EXPECT_EQ(table_rows(plan), 17U);
  const Indicator& tax = indicator_named(plan, "规上工业亩均税收");
  EXPECT_EQ(tax.domain, "综合效益");
  EXPECT_EQ(tax.unit, "万元/亩");
  EXPECT_EQ(tax.baseline->expression.value, 44.4);
  ASSERT_EQ(tax.targets.size(), 2U);
  EXPECT_EQ(tax.targets[0].year, 2023);
  EXPECT_EQ(tax.targets[0].expression.value, 50);
  EXPECT_EQ(tax.targets[1].year, 2025);
  EXPECT_EQ(tax.targets[1].expression.value, 60);

  const Indicator& energy = indicator_named(plan, "规上工业万元增加值能耗降低率");
  EXPECT_EQ(energy.baseline->expression.kind, TargetKind::change);
  EXPECT_EQ(energy.baseline->expression.reference_year, 2015);
  EXPECT_EQ(energy.baseline->expression.value, -14.93);
  EXPECT_EQ(energy.targets[1].expression.kind, TargetKind::change);
  EXPECT_EQ(energy.targets[1].expression.reference_year, 2020);
  EXPECT_EQ(energy.targets[1].expression.value, -15);
  EXPECT_EQ(energy.targets[1].expression.op, Comparator::le);
  EXPECT_EQ(energy.lead_units, std::vector<std::string>{"市能源局"});

  EXPECT_EQ(indicator_named(plan, "累计整治“散乱污”企业").lead_units,
            (std::vector<std::string>{"市经信局", "市生态环境局"}));
  EXPECT_FALSE(indicator_named(plan, "累计腾出低效工业用地").baseline.has_value());  // "-"

  const auto task = std::find_if(plan.tasks.begin(), plan.tasks.end(),
                                 [](const Task& t) { return t.title == "加快建设保障性租赁住房"; });
  ASSERT_NE(task, plan.tasks.end());
  EXPECT_EQ(task->lead_units, std::vector<std::string>{"市住建局"});  // clause on its own line
  EXPECT_EQ(task->supporting_units, std::vector<std::string>{"市自然资源规划局"});
}

TEST(SeedGazette, PublicServiceTableRepairsAndMarks) {
  const ParsedPlans parsed = parse_seed("004");
  const Plan& plan = plan_numbered(parsed, "甬政办发〔2021〕80号");
  EXPECT_EQ(table_rows(plan),
            50U);  // 47 numbered rows, one with three sub-rows, one with two sub-items
  for (const std::string stage : {"学前段", "义务段", "高中段"}) {
    const Indicator& i = indicator_named(plan, "持证适龄残疾儿童少年入学率(" + stage + ")");
    EXPECT_EQ(i.domain, "学有优教");
    EXPECT_EQ(i.unit, "%");
  }
  EXPECT_EQ(indicator_named(plan, "持证适龄残疾儿童少年入学率(义务段)").baseline->expression.value,
            99.33);
  EXPECT_EQ(indicator_named(plan, "高校高水平学科数(国家级、省级)").domain, "学有优教");

  const Indicator& jobs = indicator_named(plan, "城镇新增就业人员");
  EXPECT_EQ(jobs.unit, "万人");
  EXPECT_EQ(jobs.targets[0].expression.kind, TargetKind::cumulative);
  EXPECT_EQ(jobs.targets[0].expression.value, 90);
  EXPECT_NE(std::find(jobs.notes.begin(), jobs.notes.end(), "5年累计值"), jobs.notes.end());

  const Indicator& beds = indicator_named(plan, "每千人医疗卫生机构床位数");
  EXPECT_NE(std::find(beds.notes.begin(), beds.notes.end(), "常住人口口径"), beds.notes.end());

  EXPECT_EQ(indicator_named(plan, "困难残疾人生活补贴覆盖率").baseline->expression.value, 99.6);
  EXPECT_EQ(indicator_named(plan, "重度残疾人护理补贴覆盖率").baseline->expression.value, 99.22);

  EXPECT_EQ(indicator_named(plan, "城镇登记失业率").direction, Direction::down);
  EXPECT_EQ(indicator_named(plan, "重大慢性病过早死亡率").direction, Direction::down);
  EXPECT_EQ(indicator_named(plan, "城乡居民收入倍差").direction, Direction::down);
  EXPECT_EQ(indicator_named(plan, "居民人均可支配收入增长率").targets[0].expression.kind,
            TargetKind::qualitative);
  EXPECT_EQ(indicator_named(plan, "最低生活保障标准").baseline->expression.op, Comparator::gt);
}

TEST(SeedSentences, ZhoushanAndConsumerGoods) {
  const Plan zhoushan = parse_seed("002").plans.at(0);
  EXPECT_EQ(zhoushan.doc_number, "舟质强市发〔2023〕1号");
  EXPECT_EQ(zhoushan.issuer, "舟山市质量强市工作领导小组");
  EXPECT_EQ(zhoushan.issued_on, "2023-12-01");
  const Indicator& share = indicator_named(zhoushan, "规上工业增加值占全市生产总值比重");
  EXPECT_EQ(share.targets[0].year, 2025);
  EXPECT_EQ(share.targets[0].expression.op, Comparator::eq);  // 40%左右
  EXPECT_EQ(share.targets[0].expression.value, 40);
  EXPECT_EQ(share.unit, "%");
  const Indicator& pass = indicator_named(zhoushan, "制造业产品质量合格率");
  EXPECT_EQ(pass.targets[0].expression.op, Comparator::ge);
  EXPECT_EQ(pass.targets[0].expression.value, 94);
  ASSERT_FALSE(zhoushan.tasks.empty());
  EXPECT_EQ(zhoushan.tasks[0].title, "坚持质量发展创新驱动");
  EXPECT_EQ(zhoushan.tasks[0].lead_units,
            (std::vector<std::string>{"市发改委", "市经信局", "市科技局", "市市场监管局"}));

  const Plan consumer = parse_seed("003").plans.at(0);
  EXPECT_EQ(consumer.doc_number, "甬政办发〔2025〕42号");
  EXPECT_EQ(consumer.end_year, 2027);
  const Indicator& coded = indicator_named(consumer, "质量赋码追溯产品");
  EXPECT_EQ(coded.targets[0].year, 2027);
  EXPECT_EQ(coded.targets[0].expression.value, 1500000);
  EXPECT_EQ(coded.unit, "个");
  EXPECT_NE(coded.targets[0].sentence.find("150万个"), std::string::npos);
  const auto governance = std::find_if(consumer.tasks.begin(), consumer.tasks.end(),
                                       [](const Task& t) { return t.title == "开展重点治理"; });
  ASSERT_NE(governance, consumer.tasks.end());
  EXPECT_EQ(governance->lead_units,
            (std::vector<std::string>{"市市场监管局", "市经信局", "各区〔县、市〕政府",
                                      "开发园区管委会"}));
}

TEST(SeedReport, NewsArticleImportsAsAReportOnThePlan) {
  const ParsedPlans parsed = parse_seed("001");
  ASSERT_EQ(parsed.plans.size(), 1U);
  EXPECT_EQ(parsed.plans[0].kind, "report");
  EXPECT_TRUE(parsed.plans[0].doc_number.empty());
  EXPECT_NE(parsed.plans[0].title.find("质优宁波"), std::string::npos);
}

TEST(SeedImport, IdsAreStableAcrossImports) {
  const ParsedPlans a = parse_seed("000");
  const ParsedPlans b = parse_seed("000");
  ASSERT_EQ(a.plans[0].indicators.size(), b.plans[0].indicators.size());
  EXPECT_EQ(a.plans[0].id, b.plans[0].id);
  for (std::size_t i = 0; i < a.plans[0].indicators.size(); ++i) {
    EXPECT_EQ(a.plans[0].indicators[i].id, b.plans[0].indicators[i].id);
  }
}

TEST(PlanTextErrors, NameFileLineAndReason) {
  const auto not_utf8 = parse_plan_text("第一行\n\xff\xfe\n", "bad.txt", "bad.txt");
  ASSERT_FALSE(not_utf8.ok());
  EXPECT_EQ(not_utf8.error().place, "bad.txt:2");

  const auto no_plan = parse_plan_text("这是一段普通文字。\n", "note.txt", "note.txt");
  ASSERT_FALSE(no_plan.ok());
  EXPECT_EQ(no_plan.error().place, "note.txt:1");

  const std::string bad_row =
      "甬政办发〔2030〕9号\n\n测试市质量提升行动方案\n\n指标\t2030年目标\t责任单位\n甲指标(%)"
      "\t95.5.1\t市测试局\n";
  const auto unreadable = parse_plan_text(bad_row, "plan.txt", "plan.txt");
  ASSERT_FALSE(unreadable.ok());
  EXPECT_EQ(unreadable.error().place, "plan.txt:6");
  EXPECT_NE(unreadable.error().message.find("2030年目标"), std::string::npos);
}

}  // namespace
}  // namespace zhiyou::plans
