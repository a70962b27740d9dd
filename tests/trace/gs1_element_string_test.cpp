#include <gtest/gtest.h>

#include <string>

#include "trace/gs1/element_string.hpp"

namespace gs1 = zhiyou::trace::gs1;

namespace {
const std::string GS(1, gs1::kGroupSeparator);

std::string error_of(std::string_view text, std::size_t* pos = nullptr, bool raw = false) {
  std::size_t p = 0;
  auto r = raw ? gs1::parse_raw(text, {}, &p) : gs1::parse_bracketed(text, {}, &p);
  if (pos != nullptr) *pos = p;
  return r.ok() ? std::string("ok") : r.error().message;
}
}  // namespace

TEST(Gs1ElementString, ParsesBracketed) {
  auto r = gs1::parse_bracketed("(01)09506000134352(10)ABC(17)261200");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].ai, "01");
  EXPECT_EQ((*r)[1].value, "ABC");
  EXPECT_EQ((*r)[2].position, 26u);
}

TEST(Gs1ElementString, ReportsCheckDigitWithPosition) {
  std::size_t pos = 0;
  EXPECT_EQ(error_of("(01)09506000134353", &pos), "AI (01) 校验位错误：应为 2");
  EXPECT_EQ(pos, 17u);
  auto r = gs1::parse_bracketed("(01)09506000134353");
  EXPECT_EQ(r.error().place, "AI (01)");
}

TEST(Gs1ElementString, BoundaryLengths) {
  EXPECT_EQ(error_of("(01)09506000134352(10)" + std::string(20, 'A')), "ok");
  EXPECT_NE(error_of("(01)09506000134352(10)" + std::string(21, 'A')), "ok");
  EXPECT_EQ(error_of("(99)" + std::string(90, 'A')), "ok");
  EXPECT_NE(error_of("(99)" + std::string(91, 'A')), "ok");
  EXPECT_NE(error_of("(01)0950600013435"), "ok");
  EXPECT_NE(error_of("(01)095060001343520"), "ok");
}

TEST(Gs1ElementString, MalformedBracketed) {
  for (const char* bad :
       {"", "(", "()", "(0", "(01", "(01)", "(1)1", "(12345)1", "01)1", "(01)09506000134352(",
        "(01)09506000134352x", "(0A)1", "(10)A^B", "(10)A B", "(04)123", "(89)ABC"}) {
    EXPECT_NE(error_of(bad), "ok") << bad;
  }
}

// A character outside the value's set is named so that whoever typed it can find it: a space
// by name, a Chinese or full-width character (what an input method types) as itself, a byte
// that is no character as its hex code. The position is the byte where it starts.
TEST(Gs1ElementString, NamesTheCharacterAValueMayNotHold) {
  const std::string gtin = "(01)09506000134352";
  std::size_t pos = 0;
  EXPECT_EQ(error_of(gtin + "(10)L 1", &pos),
            "AI (10) 含有无效字符 空格：应为GS1 字符集 82 中的字符");
  EXPECT_EQ(pos, 23u);
  EXPECT_EQ(error_of(gtin + "(10)A批1", &pos),
            "AI (10) 含有无效字符 「批」：应为GS1 字符集 82 中的字符");
  EXPECT_EQ(pos, 23u);
  EXPECT_EQ(error_of(gtin + "(10)Ｌ1"),
            "AI (10) 含有无效字符 「Ｌ」（全角字符，应为半角）：应为GS1 字符集 82 中的字符");
  EXPECT_EQ(error_of(gtin + "(10)A\xFF"), "AI (10) 含有无效字符 0xFF：应为GS1 字符集 82 中的字符");
  EXPECT_EQ(error_of(gtin + "(10)A\xE6\x89"),  // a character cut short
            "AI (10) 含有无效字符 0xE6：应为GS1 字符集 82 中的字符");
  EXPECT_EQ(error_of("批(01)09506000134352"), "应以 '(' 开始一个 AI，实际为 「批」");
}

TEST(Gs1ElementString, DateRules) {
  const std::string gtin = "(01)09506000134352";
  EXPECT_EQ(error_of(gtin + "(17)261200"), "ok");  // DD = 00 allowed for expiry
  EXPECT_NE(error_of(gtin + "(17)261301"), "ok");
  std::size_t pos = 0;
  EXPECT_EQ(error_of(gtin + "(17)260230", &pos), "AI (17) 日期的日无效：260230");
  EXPECT_EQ(pos, 26u);
  EXPECT_EQ(error_of(gtin + "(7006)261200"), "AI (7006) 日期的日无效：261200");
}

TEST(Gs1ElementString, Associations) {
  EXPECT_NE(error_of("(02)09506000134352"), "ok");                    // 02 needs 37
  EXPECT_NE(error_of("(01)09506000134352(02)09506000134352"), "ok");  // invalid pair
  EXPECT_NE(error_of("(01)09506000134352(37)5"), "ok");
  EXPECT_EQ(error_of("(00)106141411234567897(02)09506000134352(37)5"), "ok");
  EXPECT_NE(error_of("(01)09506000134352(10)A(10)B"), "ok");  // same AI, different values
  EXPECT_EQ(error_of("(01)09506000134352(10)A(10)A"), "ok");
  EXPECT_NE(error_of("(10)ABC"), "ok");  // batch without a trade item
  gs1::Options loose;
  loose.check_associations = false;
  EXPECT_TRUE(gs1::parse_bracketed("(10)ABC", loose).ok());
}

TEST(Gs1ElementString, ParsesRawWithSymbologyIds) {
  for (const char* id : {"", "]C1", "]d2", "]Q3", "]e0", "]J1"}) {
    auto r = gs1::parse_raw(std::string(id) + "0109506000134352" + "10ABC" + GS + "17261231");
    ASSERT_TRUE(r.ok()) << id << ": " << r.error().message;
    EXPECT_EQ(gs1::to_bracketed(*r), "(01)09506000134352(10)ABC(17)261231");
  }
  auto ean = gs1::parse_raw("]E09506000134352");
  ASSERT_TRUE(ean.ok());
  EXPECT_EQ((*ean)[0].value, "09506000134352");
  EXPECT_FALSE(gs1::parse_raw("]E09506000134353").ok());
  EXPECT_FALSE(gs1::parse_raw("]X10109506000134352").ok());
  EXPECT_FALSE(gs1::parse_raw("]C1").ok());
  EXPECT_FALSE(gs1::parse_raw("").ok());
  EXPECT_FALSE(gs1::parse_raw("]C10109506000134352" + GS + GS + "10A").ok());
  EXPECT_FALSE(gs1::parse_raw("]C1010950600013435" + GS + "10A").ok());
  std::size_t pos = 0;
  EXPECT_EQ(error_of("]C1010950600013435210A" + GS + "3", &pos, true), "无法识别 AI：3…");
  EXPECT_EQ(pos, 23u);
}

TEST(Gs1ElementString, FormatsBothWays) {
  auto r = gs1::parse_bracketed("(01)09506000134352(10)A\\(B(3103)000195(21)X");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[1].value, "A(B");
  EXPECT_EQ(gs1::to_bracketed(*r), "(01)09506000134352(10)A\\(B(3103)000195(21)X");
  EXPECT_EQ(gs1::to_raw(*r),
            "]C10109506000134352"
            "10A(B" +
                GS + "310300019521X");
  EXPECT_EQ(gs1::to_raw(*r, ""),
            "0109506000134352"
            "10A(B" +
                GS + "310300019521X");
  auto back = gs1::parse_raw(gs1::to_raw(*r, "]d2"));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, *r);
}

TEST(Gs1ElementString, ReusesStorage) {
  gs1::Elements out;
  ASSERT_TRUE(gs1::parse_bracketed_into("(01)09506000134352(21)1", out).ok());
  ASSERT_TRUE(gs1::parse_raw_into("0109506000134352", out).ok());
  EXPECT_EQ(out.size(), 1u);
}
