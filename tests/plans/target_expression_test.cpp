// Target and baseline cells as the indicator tables print them, read into typed expressions.
#include <gtest/gtest.h>

#include <string>

#include "plans/target_expression.hpp"

namespace zhiyou::plans {
namespace {

// The parsed expression of `text`, failing the test when there is none.
ParsedExpression parsed(const std::string& text) {
  const auto r = parse_expression(text);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().describe());
  if (!r.ok() || !r.value().has_value()) {
    ADD_FAILURE() << "no expression for 「" << text << "」";
    return {};
  }
  return *r.value();
}

TEST(TargetExpression, PlainNumberIsALevelWithNoStatedComparator) {
  const auto p = parsed("35");
  EXPECT_EQ(p.expression.kind, TargetKind::level);
  EXPECT_EQ(p.expression.value, 35.0);
  EXPECT_FALSE(p.expression.op.has_value());
  EXPECT_FALSE(p.percent);
  EXPECT_EQ(p.expression.text, "35");
}

TEST(TargetExpression, YiShangMeansAtLeast) {
  const auto spaced = parsed("99.5 以上");
  EXPECT_EQ(spaced.expression.kind, TargetKind::level);
  EXPECT_EQ(spaced.expression.op, Comparator::ge);
  EXPECT_EQ(spaced.expression.value, 99.5);
  const auto tight = parsed("95以上");
  EXPECT_EQ(tight.expression.op, Comparator::ge);
  EXPECT_EQ(tight.expression.value, 95.0);
}

TEST(TargetExpression, ComparisonSigns) {
  const auto ge = parsed("≥50");
  EXPECT_EQ(ge.expression.op, Comparator::ge);
  EXPECT_EQ(ge.expression.value, 50.0);
  const auto gt = parsed(">99");
  EXPECT_EQ(gt.expression.op, Comparator::gt);
  EXPECT_EQ(gt.expression.value, 99.0);
  const auto lt = parsed("<3.5");
  EXPECT_EQ(lt.expression.op, Comparator::lt);
  EXPECT_EQ(lt.expression.value, 3.5);
  const auto pct = parsed("≥60%");
  EXPECT_EQ(pct.expression.op, Comparator::ge);
  EXPECT_EQ(pct.expression.value, 60.0);
  EXPECT_TRUE(pct.percent);
}

TEST(TargetExpression, AboutMeansEqual) {
  const auto p = parsed("40%左右");
  EXPECT_EQ(p.expression.op, Comparator::eq);
  EXPECT_EQ(p.expression.value, 40.0);
  EXPECT_TRUE(p.percent);
}

TEST(TargetExpression, XinZengIsAnIncrement) {
  const auto p = parsed("新增 50");
  EXPECT_EQ(p.expression.kind, TargetKind::increment);
  EXPECT_EQ(p.expression.value, 50.0);
}

TEST(TargetExpression, BracketedIsCumulative) {
  const auto p = parsed("[90]");
  EXPECT_EQ(p.expression.kind, TargetKind::cumulative);
  EXPECT_EQ(p.expression.value, 90.0);
  EXPECT_EQ(parsed("[300]").expression.value, 300.0);
}

TEST(TargetExpression, ChineseMagnitudeApplied) {
  EXPECT_EQ(parsed("8000 万").expression.value, 80000000.0);
  EXPECT_EQ(parsed("2.8 万").expression.value, 28000.0);
  EXPECT_EQ(parsed("8000 万").expression.kind, TargetKind::level);
}

TEST(TargetExpression, ChangeAgainstAReferenceYear) {
  const auto p = parsed("比2020年 下降15%");
  EXPECT_EQ(p.expression.kind, TargetKind::change);
  EXPECT_EQ(p.expression.value, -15.0);
  EXPECT_EQ(p.expression.reference_year, 2020);
  EXPECT_EQ(p.expression.op, Comparator::le);
  EXPECT_TRUE(p.percent);

  const auto base = parsed("比2015年 下降14.93%");
  EXPECT_EQ(base.expression.value, -14.93);
  EXPECT_EQ(base.expression.reference_year, 2015);

  const auto up = parsed("比2020年提高10%");
  EXPECT_EQ(up.expression.kind, TargetKind::change);
  EXPECT_EQ(up.expression.value, 10.0);
  EXPECT_EQ(up.expression.op, Comparator::ge);
}

TEST(TargetExpression, QualitativePhrases) {
  for (const char* text : {"与经济增长基本同步", "完成上级 下达指标", "与市生产总值增长同步"}) {
    const auto p = parsed(text);
    EXPECT_EQ(p.expression.kind, TargetKind::qualitative) << text;
    EXPECT_FALSE(p.expression.value.has_value()) << text;
    EXPECT_TRUE(is_qualitative_phrase(text)) << text;
  }
  EXPECT_EQ(parsed("完成上级 下达指标").expression.text, "完成上级下达指标");
  EXPECT_FALSE(is_qualitative_phrase("35"));
  EXPECT_FALSE(is_qualitative_phrase("新增 50"));
}

TEST(TargetExpression, OneValuePerSubItem) {
  const auto p = parsed("99.6 /99.22");
  ASSERT_EQ(p.expression.parts.size(), 2U);
  EXPECT_EQ(p.expression.parts[0], 99.6);
  EXPECT_EQ(p.expression.parts[1], 99.22);
}

TEST(TargetExpression, DashesAndEmptyMeanNoValue) {
  for (const char* text : {"—", "-", "", "  "}) {
    const auto r = parse_expression(text);
    ASSERT_TRUE(r.ok()) << "「" << text << "」";
    EXPECT_FALSE(r.value().has_value()) << "「" << text << "」";
  }
}

TEST(TargetExpression, GarbageIsAnErrorThatQuotesTheText) {
  for (const char* text : {"12abc", "abc", "1.2.3", "比20年下降", "≥", "[abc]", "99.5 以上x"}) {
    const auto r = parse_expression(text);
    ASSERT_FALSE(r.ok()) << "「" << text << "」 was accepted";
    EXPECT_FALSE(r.error().message.empty());
  }
  const auto r = parse_expression("12abc");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("12abc"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace zhiyou::plans
