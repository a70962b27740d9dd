// The real `zhiyou index` on COINr's ASEM example: JSON scores match COINr's, the Chinese
// table, the Monte Carlo is reproducible, and bad input ends with exit 1 and the place.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <charconv>
#include <string>

#include "support/test_support.hpp"

namespace zhiyou::testing {
namespace {

namespace json = boost::json;

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

std::string asem_args(
    const std::string& method = "--normalise minmax:0,100 --aggregate arithmetic") {
  const auto dir = peer_tests_dir() / "coinr";
  return "index --data " + quoted(dir / "ASEM_iData.csv") + " --meta " +
         quoted(dir / "ASEM_iMeta.csv") +
         " --denominate --impute group-mean:EurAsia_group --treat winsorise:6 " + method;
}

// COINr 1.1.14's Index for `code` (tests/monitoring/index/asem_reference.md).
double reference_index(const std::string& code) {
  const std::string text = read_file(std::filesystem::path(ZHIYOU_SOURCE_DIR) /
                                     "tests/monitoring/index/asem_reference.csv");
  const std::string key = "main_winsorise6," + code + ",Index,";
  const auto at = text.find(key);
  EXPECT_NE(at, std::string::npos) << code;
  const auto begin = at + key.size();
  const auto end = text.find('\n', begin);
  double v = 0;
  std::from_chars(text.data() + begin, text.data() + end, v);
  return v;
}

TEST(IndexCli, AsemJsonMatchesCOINrAndRanksEveryAggregate) {
  const auto r = run_zhiyou(asem_args() + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json::value doc = json::parse(r.out);
  const auto& units = doc.at("units").as_array();
  ASSERT_EQ(units.size(), 51U);
  std::string first;
  double best = -1;
  for (const auto& u : units) {
    const auto& o = u.as_object();
    const std::string code(o.at("code").as_string());
    const double index = o.at("scores").at("Index").to_number<double>();
    EXPECT_NEAR(index, reference_index(code), 1e-6) << code;
    EXPECT_EQ(o.at("scores").as_object().size(), 11U);  // Index, 2 sub-indices, 8 pillars
    EXPECT_TRUE(o.at("ranks").as_object().contains("Physical"));
    if (index > best) {
      best = index;
      first = code;
    }
  }
  for (const auto& u : units) {
    if (u.at("code").as_string() == first) {
      EXPECT_EQ(u.at("ranks").at("Index").to_number<int>(), 1);
    }
  }
  // What was done is in the output: imputed cells and treated indicators.
  EXPECT_FALSE(doc.at("imputed").as_array().empty());
  EXPECT_EQ(doc.at("treated").as_array().size(), 15U);
  EXPECT_FALSE(doc.at("method").as_array().empty());
}

TEST(IndexCli, ChineseTableAndReproducibleMonteCarlo) {
  const auto table = run_zhiyou(asem_args() + " --uncertainty 100 --seed 7");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("名次"), std::string::npos);
  EXPECT_NE(table.out.find("名次区间"), std::string::npos);
  EXPECT_NE(table.out.find("蒙特卡洛 100 次"), std::string::npos);
  const auto a = run_zhiyou(asem_args() + " --uncertainty 100 --seed 7 --json");
  const auto b = run_zhiyou(asem_args() + " --uncertainty 100 --seed 7 --json");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  const json::value doc = json::parse(a.out);
  const auto& interval = doc.at("units").at(0).at("rank_uncertainty").at("Index");
  EXPECT_LE(interval.at("p05").to_number<double>(), interval.at("median").to_number<double>());
  EXPECT_LE(interval.at("median").to_number<double>(), interval.at("p95").to_number<double>());
  EXPECT_EQ(doc.at("uncertainty").at("runs").to_number<int>(), 100);
}

TEST(IndexCli, BadInputExitsOneNamingThePlace) {
  TempDir dir;
  write_file(dir.path() / "D.csv", "uCode,uName,x\nA,甲,1\nB,乙,二\n");
  write_file(dir.path() / "M.csv",
             "Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type\n"
             "1,x,x,1,1,,,,Index,Indicator\n2,Index,指数,1,1,,,,,Aggregate\n");
  const auto r = run_zhiyou("index --data " + quoted(dir.path() / "D.csv") + " --meta " +
                            quoted(dir.path() / "M.csv"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("D.csv:3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("第 3 列 x"), std::string::npos) << r.err;

  const auto bad_method = run_zhiyou(asem_args("--normalise median"));
  EXPECT_EQ(bad_method.exit_code, 1);
  EXPECT_NE(bad_method.err.find("--normalise"), std::string::npos);
  const auto geometric_zero = run_zhiyou(asem_args("--aggregate geometric"));
  EXPECT_EQ(geometric_zero.exit_code, 1);
  EXPECT_NE(geometric_zero.err.find("minmax:1,100"), std::string::npos) << geometric_zero.err;
  EXPECT_EQ(run_zhiyou("index --data x.csv").exit_code, 2);  // --meta missing
}

}  // namespace
}  // namespace zhiyou::testing
