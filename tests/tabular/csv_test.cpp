#include "tabular/csv.hpp"

#include <gtest/gtest.h>

namespace zhiyou::tabular {
namespace {

std::vector<std::string> cells(const Table& table, std::size_t row) {
  return table.rows.at(row).cells;
}

TEST(Csv, ReadsExcelStyleQuotingAndKeepsLineNumbers) {
  auto table = parse_csv(
      "\xEF\xBB\xBF指标,区县,数值\r\n\"研发投入, "
      "占比\",鄞州,3.2\r\n\"多\n行\",\"说\"\"明\"\"\",\r\n");
  ASSERT_TRUE(table) << table.error().describe();
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(cells(*table, 0), (std::vector<std::string>{"指标", "区县", "数值"}));
  EXPECT_EQ(cells(*table, 1), (std::vector<std::string>{"研发投入, 占比", "鄞州", "3.2"}));
  EXPECT_EQ(cells(*table, 2), (std::vector<std::string>{"多\n行", "说\"明\"", ""}));
  EXPECT_EQ(table->rows[1].line, 2u);
  EXPECT_EQ(table->rows[2].line, 3u);
}

TEST(Csv, DropsBlankRowsButCountsTheirLines) {
  auto table = parse_csv("a,b\n,\n\nc,d");
  ASSERT_TRUE(table);
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[1].line, 4u);
  EXPECT_EQ(cells(*table, 1), (std::vector<std::string>{"c", "d"}));
}

TEST(Csv, NamesTheLineOfAnUnterminatedQuote) {
  auto table = parse_csv("a,b\nx,\"open\n\nmore");
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().place, "第 2 行");
}

TEST(Csv, RejectsTextAfterAClosingQuote) {
  auto table = parse_csv("a,\"b\"c\n");
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().place, "第 1 行");
}

TEST(Csv, RejectsBytesThatAreNotUtf8WithTheirLine) {
  auto table = parse_csv("a,b\n\xD6\xB8\xB1\xEA,1\n");  // "指标" in GB18030
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().place, "第 2 行");
  EXPECT_NE(table.error().message.find("UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace zhiyou::tabular
