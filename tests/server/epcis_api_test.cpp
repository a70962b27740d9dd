// EPCIS over HTTP against the real server on both engines: POST /epcis/capture (202 and the
// capture job), GET /epcis/events (EPCISQueryDocument, filters, pagination by Link rel=next),
// rejection of bad documents naming event and field with nothing stored, idempotency, the
// larger body limit of the capture route, and enterprises limited to their own products.
#include <gtest/gtest.h>

#include <soci/soci.h>
#include <boost/json.hpp>

#include <chrono>
#include <filesystem>
#include <future>
#include <map>
#include <set>
#include <thread>

#include "audit/audit_store.hpp"
#include "core/hash.hpp"
#include "server/server_fixture.hpp"
#include "store/registered_maker.hpp"
#include "support/test_support.hpp"

namespace zhiyou::server::testing {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;
using people::Role;

// Two ObjectEvents about GTIN 09506000134352 (sgtin 9506000.013435) and one about
// 10614141073464 (sgtin 0614141.107346), another maker's product.
constexpr std::string_view kJourney = R"({
  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
               {"zy": "https://zhiyou.example.org/epcis/"}],
  "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T08:00:00Z",
  "epcisBody": {"eventList": [
    {"type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000001",
     "eventTime": "2024-05-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
     "action": "ADD", "bizStep": "commissioning",
     "epcList": ["urn:epc:id:sgtin:9506000.013435.1001"], "zy:line": "L3"},
    {"type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000002",
     "eventTime": "2024-05-02T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
     "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit",
     "epcList": ["https://id.gs1.org/01/09506000134352/21/1001"],
     "bizLocation": {"id": "urn:epc:id:sgln:9506000.13430.0"}},
    {"type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000003",
     "eventTime": "2024-05-03T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
     "action": "OBSERVE", "bizStep": "receiving",
     "epcList": ["urn:epc:id:sgtin:0614141.107346.2017"]}
  ]}})";

constexpr const char* kOwnGtin = "09506000134352";
constexpr const char* kOtherGtin = "10614141073464";  // indicator digit 1 from the SGTIN

constexpr const char* kOtherUscc = store::testing::kMakerUscc;  // another maker

// A document of `n` ObjectEvents with serials first..first+n-1.
std::string many_events(std::size_t n, std::size_t first = 1) {
  std::string out =
      R"({"@context":"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",)"
      R"("type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-05-01T08:00:00Z",)"
      R"("epcisBody":{"eventList":[)";
  for (std::size_t i = 0; i < n; ++i) {
    const std::string serial = std::to_string(first + i);
    if (i > 0) out += ',';
    out += R"({"type":"ObjectEvent","eventID":"urn:zhiyou:test:)";
    out += serial;
    out +=
        R"(","eventTime":"2024-05-01T08:00:00.000+08:00","eventTimeZoneOffset":"+08:00",)"
        R"("action":"OBSERVE","bizStep":"shipping","epcList":["urn:epc:id:sgtin:9506000.013435.)";
    out += serial;
    out += R"("]})";
  }
  return out + "]}}";
}

class EpcisApi : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = login(Role::admin);
  }

  HttpReply capture(std::string_view body, const std::string& token,
                    const std::string& type = "application/ld+json") {
    HttpCall c{http::verb::post, "/epcis/capture", std::string(body), token};
    c.content_type = type;
    return call(c);
  }

  // Every event the query returns, following Link rel="next" page after page; fails the
  // test when a page is not an EPCISQueryDocument.
  std::vector<json::value> walk(const std::string& first, const std::string& token,
                                std::size_t* pages = nullptr) {
    std::vector<json::value> out;
    std::string target = first;
    std::size_t count = 0;
    while (!target.empty()) {
      const HttpReply reply = get(target, token);
      EXPECT_EQ(reply.status, 200u) << target << ": " << reply.body;
      if (reply.status != 200u) break;
      const json::value doc = reply.json();
      EXPECT_EQ(doc.at("type"), "EPCISQueryDocument");
      for (const json::value& e :
           doc.at("epcisBody").at("queryResults").at("resultsBody").at("eventList").as_array()) {
        out.push_back(e);
      }
      ++count;
      const std::string link(reply.headers[http::field::link]);
      target.clear();
      if (!link.empty()) {
        EXPECT_TRUE(link.starts_with("</epcis/events?") && link.ends_with(">; rel=\"next\""))
            << link;
        target = link.substr(1, link.find('>') - 1);
      }
      if (count > 1000) break;
    }
    if (pages != nullptr) *pages = count;
    return out;
  }

  std::vector<std::string> ids(const std::string& target, const std::string& token) {
    std::vector<std::string> out;
    for (const json::value& e : walk(target, token)) {
      out.emplace_back(e.at("eventID").as_string());
    }
    return out;
  }

  void register_products() {
    store::testing::register_products(db(), {{kOwnGtin, "电热水壶"}}, {}, kEnterpriseUscc);
    store::testing::register_products(db(), {{kOtherGtin, "电饭煲"}}, {}, kOtherUscc,
                                      "宁波另一家电器有限公司");
  }

  std::string admin_;
};
ZHIYOU_ON_BOTH_ENGINES(EpcisApi);

std::string u(std::string_view event) {
  return "urn:uuid:00000000-0000-4000-8000-00000000000" + std::string(event);
}

TEST_P(EpcisApi, EveryStandardExampleIsAcceptedAndComesBackAsCaptured) {
  std::vector<json::value> sent;
  std::size_t documents = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(zhiyou::testing::peer_tests_dir() / "epcis" / "JSON")) {
    if (entry.path().extension() != ".jsonld") continue;
    const std::string text = zhiyou::testing::read_file(entry.path());
    const HttpReply reply = capture(text, admin_);
    ASSERT_EQ(reply.status, 202u) << entry.path() << ": " << reply.body;
    ++documents;
    // The Location names the finished job, which reports what the document held.
    const std::string location(reply.headers[http::field::location]);
    ASSERT_TRUE(location.starts_with("/epcis/capture/")) << location;
    const HttpReply job = get(location, admin_);
    ASSERT_EQ(job.status, 200u) << job.body;
    EXPECT_EQ(job.json().at("captureID"), reply.json().at("captureID"));
    EXPECT_EQ(job.json().at("success"), true);
    const json::value parsed = json::parse(text);
    const json::object& o = parsed.as_object();
    const json::array& list =
        o.at("type") == "EPCISQueryDocument"
            ? o.at("epcisBody").at("queryResults").at("resultsBody").at("eventList").as_array()
        : o.at("type") == "EPCISDocument" ? o.at("epcisBody").at("eventList").as_array()
                                          : json::array{o};
    EXPECT_EQ(job.json().at("eventCount").to_number<std::size_t>(), list.size());
    for (const json::value& e : list) {
      if (std::find(sent.begin(), sent.end(), e) == sent.end()) sent.push_back(e);
    }
  }
  EXPECT_EQ(documents, 47u);
  // Some examples repeat another's event (same eventID and time): each is stored once.
  std::size_t pages = 0;
  const std::vector<json::value> returned = walk("/epcis/events?perPage=7", admin_, &pages);
  EXPECT_GT(pages, 5u);
  std::set<std::string> seen;
  for (const json::value& e : returned) {
    EXPECT_TRUE(seen.insert(json::serialize(e)).second) << "returned twice: " << e;
    EXPECT_NE(std::find(sent.begin(), sent.end(), e), sent.end()) << "not as sent: " << e;
  }
  // Every distinct event sent is returned (those sharing an eventID and eventTime count once;
  // the standard's examples also use one eventID for two unrelated events, both kept).
  std::set<std::string> sent_ids;
  for (const json::value& e : sent) {
    sent_ids.insert(e.as_object().contains("eventID")
                        ? std::string(e.at("eventID").as_string()) + " " +
                              std::string(e.at("eventTime").as_string())
                        : json::serialize(e));
  }
  EXPECT_EQ(returned.size(), sent_ids.size());
}

TEST_P(EpcisApi, QueriesFilterAsTheStandardSaysAndKeepExtensionContexts) {
  ASSERT_EQ(capture(kJourney, admin_, "application/json; charset=utf-8").status, 202u);
  EXPECT_EQ(ids("/epcis/events?EQ_bizStep=shipping", admin_), std::vector<std::string>{u("2")});
  EXPECT_EQ(ids("/epcis/events?EQ_bizStep=shipping%7Creceiving", admin_),
            (std::vector<std::string>{u("2"), u("3")}));
  // Either spelling of the SGTIN finds both events about it.
  EXPECT_EQ(
      ids("/epcis/events?MATCH_epc=https%3A%2F%2Fid.gs1.org%2F01%2F09506000134352%2F21%2F1001",
          admin_),
      (std::vector<std::string>{u("1"), u("2")}));
  EXPECT_EQ(ids("/epcis/events?MATCH_anyEPC=urn:epc:idpat:sgtin:0614141.107346.*", admin_),
            std::vector<std::string>{u("3")});
  EXPECT_EQ(ids("/epcis/events?GE_eventTime=2024-05-02T00:00:00Z&LT_eventTime=2024-05-03T00:00:00Z",
                admin_),
            std::vector<std::string>{u("2")});
  EXPECT_EQ(ids("/epcis/events?EQ_bizLocation=urn:epc:id:sgln:9506000.13430.0", admin_),
            std::vector<std::string>{u("2")});
  EXPECT_EQ(ids("/epcis/events?eventType=AggregationEvent", admin_), std::vector<std::string>{});
  // Different parameters are ANDed: no shipping event names the other maker's item.
  EXPECT_EQ(ids("/epcis/events?EQ_bizStep=shipping&MATCH_epc=urn:epc:id:sgtin:0614141.107346.2017",
                admin_),
            std::vector<std::string>{});

  const HttpReply all = get("/epcis/events", admin_);
  ASSERT_EQ(all.status, 200u);
  const json::value doc = all.json();
  const json::array& context = doc.at("@context").as_array();
  EXPECT_EQ(context.at(0), "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
  EXPECT_NE(std::find(context.begin(), context.end(),
                      json::value(json::object{{"zy", "https://zhiyou.example.org/epcis/"}})),
            context.end());
  const json::value sent = json::parse(kJourney);
  EXPECT_EQ(doc.at("epcisBody").at("queryResults").at("resultsBody").at("eventList"),
            sent.at("epcisBody").at("eventList"));

  const HttpReply bad = get("/epcis/events?EQ_bizStep=transforming", admin_);
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(bad.json().at("error").at("field"), "EQ_bizStep");
  EXPECT_EQ(get("/epcis/events?perPage=0", admin_).json().at("error").at("field"), "perPage");
  EXPECT_EQ(get("/epcis/events?MATCH_everything=1", admin_).status, 400u);
}

TEST_P(EpcisApi, ABadDocumentIsRejectedWholeNamingEventAndField) {
  std::string text(kJourney);
  text.replace(text.find("\"in_transit\""), 12, "\"lost_at_sea\"");
  HttpReply reply = capture(text, admin_);
  EXPECT_EQ(reply.status, 422u) << reply.body;
  EXPECT_EQ(reply.error_code(), "unprocessable");
  EXPECT_EQ(reply.json().at("error").at("field"), "epcisBody.eventList[1].disposition");
  EXPECT_NE(std::string(reply.json().at("error").at("message").as_string()).find("第 2 个事件"),
            std::string::npos)
      << reply.body;

  reply = capture(R"({"type": "EPCISDocument", )", admin_);
  EXPECT_EQ(reply.status, 400u) << reply.body;
  EXPECT_EQ(reply.json().at("error").at("field"), "body");
  reply = capture(kJourney, admin_, "text/plain");
  EXPECT_EQ(reply.status, 415u) << reply.body;
  EXPECT_EQ(reply.error_code(), "unsupported_media_type");
  EXPECT_TRUE(walk("/epcis/events", admin_).empty());  // nothing of any of them stored
}

// Another program holds SQLite's write lock past the 5 s busy timeout: the capture answers 503
// with Retry-After and a Chinese message saying nothing was stored, and stores nothing.
TEST_P(EpcisApi, ACaptureHeldUpByAnotherWriterIsToldToTryAgain) {
  if (GetParam() != store::Engine::sqlite) GTEST_SKIP() << "SQLite's single write lock";
  std::unique_ptr<store::Database> holder = reopen();
  ASSERT_TRUE(holder);
  holder->session() << "BEGIN IMMEDIATE";
  const HttpReply reply = capture(kJourney, admin_);
  holder->session() << "ROLLBACK";
  EXPECT_EQ(reply.status, 503u) << reply.body;
  EXPECT_EQ(reply.error_code(), "unavailable");
  EXPECT_EQ(reply.headers[http::field::retry_after], "5");
  const std::string message(reply.json().at("error").at("message").as_string());
  EXPECT_TRUE(message.starts_with("服务器数据库正被其他程序占用")) << message;
  EXPECT_NE(message.find("未保存任何修改"), std::string::npos) << message;
  EXPECT_TRUE(walk("/epcis/events", admin_).empty());
  EXPECT_EQ(capture(kJourney, admin_).status, 202u);  // and once it is free, it goes in
}

// Two captures wait for the database, which another program holds (SQLite's write lock; one
// capture waits for it, the other for its turn at the server's bulk writer): reads are
// answered meanwhile, and the captures go in once the lock is free. Writes used to be handled
// on the connection's io thread, so two of them stopped every connection of the server (scans
// included) until the busy timeout.
TEST_P(EpcisApi, ReadsAreAnsweredWhileWritesWaitForTheDatabase) {
  if (GetParam() != store::Engine::sqlite) GTEST_SKIP() << "SQLite's single write lock";
  std::unique_ptr<store::Database> holder = reopen();
  ASSERT_TRUE(holder);
  holder->session() << "BEGIN IMMEDIATE";
  auto first = std::async(std::launch::async, [&] { return capture(kJourney, admin_); });
  auto second = std::async(std::launch::async, [&] { return capture(kJourney, admin_); });
  for (int i = 0; i < 1000 && pool_->stats().in_use < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_GE(pool_->stats().in_use, 2u) << "the captures did not reach the database";
  const HttpReply plans = get("/api/v1/plans");
  EXPECT_EQ(plans.status, 200u) << plans.body;
  EXPECT_EQ(get("/healthz").status, 200u);
  // Both captures are still waiting for the lock: the reads did not wait behind them.
  EXPECT_EQ(first.wait_for(std::chrono::seconds(0)), std::future_status::timeout);
  EXPECT_EQ(second.wait_for(std::chrono::seconds(0)), std::future_status::timeout);
  holder->session() << "ROLLBACK";
  const HttpReply a = first.get();
  const HttpReply b = second.get();
  EXPECT_EQ(a.status, 202u) << a.body;
  EXPECT_EQ(b.status, 202u) << b.body;
  EXPECT_EQ(walk("/epcis/events", admin_).size(), 3u);  // one of them stored, once
}

// Captures from several clients at once take turns (on SQLite at the pool's one bulk writer)
// and each is stored whole, once.
TEST_P(EpcisApi, CapturesFromManyClientsAtOnceAreEachStored) {
  std::vector<std::future<HttpReply>> replies;
  constexpr std::size_t kClients = 8;
  constexpr std::size_t kEvents = 300;
  for (std::size_t client = 0; client < kClients; ++client) {
    replies.push_back(std::async(std::launch::async, [&, client] {
      return capture(many_events(kEvents, 1 + kEvents * client), admin_);
    }));
  }
  std::set<std::string> ids;
  for (auto& reply : replies) {
    const HttpReply r = reply.get();
    ASSERT_EQ(r.status, 202u) << r.body;
    EXPECT_EQ(r.json().at("captured"), kEvents);
    ids.insert(std::string(r.json().at("captureID").as_string()));
  }
  EXPECT_EQ(ids.size(), kClients);
  EXPECT_EQ(walk("/epcis/events?perPage=1000", admin_).size(), kClients * kEvents);
}

TEST_P(EpcisApi, CapturingTheSameDocumentTwiceStoresItOnce) {
  HttpReply first = capture(kJourney, admin_);
  ASSERT_EQ(first.status, 202u) << first.body;
  EXPECT_EQ(first.json().at("captured"), 3);
  const HttpReply again = capture(kJourney, admin_);
  ASSERT_EQ(again.status, 202u) << again.body;
  EXPECT_EQ(again.json().at("captured"), 0);
  EXPECT_EQ(again.json().at("duplicates"), 3);
  EXPECT_NE(again.json().at("captureID"), first.json().at("captureID"));
  EXPECT_EQ(walk("/epcis/events", admin_).size(), 3u);
  EXPECT_EQ(get("/epcis/capture/0123456789abcdef0123456789abcdef", admin_).status, 404u);
}

TEST_P(EpcisApi, PagesCoverEveryEventOnceInCaptureOrder) {
  // Two documents, the second overlapping the first by five events.
  ASSERT_EQ(capture(many_events(20, 1), admin_).status, 202u);
  ASSERT_EQ(capture(many_events(20, 16), admin_).status, 202u);
  std::size_t pages = 0;
  const auto events = walk("/epcis/events?perPage=4&EQ_bizStep=shipping", admin_, &pages);
  EXPECT_EQ(pages, 9u);  // 35 events, 4 a page
  ASSERT_EQ(events.size(), 35u);
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].at("eventID").as_string(), "urn:zhiyou:test:" + std::to_string(i + 1));
  }
  EXPECT_EQ(get("/epcis/events?nextPageToken=zz", admin_).json().at("error").at("field"),
            "nextPageToken");
}

TEST_P(EpcisApi, CaptureTakesBodiesLargerThanOtherRoutes) {
  // The fixture limits bodies to 1 MiB; a 6,000-event document is about 1.3 MB.
  const std::string big = many_events(6000);
  ASSERT_GT(big.size(), 1024u * 1024u);
  const HttpReply reply = capture(big, admin_);
  ASSERT_EQ(reply.status, 202u) << reply.body.substr(0, 300);
  EXPECT_EQ(reply.json().at("captured"), 6000);
  HttpCall users{http::verb::post, "/api/v1/users", big, admin_};
  EXPECT_EQ(call(users).status, 413u);
}

TEST_P(EpcisApi, AnEnterpriseCapturesAndSeesOnlyItsOwnProducts) {
  register_products();
  const std::string enterprise = login(Role::enterprise);
  // The journey names another maker's GTIN in its third event: refused, nothing stored.
  HttpReply reply = capture(kJourney, enterprise);
  EXPECT_EQ(reply.status, 403u) << reply.body;
  EXPECT_EQ(reply.json().at("error").at("field"), "epcisBody.eventList[2].epcList");
  EXPECT_NE(std::string(reply.json().at("error").at("message").as_string()).find(kOtherGtin),
            std::string::npos)
      << reply.body;
  EXPECT_TRUE(walk("/epcis/events", admin_).empty());

  // Its own events go in; the office captures the other maker's event.
  const HttpReply own = capture(many_events(2), enterprise);
  ASSERT_EQ(own.status, 202u) << own.body;
  ASSERT_EQ(capture(kJourney, admin_).status, 202u);
  EXPECT_EQ(walk("/epcis/events", admin_).size(), 5u);
  EXPECT_EQ(ids("/epcis/events", enterprise),
            (std::vector<std::string>{"urn:zhiyou:test:1", "urn:zhiyou:test:2", u("1"), u("2")}));
  // Asking about another maker's product by name is refused, naming the parameter.
  for (const char* parameter : {"MATCH_epc", "MATCH_anyEPC"}) {
    const HttpReply asked = get(std::string("/epcis/events?EQ_bizStep=receiving&") + parameter +
                                    "=urn:epc:id:sgtin:9506000.013435.1001|"
                                    "https://id.gs1.org/01/10614141073464/21/2017",
                                enterprise);
    EXPECT_EQ(asked.status, 403u) << asked.body;
    EXPECT_EQ(asked.json().at("error").at("field"), parameter) << asked.body;
    EXPECT_NE(std::string(asked.json().at("error").at("message").as_string()).find(kOtherGtin),
              std::string::npos)
        << asked.body;
  }
  // A product class (lgtin) counts too; an unregistered GTIN is not the enterprise's either.
  HttpReply asked =
      get("/epcis/events?MATCH_anyEPCClass=urn:epc:class:lgtin:0614141.107346.L1", enterprise);
  EXPECT_EQ(asked.status, 403u) << asked.body;
  EXPECT_EQ(asked.json().at("error").at("field"), "MATCH_anyEPCClass") << asked.body;
  asked = get("/epcis/events?MATCH_epc=https://id.gs1.org/01/09506000134369/21/1", enterprise);
  EXPECT_EQ(asked.status, 403u) << asked.body;
  EXPECT_NE(
      std::string(asked.json().at("error").at("message").as_string()).find("不是已登记的产品"),
      std::string::npos)
      << asked.body;
  // Its own GTIN is fine; the office may ask about any product.
  EXPECT_EQ(ids("/epcis/events?MATCH_epc=urn:epc:id:sgtin:9506000.013435.1", enterprise),
            std::vector<std::string>{"urn:zhiyou:test:1"});
  EXPECT_EQ(ids("/epcis/events?MATCH_epc=urn:epc:id:sgtin:0614141.107346.2017", admin_),
            std::vector<std::string>{u("3")});
  // Its own job, not the office's.
  EXPECT_EQ(get(std::string(own.headers[http::field::location]), enterprise).status, 200u);
  const HttpReply office_job = capture(many_events(1, 100), admin_);
  EXPECT_EQ(get(std::string(office_job.headers[http::field::location]), enterprise).status, 404u);

  // An event naming no GTIN at all cannot be attributed to the enterprise.
  const std::string pallet_only =
      R"({"@context":"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
    "type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-05-01T08:00:00Z",
    "epcisBody":{"eventList":[{"type":"ObjectEvent","eventTime":"2024-05-01T08:00:00Z",
    "eventTimeZoneOffset":"+00:00","action":"OBSERVE","epcList":["urn:epc:id:sscc:9506000.0000000001"]}]}})";
  reply = capture(pallet_only, enterprise);
  EXPECT_EQ(reply.status, 403u) << reply.body;
  EXPECT_EQ(reply.json().at("error").at("field"), "epcisBody.eventList[0]");
}

TEST_P(EpcisApi, EachAcceptedCaptureAddsOneAuditEntry) {
  auto captures = [this] {
    std::vector<audit::Entry> out;
    auto entries = audit::list_entries(db());
    EXPECT_TRUE(entries.ok());
    if (!entries.ok()) return out;
    for (audit::Entry& e : *entries) {
      if (e.change.action == "epcis.capture") out.push_back(std::move(e));
    }
    return out;
  };
  const HttpReply first = capture(kJourney, admin_);
  ASSERT_EQ(first.status, 202u) << first.body;
  const HttpReply second = capture(kJourney, admin_);
  ASSERT_EQ(second.status, 202u) << second.body;
  // Rejected documents add nothing: not JSON, invalid, or another maker's for an enterprise.
  EXPECT_EQ(capture("{", admin_).status, 400u);
  std::string bad(kJourney);
  bad.replace(bad.find("\"in_transit\""), 12, "\"sold_out\"");
  EXPECT_EQ(capture(bad, admin_).status, 422u);
  register_products();
  EXPECT_EQ(capture(kJourney, login(Role::enterprise)).status, 403u);

  const std::vector<audit::Entry> entries = captures();
  ASSERT_EQ(entries.size(), 2u);
  const std::string sha256 = sha256_hex(kJourney);
  for (std::size_t i = 0; i < 2; ++i) {
    const audit::Change& c = entries[i].change;
    EXPECT_EQ(c.actor, username(Role::admin));
    EXPECT_EQ(c.subject, sha256);
    const json::value after = json::parse(c.after_json);
    EXPECT_EQ(after.at("sha256").as_string(), sha256);
    EXPECT_EQ(after.at("events"), 3);
    const json::value job = (i == 0 ? first : second).json();
    EXPECT_EQ(after.at("captureID"), job.at("captureID"));
    EXPECT_EQ(after.at("captured"), job.at("captured"));
    EXPECT_EQ(after.at("duplicates"), job.at("duplicates"));
  }
  EXPECT_EQ(json::parse(entries[0].change.after_json).at("captured"), 3);
  EXPECT_EQ(json::parse(entries[1].change.after_json).at("duplicates"), 3);
}

}  // namespace
}  // namespace zhiyou::server::testing
