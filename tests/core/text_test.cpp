// core/text: what PDF- and Excel-extracted Chinese text looks like after normalisation.
// Every expected string below is written out by hand from the rules in text.hpp.
#include <gtest/gtest.h>

#include <string>

#include "core/text.hpp"

namespace zhiyou::text {
namespace {

TEST(TextNormalize, FullWidthDigitsBecomeAscii) {
  EXPECT_EQ(normalize("２０２５"), "2025");
  EXPECT_EQ(normalize("到２０２５年达到９９．５"), "到2025年达到99.5");
}

TEST(TextNormalize, FullWidthLettersBecomeAscii) {
  EXPECT_EQ(normalize("ＧＤＰ"), "GDP");
  EXPECT_EQ(normalize("ａｑｉ"), "aqi");
}

TEST(TextNormalize, FullWidthBracketsAndPercentBecomeAscii) {
  EXPECT_EQ(normalize("（％）"), "(%)");
  EXPECT_EQ(normalize("覆盖率（％）"), "覆盖率(%)");
  EXPECT_EQ(normalize("［９０］"), "[90]");
}

TEST(TextNormalize, FullWidthComparisonSignsBecomeAscii) {
  EXPECT_EQ(normalize("＞９９"), ">99");
  EXPECT_EQ(normalize("＜３．５"), "<3.5");
}

TEST(TextNormalize, IdeographicSpaceBecomesAsciiSpace) {
  EXPECT_EQ(normalize("甲\u3000乙"), "甲 乙");
}

TEST(TextNormalize, DocumentNumberBracketsAndChinesePunctuationAreKept) {
  EXPECT_EQ(normalize("甬政办发〔2023〕1号"), "甬政办发〔2023〕1号");
  EXPECT_EQ(normalize("一、二，三；四：五。"), "一、二，三；四：五。");
  EXPECT_EQ(normalize("各区〔县、市〕政府"), "各区〔县、市〕政府");
}

TEST(TextNormalize, AsciiAndPlainChineseUnchanged) {
  EXPECT_EQ(normalize("plain ascii 123"), "plain ascii 123");
  EXPECT_EQ(normalize("质优宁波"), "质优宁波");
  EXPECT_EQ(normalize(""), "");
}

TEST(TextJoinWrapped, RemovesPdfSpacesBetweenChinese) {
  EXPECT_EQ(join_wrapped("宁波市残疾人 事业发展"), "宁波市残疾人事业发展");
  EXPECT_EQ(join_wrapped("完成上级 下达指标"), "完成上级下达指标");
}

TEST(TextJoinWrapped, RemovesSpaceBetweenAsciiAndChinese) {
  EXPECT_EQ(join_wrapped("GDP 比重"), "GDP比重");
  EXPECT_EQ(join_wrapped("占 GDP 比重"), "占GDP比重");
  EXPECT_EQ(join_wrapped("2025 年"), "2025年");
}

TEST(TextJoinWrapped, KeepsSingleSpaceBetweenAsciiWords) {
  EXPECT_EQ(join_wrapped("PM 2.5"), "PM 2.5");
  EXPECT_EQ(join_wrapped("hello   world"), "hello world");
}

TEST(TextJoinWrapped, TrimsAndCollapsesWhitespace) {
  EXPECT_EQ(join_wrapped("  质量  提升 \t"), "质量提升");
  EXPECT_EQ(join_wrapped("   "), "");
}

TEST(TextInvalidUtf8, ValidTextHasNoOffset) {
  EXPECT_FALSE(find_invalid_utf8("").has_value());
  EXPECT_FALSE(find_invalid_utf8("abc").has_value());
  EXPECT_FALSE(find_invalid_utf8("质优宁波〔2023〕").has_value());
  EXPECT_FALSE(find_invalid_utf8("\xF0\x9F\x98\x80").has_value());  // U+1F600, 4 bytes
}

TEST(TextInvalidUtf8, ReportsByteOffsetOfFirstBadSequence) {
  EXPECT_EQ(find_invalid_utf8("\xff"), 0U);
  EXPECT_EQ(find_invalid_utf8("ab\xffzz"), 2U);
  // "质" is 3 bytes; the stray continuation byte follows it.
  EXPECT_EQ(find_invalid_utf8("质\x80"), 3U);
  // Truncated 3-byte sequence at the end: "宁" = E5 AE 81, keep two bytes.
  EXPECT_EQ(find_invalid_utf8(std::string("ab") + "\xE5\xAE"), 2U);
  // First bad one wins.
  EXPECT_EQ(find_invalid_utf8("a\xC3\x28\xff"), 1U);
}

TEST(TextInvalidUtf8, RejectsOverlongAndSurrogates) {
  EXPECT_EQ(find_invalid_utf8("x\xC0\xAF"), 1U);         // overlong "/"
  EXPECT_EQ(find_invalid_utf8("xy\xED\xA0\x80"), 2U);    // U+D800 surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0U);  // > U+10FFFF
}

TEST(TextHelpers, SplitAnyDropsEmptyPieces) {
  const auto parts = split_any("甲、乙，，丙", {"、", "，"});
  EXPECT_EQ(parts, (std::vector<std::string>{"甲", "乙", "丙"}));
}

TEST(TextHelpers, LengthCountsCodePoints) {
  EXPECT_EQ(length("质优"), 2U);
  EXPECT_EQ(length("a质b"), 3U);
  EXPECT_EQ(length(""), 0U);
}

}  // namespace
}  // namespace zhiyou::text

namespace zhiyou::text {
namespace {

// A product or plan name that holds markup shows as text on the scan page and in reports.
TEST(EscapeHtml, MarkupInANameShowsAsText) {
  EXPECT_EQ(escape_html("<b>\"电热水壶\" & 'A'</b>"),
            "&lt;b&gt;&quot;电热水壶&quot; &amp; &#39;A&#39;&lt;/b&gt;");
  EXPECT_EQ(escape_html("质优宁波"), "质优宁波");
}

}  // namespace
}  // namespace zhiyou::text
