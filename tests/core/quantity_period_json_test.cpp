// core/quantity, core/period and core/json: numbers as Chinese documents write them,
// reporting periods, and JSON that a person can read.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "core/json.hpp"
#include "core/period.hpp"
#include "core/quantity.hpp"

namespace zhiyou {
namespace {

// ---- quantity ----

TEST(QuantityParseNumber, PlainNumbers) {
  EXPECT_EQ(quantity::parse_number("35"), 35.0);
  EXPECT_EQ(quantity::parse_number("99.5"), 99.5);
  EXPECT_EQ(quantity::parse_number("  18.8 "), 18.8);
  EXPECT_EQ(quantity::parse_number("-14.93"), -14.93);
}

TEST(QuantityParseNumber, ChineseMagnitudes) {
  EXPECT_EQ(quantity::parse_number("8000 万"), 80000000.0);
  EXPECT_EQ(quantity::parse_number("8000万"), 80000000.0);
  EXPECT_EQ(quantity::parse_number("2.8 万"), 28000.0);
  EXPECT_EQ(quantity::parse_number("1万亿"), 1e12);
  EXPECT_EQ(quantity::parse_number("2000亿"), 2e11);
  EXPECT_EQ(quantity::parse_number("150万"), 1500000.0);
}

TEST(QuantityParseNumber, ThousandsSeparatorAndPercent) {
  EXPECT_EQ(quantity::parse_number("1,250"), 1250.0);
  EXPECT_EQ(quantity::parse_number("99.81%"), 99.81);
}

TEST(QuantityParseNumber, RejectsNonNumbers) {
  EXPECT_FALSE(quantity::parse_number("abc").has_value());
  EXPECT_FALSE(quantity::parse_number("").has_value());
  EXPECT_FALSE(quantity::parse_number("   ").has_value());
  EXPECT_FALSE(quantity::parse_number("1.2.3").has_value());
  EXPECT_FALSE(quantity::parse_number("12abc").has_value());
  EXPECT_FALSE(quantity::parse_number("万").has_value());
}

TEST(QuantityLeadingNumber, ReportsValueMagnitudePercentAndBytesConsumed) {
  const auto wan = quantity::parse_leading_number("8000 万 平方米");
  ASSERT_TRUE(wan.has_value());
  EXPECT_EQ(wan->value, 80000000.0);
  EXPECT_EQ(wan->magnitude, 1e4);
  EXPECT_FALSE(wan->percent);
  // "8000" (4) + " " (1) + "万" (3 bytes) = 8 bytes.
  EXPECT_EQ(wan->consumed, 8U);

  const auto pct = quantity::parse_leading_number("99.81%以上");
  ASSERT_TRUE(pct.has_value());
  EXPECT_EQ(pct->value, 99.81);
  EXPECT_TRUE(pct->percent);
  EXPECT_EQ(pct->consumed, 6U);  // "99.81%"

  const auto trillion = quantity::parse_leading_number("1万亿元");
  ASSERT_TRUE(trillion.has_value());
  EXPECT_EQ(trillion->value, 1e12);
  EXPECT_EQ(trillion->magnitude, 1e12);
  EXPECT_EQ(trillion->consumed, 7U);  // "1" + "万亿"

  const auto plain = quantity::parse_leading_number("35个");
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->value, 35.0);
  EXPECT_EQ(plain->magnitude, 1.0);
  EXPECT_EQ(plain->consumed, 2U);
}

TEST(QuantityLeadingNumber, NoLeadingNumber) {
  EXPECT_FALSE(quantity::parse_leading_number("abc").has_value());
  EXPECT_FALSE(quantity::parse_leading_number("").has_value());
  EXPECT_FALSE(quantity::parse_leading_number("约50").has_value());
}

// ---- period ----

TEST(PeriodParse, Year) {
  const auto p = Period::parse("2024");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->kind, Period::Kind::year);
  EXPECT_EQ(p->year, 2024);
  EXPECT_EQ(p->to_string(), "2024");
  EXPECT_EQ(p->end_as_year(), 2025.0);
  EXPECT_EQ(Period::parse("2024年"), p);
}

TEST(PeriodParse, Quarter) {
  const auto p = Period::parse("2024Q2");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->kind, Period::Kind::quarter);
  EXPECT_EQ(p->year, 2024);
  EXPECT_EQ(p->index, 2);
  EXPECT_EQ(p->to_string(), "2024Q2");
  EXPECT_EQ(p->end_as_year(), 2024.5);
  EXPECT_EQ(p->first_month(), 4);
  EXPECT_EQ(p->last_month(), 6);
  EXPECT_EQ(Period::parse("2024年第二季度"), p);
  EXPECT_EQ(Period::parse("2024年第2季度"), p);
  EXPECT_EQ(Period::parse("2024年二季度"), p);
  EXPECT_EQ(Period::parse("2024-Q2"), p);
  EXPECT_EQ(Period::parse("2024Q4")->end_as_year(), 2025.0);
}

TEST(PeriodParse, Month) {
  const auto p = Period::parse("2024-06");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->kind, Period::Kind::month);
  EXPECT_EQ(p->year, 2024);
  EXPECT_EQ(p->index, 6);
  EXPECT_EQ(p->to_string(), "2024-06");
  EXPECT_EQ(p->end_as_year(), 2024.5);
  EXPECT_EQ(Period::parse("2024年6月"), p);
  EXPECT_EQ(Period::parse("2024-6"), p);
  EXPECT_EQ(Period::parse("2024-12")->end_as_year(), 2025.0);
  EXPECT_EQ(Period::parse("2024-03")->end_as_year(), 2024.25);
}

TEST(PeriodParse, Rejects) {
  EXPECT_FALSE(Period::parse("2024Q5").has_value());
  EXPECT_FALSE(Period::parse("2024Q0").has_value());
  EXPECT_FALSE(Period::parse("2024-13").has_value());
  EXPECT_FALSE(Period::parse("2024-00").has_value());
  EXPECT_FALSE(Period::parse("abc").has_value());
  EXPECT_FALSE(Period::parse("").has_value());
  EXPECT_FALSE(Period::parse("2024年13月").has_value());
}

TEST(PeriodParse, OrderFollowsTime) {
  EXPECT_LT(*Period::parse("2023"), *Period::parse("2024"));
  EXPECT_LT(*Period::parse("2024-05"), *Period::parse("2024-06"));
}

// ---- json ----

TEST(JsonSerialize, NumbersWithoutExponents) {
  EXPECT_EQ(json::serialize(json::number(24.5)), "24.5");
  EXPECT_EQ(json::serialize(json::number(80000000)), "80000000");
  EXPECT_EQ(json::serialize(json::number(1e12)), "1000000000000");
  EXPECT_EQ(json::serialize(json::number(-14.93)), "-14.93");
  EXPECT_EQ(json::serialize(json::number(0.1)), "0.1");
  EXPECT_EQ(json::serialize(boost::json::value(24.5)), "24.5");
  EXPECT_EQ(json::serialize(boost::json::value(80000000.0)), "80000000");
}

TEST(JsonSerialize, EscapesQuotesBackslashAndControlCharacters) {
  const std::string out = json::serialize(boost::json::value("a\"b\\c\nd\x01"));
  EXPECT_NE(out.find("\\\""), std::string::npos);
  EXPECT_NE(out.find("\\\\"), std::string::npos);
  EXPECT_NE(out.find("\\n"), std::string::npos);
  for (char c : out) EXPECT_GE(static_cast<unsigned char>(c), 0x20U) << out;
  EXPECT_EQ(boost::json::parse(out).as_string(), "a\"b\\c\nd\x01");
}

TEST(JsonSerialize, ChineseStaysAsWrittenAndEscapesAtEitherEndAreKept) {
  std::string out;
  json::append_quoted(out, "\"鄞州区\t");
  EXPECT_EQ(out, "\"\\\"鄞州区\\t\"");
  out.clear();
  json::append_quoted(out, std::string("\x1f") + "宁波" + std::string(1, '\0'));
  EXPECT_EQ(out, "\"\\u001f宁波\\u0000\"");
}

TEST(JsonSerialize, ChineseIsWrittenAsIs) {
  EXPECT_EQ(json::serialize(boost::json::value("质优宁波")), "\"质优宁波\"");
}

TEST(JsonSerialize, NullsAndObjects) {
  EXPECT_EQ(json::serialize(json::string_or_null("")), "null");
  EXPECT_EQ(json::serialize(json::optional_number(std::nullopt)), "null");
  EXPECT_EQ(json::serialize(boost::json::object{{"v", json::number(24.5)}}), "{\"v\":24.5}");
  const std::string pretty = json::serialize(boost::json::object{{"v", 1}}, 2);
  EXPECT_NE(pretty.find('\n'), std::string::npos);
  EXPECT_EQ(boost::json::parse(pretty).at("v").to_number<int>(), 1);
}

}  // namespace
}  // namespace zhiyou
