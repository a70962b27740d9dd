// Reading the COINr-layout tables: what is read, and bad input named by file, row and column.
#include <gtest/gtest.h>

#include <string>

#include "monitoring/index/framework_csv.hpp"

namespace zhiyou::monitoring::index {
namespace {

const std::string kMeta =
    "Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type\n"
    "1,GDPpc,人均GDP,1,1,元,100,NA,Econ,Indicator\n"
    "1,Waste,垃圾,-1,2,吨,NA,Pop,Econ,Indicator\n"
    "1,Green,绿化,1,1,%,,,Env,Indicator\n"
    "2,Econ,经济,1,1,,,,Index,Aggregate\n"
    "2,Env,环境,1,1,,,,Index,Aggregate\n"
    "3,Index,综合,1,1,,,,NA,Aggregate\n"
    "NA,Zone,片区,NA,NA,,,,,Group\n"
    "NA,Pop,人口,NA,NA,,,,,Denominator\n";

const std::string kData =
    "uCode,uName,Zone,Pop,GDPpc,Waste,Green\n"
    "A,甲区,北,10,90,5,30\n"
    "B,乙区,南,20,NA,8,\n"
    "C,丙区,,30,120,9,40\n";

Result<Framework> read(const std::string& data, const std::string& meta) {
  return read_framework(data, "D.csv", meta, "M.csv");
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return s.replace(at, from.size(), to);
}

TEST(IndexCsv, ReadsUnitsGroupsDenominatorsAndMissingCells) {
  auto f = read(kData, kMeta);
  ASSERT_TRUE(f.ok()) << f.error().describe();
  EXPECT_EQ(f->units.size(), 3U);
  EXPECT_EQ(f->units[1].name, "乙区");
  EXPECT_EQ(f->units[0].groups.at("Zone"), "北");
  EXPECT_EQ(f->units[2].groups.count("Zone"), 0U);  // empty group cell: no group
  EXPECT_EQ(f->indicators[1].direction, -1);
  EXPECT_EQ(f->indicators[1].weight, 2);
  EXPECT_EQ(f->indicators[1].denominator, "Pop");
  EXPECT_EQ(f->indicators[0].target, 100);
  EXPECT_FALSE(f->indicators[1].target.has_value());
  EXPECT_TRUE(is_missing(f->values[0][1]));  // NA
  EXPECT_TRUE(is_missing(f->values[2][1]));  // empty
  EXPECT_EQ(f->denominators[0][2], 30);
  EXPECT_EQ(f->aggregates.back().code, "Index");
  EXPECT_TRUE(f->aggregates.back().parent.empty());
}

TEST(IndexCsv, NonNumericCellNamesFileRowAndColumn) {
  const auto f = read(replace(kData, "B,乙区,南,20,NA,8,", "B,乙区,南,20,abc,8,"), kMeta);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().place, "D.csv:3");
  EXPECT_NE(f.error().message.find("第 5 列 GDPpc"), std::string::npos) << f.error().message;
  EXPECT_NE(f.error().message.find("abc"), std::string::npos);
}

TEST(IndexCsv, UnknownParentNamesTheMetadataRow) {
  const auto f =
      read(kData, replace(kMeta, "1,Green,绿化,1,1,%,,,Env", "1,Green,绿化,1,1,%,,,Envx"));
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().place, "M.csv:4");
  EXPECT_NE(f.error().message.find("第 9 列 Parent"), std::string::npos) << f.error().message;
  EXPECT_NE(f.error().message.find("Envx"), std::string::npos);
}

TEST(IndexCsv, ParentAtTheWrongLevelIsRejected) {
  const auto f =
      read(kData, replace(kMeta, "1,Green,绿化,1,1,%,,,Env", "1,Green,绿化,1,1,%,,,Index"));
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().place, "M.csv:4");
  EXPECT_NE(f.error().message.find("应在第 2 层"), std::string::npos) << f.error().message;
}

TEST(IndexCsv, MissingColumnsAreNamed) {
  const auto no_weight = read(kData, replace(kMeta, "Direction,Weight,", "Direction,W,"));
  ASSERT_FALSE(no_weight.ok());
  EXPECT_EQ(no_weight.error().place, "M.csv:1");
  EXPECT_NE(no_weight.error().message.find("Weight"), std::string::npos);

  const auto no_green =
      read(replace(replace(replace(replace(kData, ",Green\n", "\n"), ",30\n", "\n"), ",\n", "\n"),
                   ",40\n", "\n"),
           kMeta);
  ASSERT_FALSE(no_green.ok());
  EXPECT_NE(no_green.error().message.find("Green"), std::string::npos)
      << no_green.error().describe();

  const auto no_code = read(replace(kData, "uCode,", "Code,"), kMeta);
  ASSERT_FALSE(no_code.ok());
  EXPECT_NE(no_code.error().message.find("uCode"), std::string::npos);
}

TEST(IndexCsv, UnknownAndAggregateColumnsInTheDataAreRejected) {
  const auto extra = read(replace(kData, "Green\n", "Green,Blue\n"), kMeta);
  ASSERT_FALSE(extra.ok());
  EXPECT_NE(extra.error().message.find("第 8 列 Blue"), std::string::npos) << extra.error().message;
  const auto twice = read(replace(kData, "Green\n", "Green,Green\n"), kMeta);
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message.find("第 8 列 Green"), std::string::npos)
      << twice.error().message;
  const auto agg = read(replace(kData, "Green\n", "Green,Econ\n"), kMeta);
  ASSERT_FALSE(agg.ok());
  EXPECT_NE(agg.error().message.find("聚合项"), std::string::npos);
}

TEST(IndexCsv, BadMetadataValuesNameTheCell) {
  const auto dir = read(kData, replace(kMeta, "1,GDPpc,人均GDP,1,", "1,GDPpc,人均GDP,2,"));
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.error().place, "M.csv:2");
  EXPECT_NE(dir.error().message.find("第 4 列 Direction"), std::string::npos);
  const auto type = read(kData, replace(kMeta, "Env,Indicator", "Env,Indikator"));
  ASSERT_FALSE(type.ok());
  EXPECT_NE(type.error().message.find("Indikator"), std::string::npos);
  const auto dup = read(replace(kData, "C,丙区", "A,丙区"), kMeta);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().place, "D.csv:4");
  const auto denominator = read(kData, replace(kMeta, "NA,Pop,Econ", "NA,People,Econ"));
  ASSERT_FALSE(denominator.ok());
  EXPECT_NE(denominator.error().message.find("第 8 列 Denominator"), std::string::npos);
}

}  // namespace
}  // namespace zhiyou::monitoring::index
