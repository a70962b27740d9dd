// `zhiyou trace notice` and `trace spot-check import` on a real database: a recall notice is
// audited; a sheet of spot-check results goes in whole or not at all, and a bad row is named
// by its line and field.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/test_support.hpp"

namespace zhiyou::testing {
namespace {

namespace json = boost::json;

class ScanFactsCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string db() const { return " --db '" + (dir.path() / "zhiyou.db").string() + "'"; }
  CommandResult run(const std::string& args) { return run_zhiyou(args + db()); }

  void SetUp() override {
    ASSERT_EQ(run("entity add --uscc 91330212MA2G00001N --name 宁波甬优电器有限公司 --region 鄞州")
                  .exit_code,
              0);
    ASSERT_EQ(run("product add --gtin 09506000134352 --name 电热水壶 --entity 91330212MA2G00001N")
                  .exit_code,
              0);
  }

  std::vector<std::string> actions() {
    const auto r = run("audit list --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> out;
    const json::value doc = json::parse(r.out);
    for (const auto& e : doc.at("entries").as_array()) out.emplace_back(e.at("action").as_string());
    return out;
  }

  std::string sheet(const std::string& name, const std::string& rows) {
    const auto path = dir.path() / name;
    write_file(path, "商品条码,批号,抽样日期,检验机构,结论,不合格项目,报告编号\n" + rows);
    return "'" + path.string() + "'";
  }
};

TEST_F(ScanFactsCli, ARecallNoticeIsPublishedAndAudited) {
  const auto r = run("trace notice --gtin 09506000134352 --lot L1 --reason 加热管绝缘不良");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("批号 L1"), std::string::npos) << r.out;
  EXPECT_EQ(actions().back(), "recall.announce");
  const auto unknown = run("trace notice --gtin 04006381333931 --reason x");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("未登记"), std::string::npos) << unknown.err;
}

TEST_F(ScanFactsCli, ASheetWithABadRowWritesNothing) {
  const std::size_t before = actions().size();
  const auto bad = run("trace spot-check import " +
                       sheet("bad.csv",
                             "09506000134352,L1,2026-10-08,宁波市产品质量检验研究院,合格,,R1\n"
                             "09506000134352,,2026-10-09,宁波市产品质量检验研究院,不合格,,R2\n"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("bad.csv 第3行 failed_items"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("整个文件未写入"), std::string::npos);
  EXPECT_EQ(actions().size(), before);

  const auto good =
      run("trace spot-check import " +
          sheet("good.csv",
                "09506000134352,L1,2026-10-08,宁波市产品质量检验研究院,合格,,R1\n"
                "09506000134352,,2026-10-09,宁波市产品质量检验研究院,不合格,泄漏电流,R2\n"));
  ASSERT_EQ(good.exit_code, 0) << good.err;
  EXPECT_NE(good.out.find("已登记 2 条"), std::string::npos);
  EXPECT_EQ(actions().size(), before + 2);
  // The same report again is refused, naming it.
  const auto again =
      run("trace spot-check import " +
          sheet("again.csv", "09506000134352,L1,2026-10-08,宁波市产品质量检验研究院,合格,,R1\n"));
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("R1 已登记过"), std::string::npos) << again.err;
}

TEST_F(ScanFactsCli, AMissingColumnIsNamed) {
  const auto path = dir.path() / "cols.csv";
  write_file(path, "商品条码,结论\n09506000134352,合格\n");
  const auto r = run("trace spot-check import '" + path.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("缺少「抽样日期」列"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace zhiyou::testing
