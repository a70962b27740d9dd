// What a user sees when a plan text cannot be read, and plans as JSON (export → load).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "core/json.hpp"
#include "plans/plan_json.hpp"
#include "plans/plan_text_parser.hpp"
#include "support/test_support.hpp"

namespace zhiyou::plans {
namespace {

// ---------------------------------------------------------------- parse errors

TEST(PlanTextError, NotUtf8NamesFileAndLine) {
  const std::string text = "甬政办发〔2030〕9号\n\n测试市质量提升行动方案\n坏\xC3\x28字\n";
  const auto r = parse_plan_text(text, "dir/bad.txt", "bad.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place, "dir/bad.txt:4");  // the label as given, and the 4th line
  EXPECT_FALSE(r.error().message.empty());
  EXPECT_NE(r.error().describe().find("dir/bad.txt:4"), std::string::npos);
}

TEST(PlanTextError, NotUtf8OnFirstLine) {
  const auto r = parse_plan_text("\xff\xfe\x00\x41", "utf16.txt", "utf16.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place, "utf16.txt:1");
}

TEST(PlanTextError, NoPlanInTheFileIsAnErrorAtLineOne) {
  for (const std::string& text :
       {std::string("这是一段普通文字。\n第二行。\n"), std::string(""), std::string("\n\n\n")}) {
    const auto r = parse_plan_text(text, "note.txt", "note.txt");
    ASSERT_FALSE(r.ok()) << "「" << text << "」";
    EXPECT_EQ(r.error().place, "note.txt:1");
    EXPECT_FALSE(r.error().message.empty());
  }
}

// A tiny synthetic plan: document number, title, an indicator table whose header is on
// line 9 and whose first row (the cell under test) is on line 10.
std::string synthetic_plan(const std::string& cell, bool units_column) {
  const std::string units = units_column ? "\t责任单位" : "";
  const std::string unit_a = units_column ? "\t市测试局" : "";
  return "测试市人民政府办公厅文件\n\n甬政办发〔2030〕9号\n\n测试市质量提升行动方案\n\n"
         "一、主要目标\n\n指标\t2025年目标" +
         units + "\n甲指标(%)\t" + cell + unit_a + "\n乙指标(个)\t12" + unit_a + "\n";
}

void expect_two_indicators(const std::string& text) {
  const auto r = parse_plan_text(text, "ok.txt", "ok.txt");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->plans.size(), 1U);
  const Plan& plan = r->plans[0];
  EXPECT_EQ(plan.doc_number, "甬政办发〔2030〕9号");
  ASSERT_EQ(plan.indicators.size(), 2U);
  EXPECT_EQ(plan.indicators[0].name, "甲指标");
  EXPECT_EQ(plan.indicators[0].unit, "%");
  EXPECT_EQ(plan.indicators[0].targets.at(0).year, 2025);
  EXPECT_EQ(plan.indicators[0].targets.at(0).expression.value, 35);
  EXPECT_EQ(plan.indicators[0].source.line, 10);
  EXPECT_EQ(plan.indicators[1].name, "乙指标");
  EXPECT_EQ(plan.indicators[1].unit, "个");
  EXPECT_EQ(plan.indicators[1].targets.at(0).expression.value, 12);
  EXPECT_EQ(plan.source.file, "ok.txt");
}

void expect_cell_error(const std::string& text) {
  const auto r = parse_plan_text(text, "plans/bad.txt", "bad.txt");
  ASSERT_FALSE(r.ok()) << "the bad cell was accepted";
  EXPECT_EQ(r.error().place, "plans/bad.txt:10");
  // The column is named by its header, and the bad text is quoted.
  EXPECT_NE(r.error().message.find("2025年目标"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("12abc"), std::string::npos) << r.error().message;
}

TEST(PlanTextError, SyntheticPlanWithUnitsColumnReads) {
  expect_two_indicators(synthetic_plan("35", true));
  const auto r = parse_plan_text(synthetic_plan("35", true), "ok.txt", "ok.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->plans[0].indicators.at(0).lead_units, std::vector<std::string>{"市测试局"});
}

TEST(PlanTextError, UnreadableCellNamesFileLineAndColumn) {
  expect_cell_error(synthetic_plan("12abc", true));
  // No partial result: the error is all the caller gets.
  const auto r = parse_plan_text(synthetic_plan("1.2.3", true), "x.txt", "x.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place, "x.txt:10");
}

// A two-column table ("指标\t2025年目标", no 责任单位 column) is a table too.
TEST(PlanTextError, TwoColumnTableReads) { expect_two_indicators(synthetic_plan("35", false)); }

TEST(PlanTextError, TwoColumnTableUnreadableCellIsAnError) {
  expect_cell_error(synthetic_plan("12abc", false));
}

// ---------------------------------------------------------------- JSON

void expect_same_expression(const Expression& a, const Expression& b, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.op, b.op);
  EXPECT_EQ(a.value, b.value);
  EXPECT_EQ(a.reference_year, b.reference_year);
  EXPECT_EQ(a.parts, b.parts);
  EXPECT_EQ(a.text, b.text);
}

void expect_same(const Plan& a, const Plan& b) {
  SCOPED_TRACE(a.id);
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.doc_number, b.doc_number);
  EXPECT_EQ(a.issuer, b.issuer);
  EXPECT_EQ(a.issued_on, b.issued_on);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.start_year, b.start_year);
  EXPECT_EQ(a.end_year, b.end_year);
  EXPECT_EQ(a.source.file, b.source.file);
  ASSERT_EQ(a.indicators.size(), b.indicators.size());
  for (std::size_t i = 0; i < a.indicators.size(); ++i) {
    const Indicator& x = a.indicators[i];
    const Indicator& y = b.indicators[i];
    SCOPED_TRACE(x.name);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.domain, y.domain);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.unit, y.unit);
    ASSERT_EQ(x.baseline.has_value(), y.baseline.has_value());
    if (x.baseline) {
      EXPECT_EQ(x.baseline->year, y.baseline->year);
      expect_same_expression(x.baseline->expression, y.baseline->expression, "baseline");
    }
    ASSERT_EQ(x.targets.size(), y.targets.size());
    for (std::size_t t = 0; t < x.targets.size(); ++t) {
      EXPECT_EQ(x.targets[t].year, y.targets[t].year);
      EXPECT_EQ(x.targets[t].sentence, y.targets[t].sentence);
      expect_same_expression(x.targets[t].expression, y.targets[t].expression, "target");
    }
    EXPECT_EQ(x.direction, y.direction);
    EXPECT_EQ(x.direction_overridden, y.direction_overridden);
    EXPECT_EQ(x.attribute, y.attribute);
    EXPECT_EQ(x.lead_units, y.lead_units);
    EXPECT_EQ(x.notes, y.notes);
    EXPECT_EQ(x.source.file, y.source.file);
    EXPECT_EQ(x.source.line, y.source.line);
  }
  ASSERT_EQ(a.tasks.size(), b.tasks.size());
  for (std::size_t i = 0; i < a.tasks.size(); ++i) {
    EXPECT_EQ(a.tasks[i].id, b.tasks[i].id);
    EXPECT_EQ(a.tasks[i].title, b.tasks[i].title);
    EXPECT_EQ(a.tasks[i].lead_units, b.tasks[i].lead_units);
    EXPECT_EQ(a.tasks[i].supporting_units, b.tasks[i].supporting_units);
    EXPECT_EQ(a.tasks[i].source.file, b.tasks[i].source.file);
    EXPECT_EQ(a.tasks[i].source.line, b.tasks[i].source.line);
  }
}

std::vector<Plan> all_seed_plans() {
  std::vector<Plan> out;
  for (const char* prefix : {"000", "001", "002", "003", "004"}) {
    const auto path = zhiyou::testing::seed(prefix);
    auto parsed =
        parse_plan_text(zhiyou::testing::read_file(path), path.string(), path.filename().string());
    EXPECT_TRUE(parsed.ok()) << prefix;
    if (parsed.ok()) {
      for (Plan& p : parsed->plans) out.push_back(std::move(p));
    }
  }
  return out;
}

TEST(PlanJson, SeedPlansRoundTrip) {
  std::vector<Plan> plans = all_seed_plans();
  ASSERT_EQ(plans.size(), 11U);
  // A user override must survive the trip too.
  plans[0].indicators.at(0).direction = Direction::down;
  plans[0].indicators.at(0).direction_overridden = true;
  const std::string text = json::serialize(plans_to_json(plans), 1);
  const auto back = plans_from_json(text, "export.json");
  ASSERT_TRUE(back.ok()) << back.error().describe();
  ASSERT_EQ(back->size(), plans.size());
  for (std::size_t i = 0; i < plans.size(); ++i) expect_same(plans[i], (*back)[i]);
  // And writing it again gives the same bytes.
  EXPECT_EQ(json::serialize(plans_to_json(*back), 1), text);
}

TEST(PlanJson, ShapeOfAnIndicator) {
  const std::vector<Plan> plans = all_seed_plans();
  const auto doc = boost::json::parse(json::serialize(plans_to_json(plans)));
  const auto& first = doc.at("plans").at(0).as_object();
  for (const char* key :
       {"id", "title", "doc_number", "issuer", "issued_on", "source", "indicators", "tasks"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
  // 000's 新开工装配式建筑面积: 8000 万 → 80000000 written as an integer, no exponent.
  const std::string text = json::serialize(plans_to_json({plans.at(0)}));
  EXPECT_NE(text.find("80000000"), std::string::npos);
  EXPECT_EQ(text.find("8E7"), std::string::npos);
  EXPECT_EQ(text.find("E+"), std::string::npos);
  EXPECT_EQ(text.find("e+"), std::string::npos);
}

TEST(PlanJsonError, InvalidJsonNamesTheFile) {
  const auto r = plans_from_json("{\"plans\": [", "in.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place, "in.json");
}

TEST(PlanJsonError, MissingPlansArray) {
  const auto r = plans_from_json("{}", "in.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("plans"), std::string::npos) << r.error().message;
}

TEST(PlanJsonError, BadTargetKindNamesItsPath) {
  const std::string text = R"({"plans":[{"id":"p1","title":"T","indicators":[
      {"id":"i0","name":"a","targets":[]},
      {"id":"i1","name":"b","targets":[{"year":2025,"kind":"level","value":1},
                                       {"year":2026,"kind":"bogus","value":2}]}]}]})";
  const auto r = plans_from_json(text, "in.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("plans[0].indicators[1].targets[1].kind"), std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find("bogus"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().place, "in.json");
}

TEST(PlanJsonError, WrongTypeNamesItsPath) {
  const auto r = plans_from_json(R"({"plans":[{"id":"p1","title":42}]})", "in.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("plans[0].title"), std::string::npos) << r.error().message;

  const auto units = plans_from_json(
      R"({"plans":[{"id":"p1","title":"T","tasks":[{"id":"t","title":"x","lead_units":["a",3]}]}]})",
      "in.json");
  ASSERT_FALSE(units.ok());
  EXPECT_NE(units.error().message.find("plans[0].tasks[0].lead_units[1]"), std::string::npos)
      << units.error().message;
}

TEST(PlanJsonError, MissingRequiredIdNamesItsPath) {
  const auto r = plans_from_json(R"({"plans":[{"id":"a","title":"A"},{"title":"B"}]})", "in.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("plans[1].id"), std::string::npos) << r.error().message;
}

TEST(PlanJsonError, FractionalYearRejected) {
  const auto r = plans_from_json(
      R"({"plans":[{"id":"p","title":"T","indicators":[{"id":"i","name":"n","targets":[{"year":2025.5,"kind":"level"}]}]}]})",
      "in.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("plans[0].indicators[0].targets[0].year"), std::string::npos)
      << r.error().message;
}

// A year of 1e300 once reached static_cast<int> (undefined behaviour, found by
// fuzz_plans_json); it must be an error naming the field.
TEST(PlanJsonError, OutOfRangeIntegerIsAnErrorNotUndefinedBehaviour) {
  const auto r =
      plans_from_json(R"({"plans":[{"id":"p","title":"T","period":{"start":1e300}}]})", "in.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("plans[0].period.start"), std::string::npos)
      << r.error().message;
  const auto year = plans_from_json(
      R"({"plans":[{"id":"p","title":"T","indicators":[{"id":"i","name":"n","targets":[{"year":1e20,"kind":"level"}]}]}]})",
      "in.json");
  ASSERT_FALSE(year.ok());
  EXPECT_NE(year.error().message.find("plans[0].indicators[0].targets[0].year"), std::string::npos)
      << year.error().message;
}

}  // namespace
}  // namespace zhiyou::plans
