#include <gtest/gtest.h>

#include <set>
#include <string>

#include "trace/gs1/ai_table.hpp"
#include "trace/gs1/check_digit.hpp"
#include "trace/gs1/date.hpp"

namespace gs1 = zhiyou::trace::gs1;

TEST(Gs1AiTable, LooksUpEveryLengthOfAi) {
  const auto* gtin = gs1::find_ai("01");
  ASSERT_NE(gtin, nullptr);
  EXPECT_TRUE(gtin->predefined_length());
  EXPECT_TRUE(gtin->dl_primary_key());
  EXPECT_EQ(gtin->format.max_length, 14);
  EXPECT_EQ(gtin->title, "GTIN");
  ASSERT_NE(gs1::find_ai("235"), nullptr);
  ASSERT_NE(gs1::find_ai("3103"), nullptr);
  EXPECT_EQ(gs1::find_ai("3103")->first, "3100");
  ASSERT_NE(gs1::find_ai("99"), nullptr);
  ASSERT_NE(gs1::find_ai("8030"), nullptr);
  EXPECT_EQ(gs1::find_ai("8030")->format.components()[0].charset, gs1::Charset::cset64);
}

TEST(Gs1AiTable, RejectsUndefinedAndMalformedAis) {
  for (const char* ai : {"", "0", "04", "011", "3106", "89", "800", "80", "12345", "0a", "9x"}) {
    EXPECT_EQ(gs1::find_ai(ai), nullptr) << ai;
  }
}

TEST(Gs1AiTable, PrefixLengthsFollowGs1) {
  EXPECT_EQ(gs1::ai_length_for_prefix('0', '1'), 2u);
  EXPECT_EQ(gs1::ai_length_for_prefix('2', '3'), 3u);
  EXPECT_EQ(gs1::ai_length_for_prefix('3', '1'), 4u);
  EXPECT_EQ(gs1::ai_length_for_prefix('9', '9'), 2u);
  EXPECT_EQ(gs1::ai_length_for_prefix('8', '9'), 0u);
  EXPECT_EQ(gs1::ai_length_for_prefix('a', '1'), 0u);
}

TEST(Gs1AiTable, EveryRowIsConsistent) {
  std::set<std::string> seen;
  for (const auto& e : gs1::ai_table()) {
    EXPECT_TRUE(seen.insert(std::string(e.first)).second) << e.first;
    EXPECT_EQ(gs1::find_ai(e.first), &e);
    EXPECT_EQ(gs1::find_ai(e.last), &e);
    EXPECT_FALSE(e.title.empty()) << e.first;
    EXPECT_GE(e.format.count, 1);
    if (e.predefined_length()) {
      EXPECT_EQ(e.format.min_length, e.format.max_length) << e.first;
    }
    if (!e.qualifiers.empty()) {
      EXPECT_TRUE(e.dl_primary_key()) << e.first;
    }
  }
  EXPECT_GE(gs1::ai_table().size(), 220u);
}

TEST(Gs1CheckDigit, Mod10) {
  EXPECT_EQ(gs1::check_digit("0950600013435"), '2');
  EXPECT_TRUE(gs1::has_valid_check_digit("09506000134352"));
  EXPECT_FALSE(gs1::has_valid_check_digit("09506000134353"));
  EXPECT_TRUE(gs1::has_valid_check_digit("0"));  // the check digit of nothing is 0
  EXPECT_FALSE(gs1::has_valid_check_digit(""));
  EXPECT_FALSE(gs1::has_valid_check_digit("0950600013435A"));
  EXPECT_TRUE(gs1::has_valid_check_digit("106141411234567897"));
}

TEST(Gs1CheckDigit, CheckCharacterPair) {
  EXPECT_TRUE(gs1::has_valid_check_character_pair("1987654Ad4X4bL5ttr2310c2K"));
  EXPECT_FALSE(gs1::has_valid_check_character_pair("1987654Ad4X4bL5ttr2310cXK"));
  EXPECT_TRUE(gs1::has_valid_check_character_pair("22"));
  EXPECT_FALSE(gs1::has_valid_check_character_pair("2"));
  EXPECT_FALSE(gs1::has_valid_check_character_pair("a~22"));
}

TEST(Gs1Date, Yymmdd) {
  using P = gs1::DateProblem;
  EXPECT_EQ(gs1::check_yymmdd("261231", false), P::none);
  EXPECT_EQ(gs1::check_yymmdd("261200", false), P::bad_day);
  EXPECT_EQ(gs1::check_yymmdd("261200", true), P::none);
  EXPECT_EQ(gs1::check_yymmdd("261300", true), P::bad_month);
  EXPECT_EQ(gs1::check_yymmdd("260001", true), P::bad_month);
  EXPECT_EQ(gs1::check_yymmdd("240229", false), P::none);
  EXPECT_EQ(gs1::check_yymmdd("250229", false), P::bad_day);
  EXPECT_EQ(gs1::check_yymmdd("000229", false), P::none);
  EXPECT_EQ(gs1::check_yymmdd("260431", false), P::bad_day);
  EXPECT_EQ(gs1::check_yymmdd("2604", false), P::not_digits);
  EXPECT_EQ(gs1::check_yymmdd("26043A", false), P::not_digits);
  EXPECT_EQ(gs1::check_yyyymmdd("19000229"), P::bad_day);
  EXPECT_EQ(gs1::check_yyyymmdd("20000229"), P::none);
}
