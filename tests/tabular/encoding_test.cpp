// UTF-8 and GB18030 text as Excel in China saves it; GB18030 bytes are made with iconv here.
#include "tabular/encoding.hpp"

#include <gtest/gtest.h>
#include <iconv.h>

#include <string>

#include "tabular/read_table.hpp"

namespace zhiyou::tabular {
namespace {

// UTF-8 → GB18030 through glibc's iconv, independently of the code under test's direction.
std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* o = out.data();
  std::size_t out_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &o, &out_left), static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

TEST(Encoding, Utf8WithAndWithoutBomStaysAsItIs) {
  const std::string text = "指标,区县\n规上工业新产品产值率,鄞州\n";
  auto plain = decode_text(text);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->text, text);
  EXPECT_EQ(plain->encoding, SourceEncoding::utf8);
  auto bom = decode_text("\xEF\xBB\xBF" + text);
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom->text, text);
}

TEST(Encoding, Gb18030IsDecoded) {
  const std::string text = "指标,区县,数值\n“品字标浙江制造”企业,鄞州区,35\n";
  const std::string gb = to_gb18030(text);
  ASSERT_NE(gb, text);  // really different bytes
  auto decoded = decode_text(gb);
  ASSERT_TRUE(decoded.ok()) << decoded.error().describe();
  EXPECT_EQ(decoded->text, text);
  EXPECT_EQ(decoded->encoding, SourceEncoding::gb18030);
  EXPECT_EQ(to_string(decoded->encoding), "GB18030");
}

TEST(Encoding, BytesThatAreNeitherNameTheLine) {
  // Lines 1–2 are GB18030, line 3 holds 0xFF, which no GB18030 sequence starts with.
  const std::string bytes = to_gb18030("指标,区县\n森林覆盖率,全市\n") + "x,\xFF\xFF\n";
  auto decoded = decode_text(bytes);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().place, "第 3 行");
  EXPECT_NE(decoded.error().message.find("GB18030"), std::string::npos);
}

TEST(Encoding, ReadTableDecodesGb18030CsvAndTabSeparatedText) {
  auto gb = parse_table(to_gb18030("指标,数值\n森林覆盖率,48.5\n"), "gbk.csv");
  ASSERT_TRUE(gb.ok()) << gb.error().describe();
  EXPECT_EQ(gb->format, FileFormat::csv);
  EXPECT_EQ(gb->encoding, SourceEncoding::gb18030);
  ASSERT_EQ(gb->table.rows.size(), 2U);
  EXPECT_EQ(gb->table.rows[1].cells, (std::vector<std::string>{"森林覆盖率", "48.5"}));

  auto tabs = parse_table("指标\t数值\n森林覆盖率\t1,250\n", "export.txt");
  ASSERT_TRUE(tabs.ok());
  EXPECT_EQ(tabs->table.rows[1].cells, (std::vector<std::string>{"森林覆盖率", "1,250"}));
}

TEST(Encoding, ReadTableExplainsFilesItCannotRead) {
  auto xls = parse_table(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest", "old.xls");
  ASSERT_FALSE(xls.ok());
  EXPECT_EQ(xls.error().place, "old.xls");
  EXPECT_NE(xls.error().message.find(".xls"), std::string::npos);
  auto renamed = parse_table("指标,数值\n", "renamed.xlsx");
  ASSERT_FALSE(renamed.ok());
  EXPECT_NE(renamed.error().message.find("不是 xlsx"), std::string::npos);
  auto missing = read_table("/nonexistent/dir/file.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().place, "/nonexistent/dir/file.csv");
  auto bad = parse_table("a,b\n\"x\xFF\xFE\n", "bad.csv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().place, "bad.csv 第 2 行");
}

}  // namespace
}  // namespace zhiyou::tabular
