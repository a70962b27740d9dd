// Products and codes over HTTP against the real server on both engines: an enterprise
// registers its product, issues codes for a batch, sees the batch counted, downloads its
// codes as CSV and scans one of them; another maker's products are as good as absent to it;
// bad requests are refused naming the field, with nothing stored.
#include <gtest/gtest.h>

#include <soci/soci.h>
#include <boost/json.hpp>

#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "server/server_fixture.hpp"
#include "store/registered_maker.hpp"
#include "support/test_support.hpp"
#include "trace/event_store.hpp"
#include "trace/gs1/digital_link.hpp"

namespace zhiyou::server::testing {
namespace {

namespace json = boost::json;
using people::Role;

constexpr const char* kOwnGtin = "09506000134352";
constexpr const char* kOtherGtin = "10614141073464";

constexpr const char* kOtherUscc = store::testing::kMakerUscc;  // another maker

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
  return out;
}

class ProductApi : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    store::testing::register_products(db(), {}, {}, kEnterpriseUscc);
    store::testing::register_products(db(), {{kOtherGtin, "电饭煲"}}, {}, kOtherUscc,
                                      "宁波另一家电器有限公司");
    firm_ = login(Role::enterprise);
    office_ = login(Role::office);
  }

  HttpReply post(const std::string& target, const json::value& body, const std::string& token) {
    return call({http::verb::post, target, json::serialize(body), token});
  }

  HttpReply register_kettle() {
    return post("/api/v1/products",
                {{"gtin", kOwnGtin}, {"name", "电热水壶"}, {"quality_marks", {"品字标浙江制造"}}},
                firm_);
  }

  HttpReply issue(const json::object& body, const std::string& gtin = kOwnGtin) {
    return post("/api/v1/products/" + gtin + "/codes", body, firm_);
  }

  long long stored(const std::string& sql) {
    long long n = 0;
    db().session() << sql, soci::into(n);
    return n;
  }

  std::string firm_;
  std::string office_;
};
ZHIYOU_ON_BOTH_ENGINES(ProductApi);

TEST_P(ProductApi, AnEnterpriseRegistersItsProductAndSeesOnlyItsOwn) {
  const HttpReply created = register_kettle();
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(created.json().at("product").at("entity_uscc"), kEnterpriseUscc);

  const HttpReply mine = get("/api/v1/products", firm_);
  ASSERT_EQ(mine.status, 200u) << mine.body;
  const json::value mine_json = mine.json();
  const auto& products = mine_json.at("products").as_array();
  ASSERT_EQ(products.size(), 1u);
  EXPECT_EQ(products[0].at("gtin"), kOwnGtin);
  EXPECT_EQ(products[0].at("name"), "电热水壶");
  EXPECT_EQ(products[0].at("entity_name"), "宁波甬优电器有限公司");
  EXPECT_EQ(products[0].at("quality_marks").as_array().at(0), "品字标浙江制造");
  EXPECT_EQ(products[0].at("codes"), 0);

  // The office sees every maker's, or one maker's when it asks.
  EXPECT_EQ(get("/api/v1/products", office_).json().at("products").as_array().size(), 2u);
  EXPECT_EQ(get(std::string("/api/v1/products?entity=") + kOtherUscc, office_)
                .json()
                .at("products")
                .as_array()
                .size(),
            1u);

  // Registering again updates it (200), and both changes are in the audit log.
  const HttpReply renamed =
      post("/api/v1/products", {{"gtin", kOwnGtin}, {"name", "电水壶"}}, firm_);
  EXPECT_EQ(renamed.status, 200u) << renamed.body;
  EXPECT_EQ(stored("SELECT COUNT(*) FROM audit_log WHERE action = 'product.save'"), 2);
  EXPECT_EQ(get("/api/v1/products", firm_).json().at("products").at(0).at("name"), "电水壶");
}

TEST_P(ProductApi, AnEnterpriseCannotTakeOrActForAnotherMaker) {
  const HttpReply taken =
      post("/api/v1/products", {{"gtin", kOtherGtin}, {"name", "我的电饭煲"}}, firm_);
  EXPECT_EQ(taken.status, 409u) << taken.body;
  EXPECT_NE(taken.body.find("另一家企业"), std::string::npos) << taken.body;
  const HttpReply posing =
      post("/api/v1/products",
           {{"gtin", kOwnGtin}, {"name", "电热水壶"}, {"entity_uscc", kOtherUscc}}, firm_);
  EXPECT_EQ(posing.status, 403u) << posing.body;
  // Another maker's product is as good as absent: no batches, no codes, no download.
  EXPECT_EQ(get(std::string("/api/v1/products/") + kOtherGtin + "/batches", firm_).status, 404u);
  EXPECT_EQ(issue({{"lot", "X1"}, {"count", 5}}, kOtherGtin).status, 404u);
  EXPECT_EQ(get(std::string("/api/v1/products/") + kOtherGtin + "/codes?lot=X1", firm_).status,
            404u);
  EXPECT_EQ(stored("SELECT COUNT(*) FROM codes"), 0);
  EXPECT_EQ(stored("SELECT COUNT(*) FROM products WHERE name = '我的电饭煲'"), 0);
}

TEST_P(ProductApi, BadProductFieldsAreNamed) {
  const HttpReply check_digit =
      post("/api/v1/products", {{"gtin", "09506000134353"}, {"name", "电热水壶"}}, firm_);
  EXPECT_EQ(check_digit.status, 422u);
  EXPECT_EQ(check_digit.json().at("error").at("field"), "gtin") << check_digit.body;
  const HttpReply no_name = post("/api/v1/products", {{"gtin", kOwnGtin}}, firm_);
  EXPECT_EQ(no_name.status, 422u);
  EXPECT_EQ(no_name.json().at("error").at("field"), "name") << no_name.body;
  const HttpReply no_maker =
      post("/api/v1/products", {{"gtin", kOwnGtin}, {"name", "电热水壶"}}, office_);
  EXPECT_EQ(no_maker.status, 422u);
  EXPECT_EQ(no_maker.json().at("error").at("field"), "entity_uscc") << no_maker.body;
  EXPECT_EQ(stored("SELECT COUNT(*) FROM products"), 1);
}

TEST_P(ProductApi, IssuedCodesAreCountedDownloadedAndScannable) {
  ASSERT_EQ(register_kettle().status, 201u);
  const HttpReply first = issue(
      {{"lot", "2026A"}, {"count", 1200}, {"expiry", "271231"}, {"base_uri", "https://zy.cn"}});
  ASSERT_EQ(first.status, 201u) << first.body;
  const json::value issued = first.json().at("issued");
  EXPECT_EQ(issued.at("count"), 1200);
  EXPECT_EQ(issued.at("expiry"), "271231");
  auto link = trace::gs1::parse_digital_link(std::string(issued.at("first").as_string()));
  ASSERT_TRUE(link.ok()) << issued;
  const HttpReply second = issue({{"lot", "2026A"}, {"count", 3}, {"serials", "sequential"}});
  ASSERT_EQ(second.status, 201u) << second.body;
  EXPECT_EQ(second.json().at("batch_codes"), 1203);

  const HttpReply batches = get(std::string("/api/v1/products/") + kOwnGtin + "/batches", firm_);
  ASSERT_EQ(batches.status, 200u) << batches.body;
  const json::value batches_json = batches.json();
  const auto& list = batches_json.at("batches").as_array();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].at("lot"), "2026A");
  EXPECT_EQ(list[0].at("codes"), 1203);
  EXPECT_EQ(list[0].at("expiry"), "271231");
  EXPECT_EQ(list[0].at("recalled"), false);
  EXPECT_EQ(get("/api/v1/products", firm_).json().at("products").at(0).at("codes"), 1203);

  const HttpReply csv =
      get(std::string("/api/v1/products/") + kOwnGtin + "/codes?lot=2026A&base_uri=https://zy.cn",
          firm_);
  ASSERT_EQ(csv.status, 200u) << csv.body;
  EXPECT_EQ(csv.headers[http::field::content_type], "text/csv; charset=utf-8");
  ASSERT_TRUE(csv.body.starts_with("\xEF\xBB\xBF"));
  const auto rows = lines(csv.body.substr(3));
  ASSERT_EQ(rows.size(), 1204u);
  EXPECT_EQ(rows[0], "gtin,lot,serial,element_string,digital_link");
  std::set<std::string> links;
  for (std::size_t i = 1; i < rows.size(); ++i) links.insert(cells(rows[i]).at(4));
  EXPECT_EQ(links.size(), 1203u);
  EXPECT_TRUE(links.contains(std::string(issued.at("first").as_string())));
  EXPECT_TRUE(links.contains(std::string(issued.at("last").as_string())));
  EXPECT_TRUE(links.contains("https://zy.cn/01/09506000134352/10/2026A/21/1?17=271231"));

  // A consumer scans one of the downloaded codes and finds the product and its batch.
  const std::string scanned = cells(rows[600]).at(4);
  const std::string path = scanned.substr(std::string("https://zy.cn").size());
  HttpCall scan{http::verb::get, path, "", ""};
  scan.extra.set(http::field::accept, "application/json");
  const HttpReply answer = call(scan);
  ASSERT_EQ(answer.status, 200u) << path << ": " << answer.body;
  EXPECT_NE(answer.body.find("电热水壶"), std::string::npos) << answer.body;
  EXPECT_NE(answer.body.find("2026A"), std::string::npos) << answer.body;

  EXPECT_EQ(stored("SELECT COUNT(*) FROM audit_log WHERE action = 'codes.issue'"), 2);
}

// The product's records for its page: newest recorded first, summed up with Chinese labels,
// paged backwards; another maker's events are not among them.
TEST_P(ProductApi, AProductsEventsComeNewestFirstAndPageBackwards) {
  ASSERT_EQ(register_kettle().status, 201u);
  const auto event = [](const std::string& gtin, const char* time, const char* step) {
    return std::string(R"({"type":"ObjectEvent","eventTime":")") + time +
           R"(","eventTimeZoneOffset":"+08:00","action":"OBSERVE","bizStep":")" + step +
           R"(","bizLocation":{"id":"urn:epc:id:sgln:9506000.13430.0"},"epcList":["https://id.gs1.org/01/)" +
           gtin + R"(/21/7"]})";
  };
  for (const auto& [gtin, time, step] :
       std::vector<std::tuple<std::string, const char*, const char*>>{
           {kOwnGtin, "2026-10-01T08:00:00+08:00", "commissioning"},
           {kOtherGtin, "2026-10-01T09:00:00+08:00", "shipping"},
           {kOwnGtin, "2026-10-02T08:00:00+08:00", "shipping"},
           {kOwnGtin, "2026-10-03T08:00:00+08:00", "receiving"}}) {
    auto captured = trace::capture_document(
        db(), zhiyou::testing::epcis_document({event(gtin, time, step)}), "tester");
    ASSERT_TRUE(captured.ok()) << captured.error().describe();
  }
  const std::string base = std::string("/api/v1/products/") + kOwnGtin + "/events";
  const HttpReply first = get(base + "?perPage=2", firm_);
  ASSERT_EQ(first.status, 200u) << first.body;
  const json::value page1 = first.json();
  const auto& events = page1.at("events").as_array();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].at("biz_step"), "receiving");
  EXPECT_EQ(events[0].at("event_time"), "2026-10-03T00:00:00.000Z");
  EXPECT_EQ(events[1].at("biz_step"), "shipping");
  EXPECT_EQ(events[1].at("biz_step_label"), "发货");
  EXPECT_EQ(events[1].at("place"), "https://id.gs1.org/414/9506000134307");
  EXPECT_EQ(events[1].at("identifiers"), 1);
  EXPECT_EQ(events[1].at("error_declaration"), false);
  ASSERT_TRUE(page1.as_object().contains("next"));
  const HttpReply second =
      get(base + "?perPage=2&before=" + std::string(page1.at("next").as_string()), firm_);
  ASSERT_EQ(second.status, 200u) << second.body;
  const json::value page2 = second.json();
  ASSERT_EQ(page2.at("events").as_array().size(), 1u);
  EXPECT_EQ(page2.at("events").at(0).at("biz_step"), "commissioning");
  EXPECT_FALSE(page2.as_object().contains("next"));

  EXPECT_EQ(get(std::string("/api/v1/products/") + kOtherGtin + "/events", firm_).status, 404u);
  EXPECT_EQ(get(std::string("/api/v1/products/") + kOtherGtin + "/events", office_)
                .json()
                .at("events")
                .as_array()
                .size(),
            1u);
  EXPECT_EQ(get(base + "?perPage=0", firm_).status, 400u);
  EXPECT_EQ(get(base + "?before=nonsense", firm_).status, 400u);
}

TEST_P(ProductApi, ABadIssueIsRefusedNamingTheFieldAndStoresNothing) {
  ASSERT_EQ(register_kettle().status, 201u);
  ASSERT_EQ(issue({{"lot", "L1"}, {"count", 10}, {"expiry", "261231"}}).status, 201u);
  struct Case {
    json::object body;
    const char* field;
  };
  const std::vector<Case> cases{
      {{{"count", 10}}, "lot"},
      {{{"lot", "L 1"}, {"count", 10}}, "lot"},  // a space is not in AI (10)'s characters
      {{{"lot", "L2"}}, "count"},
      {{{"lot", "L2"}, {"count", 0}}, "count"},
      {{{"lot", "L2"}, {"count", "ten"}}, "count"},
      {{{"lot", "L2"}, {"count", 1000001}}, "count"},
      {{{"lot", "L2"}, {"count", 5}, {"expiry", "261340"}}, "expiry"},
      {{{"lot", "L1"}, {"count", 5}, {"expiry", "270101"}}, "expiry"},  // L1 has 261231
      {{{"lot", "L2"}, {"count", 5}, {"serials", "guessable"}}, "serials"},
      {{{"lot", "L2"}, {"count", 5}, {"base_uri", "ftp://x.cn"}}, "base_uri"},
  };
  for (const Case& c : cases) {
    const HttpReply reply = issue(c.body);
    EXPECT_EQ(reply.status, 422u) << json::serialize(c.body) << ": " << reply.body;
    const json::value body = reply.json();
    EXPECT_EQ(body.is_object() ? body.at("error").at("field") : json::value(), c.field)
        << json::serialize(c.body) << ": " << reply.body;
  }
  EXPECT_EQ(stored("SELECT COUNT(*) FROM codes"), 10);
  EXPECT_EQ(stored("SELECT COUNT(*) FROM batches"), 1);
  EXPECT_EQ(stored("SELECT code_count FROM batches"), 10);
  // Downloads: the lot is required and must exist.
  const std::string base = std::string("/api/v1/products/") + kOwnGtin + "/codes";
  EXPECT_EQ(get(base, firm_).status, 400u);
  EXPECT_EQ(get(base + "?lot=L9", firm_).status, 404u);
}

}  // namespace
}  // namespace zhiyou::server::testing
