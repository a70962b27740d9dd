// The XLSX reader on workbooks made here: by our writer (libxlsxwriter), by libxlsxwriter
// directly, and by hand (minizip) for what other programs write — inline strings, phonetic
// runs, namespace prefixes, gaps, a second sheet listed first in the zip.
#include <gtest/gtest.h>
#include <minizip/zip.h>
#include <xlsxwriter.h>

#include <map>
#include <string>

#include "support/test_support.hpp"
#include "tabular/read_table.hpp"
#include "tabular/xlsx_reader.hpp"
#include "tabular/xlsx_writer.hpp"

namespace zhiyou::tabular {
namespace {

using zhiyou::testing::read_file;
using zhiyou::testing::TempDir;

std::string zip_of(const TempDir& dir, const std::map<std::string, std::string>& parts) {
  const std::string path = (dir.path() / "hand.xlsx").string();
  zipFile zf = zipOpen(path.c_str(), APPEND_STATUS_CREATE);
  EXPECT_NE(zf, nullptr);
  for (const auto& [name, content] : parts) {
    zip_fileinfo info{};
    EXPECT_EQ(zipOpenNewFileInZip(zf, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                  Z_DEFLATED, Z_DEFAULT_COMPRESSION),
              ZIP_OK);
    zipWriteInFileInZip(zf, content.data(), static_cast<unsigned>(content.size()));
    zipCloseFileInZip(zf);
  }
  zipClose(zf, nullptr);
  return read_file(path);
}

const std::string kWorkbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId7"/><sheet name="说明" sheetId="2" r:id="rId1"/></sheets></workbook>)";
const std::string kRels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>)";

TEST(XlsxReader, ReadsWhatOtherProgramsWrite) {
  TempDir dir;
  // Prefixed namespace (x:), shared strings with a rich run and a phonetic reading, an
  // inline string, a boolean, an error, a formula's cached value, a gap (B3 missing) and a
  // blank row 4 that is dropped.
  const std::string shared =
      R"(<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>指标</x:t></x:si><x:si><x:r><x:t>森林</x:t></x:r><x:r><x:t>覆盖率</x:t></x:r><x:rPh><x:t>しんりん</x:t></x:rPh></x:si><x:si><x:t xml:space="preserve"> 数值 </x:t></x:si></x:sst>)";
  const std::string sheet =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
      R"(<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>2</x:v></x:c></x:row>)"
      R"(<x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="C3"><x:v>48.299999999999997</x:v></x:c><x:c r="D3" t="inlineStr"><x:is><x:t>全市</x:t></x:is></x:c></x:row>)"
      R"(<x:row r="4"><x:c r="A4"/></x:row>)"
      R"(<x:row r="5"><x:c r="A5" t="b"><x:v>1</x:v></x:c><x:c r="B5" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="C5"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>)"
      R"(</x:sheetData></x:worksheet>)";
  const std::string other =
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>)";
  const std::string bytes = zip_of(dir, {{"xl/workbook.xml", kWorkbook},
                                         {"xl/_rels/workbook.xml.rels", kRels},
                                         {"xl/sharedStrings.xml", shared},
                                         {"xl/worksheets/sheet1.xml", other},
                                         {"xl/worksheets/data.xml", sheet}});
  auto table = parse_xlsx(bytes);
  ASSERT_TRUE(table.ok()) << table.error().describe();
  ASSERT_EQ(table->rows.size(), 3U);
  EXPECT_EQ(table->rows[0].line, 2U);
  EXPECT_EQ(table->rows[0].cells, (std::vector<std::string>{"指标", "", " 数值 "}));
  EXPECT_EQ(table->rows[1].line, 3U);
  EXPECT_EQ(table->rows[1].cells,
            (std::vector<std::string>{"森林覆盖率", "", "48.299999999999997", "全市"}));
  EXPECT_EQ(table->rows[2].line, 5U);
  EXPECT_EQ(table->rows[2].cells, (std::vector<std::string>{"TRUE", "#DIV/0!", "2"}));
}

TEST(XlsxReader, ReadsNumbersAsExcelStoredThemFromLibxlsxwriter) {
  TempDir dir;
  const std::string path = (dir.path() / "direct.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "监测");
  worksheet_write_string(ws, 0, 0, "指标", nullptr);
  worksheet_write_string(ws, 0, 1, "数值", nullptr);
  worksheet_write_string(ws, 6, 0, "新开工装配式建筑面积", nullptr);
  worksheet_write_number(ws, 6, 1, 80000000, nullptr);
  worksheet_write_number(ws, 7, 1, 99.5, nullptr);
  worksheet_write_number(ws, 8, 27, -0.125, nullptr);  // AB9
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto read = read_table(path);
  ASSERT_TRUE(read.ok()) << read.error().describe();
  EXPECT_EQ(read->format, FileFormat::xlsx);
  const Table& t = read->table;
  ASSERT_EQ(t.rows.size(), 4U);
  EXPECT_EQ(t.rows[1].line, 7U);  // Excel's row 7
  EXPECT_EQ(t.rows[1].cells, (std::vector<std::string>{"新开工装配式建筑面积", "80000000"}));
  EXPECT_EQ(t.rows[2].cells, (std::vector<std::string>{"", "99.5"}));
  ASSERT_EQ(t.rows[3].cells.size(), 28U);
  EXPECT_EQ(t.rows[3].cells[27], "-0.125");
}

TEST(XlsxWriter, WritesSheetsThatReadBackWithNumbersAsNumbers) {
  TempDir dir;
  const std::string path = (dir.path() / "report.xlsx").string();
  xlsx::Workbook wb;
  xlsx::Sheet sheet;
  sheet.name = "完成情况";
  sheet.columns = {{"指标", 30, "规划原文名称", "", false, false},
                   {"期间", 8, "", "", true, false},
                   {"实际值", 10, "", "0.00", false, true}};
  sheet.rows = {{std::string("森林覆盖率"), std::string("2025"), 48.25},
                {std::string("空值行"), std::monostate{}}};
  sheet.notes = {{0, 2, "来自 2025 年统计公报"}};
  wb.sheets.push_back(sheet);
  wb.sheets.push_back(xlsx::Sheet{
      "说明", {{"说明", 60, "", "", false, false}}, {{std::string("第二页")}}, {}, false});
  ASSERT_TRUE(xlsx::write_xlsx(path, wb).ok());
  const std::string bytes = read_file(path);
  auto table = parse_xlsx(bytes);
  ASSERT_TRUE(table.ok()) << table.error().describe();
  ASSERT_EQ(table->rows.size(), 3U);
  EXPECT_EQ(table->rows[0].cells, (std::vector<std::string>{"指标", "期间", "实际值"}));
  EXPECT_EQ(table->rows[1].cells, (std::vector<std::string>{"森林覆盖率", "2025", "48.25"}));
  // The input column's blank cells are written (highlighted), so they read as "".
  EXPECT_EQ(table->rows[2].cells, (std::vector<std::string>{"空值行", "", ""}));
  // The note is stored as a comment part.
  EXPECT_NE(bytes.find("comments1.xml"), std::string::npos);
}

TEST(XlsxWriter, BadSheetNamesAndWideRowsAreErrorsAndLeaveNoFile) {
  TempDir dir;
  const std::string path = (dir.path() / "bad.xlsx").string();
  xlsx::Workbook wb;
  wb.sheets.push_back(xlsx::Sheet{"a/b", {{"x", 8, "", "", false, false}}, {}, {}, true});
  auto bad_name = xlsx::write_xlsx(path, wb);
  ASSERT_FALSE(bad_name.ok());
  EXPECT_NE(bad_name.error().message.find("工作表名无效"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path));
  wb.sheets[0].name = "ok";
  wb.sheets[0].rows = {{1.0, 2.0}};
  auto wide = xlsx::write_xlsx(path, wb);
  ASSERT_FALSE(wide.ok());
  EXPECT_NE(wide.error().message.find("第 2 行"), std::string::npos);
  EXPECT_EQ(xlsx::column_letters(0), "A");
  EXPECT_EQ(xlsx::column_letters(27), "AB");
  EXPECT_EQ(xlsx::column_letters(16383), "XFD");
}

TEST(XlsxReader, ClearErrorsForFilesThatAreNotWorkbooks) {
  TempDir dir;
  auto not_zip = parse_xlsx("指标,数值\n");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_NE(not_zip.error().message.find("不是 xlsx"), std::string::npos);

  auto no_sheet = parse_xlsx(zip_of(dir, {{"word/document.xml", "<w/>"}}));
  ASSERT_FALSE(no_sheet.ok());
  EXPECT_NE(no_sheet.error().message.find("没有工作表"), std::string::npos);

  auto bad_xml =
      parse_xlsx(zip_of(dir, {{"xl/worksheets/sheet1.xml", "<worksheet><row>\n<c></row>"}}));
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_NE(bad_xml.error().message.find("xl/worksheets/sheet1.xml 不是有效的 XML"),
            std::string::npos);
  EXPECT_NE(bad_xml.error().message.find("第 2 行"), std::string::npos);

  auto bad_index = parse_xlsx(zip_of(
      dir,
      {{"xl/worksheets/sheet1.xml",
        R"(<worksheet><sheetData><row r="1"><c r="B1" t="s"><v>7</v></c></row></sheetData></worksheet>)"}}));
  ASSERT_FALSE(bad_index.ok());
  EXPECT_NE(bad_index.error().message.find("单元格 B1"), std::string::npos);

  auto doctype = parse_xlsx(
      zip_of(dir, {{"xl/worksheets/sheet1.xml",
                    R"(<!DOCTYPE lol [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>)"}}));
  ASSERT_FALSE(doctype.ok());
  EXPECT_NE(doctype.error().message.find("DOCTYPE"), std::string::npos);

  auto bad_ref = parse_xlsx(zip_of(
      dir,
      {{"xl/worksheets/sheet1.xml",
        R"(<worksheet><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>)"}}));
  ASSERT_FALSE(bad_ref.ok());
  EXPECT_NE(bad_ref.error().message.find("ZZZZ1"), std::string::npos);
}

}  // namespace
}  // namespace zhiyou::tabular
