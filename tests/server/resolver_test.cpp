// Scanning a code through the real server on both engines: the page a phone gets, the same
// as JSON, the linkset; malformed and unknown codes; a recall in red; spot-check results;
// the journey from EPCIS events; and the counterfeit signals the regulator sees.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <regex>

#include "server/server_fixture.hpp"
#include "store/registered_maker.hpp"
#include "store/registry_store.hpp"
#include "support/test_support.hpp"
#include "tabular/xlsx_reader.hpp"
#include "trace/code_store.hpp"
#include "trace/event_store.hpp"

namespace zhiyou::server::testing {
namespace {

using people::Role;
namespace json = boost::json;

constexpr const char* kUscc = store::testing::kMakerUscc;
constexpr const char* kGtin = "09506000134352";

class Resolver : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    store::testing::register_products(db(), {{kGtin, "电热水壶"}},
                                      {"品字标浙江制造", "同线同标同质"});
    ASSERT_FALSE(HasFatalFailure());
    auto request =
        trace::make_issue_request(kGtin, "L1", "261231", 3, "sequential", "https://id.gs1.org");
    ASSERT_TRUE(request.ok());
    auto serials = trace::issue_codes(db(), *request);
    ASSERT_TRUE(serials.ok()) << serials.error().describe();
    serial_ = serials->front();
  }

  HttpReply scan(const std::string& path, const std::string& accept) {
    HttpCall c{http::verb::get, path};
    c.extra.set(http::field::accept, accept);
    return call(c);
  }
  std::string unit_path() const { return std::string("/01/") + kGtin + "/10/L1/21/" + serial_; }

  ApiOptions api_options() override {
    ApiOptions options = ServerTest::api_options();
    if (code_index_bytes_) options.code_index_bytes = *code_index_bytes_;
    return options;
  }
  // A gauge of the resolver's directory of codes from /metrics ("codes", "ready").
  long long code_index(const std::string& gauge) { return metric("zhiyou_code_index_" + gauge); }

  std::string serial_;
  std::optional<std::size_t> code_index_bytes_;
};
ZHIYOU_ON_BOTH_ENGINES(Resolver);

constexpr const char* kBrowser = "text/html,application/xhtml+xml,*/*;q=0.8";

TEST_P(Resolver, APhoneGetsAChinesePageAndAnAppTheSameAsJson) {
  const HttpReply page = scan(unit_path(), kBrowser);
  ASSERT_EQ(page.status, 200u) << page.body;
  EXPECT_NE(std::string(page.headers[http::field::content_type]).find("text/html"),
            std::string::npos);
  for (const char* shown : {"电热水壶", "宁波甬优电器有限公司", kUscc, "鄞州区", "品字标浙江制造",
                            "同线同标同质", "2026-12-31", "暂无该产品的抽检记录"}) {
    EXPECT_NE(page.body.find(shown), std::string::npos) << shown;
  }
  EXPECT_EQ(page.body.find("召回警示"), std::string::npos);

  const HttpReply data = scan(unit_path(), "application/json");
  ASSERT_EQ(data.status, 200u) << data.body;
  const json::value doc = data.json();
  EXPECT_EQ(doc.at("product").at("name").as_string(), "电热水壶");
  EXPECT_EQ(doc.at("maker").at("uscc").as_string(), kUscc);
  EXPECT_EQ(doc.at("maker").at("region").as_string(), "鄞州区");
  EXPECT_EQ(doc.at("batch").at("lot").as_string(), "L1");
  EXPECT_EQ(doc.at("batch").at("expiry").as_string(), "2026-12-31");
  EXPECT_EQ(doc.at("code").at("uri").as_string(),
            std::string("https://id.gs1.org/01/") + kGtin + "/10/L1/21/" + serial_);
  // A scan of GTIN + serial alone finds the batch too.
  const HttpReply short_form =
      scan(std::string("/01/") + kGtin + "/21/" + serial_, "application/json");
  ASSERT_EQ(short_form.status, 200u) << short_form.body;
  EXPECT_EQ(short_form.json().at("batch").at("lot").as_string(), "L1");
}

TEST_P(Resolver, TheLinksetAnchorsAtTheCanonicalUri) {
  const HttpReply reply = scan(unit_path() + "?linkType=all", "application/json");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.headers[http::field::content_type], "application/linkset+json");
  const json::value doc = reply.json();
  const json::object& set = doc.at("linkset").at(0).as_object();
  EXPECT_EQ(set.at("anchor").as_string(),
            std::string("https://id.gs1.org/01/") + kGtin + "/10/L1/21/" + serial_);
  EXPECT_TRUE(set.contains("https://gs1.org/voc/pip"));
  EXPECT_TRUE(set.contains("https://gs1.org/voc/defaultLink"));
  EXPECT_FALSE(set.contains("https://gs1.org/voc/recallStatus"));
  EXPECT_EQ(set.at("https://gs1.org/voc/pip").at(0).at("type").as_string(), "text/html");
}

TEST_P(Resolver, MalformedCodesAre400AndUnknownOnes404) {
  // A wrong check digit, qualifiers out of order, a lot with a character outside set 82.
  for (const std::string& path :
       {std::string("/01/09506000134353"), std::string("/01/") + kGtin + "/21/1/10/L1",
        std::string("/01/") + kGtin + "/10/%E4%B8%AD"}) {
    const HttpReply reply = scan(path, "application/json");
    EXPECT_EQ(reply.status, 400u) << path << " " << reply.body;
    EXPECT_EQ(reply.error_code(), "bad_request") << reply.body;
    EXPECT_EQ(scan(path, kBrowser).status, 400u) << path;
  }
  // The page says what is wrong with the code once, in words a shopper can read.
  const std::string page = scan("/01/09506000134353", kBrowser).body;
  EXPECT_NE(page.find("<p>AI (01) 校验位错误：应为 2。"), std::string::npos) << page;
  const std::string chinese_lot =
      scan(std::string("/01/") + kGtin + "/10/%E4%B8%AD", kBrowser).body;
  EXPECT_NE(chinese_lot.find("含有无效字符 「中」"), std::string::npos) << chinese_lot;
  const HttpReply unregistered = scan("/01/04006381333931", kBrowser);
  EXPECT_EQ(unregistered.status, 404u);
  EXPECT_NE(unregistered.body.find("没有在质优平台登记"), std::string::npos);
  EXPECT_EQ(scan(std::string("/01/") + kGtin + "/10/NOLOT", "application/json").status, 404u);
}

TEST_P(Resolver, ANeverIssuedSerialIsFlaggedAndCounted) {
  auto counted = [&] {
    const std::regex line(R"(zhiyou_counterfeit_signals_total\{kind="never_issued"\} (\d+))");
    std::smatch m;
    const std::string text = get("/metrics").body;
    return std::regex_search(text, m, line) ? std::stoi(m[1]) : -1;
  };
  const int before = counted();
  const HttpReply page = scan(std::string("/01/") + kGtin + "/10/L1/21/FAKE999", kBrowser);
  EXPECT_EQ(page.status, 404u);
  EXPECT_NE(page.body.find("疑似假冒"), std::string::npos);
  EXPECT_EQ(counted(), before + 1);
  // The serial exists, but not in the lot the code claims: also never issued as such.
  EXPECT_EQ(scan(std::string("/01/") + kGtin + "/10/L2/21/" + serial_, kBrowser).status, 404u);
  EXPECT_EQ(counted(), before + 2);
  EXPECT_EQ(scan(std::string("/01/") + kGtin + "/21/FAKE999?loc=beilun", kBrowser).status, 404u);

  // The regulator lists each never-issued serial with its scans and declared places; the
  // issued serial scanned under a wrong lot is not among them.
  const std::string inspector = login(Role::inspector);
  const HttpReply signals = call({http::verb::get, "/api/v1/counterfeit-signals", "", inspector});
  ASSERT_EQ(signals.status, 200u) << signals.body;
  const json::value doc = signals.json();
  const json::array& listed = doc.at("never_issued").as_array();
  ASSERT_EQ(listed.size(), 1u) << signals.body;
  EXPECT_EQ(listed.at(0).at("gtin").as_string(), kGtin);
  EXPECT_EQ(listed.at(0).at("serial").as_string(), "FAKE999");
  EXPECT_EQ(listed.at(0).at("scans").as_int64(), 2);
  EXPECT_EQ(listed.at(0).at("places").as_int64(), 1);
}

// Codes are issued while the server runs, by `zhiyou trace issue` in another process: the
// first scan of a new code finds it, however recently the server last looked at the codes.
TEST_P(Resolver, ACodeIssuedWhileTheServerRunsIsFoundAtOnce) {
  api_->codes().wait_filled();
  ASSERT_EQ(scan(unit_path(), "application/json").status, 200u);
  const long long in_memory = code_index("codes");
  auto other = reopen();  // another process's connection
  auto request =
      trace::make_issue_request(kGtin, "L1", "261231", 1, "random", "https://id.gs1.org");
  ASSERT_TRUE(request.ok());
  auto issued = trace::issue_codes(*other, *request);
  ASSERT_TRUE(issued.ok()) << issued.error().describe();
  const HttpReply fresh =
      scan(std::string("/01/") + kGtin + "/10/L1/21/" + issued->front(), "application/json");
  EXPECT_EQ(fresh.status, 200u) << fresh.body;
  EXPECT_EQ(fresh.body.find("疑似假冒"), std::string::npos);
  // The server keeps it among the codes it holds in memory from then on.
  EXPECT_EQ(code_index("codes"), in_memory + 1);
  EXPECT_EQ(scan(std::string("/01/") + kGtin + "/21/" + issued->front(), "application/json")
                .json()
                .at("batch")
                .at("lot")
                .as_string(),
            "L1");
}

// A server that starts over a store of codes loads them into memory (code_index.hpp) and
// answers scans from there: the same answers as from the database.
TEST_P(Resolver, CodesIssuedBeforeTheServerStartedAreScannedFromMemory) {
  restart();
  ASSERT_FALSE(HasFatalFailure());
  api_->codes().wait_filled();
  EXPECT_EQ(code_index("ready"), 1);
  auto stored = trace::count_codes(db(), kGtin);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(code_index("codes"), *stored);
  EXPECT_GT(code_index("bytes"), 0);

  const HttpReply found = scan(unit_path(), "application/json");
  ASSERT_EQ(found.status, 200u) << found.body;
  EXPECT_EQ(found.json().at("batch").at("lot").as_string(), "L1");
  EXPECT_EQ(found.json().at("batch").at("expiry").as_string(), "2026-12-31");
  const HttpReply short_form = scan(std::string("/01/") + kGtin + "/21/" + serial_, kBrowser);
  EXPECT_EQ(short_form.status, 200u);
  EXPECT_NE(short_form.body.find("2026-12-31"), std::string::npos);
  EXPECT_EQ(scan(std::string("/01/") + kGtin + "/10/L2/21/" + serial_, kBrowser).status, 404u);
  EXPECT_EQ(scan(std::string("/01/") + kGtin + "/21/FAKE999", kBrowser).status, 404u);

  // A code the server holds in memory is not looked up in the database at all (that descent
  // is what the memory saves): one it was told of, which the database lacks, is found.
  api_->codes().learn(kGtin, "ONLYINMEMORY", "L1");
  EXPECT_EQ(scan(std::string("/01/") + kGtin + "/21/ONLYINMEMORY", "application/json").status,
            200u);
}

// With less room than the codes need (serve --code-index-mib), none are held and every scan
// asks the database, with the same answers.
TEST_P(Resolver, WithoutRoomForTheCodesScansAskTheDatabase) {
  code_index_bytes_ = 1;
  restart();
  ASSERT_FALSE(HasFatalFailure());
  api_->codes().wait_filled();
  EXPECT_EQ(code_index("ready"), 0);
  EXPECT_EQ(code_index("codes"), 0);
  EXPECT_EQ(code_index("bytes_limit"), 1);
  const HttpReply found = scan(unit_path(), "application/json");
  ASSERT_EQ(found.status, 200u) << found.body;
  EXPECT_EQ(found.json().at("batch").at("lot").as_string(), "L1");
  EXPECT_EQ(scan(std::string("/01/") + kGtin + "/10/L2/21/" + serial_, kBrowser).status, 404u);
  EXPECT_EQ(scan(std::string("/01/") + kGtin + "/21/FAKE999", kBrowser).status, 404u);
  EXPECT_EQ(code_index("codes"), 0) << "a scan found in the database is not kept either";
}

TEST_P(Resolver, OneSerialScannedFromManyPlacesIsFlagged) {
  const std::string inspector = login(Role::inspector);
  // 鄞州区 spelled three ways is one place; 定海 (Zhoushan) is another.
  for (const char* place : {"yinzhou", "%E9%84%9E%E5%B7%9E%E5%8C%BA", "%E9%84%9E%E5%B7%9E",
                            "beilun", "%E5%AE%9A%E6%B5%B7"}) {
    EXPECT_EQ(scan(unit_path() + "?loc=" + place, "application/json").status, 200u);
  }
  // The regulator's list writes the pending scans first.
  const HttpReply signals = call({http::verb::get, "/api/v1/counterfeit-signals", "", inspector});
  ASSERT_EQ(signals.status, 200u) << signals.body;
  const json::value doc = signals.json();
  ASSERT_EQ(doc.at("many_places").as_array().size(), 1u) << signals.body;
  EXPECT_EQ(doc.at("many_places").at(0).at("serial").as_string(), serial_);
  EXPECT_EQ(doc.at("many_places").at(0).at("places").as_int64(), 3);
  EXPECT_EQ(doc.at("many_places").at(0).at("scans").as_int64(), 5);

  const HttpReply page = scan(unit_path(), kBrowser);
  EXPECT_NE(page.body.find("疑似假冒"), std::string::npos);
  EXPECT_NE(page.body.find("3 个不同地点"), std::string::npos);
  EXPECT_NE(get("/metrics").body.find("zhiyou_counterfeit_signals_total{kind=\"many_places\"} 1"),
            std::string::npos);
}

// Scans with a place are written every second. They change what a serial's own answer says
// (from how many places it was scanned), not the product's or the batch's: those answers stay
// in memory, and the serial's answer is computed again.
TEST_P(Resolver, RecordedScansRenewTheSerialsAnswerAndKeepTheBatchs) {
  auto cache_hits = [&] {
    const std::regex line(R"((^|\n)zhiyou_response_cache_hits_total (\d+))");
    std::smatch m;
    const std::string text = get("/metrics").body;
    return std::regex_search(text, m, line) ? std::stoll(m[2]) : -1;
  };
  const std::string batch = std::string("/01/") + kGtin + "/10/L1";
  for (int i = 0; i < 2; ++i) ASSERT_EQ(scan(batch, "application/json").status, 200u);
  for (int i = 0; i < 2; ++i) {
    const HttpReply unit = scan(unit_path(), "application/json");
    ASSERT_EQ(unit.status, 200u);
    EXPECT_EQ(unit.json().at("counterfeit").at("scan_places"), 0);
  }
  const long long hits = cache_hits();
  ASSERT_EQ(scan(batch, "application/json").status, 200u);
  EXPECT_EQ(cache_hits(), hits + 1);

  for (const char* place : {"yinzhou", "beilun", "%E5%AE%9A%E6%B5%B7"}) {
    ASSERT_EQ(scan(unit_path() + "?loc=" + place, "application/json").status, 200u);
  }
  const std::string inspector = login(Role::inspector);  // its list writes the pending scans
  ASSERT_EQ(call({http::verb::get, "/api/v1/counterfeit-signals", "", inspector}).status, 200u);

  const long long before_batch = cache_hits();
  ASSERT_EQ(scan(batch, "application/json").status, 200u);
  EXPECT_EQ(cache_hits(), before_batch + 1);  // still in memory
  const HttpReply unit = scan(unit_path(), "application/json");
  ASSERT_EQ(unit.status, 200u);
  EXPECT_EQ(unit.json().at("counterfeit").at("scan_places"), 3) << unit.body;
}

TEST_P(Resolver, AnAnnouncedRecallShowsInRedAndSpotChecksAreListed) {
  const std::string inspector = login(Role::inspector);
  ASSERT_EQ(scan(unit_path(), kBrowser).status, 200u);
  ASSERT_EQ(scan(unit_path(), kBrowser).status, 200u);  // scanned twice: kept in memory
  const HttpReply recall =
      call({http::verb::post, "/api/v1/recalls",
            R"({"gtin":")" + std::string(kGtin) + R"(","lots":["L1"],"reason":"加热管绝缘不良"})",
            inspector});
  ASSERT_EQ(recall.status, 201u) << recall.body;
  const HttpReply check = call(
      {http::verb::post, "/api/v1/spot-checks",
       R"({"gtin":")" + std::string(kGtin) +
           R"(","lot":"L1","sampled_on":"2026-10-08","agency":"宁波市产品质量检验研究院","conclusion":"不合格","failed_items":"泄漏电流","report_no":"NBZJ2026-0815"})",
       inspector});
  ASSERT_EQ(check.status, 201u) << check.body;

  const HttpReply page = scan(unit_path(), kBrowser);
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("class=\"recall\""), std::string::npos);
  EXPECT_NE(page.body.find("加热管绝缘不良"), std::string::npos);
  EXPECT_NE(page.body.find("泄漏电流"), std::string::npos);
  EXPECT_NE(page.body.find("NBZJ2026-0815"), std::string::npos);
  const json::value doc = scan(unit_path(), "application/json").json();
  EXPECT_EQ(doc.at("recalls").as_array().size(), 1u);
  EXPECT_EQ(doc.at("spot_checks").at(0).at("conclusion").as_string(), "不合格");

  // Bad input names the field; a recall of an unregistered product is refused.
  const HttpReply bad =
      call({http::verb::post, "/api/v1/spot-checks",
            R"({"gtin":")" + std::string(kGtin) +
                R"(","sampled_on":"2026-13-01","agency":"x","conclusion":"合格","report_no":"R1"})",
            inspector});
  EXPECT_EQ(bad.status, 422u);
  EXPECT_EQ(bad.json().at("error").at("field").as_string(), "sampled_on");
  const HttpReply unknown = call({http::verb::post, "/api/v1/recalls",
                                  R"({"gtin":"04006381333931","reason":"x"})", inspector});
  EXPECT_EQ(unknown.status, 422u);
  // Everyone may read the notices.
  EXPECT_EQ(
      get(std::string("/api/v1/recalls?gtin=") + kGtin).json().at("recalls").as_array().size(), 1u);
}

TEST_P(Resolver, TheJourneyComesFromEpcisEventsNewestFirst) {
  const std::string epc = std::string("https://id.gs1.org/01/") + kGtin + "/21/" + serial_;
  const std::string document =
      R"({"@context":["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
    "type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-10-01T00:00:00Z",
    "epcisBody":{"eventList":[
      {"type":"ObjectEvent","eventTime":"2026-10-01T08:00:00+08:00","eventTimeZoneOffset":"+08:00",
       "epcList":[")" +
      epc + R"("],"action":"ADD","bizStep":"commissioning","disposition":"active"},
      {"type":"ObjectEvent","eventTime":"2026-10-03T09:30:00+08:00","eventTimeZoneOffset":"+08:00",
       "epcList":[")" +
      epc + R"("],"action":"OBSERVE","bizStep":"shipping","disposition":"in_transit"}]}})";
  auto captured = trace::capture_document(db(), document, "tester");
  ASSERT_TRUE(captured.ok()) << captured.error().describe();
  auto journey_shown = [&] {
    const HttpReply page = scan(unit_path(), kBrowser);
    ASSERT_EQ(page.status, 200u);
    const auto shipped = page.body.find("2026-10-03 09:30 发货");
    const auto made = page.body.find("2026-10-01 08:00 赋码");
    ASSERT_NE(shipped, std::string::npos) << page.body;
    ASSERT_NE(made, std::string::npos);
    EXPECT_LT(shipped, made);
    EXPECT_NE(page.body.find("运输中"), std::string::npos);
  };
  journey_shown();
  // The same once the server holds the code in memory and asks the database for events only.
  restart();
  ASSERT_FALSE(HasFatalFailure());
  api_->codes().wait_filled();
  ASSERT_EQ(code_index("ready"), 1);
  journey_shown();
}

// The maker recorded a shipment that never happened and declared it in error (EPCIS
// errorDeclaration, same eventID), with a corrective event: the page shows what happened
// and says one record was withdrawn.
TEST_P(Resolver, AnEventDeclaredInErrorLeavesTheJourney) {
  const std::string epc = std::string("https://id.gs1.org/01/") + kGtin + "/21/" + serial_;
  using zhiyou::testing::epcis_document;
  const auto shipment = [&](const std::string& id, const std::string& time,
                            const std::string& declaration) {
    return R"({"type":"ObjectEvent","eventID":")" + id + R"(","eventTime":")" + time +
           R"(","eventTimeZoneOffset":"+08:00","epcList":[")" + epc +
           R"("],"action":"OBSERVE","bizStep":"shipping")" + declaration + "}";
  };
  const std::string wrong = "urn:uuid:7d1f4c2e-0000-4000-8000-00000000000a";
  const std::string right = "urn:uuid:7d1f4c2e-0000-4000-8000-00000000000b";
  auto first = trace::capture_document(
      db(), epcis_document({shipment(wrong, "2026-10-02T10:15:00+08:00", "")}), "tester");
  ASSERT_TRUE(first.ok()) << first.error().describe();
  ASSERT_NE(scan(unit_path(), kBrowser).body.find("2026-10-02 10:15 发货"), std::string::npos);

  auto corrected = trace::capture_document(
      db(),
      epcis_document(
          {shipment(wrong, "2026-10-02T10:15:00+08:00",
                    R"(,"errorDeclaration":{"declarationTime":"2026-10-04T09:00:00+08:00",
                                   "reason":"incorrect_data","correctiveEventIDs":[")" +
                        right + R"("]})"),
           shipment(right, "2026-10-03T16:40:00+08:00", "")}),
      "tester");
  ASSERT_TRUE(corrected.ok()) << corrected.error().describe();
  EXPECT_EQ(corrected->captured, 2u);
  const HttpReply page = scan(unit_path(), kBrowser);
  ASSERT_EQ(page.status, 200u);
  EXPECT_EQ(page.body.find("2026-10-02 10:15"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("2026-10-03 16:40 发货"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("另有 1 条记录已由记录方声明有误"), std::string::npos);
  const json::value answer = scan(unit_path(), "application/json").json();
  EXPECT_EQ(answer.at("journey").as_array().size(), 1u);
  EXPECT_EQ(answer.at("withdrawn_events"), 1);
}

TEST_P(Resolver, TheRecallScopeDownloadsAsCsvAndAsAWorkbook) {
  const std::string office = login(Role::office);
  const HttpReply csv =
      call({http::verb::get,
            std::string("/api/v1/recalls/scope?gtin=") + kGtin + "&lot=L1&format=csv", "", office});
  ASSERT_EQ(csv.status, 200u) << csv.body;
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u);
  const std::size_t units = static_cast<std::size_t>(
      std::count(csv.body.begin(), csv.body.end(), '\n') - 1);  // rows after the header

  // As a workbook with Chinese headers; its first sheet sums the scope up.
  const HttpReply xlsx = call(
      {http::verb::get, std::string("/api/v1/recalls/scope?gtin=") + kGtin + "&lot=L1&format=xlsx",
       "", office});
  ASSERT_EQ(xlsx.status, 200u) << xlsx.body;
  EXPECT_EQ(xlsx.headers[http::field::content_type],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  auto table = tabular::parse_xlsx(xlsx.body);
  ASSERT_TRUE(table.ok()) << table.error().describe();
  std::map<std::string, std::string> summary;
  for (const auto& row : table->rows) {
    if (row.cells.size() >= 2) summary[row.cells[0]] = row.cells[1];
  }
  EXPECT_EQ(summary["GTIN"], kGtin);
  EXPECT_EQ(summary["批号"], "L1");
  EXPECT_EQ(summary["受影响单品"], std::to_string(units));
  EXPECT_EQ(call({http::verb::get, std::string("/api/v1/recalls/scope?gtin=") + kGtin, "", office})
                .status,
            400u);
}

}  // namespace
}  // namespace zhiyou::server::testing
