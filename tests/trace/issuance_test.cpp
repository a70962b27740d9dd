// What `trace issue` accepts and what it writes for each code, checked against the GS1
// parsers (the same code must read back as the same AIs) and the CSV reader.
#include "trace/issuance.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tabular/csv.hpp"
#include "trace/gs1/digital_link.hpp"
#include "trace/gs1/element_string.hpp"

namespace zhiyou::trace {
namespace {

Result<IssueRequest> request(std::string_view gtin = "09506000134352", std::string_view lot = "L1",
                             std::optional<std::string_view> expiry = "271231",
                             std::size_t count = 10, std::string_view serials = "random",
                             std::string_view base = "https://id.gs1.org") {
  return make_issue_request(gtin, lot, expiry, count, serials, base);
}

void expect_error(const Result<IssueRequest>& r, const std::string& place,
                  const std::string& words) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().place, place) << r.error().message;
  EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
}

TEST(IssueRequest, AcceptsAndNormalisesAGoodRequest) {
  auto r = request("9506000134352", "LOT-2024/1", "271200", 5, "sequential",
                   "https://nb.example.cn/dl/");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->gtin, "09506000134352");  // GTIN-13 padded to GTIN-14
  EXPECT_EQ(r->expiry, "271200");        // DD = 00: end of month is allowed for AI (17)
  EXPECT_EQ(r->serials, SerialKind::sequential);
  EXPECT_EQ(r->base_uri, "https://nb.example.cn/dl");
}

TEST(IssueRequest, RejectsBadInputNamingTheOption) {
  expect_error(request("09506000134353"), "--gtin", "校验位");
  expect_error(request("0950600013435"), "--gtin", "位");
  expect_error(request("0950600013435X"), "--gtin", "数字");
  expect_error(request("09506000134352", "ABCDEFGHIJKLMNOPQRSTU"), "--lot", "过长");  // 21
  expect_error(request("09506000134352", "L 1"), "--lot", "无效字符");
  expect_error(request("09506000134352", ""), "--lot", "不能为空");
  expect_error(request("09506000134352", "L1", "271301"), "--expiry", "月份");
  expect_error(request("09506000134352", "L1", "270230"), "--expiry", "日");
  expect_error(request("09506000134352", "L1", "2712"), "--expiry", "");
  expect_error(request("09506000134352", "L1", std::nullopt, 0), "--count", "1");
  expect_error(request("09506000134352", "L1", std::nullopt, kMaxCodesPerIssue + 1), "--count", "");
  expect_error(request("09506000134352", "L1", std::nullopt, 1, "guess"), "--serials", "");
  expect_error(request("09506000134352", "L1", std::nullopt, 1, "random", "ftp://x.cn"),
               "--base-uri", "http");
  expect_error(request("09506000134352", "L1", std::nullopt, 1, "random", "https://x.cn/?a=1"),
               "--base-uri", "");
}

TEST(RandomSerial, TwelveCharactersOfTheAlphabetAndNoRepeats) {
  std::set<std::string> seen;
  std::set<char> used;
  for (int i = 0; i < 20000; ++i) {
    const std::string s = random_serial();
    ASSERT_EQ(s.size(), kRandomSerialLength);
    for (char c : s) {
      ASSERT_TRUE((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) << s;
      used.insert(c);
    }
    EXPECT_TRUE(seen.insert(s).second) << "repeat " << s;
  }
  EXPECT_EQ(used.size(), 62u) << "every character of the alphabet is drawn";
}

// One issue's serials share a prefix drawn for that issue; the rest is drawn for each serial.
TEST(RandomSerials, OneIssueSharesAPrefixAndEachSerialIsRandomAfterIt) {
  const SerialSource one_issue = random_serials();
  const std::string first = one_issue();
  ASSERT_EQ(first.size(), kIssuePrefixLength + kRandomSerialLength);
  const std::string prefix = first.substr(0, kIssuePrefixLength);
  std::set<std::string> seen{first};
  for (int i = 0; i < 20000; ++i) {
    const std::string s = one_issue();
    ASSERT_EQ(s.substr(0, kIssuePrefixLength), prefix) << s;
    EXPECT_TRUE(seen.insert(s).second) << "repeat " << s;
  }
  // Other issues draw their own prefix (all five equal by chance: about 1 in 10^21).
  std::set<std::string> prefixes{prefix};
  for (int i = 0; i < 4; ++i) prefixes.insert(random_serials()().substr(0, kIssuePrefixLength));
  EXPECT_GT(prefixes.size(), 1u);
}

TEST(CodeText, ElementStringAndUriReadBackAsTheSameAis) {
  auto r = request("09506000134352", "A(1),B%", "271231");
  ASSERT_TRUE(r.ok());
  std::string es;
  append_element_string(es, *r, "Xy9");
  auto parsed = gs1::parse_bracketed(es);
  ASSERT_TRUE(parsed.ok()) << es << " → " << parsed.error().message;
  const gs1::Elements want = {
      {"01", "09506000134352"}, {"17", "271231"}, {"10", "A(1),B%"}, {"21", "Xy9"}};
  EXPECT_EQ(*parsed, want);

  std::string uri;
  append_digital_link(uri, *r, "Xy9");
  EXPECT_EQ(uri.rfind("https://id.gs1.org/01/09506000134352/10/", 0), 0u) << uri;
  auto link = gs1::parse_digital_link(uri);
  ASSERT_TRUE(link.ok()) << uri << " → " << link.error().message;
  EXPECT_EQ(link->stem, "https://id.gs1.org");
  const gs1::Elements path = {{"01", "09506000134352"}, {"10", "A(1),B%"}, {"21", "Xy9"}};
  EXPECT_EQ(link->path, path);
  const gs1::Elements attributes = {{"17", "271231"}};
  EXPECT_EQ(link->attributes, attributes);
}

TEST(CodeText, WithoutExpiryThereIsNoAi17) {
  auto r = request("09506000134352", "L1", std::nullopt);
  ASSERT_TRUE(r.ok());
  std::string es;
  std::string uri;
  append_element_string(es, *r, "7");
  append_digital_link(uri, *r, "7");
  EXPECT_EQ(es, "(01)09506000134352(10)L1(21)7");
  EXPECT_EQ(uri, "https://id.gs1.org/01/09506000134352/10/L1/21/7");
}

TEST(CodeText, CsvRowsReadBackFieldByField) {
  auto r = request("09506000134352", "A\"1\",B", "271231");  // a lot with quotes and a comma
  ASSERT_TRUE(r.ok()) << r.error().describe();
  std::string csv(csv_header());
  append_csv_row(csv, *r, "S1");
  append_csv_row(csv, *r, "S2");
  auto table = tabular::parse_csv(csv);
  ASSERT_TRUE(table.ok()) << table.error().describe();
  ASSERT_EQ(table->rows.size(), 3u);
  const std::vector<std::string> header = {"gtin", "lot", "serial", "element_string",
                                           "digital_link"};
  EXPECT_EQ(table->rows[0].cells, header);
  const auto& row = table->rows[2].cells;
  ASSERT_EQ(row.size(), 5u);
  EXPECT_EQ(row[0], "09506000134352");
  EXPECT_EQ(row[1], "A\"1\",B");
  EXPECT_EQ(row[2], "S2");
  auto es = gs1::parse_bracketed(row[3]);
  ASSERT_TRUE(es.ok()) << row[3];
  auto link = gs1::parse_digital_link(row[4]);
  ASSERT_TRUE(link.ok()) << row[4];
  EXPECT_EQ(link->path.at(1).value, "A\"1\",B");
  EXPECT_EQ(link->path.at(2).value, "S2");
}

TEST(CodeText, CsvRowsWritesWhatAppendCsvRowWrites) {
  // CsvRows cuts a row into fixed pieces once; every kind of lot, expiry, base URI and serial
  // must still give the row append_csv_row() gives.
  const std::vector<std::string> lots = {"L1", "A\"1\",B", "x(y)%z", "SERIAL0MARK", "SERIAL0MAR"};
  const std::vector<std::optional<std::string_view>> expiries = {"271231", std::nullopt};
  const std::vector<std::string> bases = {"https://id.gs1.org", "http://nb.example.cn/dl/"};
  const std::vector<std::string> serials = {"0",           "5gm6F7Wrbegk", "a-b.c_d", "has,comma",
                                            "quote\"d",    "paren(",       "%41",     "sp ace",
                                            "SERIAL0MARK", "斜/杠"};
  for (const auto& lot : lots) {
    for (const auto& expiry : expiries) {
      for (const auto& base : bases) {
        auto r = make_issue_request("09506000134352", lot, expiry, 1, "random", base);
        ASSERT_TRUE(r.ok()) << lot << " " << r.error().describe();
        const CsvRows rows(*r);
        for (const auto& serial : serials) {
          std::string want;
          std::string got;
          append_csv_row(want, *r, serial);
          rows.append(got, serial);
          EXPECT_EQ(got, want) << lot << " " << base << " " << serial;
        }
      }
    }
  }
}

}  // namespace
}  // namespace zhiyou::trace
