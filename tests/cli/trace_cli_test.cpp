// The real `zhiyou` binary: gs1 check on stdin, entity/product registration, trace issue
// and trace qr, with the exit codes and messages a user sees.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <set>
#include <string>

#include "support/test_support.hpp"

namespace zhiyou::testing {
namespace {

namespace json = boost::json;

std::vector<json::object> json_lines(const std::string& out) {
  std::vector<json::object> lines;
  std::size_t start = 0;
  for (std::size_t nl = out.find('\n'); nl != std::string::npos; nl = out.find('\n', start)) {
    lines.push_back(json::parse(out.substr(start, nl - start)).as_object());
    start = nl + 1;
  }
  return lines;
}

TEST(Gs1CheckCli, OneVerdictPerLineAndExitZero) {
  const auto r = run_zhiyou("gs1 check",
                            "(01)09506000134352(10)ABC\n"
                            "0109506000134352\x1d"
                            "10ABC\n"
                            "]Q3010950600013435210ABC\n"
                            "https://example.org/01/09506000134352/10/ABC\n"
                            "urn:epc:id:sgtin:9506000.013435.1\n"
                            "no AI here\n"
                            "(01)09506000134352(02)09506000134352\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 7u) << r.out;
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(lines[i].at("ok"), true) << i << " " << r.out;
    EXPECT_EQ(lines[i].at("ais"), json::parse(R"([["01","09506000134352"],["10","ABC"]])"));
  }
  for (int i = 4; i < 7; ++i) {
    EXPECT_EQ(lines[i].at("ok"), false) << i;
    EXPECT_TRUE(lines[i].at("error").is_string());
    EXPECT_TRUE(lines[i].at("position").is_int64());
  }
  EXPECT_NE(lines[4].at("error").as_string().find("http"), json::string::npos);
}

TEST(Gs1CheckCli, ThreadsGiveTheSameOutputInOrder) {
  std::string input;
  for (int i = 0; i < 30000; ++i) {
    input += i % 3 == 0   ? "(01)09506000134352(21)" + std::to_string(i) + "\n"
             : i % 3 == 1 ? "https://id.gs1.org/01/09506000134352/21/" + std::to_string(i) + "\n"
                          : "(01)0950600013435" + std::to_string(i % 10) + "\n";
  }
  const auto one = run_zhiyou("gs1 check --threads 1", input);
  const auto two = run_zhiyou("gs1 check --threads 2", input);
  ASSERT_EQ(one.exit_code, 0);
  ASSERT_EQ(two.exit_code, 0);
  EXPECT_EQ(one.out, two.out);
  const auto lines = json_lines(two.out);
  ASSERT_EQ(lines.size(), 30000u);
  EXPECT_EQ(lines[29997].at("ais").as_array()[1].as_array()[1], "29997");
}

TEST(Gs1CheckCli, OptionsForUnknownAisAndAlphas) {
  const auto strict =
      run_zhiyou("gs1 check", "(01)09506000134352(89)X\nhttps://a/gtin/09506000134352\n");
  const auto relaxed = run_zhiyou("gs1 check --permit-unknown-ais --convenience-alphas",
                                  "(01)09506000134352(89)X\nhttps://a/gtin/09506000134352\n");
  const auto s = json_lines(strict.out);
  const auto r = json_lines(relaxed.out);
  ASSERT_EQ(s.size(), 2u);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(s[0].at("ok"), false);
  EXPECT_EQ(s[1].at("ok"), false);
  EXPECT_EQ(r[0].at("ok"), true);
  EXPECT_EQ(r[1].at("ok"), true);
}

class TraceCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string db() const { return " --db '" + (dir.path() / "z.db").string() + "'"; }
  CommandResult run(const std::string& args) { return run_zhiyou(args + db()); }

  void register_product() {
    auto e = run("entity add --uscc 91330212MA2G00001N --name 宁波甬优电器有限公司 --region 鄞州");
    ASSERT_EQ(e.exit_code, 0) << e.err;
    auto p =
        run("product add --gtin 9506000134352 --name 电热水壶 --entity 91330212MA2G00001N"
            " --mark 品字标浙江制造 --mark 同线同标同质");
    ASSERT_EQ(p.exit_code, 0) << p.err;
  }
};

TEST_F(TraceCli, EntitiesAndProductsAreListedAsJson) {
  register_product();
  const auto entities = run("entity list --json");
  ASSERT_EQ(entities.exit_code, 0);
  const auto e = json::parse(entities.out).at("entities").as_array();
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].at("uscc"), "91330212MA2G00001N");
  EXPECT_EQ(e[0].at("region_name"), "鄞州区");
  const auto products = run("product list --json");
  const auto p = json::parse(products.out).at("products").as_array();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].at("gtin"), "09506000134352");
  EXPECT_EQ(p[0].at("quality_marks"), json::parse(R"(["品字标浙江制造","同线同标同质"])"));
}

TEST_F(TraceCli, BadRegistrationsExitOneNamingTheField) {
  auto bad_uscc = run("entity add --uscc 91330212MA2G00001X --name x --region 鄞州");
  EXPECT_EQ(bad_uscc.exit_code, 1);
  EXPECT_NE(bad_uscc.err.find("--uscc"), std::string::npos) << bad_uscc.err;
  auto bad_region = run("entity add --uscc 91330212MA2G00001N --name x --region 火星");
  EXPECT_EQ(bad_region.exit_code, 1);
  EXPECT_NE(bad_region.err.find("--region"), std::string::npos);
  auto no_maker = run("product add --gtin 9506000134352 --name y --entity 91330212MA2G00001N");
  EXPECT_EQ(no_maker.exit_code, 1);
  EXPECT_NE(no_maker.err.find("未登记"), std::string::npos) << no_maker.err;
  auto missing = run("product add --gtin 9506000134352");
  EXPECT_EQ(missing.exit_code, 2) << "usage error";
}

TEST_F(TraceCli, IssueWritesCsvWithElementStringsAndUris) {
  register_product();
  const auto csv = dir.path() / "codes.csv";
  auto r =
      run("trace issue --gtin 09506000134352 --lot B2024 --expiry 271231 --count 500"
          " --base-uri https://nb.example.cn/ --out '" +
          csv.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("已赋码 500 个"), std::string::npos) << r.err;
  const std::string text = read_file(csv);
  std::vector<std::string> rows;
  for (std::size_t start = 0, nl; (nl = text.find("\r\n", start)) != std::string::npos;
       start = nl + 2) {
    rows.push_back(text.substr(start, nl - start));
  }
  ASSERT_EQ(rows.size(), 501u);
  EXPECT_EQ(rows[0], "gtin,lot,serial,element_string,digital_link");
  std::set<std::string> serials;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::string serial = rows[i].substr(21, rows[i].find(',', 21) - 21);
    serials.insert(serial);
    EXPECT_EQ(rows[i], "09506000134352,B2024," + serial +
                           ",(01)09506000134352(17)271231(10)B2024(21)" + serial +
                           ",https://nb.example.cn/01/09506000134352/10/B2024/21/" + serial +
                           "?17=271231");
  }
  EXPECT_EQ(serials.size(), 500u);
  // Every URI passes gs1 check.
  std::string uris;
  for (std::size_t i = 1; i < rows.size(); ++i)
    uris += rows[i].substr(rows[i].rfind(',') + 1) + "\n";
  const auto checked = run_zhiyou("gs1 check", uris);
  for (const auto& line : json_lines(checked.out)) EXPECT_EQ(line.at("ok"), true);
}

TEST_F(TraceCli, SequentialIssueToStdoutContinues) {
  register_product();
  auto a = run("trace issue --gtin 09506000134352 --lot L1 --count 2 --serials sequential");
  auto b = run("trace issue --gtin 09506000134352 --lot L1 --count 2 --serials sequential");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(a.out.find("\r\n09506000134352,L1,1,"), std::string::npos) << a.out;
  EXPECT_NE(a.out.find("\r\n09506000134352,L1,2,"), std::string::npos);
  EXPECT_NE(b.out.find("\r\n09506000134352,L1,3,"), std::string::npos) << b.out;
  EXPECT_NE(b.out.find("\r\n09506000134352,L1,4,"), std::string::npos);
}

TEST_F(TraceCli, BadIssueRequestsExitOneAndStoreNothing) {
  register_product();
  const auto csv = dir.path() / "none.csv";
  const std::string out = " --out '" + csv.string() + "'";
  for (const auto& [args, option] : std::vector<std::pair<std::string, std::string>>{
           {"--gtin 09506000134353 --lot L --count 1", "--gtin"},
           {"--gtin 09506000134352 --lot 'A B' --count 1", "--lot"},
           {"--gtin 09506000134352 --lot ABCDEFGHIJKLMNOPQRSTU --count 1", "--lot"},
           {"--gtin 09506000134352 --lot L --expiry 271301 --count 1", "--expiry"},
           {"--gtin 09506000134352 --lot L --expiry 270229 --count 1", "--expiry"},
           {"--gtin 40063813339310 --lot L --count 1", "--gtin"},
       }) {
    auto r = run("trace issue " + args + out);
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_NE(r.err.find(option), std::string::npos) << args << ": " << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(csv));
  // The last request failed inside the transaction, after the CSV file was begun.
  EXPECT_FALSE(std::filesystem::exists(csv.string() + ".part")) << "no temporary file is left";
  auto ok = run("trace issue --gtin 09506000134352 --lot L --count 1 --serials sequential");
  EXPECT_NE(ok.out.find(",L,1,"), std::string::npos) << "no serial was used up by the failures";
}

// --out naming a symbolic link (or a device, a pipe) is written through it, in place: the
// temporary file renamed over it would replace the link itself (or, as root, the device). A
// link to /dev/full: the write fails, nothing is stored, and the link is still a link.
TEST_F(TraceCli, OutputThroughALinkIsWrittenInPlace) {
  register_product();
  namespace fs = std::filesystem;
  const fs::path target = dir.path() / "latest-batch.csv";
  const fs::path link = dir.path() / "labels.csv";
  fs::create_symlink(target, link);
  auto r = run("trace issue --gtin 09506000134352 --lot L1 --count 3 --serials sequential --out '" +
               link.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_NE(read_file(target).find(",L1,3,"), std::string::npos) << read_file(target);

  const fs::path full = dir.path() / "full.csv";
  fs::create_symlink("/dev/full", full);
  r = run("trace issue --gtin 09506000134352 --lot L2 --count 1000 --out '" + full.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("写入失败"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_symlink(full));
  auto codes = run("trace codes --gtin 09506000134352 --lot L2");
  EXPECT_NE(codes.exit_code, 0) << "no code of L2 was stored: " << codes.out;

  r = run_zhiyou("trace qr https://id.gs1.org/01/09506000134352 --format svg --out '" +
                 full.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(fs::is_symlink(full));
}

// Labels to print again: `trace codes` writes a batch's codes as `trace issue` wrote them,
// every issue of the batch together, in serial order.
TEST_F(TraceCli, CodesExportsABatchAsItWasIssued) {
  register_product();
  const auto issued = dir.path() / "issued.csv";
  const auto again = dir.path() / "again.csv";
  ASSERT_EQ(run("trace issue --gtin 09506000134352 --lot B1 --expiry 271231 --count 25"
                " --base-uri https://nb.example.cn --out '" +
                issued.string() + "'")
                .exit_code,
            0);
  ASSERT_EQ(run("trace issue --gtin 09506000134352 --lot B2 --count 4").exit_code, 0);
  const auto r =
      run("trace codes --gtin 9506000134352 --lot B1 --base-uri https://nb.example.cn"
          " --out '" +
          again.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("已导出 25 个码"), std::string::npos) << r.err;
  const auto rows = [](const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t start = 0, nl; (nl = text.find("\r\n", start)) != std::string::npos;
         start = nl + 2) {
      out.push_back(text.substr(start, nl - start));
    }
    return out;
  };
  auto before = rows(read_file(issued));
  const auto after = rows(read_file(again));
  ASSERT_EQ(after.size(), 26u);
  EXPECT_EQ(after[0], before[0]);
  std::sort(before.begin() + 1, before.end());
  EXPECT_EQ(after, before);
  // To standard output as well; an unknown batch exits 1 naming --lot.
  EXPECT_EQ(rows(run("trace codes --gtin 09506000134352 --lot B2").out).size(), 5u);
  const auto unknown = run("trace codes --gtin 09506000134352 --lot B9");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("--lot"), std::string::npos) << unknown.err;
}

TEST_F(TraceCli, QrWritesPngAndSvg) {
  const auto png = dir.path() / "q.png";
  const auto svg = dir.path() / "q.svg";
  const std::string uri = "https://id.gs1.org/01/09506000134352/21/ABC";
  ASSERT_EQ(run_zhiyou("trace qr " + uri + " --out '" + png.string() + "'").exit_code, 0);
  ASSERT_EQ(run_zhiyou("trace qr " + uri + " --format svg --out '" + svg.string() + "'").exit_code,
            0);
  EXPECT_EQ(read_file(png).substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_NE(read_file(svg).find("<svg"), std::string::npos);
  auto bad =
      run_zhiyou("trace qr https://id.gs1.org/01/09506000134353 --out '" + png.string() + "'");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("校验位"), std::string::npos) << bad.err;
  auto format = run_zhiyou("trace qr " + uri + " --format gif --out x");
  EXPECT_EQ(format.exit_code, 2);
}

}  // namespace
}  // namespace zhiyou::testing
