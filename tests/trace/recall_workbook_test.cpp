// The recall scope as a workbook for Excel: what a clerk reads in each sheet.
#include "trace/recall_workbook.hpp"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>
#include <variant>

#include "core/date_time.hpp"

namespace zhiyou::trace {
namespace {

using tabular::xlsx::CellValue;
using tabular::xlsx::Sheet;

std::string text(const CellValue& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* d = std::get_if<double>(&cell)) return std::to_string(static_cast<long long>(*d));
  return "";
}

RecallScope sample() {
  RecallScope scope;
  scope.request = {"09506000134352", {"L1", "L2"}};
  RecallUnit sold;
  sold.epc = "https://id.gs1.org/01/09506000134352/21/1006";
  sold.lot = "L1";
  sold.whereabouts.location = "https://id.gs1.org/414/9506001000021";
  sold.whereabouts.seen_at = *parse_date_time("2024-05-04T15:00:00+08:00");
  sold.whereabouts.last_biz_step = "retail_selling";
  sold.whereabouts.disposition = "retail_sold";
  sold.reached_consumer = true;
  sold.issued = true;
  RecallUnit packed;
  packed.epc = "https://id.gs1.org/01/09506000134352/21/1001";
  packed.lot = "L2";
  packed.containers = {"https://id.gs1.org/00/095060000000000114",
                       "https://id.gs1.org/00/095060000000000992"};
  packed.whereabouts.custodian = "urn:epc:id:pgln:9506001.00001";
  RecallUnit never_seen;
  never_seen.epc = "https://id.gs1.org/01/09506000134352/21/1007";
  never_seen.lot = "L1";
  never_seen.issued = true;
  scope.units = {sold, packed, never_seen};
  RecallContainer pallet;
  pallet.epc = "https://id.gs1.org/00/095060000000000992";
  pallet.affected_units = 1;
  pallet.whereabouts.location = "https://id.gs1.org/414/9506001000038";
  scope.containers = {pallet};
  scope.reached_consumers = 1;
  scope.issued_units = 2;
  scope.never_seen = 1;
  return scope;
}

const Sheet& sheet(const tabular::xlsx::Workbook& book, const std::string& name) {
  for (const Sheet& s : book.sheets) {
    if (s.name == name) return s;
  }
  throw std::runtime_error("no sheet " + name);
}

TEST(RecallWorkbook, TheSummaryComesFirstWithTheCounts) {
  const auto book = recall_workbook(sample());
  ASSERT_EQ(book.sheets.size(), 3u);
  EXPECT_EQ(book.sheets[0].name, "汇总");
  std::map<std::string, std::string> summary;
  for (const auto& row : book.sheets[0].rows) summary[text(row.at(0))] = text(row.at(1));
  EXPECT_EQ(summary["GTIN"], "09506000134352");
  EXPECT_EQ(summary["批号"], "L1、L2");
  EXPECT_EQ(summary["受影响单品"], "3");
  EXPECT_EQ(summary["已到达消费者"], "1");
  EXPECT_EQ(summary["尚未售出"], "2");
  EXPECT_EQ(summary["所在箱/托"], "1");
  EXPECT_EQ(summary["本平台赋码"], "2");
  EXPECT_EQ(summary["无流通记录"], "1");
}

TEST(RecallWorkbook, UnitsReadInChineseWithBeijingTimes) {
  const auto book = recall_workbook(sample());
  const Sheet& units = sheet(book, "受影响单品");
  ASSERT_EQ(units.rows.size(), 3u);
  for (const auto& column : units.columns) {
    EXPECT_TRUE(column.header.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos ||
                column.header.find("（") != std::string::npos)
        << column.header << ": headers are Chinese";
  }
  std::map<std::string, std::string> sold;
  for (std::size_t i = 0; i < units.columns.size(); ++i) {
    sold[units.columns[i].header] = text(units.rows[0].at(i));
  }
  EXPECT_EQ(sold["最后记录时间（北京时间）"], "2024-05-04 15:00:00");
  EXPECT_NE(sold["最后环节"].find("（retail_selling）"), std::string::npos) << sold["最后环节"];
  EXPECT_NE(sold["状态"].find("（retail_sold）"), std::string::npos) << sold["状态"];
  EXPECT_FALSE(sold["最后环节"].starts_with("retail")) << "the Chinese label comes first";
  EXPECT_EQ(sold["已售出"], "是");
  EXPECT_EQ(sold["本平台赋码"], "是");
  std::map<std::string, std::string> packed;
  for (std::size_t i = 0; i < units.columns.size(); ++i) {
    packed[units.columns[i].header] = text(units.rows[1].at(i));
  }
  EXPECT_EQ(packed["所在箱"], "https://id.gs1.org/00/095060000000000114");
  EXPECT_EQ(packed["所在托"], "https://id.gs1.org/00/095060000000000992");
  EXPECT_EQ(packed["持有方"], "urn:epc:id:pgln:9506001.00001");
  EXPECT_EQ(packed["最后记录时间（北京时间）"], "") << "never seen: no time, not 1970";
  EXPECT_EQ(packed["已售出"], "否");
}

TEST(RecallWorkbook, ContainersCountTheirAffectedUnits) {
  const auto book = recall_workbook(sample());
  const Sheet& containers = sheet(book, "箱托");
  ASSERT_EQ(containers.rows.size(), 1u);
  EXPECT_EQ(text(containers.rows[0].at(0)), "https://id.gs1.org/00/095060000000000992");
  EXPECT_EQ(text(containers.rows[0].at(2)), "1");
  EXPECT_TRUE(std::holds_alternative<double>(containers.rows[0].at(2))) << "a number Excel sums";
}

TEST(RecallWorkbook, BeijingTimeIsUtcPlusEight) {
  EXPECT_EQ(beijing_time(*parse_date_time("2024-12-31T16:30:05Z")), "2025-01-01 00:30:05");
  EXPECT_EQ(beijing_time(0), "");
}

}  // namespace
}  // namespace zhiyou::trace
