// The real `zhiyou data …` commands on the seed plans: import (CSV in UTF-8 and GB18030,
// XLSX), all-or-nothing and --partial, the fill-in template and its round trip, history,
// judgements and the list.
#include <gtest/gtest.h>
#include <iconv.h>
#include <minizip/unzip.h>
#include <minizip/zip.h>

#include <boost/json.hpp>

#include <map>
#include <string>

#include "support/test_support.hpp"
#include "tabular/xlsx_reader.hpp"

namespace zhiyou::testing {
namespace {

namespace json = boost::json;

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* o = out.data();
  std::size_t out_left = out.size();
  iconv(cd, &in, &in_left, &o, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

// Every part of a zip, by name.
std::map<std::string, std::string> unzip_all(const std::filesystem::path& path) {
  std::map<std::string, std::string> parts;
  unzFile zf = unzOpen(path.string().c_str());
  EXPECT_NE(zf, nullptr);
  for (int more = unzGoToFirstFile(zf); more == UNZ_OK; more = unzGoToNextFile(zf)) {
    char name[512];
    unz_file_info info;
    unzGetCurrentFileInfo(zf, &info, name, sizeof name, nullptr, 0, nullptr, 0);
    unzOpenCurrentFile(zf);
    std::string content(info.uncompressed_size, '\0');
    unzReadCurrentFile(zf, content.data(), static_cast<unsigned>(content.size()));
    unzCloseCurrentFile(zf);
    parts[name] = content;
  }
  unzClose(zf);
  return parts;
}

void zip_all(const std::filesystem::path& path, const std::map<std::string, std::string>& parts) {
  zipFile zf = zipOpen(path.string().c_str(), APPEND_STATUS_CREATE);
  for (const auto& [name, content] : parts) {
    zip_fileinfo info{};
    zipOpenNewFileInZip(zf, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                        Z_DEFAULT_COMPRESSION);
    zipWriteInFileInZip(zf, content.data(), static_cast<unsigned>(content.size()));
    zipCloseFileInZip(zf);
  }
  zipClose(zf, nullptr);
}

class DataCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string db() const { return " --db " + quoted(dir.path() / "zhiyou.db"); }
  CommandResult run(const std::string& args) { return run_zhiyou(args + db()); }

  void SetUp() override {
    const auto r = run("plan import " + quoted(seed("000")) + " " + quoted(seed("004")));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    quality_ = plan_id("质优宁波");
  }

  std::string plan_id(const std::string& title_part) {
    const auto r = run("plan list --json");
    const json::value doc = json::parse(r.out);
    for (const auto& p : doc.at("plans").as_array()) {
      if (std::string(p.at("title").as_string()).find(title_part) != std::string::npos) {
        return std::string(p.at("id").as_string());
      }
    }
    ADD_FAILURE() << "no plan " << title_part;
    return "none";
  }

  std::string indicator_id(const std::string& plan, const std::string& name) {
    const auto r = run("plan show " + plan + " --json");
    const json::value doc = json::parse(r.out);
    for (const auto& i : doc.at("plans").at(0).at("indicators").as_array()) {
      if (i.at("name").as_string() == name) return std::string(i.at("id").as_string());
    }
    ADD_FAILURE() << "no indicator " << name;
    return "none";
  }

  json::array observations(const std::string& extra = "") {
    const auto r = run("data list --plan " + quality_ + " --json" + extra);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const json::value doc = json::parse(r.out);
    return doc.at("observations").as_array();
  }

  std::filesystem::path write(const std::string& name, const std::string& content) {
    const auto path = dir.path() / name;
    write_file(path, content);
    return path;
  }

  std::string quality_;
};

const std::string kGood =
    "指标,区县,期间,数值,来源\n"
    "规上工业新产品产值率,全市,2024,34.5,2024年统计公报\n"
    "规上工业新产品产值率,鄞州,2024,36.2,鄞州区统计局\n"
    "森林覆盖率,全市,2024,48.3,\n";

TEST_F(DataCli, ImportsUtf8AndGb18030CsvAndSummarises) {
  const auto utf8 =
      run("data import " + quoted(write("utf8.csv", "\xEF\xBB\xBF" + kGood)) + " --by 市统计局");
  ASSERT_EQ(utf8.exit_code, 0) << utf8.err;
  EXPECT_NE(utf8.out.find("导入 3 行 — 新增 3 条"), std::string::npos) << utf8.out;
  EXPECT_NE(utf8.out.find("CSV UTF-8"), std::string::npos);

  // The same figures saved by Excel as GB18030 change nothing.
  const auto gb = run("data import " + quoted(write("gbk.csv", to_gb18030(kGood))));
  ASSERT_EQ(gb.exit_code, 0) << gb.err;
  EXPECT_NE(gb.out.find("CSV GB18030"), std::string::npos) << gb.out;
  EXPECT_NE(gb.out.find("与库中相同 3 条"), std::string::npos) << gb.out;

  const auto list = observations();
  ASSERT_EQ(list.size(), 3U);
  EXPECT_EQ(list[0].at("indicator").as_string(), "规上工业新产品产值率");
  EXPECT_EQ(list[0].at("region").as_string(), "全市");
  EXPECT_EQ(list[0].at("value").as_double(), 34.5);
  EXPECT_EQ(list[0].at("reported_by").as_string(), "市统计局");
  EXPECT_EQ(list[1].at("region").as_string(), "鄞州区");
  EXPECT_EQ(list[2].at("source").as_string(), "utf8.csv");
}

TEST_F(DataCli, ABadRowWritesNothingAndEveryBadRowIsListed) {
  const auto file = write("bad.csv", kGood +
                                         "不存在的指标,全市,2024,1,\n"
                                         "森林覆盖率,全市,2031,48,\n"
                                         "森林覆盖率,全市,2024,48.3,\n");
  const auto r = run("data import " + quoted(file));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.csv 第5行: 未知指标“不存在的指标”"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.csv 第6行: 期间 2031 不在规划期内"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.csv 第7行: 与第4行重复"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("整个文件未写入"), std::string::npos);
  EXPECT_TRUE(observations().empty());

  const auto partial = run("data import " + quoted(file) + " --partial --json");
  EXPECT_EQ(partial.exit_code, 1);  // the input still had bad rows
  const auto doc = json::parse(partial.out);
  EXPECT_EQ(doc.at("inserted").as_int64(), 3);
  EXPECT_EQ(doc.at("errors").as_array().size(), 3U);
  EXPECT_EQ(doc.at("errors").at(0).at("row").as_int64(), 5);
  EXPECT_NE(partial.err.find("其余 3 行已写入"), std::string::npos);
  EXPECT_EQ(observations().size(), 3U);
}

TEST_F(DataCli, MissingColumnsAndUnreadableFilesAreOneMessage) {
  const auto columns =
      run("data import " + quoted(write("cols.csv", "指标,数值\n森林覆盖率,48\n")));
  EXPECT_EQ(columns.exit_code, 1);
  EXPECT_NE(columns.err.find("缺少必需的列 “区县”、“期间”"), std::string::npos) << columns.err;
  const auto binary = run("data import " + quoted(write("junk.csv", "a,b\n\xFF\xFF\xFF\n")));
  EXPECT_EQ(binary.exit_code, 1);
  EXPECT_NE(binary.err.find("junk.csv 第 2 行"), std::string::npos) << binary.err;
  const auto fake = run("data import " + quoted(write("fake.xlsx", "指标,区县\n")));
  EXPECT_EQ(fake.exit_code, 1);
  EXPECT_NE(fake.err.find("不是 xlsx"), std::string::npos) << fake.err;
}

TEST_F(DataCli, RevisionsAreKeptWithWhoAndWhat) {
  ASSERT_EQ(run("data import " + quoted(write("a.csv", kGood)) + " --by 鄞州区统计局").exit_code,
            0);
  const std::string changed =
      "指标,区县,期间,数值,来源\n规上工业新产品产值率,鄞州区,2024,35.9,复核数据\n";
  const auto r = run("data import " + quoted(write("b.csv", changed)) + " --by 市统计局");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("修改 1 条"), std::string::npos) << r.out;
  const std::string id = indicator_id(quality_, "规上工业新产品产值率");
  const auto h = run("data history --indicator " + id + " --region 鄞州 --period 2024 --json");
  ASSERT_EQ(h.exit_code, 0) << h.err;
  const json::value history = json::parse(h.out);
  const auto revisions = history.at("revisions").as_array();
  ASSERT_EQ(revisions.size(), 2U);
  EXPECT_TRUE(revisions[0].at("old_value").is_null());
  EXPECT_EQ(revisions[0].at("changed_by").as_string(), "鄞州区统计局");
  EXPECT_EQ(revisions[1].at("old_value").as_double(), 36.2);
  EXPECT_EQ(revisions[1].at("new_value").as_double(), 35.9);
  EXPECT_EQ(revisions[1].at("new_source").as_string(), "复核数据");
  EXPECT_EQ(revisions[1].at("changed_by").as_string(), "市统计局");
  const auto text = run("data history --indicator " + id + " --region 鄞州区 --period 2024");
  EXPECT_NE(text.out.find("修改 36.2 → 35.9"), std::string::npos) << text.out;
}

TEST_F(DataCli, TemplateFilledInImportsBack) {
  const auto out = dir.path() / "市经信局.xlsx";
  const auto t = run("data template --plan " + quality_ + " --period 2025 --unit 市经信局 --out " +
                     quoted(out));
  ASSERT_EQ(t.exit_code, 0) << t.err;
  // 000's table has 6 indicators led by 市经信局 (新产品产值率, 劳动生产率年均增速, 亩均税收,
  // 数字经济核心产业占比, 专精特新小巨人, 单项冠军), each × (全市 + 10 districts of Ningbo).
  EXPECT_NE(t.out.find("66 行"), std::string::npos) << t.out;

  auto parts = unzip_all(out);
  ASSERT_TRUE(parts.count("xl/worksheets/sheet1.xml"));
  ASSERT_TRUE(parts.count("xl/comments1.xml"));  // header notes
  EXPECT_NE(parts["xl/comments1.xml"].find("请勿修改"), std::string::npos);
  const auto read = tabular::parse_xlsx(read_file(out));
  ASSERT_TRUE(read.ok());
  const auto& header = read->rows[0].cells;
  ASSERT_GE(header.size(), 10U);
  EXPECT_EQ(header[2], "指标");
  EXPECT_EQ(header[8], "数值");
  EXPECT_EQ(read->rows[1].cells[2], "规上工业新产品产值率");
  EXPECT_EQ(read->rows[1].cells[3], "%");
  EXPECT_EQ(read->rows[1].cells[5], "2025年 35");
  EXPECT_EQ(read->rows[1].cells[6], "全市");

  // Fill two 数值 cells the way Excel saves a typed number: <c r="I2" s="…"><v>36.1</v></c>.
  std::string& sheet = parts["xl/worksheets/sheet1.xml"];
  for (const auto& [cell, value] : {std::pair{"I2", "36.1"}, std::pair{"I3", "30.8"}}) {
    const std::string open = std::string("<c r=\"") + cell + "\"";
    const auto at = sheet.find(open);
    ASSERT_NE(at, std::string::npos) << cell;
    const auto end = sheet.find("/>", at);
    sheet.replace(end, 2, std::string("><v>") + value + "</v></c>");
  }
  const auto filled = dir.path() / "filled.xlsx";
  zip_all(filled, parts);
  const auto r = run("data import " + quoted(filled) + " --by 市经信局");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("导入 2 行 — 新增 2 条"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("64 行未填数值"), std::string::npos) << r.out;
  const auto list = observations(" --period 2025");
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(list[0].at("indicator").as_string(), "规上工业新产品产值率");
  EXPECT_EQ(list[0].at("region").as_string(), "全市");
  EXPECT_EQ(list[0].at("value").as_double(), 36.1);
  EXPECT_EQ(list[1].at("region").as_string(), "海曙区");
  EXPECT_EQ(list[1].at("source").as_string(), "filled.xlsx");
}

TEST_F(DataCli, TemplateForAUnitThatLeadsNothingSaysWhoDoes) {
  const auto r = run("data template --plan " + quality_ + " --period 2025 --unit 市气象局 --out " +
                     quoted(dir.path() / "x.xlsx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("没有“市气象局”牵头"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("市经信局"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "x.xlsx"));
}

TEST_F(DataCli, JudgementsForQualitativeTargetsOnly) {
  const std::string qualitative = indicator_id(quality_, "单位GDP二氧化碳排放降低比例");
  const auto r =
      run("data judge --indicator " + qualitative +
          " --region 全市 --period 2024 --status not_met --reason '省考核未通过' --by 张三");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = json::parse(run("data list --plan " + quality_ + " --json").out);
  const auto& judged = doc.at("judgements").as_array();
  ASSERT_EQ(judged.size(), 1U);
  EXPECT_EQ(judged[0].at("status").as_string(), "not_met");
  EXPECT_EQ(judged[0].at("reason").as_string(), "省考核未通过");
  EXPECT_EQ(judged[0].at("judged_by").as_string(), "张三");

  const std::string numeric = indicator_id(quality_, "森林覆盖率");
  const auto no = run("data judge --indicator " + numeric +
                      " --region 全市 --period 2024 --status met --reason x --by 张三");
  EXPECT_EQ(no.exit_code, 1);
  EXPECT_NE(no.err.find("没有定性目标"), std::string::npos) << no.err;
  const auto bad_status = run("data judge --indicator " + qualitative +
                              " --region 全市 --period 2024 --status maybe --reason x --by 张三");
  EXPECT_EQ(bad_status.exit_code, 1);
  const auto usage = run("data judge --indicator " + qualitative);
  EXPECT_EQ(usage.exit_code, 2);
}

// Figures and judgements entered on the command line are in the audit log like those sent
// to the API, and the chain still verifies.
TEST_F(DataCli, ImportsAndJudgementsAreAudited) {
  auto audit_actions = [&] {
    const auto r = run("audit list --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> actions;
    const json::value doc = json::parse(r.out);
    for (const auto& e : doc.at("entries").as_array()) {
      actions.emplace_back(e.at("action").as_string());
    }
    return actions;
  };
  const std::size_t before = audit_actions().size();
  ASSERT_EQ(run("data import " + quoted(write("a.csv", kGood))).exit_code, 0);
  // The same file again changes nothing and records nothing.
  ASSERT_EQ(run("data import " + quoted(write("a.csv", kGood))).exit_code, 0);
  const std::string qualitative = indicator_id(quality_, "单位GDP二氧化碳排放降低比例");
  ASSERT_EQ(run("data judge --indicator " + qualitative +
                " --region 全市 --period 2024 --status met --reason 省考核通过 --by 张三")
                .exit_code,
            0);
  ASSERT_EQ(run("data judge --indicator " + qualitative +
                " --region 全市 --period 2024 --status not_met --reason 复核未通过 --by 李四")
                .exit_code,
            0);

  const auto r = run("audit list --json");
  const json::value doc = json::parse(r.out);
  const auto& entries = doc.at("entries").as_array();
  ASSERT_EQ(entries.size(), before + 3);
  const auto& imported = entries.at(before);
  EXPECT_EQ(imported.at("action").as_string(), "observation.import");
  EXPECT_NE(std::string(imported.at("subject").as_string()).find("a.csv"), std::string::npos);
  EXPECT_EQ(imported.at("after").at("inserted").as_int64(), 3);
  EXPECT_EQ(std::string(imported.at("actor").as_string()).rfind("cli:", 0), 0U);
  const auto& revised = entries.at(before + 2);
  EXPECT_EQ(revised.at("action").as_string(), "judgement.save");
  EXPECT_EQ(revised.at("before").at("status").as_string(), "met");
  EXPECT_EQ(revised.at("after").at("status").as_string(), "not_met");
  EXPECT_EQ(revised.at("after").at("reason").as_string(), "复核未通过");
  EXPECT_EQ(run("audit verify").exit_code, 0);
}

}  // namespace
}  // namespace zhiyou::testing
