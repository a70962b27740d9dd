// The EPCIS repository on both engines: every standard example is stored and comes back
// unchanged, the queries find events by either spelling of an identifier, capture is
// idempotent and all-or-nothing.
#include "trace/event_store.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "audit/audit_store.hpp"
#include "core/date_time.hpp"
#include "core/hash.hpp"
#include "store/data_version.hpp"
#include "store/engine_fixture.hpp"  // tests/store/
#include "store/migrations.hpp"
#include "store/registered_maker.hpp"  // tests/store/
#include "support/test_support.hpp"
#include "trace/epcis/cbv.hpp"
#include "trace/epcis/query.hpp"

namespace zhiyou::trace {
namespace {
namespace fs = std::filesystem;
namespace json = boost::json;
using store::testing::EngineTest;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class EventStoreTest : public EngineTest {
 protected:
  CaptureResult captured(std::string_view text) {
    auto result = capture_document(db(), text, "tester");
    EXPECT_TRUE(result.ok()) << result.error().describe();
    return result.ok() ? *result : CaptureResult{};
  }

  // The events a query returns, parsed, following every page.
  std::vector<json::object> query(epcis::QueryParameters parameters) {
    std::vector<json::object> out;
    for (int pages = 0; pages < 1000; ++pages) {
      auto text = query_events_json(db(), parameters);
      EXPECT_TRUE(text.ok()) << text.error().describe();
      if (!text.ok()) break;
      const json::object page = json::parse(*text).as_object();
      for (const json::value& e : page.at("events").as_array()) out.push_back(e.as_object());
      const json::value* token = page.if_contains("nextPageToken");
      if (token == nullptr) break;
      std::erase_if(parameters, [](const auto& p) { return p.first == "nextPageToken"; });
      parameters.emplace_back("nextPageToken", std::string(token->as_string()));
    }
    return out;
  }

  static std::vector<std::string> ids(const std::vector<json::object>& events) {
    std::vector<std::string> out;
    out.reserve(events.size());
    for (const json::object& e : events) out.emplace_back(e.at("eventID").as_string());
    return out;
  }
};
ZHIYOU_ON_BOTH_ENGINES(EventStoreTest);

// Three events of one product: commissioned (Digital Link), shipped (EPC URN), received.
constexpr std::string_view kJourney = R"({
  "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
               {"ex": "https://example.com/ns/"}],
  "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T08:00:00Z",
  "epcisBody": {"eventList": [
    {"type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000001",
     "eventTime": "2024-05-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "ADD",
     "bizStep": "commissioning",
     "epcList": ["https://example.com/01/09506000134352/10/L1/21/1001"],
     "bizLocation": {"id": "urn:epc:id:sgln:9506000.13430.0"}, "ex:note": "made"},
    {"type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000002",
     "eventTime": "2024-05-02T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
     "action": "OBSERVE", "bizStep": "urn:epcglobal:cbv:bizstep:shipping",
     "epcList": ["urn:epc:id:sgtin:9506000.013435.1001", "urn:epc:id:sgtin:9506000.013435.1002"],
     "readPoint": {"id": "https://id.gs1.org/414/9506000134307"}},
    {"type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000003",
     "eventTime": "2024-05-03T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
     "action": "OBSERVE", "bizStep": "https://ref.gs1.org/cbv/BizStep-receiving",
     "epcList": ["urn:epc:id:sgtin:9506000.013435.1002"],
     "bizLocation": {"id": "https://id.gs1.org/414/9506000134307"}}
  ]}})";

TEST_P(EventStoreTest, EveryStandardExampleIsStoredAndReturnedAsCaptured) {
  // eventID, eventTime and declarationTime ("" when none) → event as sent: an event sent
  // again has all three the same.
  std::map<std::tuple<std::string, std::string, std::string>, json::value> expected;
  std::size_t sent = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(zhiyou::testing::peer_tests_dir() / "epcis" / "JSON")) {
    if (entry.path().extension() != ".jsonld") continue;
    const std::string text = read(entry.path());
    auto result = capture_document(db(), text, "tester");
    ASSERT_TRUE(result.ok()) << entry.path() << ": " << result.error().describe();
    const json::value doc = json::parse(text);
    const json::object& o = doc.as_object();
    const json::array& list =
        o.at("type") == "EPCISQueryDocument"
            ? o.at("epcisBody").at("queryResults").at("resultsBody").at("eventList").as_array()
        : o.at("type") == "EPCISDocument" ? o.at("epcisBody").at("eventList").as_array()
                                          : json::array{doc};
    ASSERT_EQ(list.size(), result->event_ids.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json::value* declared = list[i].as_object().if_contains("errorDeclaration");
      expected.emplace(
          std::tuple(result->event_ids[i], json::value_to<std::string>(list[i].at("eventTime")),
                     declared != nullptr
                         ? json::value_to<std::string>(declared->at("declarationTime"))
                         : std::string()),
          list[i]);
      ++sent;
    }
  }
  EXPECT_EQ(sent, 56u);
  // Some examples repeat an event of another (same eventID and time): stored once. Two
  // unrelated examples (an ObjectEvent and a TransformationEvent, at different times) use the
  // same eventID: both are kept.
  EXPECT_EQ(expected.size(), 49u);
  const long long stored = count("SELECT COUNT(*) FROM epcis_events");
  EXPECT_EQ(stored, static_cast<long long>(expected.size()));

  std::map<std::string, json::value> returned;
  auto all = query({{"perPage", "7"}});
  ASSERT_EQ(all.size(), expected.size());
  // Each stored event comes back as sent; events without eventID are found by their JSON.
  for (const json::object& e : all) {
    const bool found = std::any_of(expected.begin(), expected.end(),
                                   [&](const auto& kv) { return kv.second == json::value(e); });
    EXPECT_TRUE(found) << json::serialize(e);
  }
  // The error declarations among them, and only those, are found as such.
  const auto declared = std::count_if(expected.begin(), expected.end(), [](const auto& kv) {
    return !std::get<2>(kv.first).empty();
  });
  EXPECT_GT(declared, 0);
  EXPECT_EQ(query({{"EXISTS_errorDeclaration", ""}}).size(), static_cast<std::size_t>(declared));

  // EQ_errorReason and EQ_correctiveEventID find what reading the declarations finds.
  std::map<std::string, std::size_t> by_reason;
  std::map<std::string, std::size_t> by_corrective;
  for (const auto& [key, e] : expected) {
    const json::value* d = e.as_object().if_contains("errorDeclaration");
    if (d == nullptr) continue;
    if (const json::value* reason = d->as_object().if_contains("reason")) {
      ++by_reason[*epcis::canonical_vocabulary(epcis::Vocabulary::error_reason,
                                               reason->as_string())];
    }
    if (const json::value* ids = d->as_object().if_contains("correctiveEventIDs")) {
      for (const json::value& id : ids->as_array())
        ++by_corrective[json::value_to<std::string>(id)];
    }
  }
  ASSERT_FALSE(by_reason.empty());
  ASSERT_FALSE(by_corrective.empty());
  for (const auto& [reason, n] : by_reason) {
    EXPECT_EQ(query({{"EQ_errorReason", reason}}).size(), n) << reason;
  }
  for (const auto& [id, n] : by_corrective) {
    EXPECT_EQ(query({{"EQ_correctiveEventID", id}}).size(), n) << id;
  }
}

TEST_P(EventStoreTest, QueriesMatchEitherSpellingOfAnIdentifier) {
  captured(kJourney);
  // The serial given as a Digital Link (with lot, another host) in event 1 and as an EPC
  // URN in event 2: the same SGTIN.
  EXPECT_EQ(ids(query({{"MATCH_epc", "urn:epc:id:sgtin:9506000.013435.1001"}})),
            (std::vector<std::string>{"urn:uuid:00000000-0000-4000-8000-000000000001",
                                      "urn:uuid:00000000-0000-4000-8000-000000000002"}));
  EXPECT_EQ(query({{"MATCH_anyEPC", "https://id.gs1.org/01/09506000134352/21/1002"}}).size(), 2u);
  EXPECT_EQ(query({{"MATCH_epc", "urn:epc:idpat:sgtin:9506000.013435.*"}}).size(), 3u);
  EXPECT_EQ(query({{"MATCH_epc", "urn:epc:id:sgtin:9506000.013435.9999"}}).size(), 0u);
  // bizStep written three ways, queried by its short name or URN.
  EXPECT_EQ(ids(query({{"EQ_bizStep", "shipping"}})),
            (std::vector<std::string>{"urn:uuid:00000000-0000-4000-8000-000000000002"}));
  EXPECT_EQ(query({{"EQ_bizStep", "urn:epcglobal:cbv:bizstep:receiving"}}).size(), 1u);
  EXPECT_EQ(query({{"EQ_bizStep", "shipping|receiving"}}).size(), 2u);
  // GLN 9506000134307 as SGLN URN (event 1) and Digital Link (event 3).
  EXPECT_EQ(query({{"EQ_bizLocation", "https://id.gs1.org/414/9506000134307"}}).size(), 2u);
  EXPECT_EQ(query({{"EQ_readPoint", "urn:epc:id:sgln:9506000.13430.0"}}).size(), 1u);
  // Times compare in UTC: 2024-05-02T08:00+08:00 is 00:00Z.
  EXPECT_EQ(ids(query({{"GE_eventTime", "2024-05-02T00:00:00Z"},
                       {"LT_eventTime", "2024-05-02T00:00:00.001Z"}})),
            (std::vector<std::string>{"urn:uuid:00000000-0000-4000-8000-000000000002"}));
  EXPECT_EQ(query({{"eventType", "AggregationEvent"}}).size(), 0u);
  EXPECT_EQ(query({{"eventType", "ObjectEvent"}, {"EQ_bizStep", "commissioning"}}).size(), 1u);
}

TEST_P(EventStoreTest, PagesFollowCaptureOrder) {
  captured(kJourney);
  auto first = query_events_json(db(), {{"perPage", "2"}});
  ASSERT_TRUE(first.ok());
  const json::object page = json::parse(*first).as_object();
  EXPECT_EQ(page.at("events").as_array().size(), 2u);
  ASSERT_TRUE(page.contains("nextPageToken"));
  auto second = query_events_json(
      db(),
      {{"perPage", "2"}, {"nextPageToken", std::string(page.at("nextPageToken").as_string())}});
  ASSERT_TRUE(second.ok());
  const json::object rest = json::parse(*second).as_object();
  ASSERT_EQ(rest.at("events").as_array().size(), 1u);
  EXPECT_EQ(rest.at("events").as_array()[0].at("eventID"),
            "urn:uuid:00000000-0000-4000-8000-000000000003");
  EXPECT_FALSE(rest.contains("nextPageToken"));
}

// Two events after kJourney: event 4 names `epcs` (a JSON list's items), event 5 five units
// of lot L1 of kJourney's product as a class.
std::string after_journey(std::string_view epcs) {
  return fmt::format(
      R"({{"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
    "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-04T08:00:00Z",
    "epcisBody": {{"eventList": [
      {{"type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000004",
       "eventTime": "2024-05-04T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
       "action": "OBSERVE", "bizStep": "shipping", "epcList": [{}]}},
      {{"type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000000005",
       "eventTime": "2024-05-05T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
       "action": "OBSERVE", "bizStep": "shipping",
       "quantityList": [{{"epcClass": "urn:epc:class:lgtin:9506000.013435.L1", "quantity": 5}}]}}
    ]}}}})",
      epcs);
}

// A product's page: its events newest first, each once however many of its units it names,
// class-level events of its lots included, other products' events left out.
TEST_P(EventStoreTest, AProductsEventsComeNewestFirstEachOnce) {
  captured(kJourney);
  captured(after_journey(R"("urn:epc:id:sgtin:4012345.011111.1")"));
  auto event_id = [](const StoredEvent& e) {
    return std::string(json::parse(e.json).at("eventID").as_string());
  };
  auto first = product_events(db(), "09506000134352", 0, 2);
  ASSERT_TRUE(first.ok()) << first.error().describe();
  ASSERT_EQ(first->events.size(), 2u);
  EXPECT_EQ(event_id(first->events[0]), "urn:uuid:00000000-0000-4000-8000-000000000005");
  EXPECT_EQ(event_id(first->events[1]), "urn:uuid:00000000-0000-4000-8000-000000000003");
  ASSERT_TRUE(first->next_page_token);
  const auto before = epcis::parse_page_token(*first->next_page_token);
  ASSERT_TRUE(before);
  auto second = product_events(db(), "09506000134352", *before, 2);
  ASSERT_TRUE(second.ok()) << second.error().describe();
  ASSERT_EQ(second->events.size(), 2u);  // event 2 names two units: once
  EXPECT_EQ(event_id(second->events[0]), "urn:uuid:00000000-0000-4000-8000-000000000002");
  EXPECT_EQ(event_id(second->events[1]), "urn:uuid:00000000-0000-4000-8000-000000000001");
  EXPECT_FALSE(second->next_page_token);
  auto other = product_events(db(), "04012345111118", 0, 10);
  ASSERT_TRUE(other.ok());
  ASSERT_EQ(other->events.size(), 1u);
  EXPECT_EQ(event_id(other->events[0]), "urn:uuid:00000000-0000-4000-8000-000000000004");
}

// One ObjectEvent naming `epc` at `bizStep`, its eventID ending in `n`.
std::string object_event(int n, std::string_view epc, std::string_view biz_step) {
  return fmt::format(
      R"({{"type": "ObjectEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-{:012}",)"
      R"( "eventTime": "2024-06-01T08:00:00Z", "eventTimeZoneOffset": "+08:00",)"
      R"( "action": "OBSERVE", "bizStep": "{}", "epcList": ["{}"]}})",
      n, biz_step, epc);
}

// A product's few events far apart in capture order, thousands of another product's between
// them: queries by GTIN pattern and by maker find each of them once, in order, page by page
// (the store searches such queries window by window of the capture order).
TEST_P(EventStoreTest, AProductsEventsFarApartAreFoundPageByPage) {
  store::testing::register_products(db(), {{"09506000134352", "电热水壶"}});
  ASSERT_FALSE(HasFatalFailure());
  std::vector<std::string> events;
  int n = 0;
  auto ours = [&](std::string_view biz_step) {
    events.push_back(
        object_event(++n, fmt::format("urn:epc:id:sgtin:9506000.013435.{}", n), biz_step));
    return fmt::format("urn:uuid:00000000-0000-4000-8000-{:012}", n);
  };
  auto others = [&](int count) {
    for (int i = 0; i < count; ++i) {
      events.push_back(
          object_event(++n, fmt::format("urn:epc:id:sgtin:4012345.011111.{}", n), "shipping"));
    }
  };
  std::vector<std::string> expected;
  // Keys from 1: three of ours at 4095-4097, across the first window's end (kFirstWindow).
  expected.push_back(ours("shipping"));
  others(4093);
  expected.push_back(ours("shipping"));
  expected.push_back(ours("receiving"));
  expected.push_back(ours("shipping"));
  others(4100);
  expected.push_back(ours("shipping"));
  captured(fmt::format(
      R"({{"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
    "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-06-01T08:00:00Z",
    "epcisBody": {{"eventList": [{}]}}}})",
      fmt::join(events, ",")));

  const std::string pattern = "urn:epc:idpat:sgtin:9506000.013435.*";
  auto first = query_events_json(db(), {{"MATCH_epc", pattern}, {"perPage", "2"}});
  ASSERT_TRUE(first.ok()) << first.error().describe();
  const json::object page = json::parse(*first).as_object();
  EXPECT_EQ(page.at("events").as_array().size(), 2u);
  EXPECT_TRUE(page.contains("nextPageToken"));
  EXPECT_EQ(ids(query({{"MATCH_epc", pattern}, {"perPage", "2"}})), expected);
  EXPECT_EQ(ids(query({{"MATCH_epc", pattern}, {"EQ_bizStep", "receiving"}})),
            (std::vector<std::string>{expected[2]}));
  EXPECT_EQ(query({{"MATCH_epc", "urn:epc:idpat:sgtin:4012345.011111.*"}}).size(), 8193u);

  // An enterprise's own events: those of the products registered to it.
  auto mine = epcis::parse_query({{"perPage", "3"}});
  ASSERT_TRUE(mine.ok());
  mine->owner_uscc = store::testing::kMakerUscc;
  std::vector<std::string> found;
  for (int pages = 0; pages < 10; ++pages) {
    auto result = query_events(db(), *mine);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    for (const StoredEvent& e : result->events) {
      found.emplace_back(json::parse(e.json).at("eventID").as_string());
    }
    if (!result->next_page_token) break;
    const auto after = epcis::parse_page_token(*result->next_page_token);
    ASSERT_TRUE(after);
    mine->after_key = *after;
  }
  EXPECT_EQ(found, expected);
}

TEST_P(EventStoreTest, BadQueryParametersAreNamed) {
  for (const auto& [name, value] :
       epcis::QueryParameters{{"EQ_bizStep", "transforming"},
                              {"GE_eventTime", "yesterday"},
                              {"LT_errorDeclarationTime", "2024-13-01T00:00:00Z"},
                              {"EXISTS_errorDeclaration", "false"},
                              {"MATCH_epc", "urn:epc:id:sgtin:123.45.6"},
                              {"perPage", "0"},
                              {"nextPageToken", "abc"},
                              {"EQ_colour", "red"}}) {
    auto result = query_events_json(db(), {{name, value}});
    ASSERT_FALSE(result.ok()) << name;
    EXPECT_EQ(result.error().place, name);
  }
}

TEST_P(EventStoreTest, CapturingTwiceStoresOnce) {
  const CaptureResult first = captured(kJourney);
  EXPECT_EQ(first.captured, 3u);
  const CaptureResult again = captured(kJourney);
  EXPECT_EQ(again.captured, 0u);
  EXPECT_EQ(again.duplicates, 3u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_event_epcs"), 4);
}

// An event sent again is found by its eventID at its eventTime (migration 11's index): the
// same instant written in another zone is the same event. An eventID reused for an event at
// another time (the standard forbids that) is not looked for and is stored as a second event.
TEST_P(EventStoreTest, AnEventSentAgainIsFoundByItsIdAtItsTime) {
  const auto event = [](std::string_view time, std::string_view epc) {
    return R"({"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
      "type": "ObjectEvent", "eventID": "urn:uuid:5b7e0c1a-0000-4000-8000-000000000042",
      "eventTime": ")" +
           std::string(time) + R"(", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
      "epcList": [")" +
           std::string(epc) + R"("]})";
  };
  EXPECT_EQ(
      captured(event("2024-05-01T08:00:00+08:00", "urn:epc:id:sgtin:9506000.013435.1")).captured,
      1u);
  const CaptureResult again =
      captured(event("2024-05-01T00:00:00.000Z", "urn:epc:id:sgtin:9506000.013435.1"));
  EXPECT_EQ(again.captured, 0u);
  EXPECT_EQ(again.duplicates, 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"), 1);
  const CaptureResult reused =
      captured(event("2024-05-02T08:00:00+08:00", "urn:epc:id:sgtin:9506000.013435.2"));
  EXPECT_EQ(reused.captured, 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"), 2);
}

// An error declaration is the event it declares in error sent again with the same eventID
// and eventTime, plus an errorDeclaration: it is stored beside that event, once for each
// declarationTime, and the EXISTS_ / GE_ / LT_errorDeclarationTime parameters find it.
TEST_P(EventStoreTest, AnErrorDeclarationIsStoredBesideTheEventItDeclaresInError) {
  const auto event = [](std::string_view id, std::string_view declared) {
    std::string e = R"({"type": "ObjectEvent", "eventID": ")" + std::string(id) +
                    R"(", "eventTime": "2024-05-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",
      "action": "OBSERVE", "bizStep": "shipping",
      "epcList": ["urn:epc:id:sgtin:9506000.013435.7"])";
    if (!declared.empty()) {
      e += R"(, "errorDeclaration": {"declarationTime": ")" + std::string(declared) +
           R"(", "reason": "did_not_occur"})";
    }
    return e + "}";
  };
  using zhiyou::testing::epcis_document;
  const std::string a = "urn:uuid:6a0c7e55-0000-4000-8000-00000000000a";
  EXPECT_EQ(captured(epcis_document({event(a, "")})).captured, 1u);
  const CaptureResult declared = captured(epcis_document({event(a, "2024-05-02T09:00:00+08:00")}));
  EXPECT_EQ(declared.captured, 1u);
  EXPECT_EQ(declared.duplicates, 0u);
  EXPECT_EQ(captured(epcis_document({event(a, "2024-05-02T01:00:00Z")})).duplicates, 1u);  // same
  EXPECT_EQ(captured(epcis_document({event(a, "2024-05-02T10:00:00+08:00")})).captured, 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"), 3);

  // The declaration arrived first; then a document with the event and the declaration again:
  // the event is new, the declaration is not.
  const std::string b = "urn:uuid:6a0c7e55-0000-4000-8000-00000000000b";
  EXPECT_EQ(captured(epcis_document({event(b, "2024-05-02T09:00:00+08:00")})).captured, 1u);
  const CaptureResult both =
      captured(epcis_document({event(b, ""), event(b, "2024-05-02T09:00:00+08:00")}));
  EXPECT_EQ(both.captured, 1u);
  EXPECT_EQ(both.duplicates, 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"), 5);

  EXPECT_EQ(query({{"EXISTS_errorDeclaration", ""}}).size(), 3u);
  const auto declared_before_ten =
      query({{"EXISTS_errorDeclaration", "true"},
             {"LT_errorDeclarationTime", "2024-05-02T10:00:00+08:00"}});
  ASSERT_EQ(declared_before_ten.size(), 2u);
  for (const json::object& e : declared_before_ten) {
    EXPECT_EQ(e.at("errorDeclaration").at("declarationTime"), "2024-05-02T09:00:00+08:00");
  }
  EXPECT_EQ(query({{"GE_errorDeclarationTime", "2024-05-02T02:00:00Z"}}).size(), 1u);
  EXPECT_EQ(query({{"MATCH_epc", "urn:epc:id:sgtin:9506000.013435.7"}}).size(), 5u);
}

// An event sent without eventID gets one computed from its content; its error declaration,
// also without eventID, gets the same one (the errorDeclaration is left out), so it is stored
// beside the event and withdraws it.
TEST_P(EventStoreTest, ADeclarationOfAnEventWithoutEventIdGetsThatEventsId) {
  const std::string event =
      R"({"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
    "type": "ObjectEvent", "eventTime": "2024-05-01T00:00:00Z", "eventTimeZoneOffset": "+00:00",
    "action": "OBSERVE", "epcList": ["urn:epc:id:sscc:9506000.0000000002"])";
  const CaptureResult original = captured(event + "}");
  const CaptureResult declaration =
      captured(event + R"(, "errorDeclaration": {"declarationTime": "2024-05-02T00:00:00Z"}})");
  ASSERT_EQ(original.event_ids.size(), 1u);
  ASSERT_EQ(declaration.event_ids.size(), 1u);
  EXPECT_EQ(declaration.event_ids[0], original.event_ids[0]);
  EXPECT_EQ(declaration.captured, 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"), 2);
}

// EQ_errorReason (a CBV short name or its URI, alternatives with "|") and
// EQ_correctiveEventID pick declarations by what they say; pages stay full.
TEST_P(EventStoreTest, DeclarationsAreFoundByReasonAndCorrectiveEvent) {
  const auto declaration = [](int n, std::string_view reason, std::string_view corrective) {
    return R"({"type": "ObjectEvent", "eventID": "urn:uuid:6a0c7e55-0000-4000-8000-00000000010)" +
           std::to_string(n) + R"(", "eventTime": "2024-05-01T08:00:00+08:00",
      "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "shipping",
      "epcList": ["urn:epc:id:sgtin:9506000.013435.7"], "errorDeclaration": {
      "declarationTime": "2024-05-02T09:00:00+08:00", "reason": ")" +
           std::string(reason) + R"(", "correctiveEventIDs": [")" + std::string(corrective) +
           R"("]}})";
  };
  std::vector<std::string> events;
  events.reserve(6);
  for (int n = 0; n < 6; ++n) {
    events.push_back(
        declaration(n, n % 2 == 0 ? "did_not_occur" : "incorrect_data",
                    "urn:uuid:c0000000-0000-4000-8000-00000000000" + std::to_string(n % 3)));
  }
  captured(zhiyou::testing::epcis_document(events));
  captured(kJourney);
  EXPECT_EQ(query({{"EQ_errorReason", "did_not_occur"}}).size(), 3u);
  EXPECT_EQ(query({{"EQ_errorReason", "https://ref.gs1.org/cbv/ER-incorrect_data"}}).size(), 3u);
  EXPECT_EQ(query({{"EQ_errorReason", "did_not_occur|incorrect_data"}}).size(), 6u);
  const auto second =
      query({{"EQ_correctiveEventID", "urn:uuid:c0000000-0000-4000-8000-000000000001"}});
  ASSERT_EQ(second.size(), 2u);
  for (const json::object& e : second) {
    EXPECT_EQ(e.at("errorDeclaration").at("correctiveEventIDs").at(0),
              "urn:uuid:c0000000-0000-4000-8000-000000000001");
  }
  EXPECT_EQ(query({{"EQ_errorReason", "did_not_occur"},
                   {"EQ_correctiveEventID", "urn:uuid:c0000000-0000-4000-8000-000000000001"}})
                .size(),
            1u);  // n = 4
  // Paging over filtered declarations returns each once.
  EXPECT_EQ(query({{"EQ_errorReason", "did_not_occur|incorrect_data"}, {"perPage", "4"}}).size(),
            6u);
  const auto bad = epcis::parse_query({{"EQ_errorReason", "forgot"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().place, "EQ_errorReason");
}

// A store written before migration 12 holds declarations whose event was not stored then:
// migrating reads their declarationTime from the stored JSON, so they are found as before.
TEST_P(EventStoreTest, DeclarationsStoredBeforeMigration12AreRecognised) {
  // Fraction digits beyond the millisecond are cut, as capture cuts them (not rounded).
  const std::string declared_at = "2021-02-01T22:46:31.1169999+00:00";
  const std::string declaration =
      R"({"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
      "type": "ObjectEvent", "eventID": "urn:uuid:6a0c7e55-0000-4000-8000-00000000000c",
      "eventTime": "2021-01-30T08:00:00-06:00", "eventTimeZoneOffset": "-06:00",
      "action": "OBSERVE", "epcList": ["urn:epc:id:sgtin:9506000.013435.8"],
      "errorDeclaration": {"declarationTime": ")" +
      declared_at + R"(", "reason": "incorrect_data"}})";
  captured(declaration);
  captured(kJourney);
  // As migration 11 left the table.
  db().session() << "DROP INDEX epcis_events_declared";
  db().session() << "ALTER TABLE epcis_events DROP COLUMN declaration_time";
  db().session() << "DELETE FROM schema_migrations WHERE version = 12";
  ASSERT_TRUE(store::migrate(db()).ok());
  const std::optional<std::int64_t> expected = parse_date_time(declared_at);
  ASSERT_TRUE(expected.has_value());
  EXPECT_EQ(count("SELECT declaration_time FROM epcis_events"
                  " WHERE event_id = 'urn:uuid:6a0c7e55-0000-4000-8000-00000000000c'"),
            *expected);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events WHERE declaration_time = 0"), 3);
  EXPECT_EQ(captured(declaration).duplicates, 1u);
  EXPECT_EQ(query({{"EXISTS_errorDeclaration", ""}}).size(), 1u);
}

// A store written before migration 16 keyed its identifier rows by the GS1 key's text:
// migrating numbers the keys, and every query finds what it found before; capture goes on.
TEST_P(EventStoreTest, IdentifiersStoredBeforeMigration16AreFoundAfterIt) {
  captured(kJourney);
  captured(
      after_journey(R"("urn:epc:id:grai:9506000.13430.A1", "urn:epc:id:grai:9506000.13430.B2")"));
  // Exact identifiers, a GTIN's serials, a range of keys (every GRAI of one asset type), a
  // lot: each found the way it was before.
  const std::vector<std::pair<std::string, std::string>> queries{
      {"MATCH_epc", "urn:epc:id:sgtin:9506000.013435.1001"},
      {"MATCH_anyEPC", "https://id.gs1.org/01/09506000134352/21/1002"},
      {"MATCH_epc", "urn:epc:idpat:sgtin:9506000.013435.*"},
      {"MATCH_epc", "urn:epc:idpat:grai:9506000.13430.*"},
      {"MATCH_epcClass", "urn:epc:class:lgtin:9506000.013435.L1"}};
  std::vector<std::vector<std::string>> before;
  before.reserve(queries.size());
  for (const auto& q : queries) before.push_back(ids(query({q})));
  EXPECT_EQ(before[0].size(), 2u);
  EXPECT_EQ(before[2].size(), 3u);
  EXPECT_EQ(before[3], std::vector<std::string>{"urn:uuid:00000000-0000-4000-8000-000000000004"});
  EXPECT_FALSE(before[4].empty());
  const long long rows = count("SELECT COUNT(*) FROM epcis_event_epcs");
  // As migration 15 left the table, and without the GS1 keys among the terms.
  const bool sqlite = db().engine() == store::Engine::sqlite;
  db().session() << std::string(
                        "CREATE TABLE old_epcs (epc_key TEXT NOT NULL, qualifier TEXT NOT NULL,"
                        " event_key BIGINT NOT NULL, role TEXT NOT NULL, lot TEXT,"
                        " PRIMARY KEY (epc_key, qualifier, event_key, role))") +
                        (sqlite ? " WITHOUT ROWID" : "");
  db().session() << "INSERT INTO old_epcs SELECT t.term, x.qualifier, x.event_key, x.role, x.lot"
                    " FROM epcis_event_epcs x JOIN epcis_terms t ON t.term_id = x.key_id";
  db().session() << "DELETE FROM epcis_terms WHERE term_id IN"
                    " (SELECT key_id FROM epcis_event_epcs)";
  db().session() << "DROP TABLE epcis_event_epcs";
  db().session() << "ALTER TABLE old_epcs RENAME TO epcis_event_epcs";
  db().session() << "CREATE INDEX epcis_event_epcs_lot ON epcis_event_epcs (epc_key, lot)"
                    " WHERE lot IS NOT NULL";
  db().session() << "CREATE INDEX epcis_event_epcs_newest ON epcis_event_epcs"
                    " (epc_key, event_key)";
  db().session() << "DELETE FROM schema_migrations WHERE version = 16";
  ASSERT_EQ(count("SELECT COUNT(*) FROM epcis_terms WHERE term LIKE '01/%'"), 0);
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(store::migrate(db()).ok());
  // A store of millions takes a while: whoever opened it is told why.
  const std::string said = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(said.find("数据库升级：迁移 16（"), std::string::npos) << said;
  EXPECT_NE(said.find("数据库升级：迁移 16 完成，用时"), std::string::npos) << said;
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_event_epcs"), rows);
  for (std::size_t i = 0; i < queries.size(); ++i) {
    EXPECT_EQ(ids(query({queries[i]})), before[i]) << queries[i].second;
  }
  auto page = product_events(db(), "09506000134352", 0, 10);
  ASSERT_TRUE(page.ok()) << page.error().describe();
  EXPECT_EQ(page->events.size(), 4u);
  // A new event about a unit named before the migration joins its journey.
  captured(
      fmt::format(R"({{"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
      "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-04T08:00:00Z",
      "epcisBody": {{"eventList": [{}]}}}})",
                  object_event(7, "urn:epc:id:sgtin:9506000.013435.1001", "retail_selling")));
  EXPECT_EQ(query({queries[0]}).size(), 3u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_terms WHERE term = '01/09506000134352'"), 1);
}

// Every SSCC is a GS1 key of its own, so a document of shipments brings thousands of new
// keys at once: each is stored once and finds its own event.
TEST_P(EventStoreTest, ADocumentNamingThousandsOfNewContainersFindsEachOfThem) {
  constexpr int kPallets = 1500;
  std::vector<std::string> events;
  for (int n = 1; n <= kPallets; ++n) {
    events.push_back(object_event(n, fmt::format("urn:epc:id:sscc:9506000.{:010}", n), "shipping"));
  }
  // The first pallet again, in a second role: one key, one term.
  events.push_back(fmt::format(
      R"({{"type": "AggregationEvent", "eventID": "urn:uuid:00000000-0000-4000-8000-000000009999",)"
      R"( "eventTime": "2024-06-02T08:00:00Z", "eventTimeZoneOffset": "+08:00", "action": "ADD",)"
      R"( "parentID": "urn:epc:id:sscc:9506000.{:010}",)"
      R"( "childEPCs": ["urn:epc:id:sgtin:9506000.013435.1001"]}})",
      1));
  const CaptureResult result = captured(fmt::format(
      R"({{"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
      "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-06-01T08:00:00Z",
      "epcisBody": {{"eventList": [{}]}}}})",
      fmt::join(events, ",")));
  EXPECT_EQ(result.captured, kPallets + 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_terms WHERE term LIKE '00/%'"), kPallets);
  for (int n : {1, 2, 777, kPallets}) {
    const auto found =
        ids(query({{"MATCH_anyEPC", fmt::format("urn:epc:id:sscc:9506000.{:010}", n)}}));
    std::vector<std::string> expected{fmt::format("urn:uuid:00000000-0000-4000-8000-{:012}", n)};
    if (n == 1) expected.emplace_back("urn:uuid:00000000-0000-4000-8000-000000009999");
    EXPECT_EQ(found, expected) << n;
  }
}

// Cached scan answers (the unit's journey) are dropped when the trace version moves: a capture
// that stores events moves it, one of only duplicates does not.
TEST_P(EventStoreTest, StoredEventsRaiseTheTraceVersionDuplicatesDoNot) {
  const std::int64_t before = store::data_versions(db()).trace;
  captured(kJourney);
  const std::int64_t after = store::data_versions(db()).trace;
  EXPECT_GT(after, before);
  captured(kJourney);
  EXPECT_EQ(store::data_versions(db()).trace, after);
}

TEST_P(EventStoreTest, EventsWithoutEventIdGetTheSameComputedIdEachTime) {
  const std::string doc =
      R"({"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
    "type": "ObjectEvent", "eventTime": "2024-05-01T00:00:00Z", "eventTimeZoneOffset": "+00:00",
    "action": "OBSERVE", "epcList": ["urn:epc:id:sscc:9506000.0000000001"]})";
  const CaptureResult first = captured(doc);
  ASSERT_EQ(first.event_ids.size(), 1u);
  EXPECT_TRUE(first.event_ids[0].starts_with("ni:///sha-256;"));
  EXPECT_EQ(captured(doc).duplicates, 1u);
  // Same event, keys in another order and other whitespace: same id.
  const std::string reordered = R"({"action":"OBSERVE","type":"ObjectEvent",
    "epcList":["urn:epc:id:sscc:9506000.0000000001"],"eventTimeZoneOffset":"+00:00",
    "eventTime":"2024-05-01T00:00:00Z",
    "@context":"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"})";
  EXPECT_EQ(captured(reordered).event_ids, first.event_ids);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"), 1);
  EXPECT_EQ(query({{"MATCH_epc", "https://id.gs1.org/00/095060000000000015"}}).size(), 1u);
}

TEST_P(EventStoreTest, EveryStoredCaptureAddsOneAuditEntry) {
  const std::string text(kJourney);
  ASSERT_TRUE(capture_document(db(), text, "cli:alice").ok());
  // The same document again: nothing new stored, but the capture is still recorded.
  ASSERT_TRUE(capture_document(db(), text, "cli:bob").ok());
  auto entries = audit::list_entries(db());
  ASSERT_TRUE(entries.ok()) << entries.error().describe();
  ASSERT_EQ(entries->size(), 2u);
  const audit::Change& first = (*entries)[0].change;
  EXPECT_EQ(first.actor, "cli:alice");
  EXPECT_EQ(first.action, "epcis.capture");
  EXPECT_EQ(first.subject, sha256_hex(text));
  EXPECT_EQ(first.before_json, "null");
  const json::value after = json::parse(first.after_json);
  EXPECT_EQ(after.at("sha256").as_string(), sha256_hex(text));
  EXPECT_EQ(after.at("events"), 3);
  EXPECT_EQ(after.at("captured"), 3);
  EXPECT_EQ(after.at("duplicates"), 0);
  EXPECT_EQ(after.as_object().if_contains("captureID"), nullptr);
  const json::value again = json::parse((*entries)[1].change.after_json);
  EXPECT_EQ((*entries)[1].change.actor, "cli:bob");
  EXPECT_EQ(again.at("captured"), 0);
  EXPECT_EQ(again.at("duplicates"), 3);
  auto chain = audit::verify(db());
  ASSERT_TRUE(chain.ok());
  EXPECT_FALSE(chain->first_break.has_value());
}

TEST_P(EventStoreTest, RejectedDocumentStoresNothing) {
  std::string bad(kJourney);
  bad.replace(bad.find(R"("action": "OBSERVE")"), 19, R"("action": "MOVE")");
  auto result = capture_document(db(), bad, "tester");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().place, "epcisBody.eventList[1].action");
  EXPECT_NE(result.error().message.find("第 2 个事件"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_event_epcs"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), 0);
}

// What a caller does in the capture's transaction (the HTTP API records its capture job there)
// sees the capture's outcome, and when it fails the capture is undone with it.
TEST_P(EventStoreTest, WorkDoneWithinACaptureCommitsOrFailsWithIt) {
  auto document = epcis::parse_document(kJourney);
  ASSERT_TRUE(document.ok()) << document.error().describe();
  std::size_t seen = 0;
  auto refused =
      capture(db(), *document, {"tester", "00", {}}, [&](const CaptureResult& r) -> Status {
        seen = r.captured;
        return make_error("记录采集任务失败", "epcis_capture_jobs");
      });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().place, "epcis_capture_jobs");
  EXPECT_EQ(seen, document->events.size());
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_event_epcs"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), 0);

  auto stored = capture(db(), *document, {"tester", "00", {}}, [&](const CaptureResult&) -> Status {
    db().session() << "INSERT INTO epcis_capture_jobs (capture_id, created_at, finished_at,"
                      " captured_by, event_count, captured, duplicates)"
                      " VALUES ('c1', 'a', 'b', 'tester', 1, 1, 0)";
    return Ok{};
  });
  ASSERT_TRUE(stored.ok()) << stored.error().describe();
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"),
            static_cast<long long>(document->events.size()));
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_capture_jobs"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), 1);
}

// kJourney with eventIDs of its own ("urn:uuid:0000000<tag>-…"): three other events.
std::string journey_tagged(char tag) {
  std::string text(kJourney);
  for (auto at = text.find("urn:uuid:00000000"); at != std::string::npos;
       at = text.find("urn:uuid:00000000", at + 1)) {
    text[at + 16] = tag;
  }
  return text;
}

// `zhiyou trace capture` of several files: capture_documents stores consecutive documents in
// one transaction. Each is still reported in order with its own outcome and audit entry, and
// one the database refuses fails as itself, the documents before it stored. The refusal is a
// trigger on its events: on SQLite a broken constraint, which the capture reports as that
// document's error and goes on; on PostgreSQL a raised exception, a database failure, which
// stops the capture (the command line names the file and says the later ones were not begun).
TEST_P(EventStoreTest, DocumentsCapturedTogetherAreEachReportedAndAFailureIsItsOwn) {
  const bool sqlite = GetParam() == store::Engine::sqlite;
  const std::vector<std::string> texts = {journey_tagged('a'), journey_tagged('b'),
                                          journey_tagged('c')};
  if (sqlite) {
    db().session() << "CREATE TRIGGER refuse_b BEFORE INSERT ON epcis_events"
                      " WHEN NEW.event_id LIKE 'urn:uuid:0000000b%'"
                      " BEGIN SELECT RAISE(ABORT, 'refused'); END";
  } else {
    db().session() << "CREATE FUNCTION refuse_b() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                      " IF NEW.event_id LIKE 'urn:uuid:0000000b%' THEN RAISE EXCEPTION 'refused';"
                      " END IF; RETURN NEW; END $$";
    db().session() << "CREATE TRIGGER refuse_b BEFORE INSERT ON epcis_events"
                      " FOR EACH ROW EXECUTE FUNCTION refuse_b()";
  }
  struct Outcomes {
    std::vector<Result<CaptureResult>> each;
    std::string failure;  // what came out as an exception
  };
  auto capture_all = [&] {
    std::size_t given = 0;
    Outcomes out;
    try {
      capture_documents(
          db(), "tester",
          [&]() -> std::optional<std::string> {
            if (given == texts.size()) return std::nullopt;
            return texts[given++];
          },
          [&](const Result<CaptureResult>& outcome) {
            out.each.push_back(outcome);
            return true;
          });
    } catch (const std::exception& e) {
      out.failure = e.what();
    }
    return out;
  };
  Outcomes outcomes = capture_all();
  ASSERT_EQ(outcomes.each.size(), sqlite ? 3U : 1U);
  ASSERT_TRUE(outcomes.each[0].ok()) << outcomes.each[0].error().describe();
  EXPECT_EQ(outcomes.each[0]->captured, 3U);
  if (sqlite) {
    EXPECT_FALSE(outcomes.each[1].ok());
    ASSERT_TRUE(outcomes.each[2].ok()) << outcomes.each[2].error().describe();
    EXPECT_EQ(outcomes.each[2]->captured, 3U);
    EXPECT_EQ(outcomes.failure, "");
  } else {
    EXPECT_NE(outcomes.failure.find("refused"), std::string::npos) << outcomes.failure;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"), sqlite ? 6 : 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events WHERE event_id LIKE 'urn:uuid:0000000b%'"), 0);

  // Refused no more: all three again; what was not stored is stored now, the rest known.
  db().session() << (sqlite ? "DROP TRIGGER refuse_b" : "DROP TRIGGER refuse_b ON epcis_events");
  outcomes = capture_all();
  ASSERT_EQ(outcomes.each.size(), 3U) << outcomes.failure;
  for (std::size_t i = 0; i < 3; ++i) {
    ASSERT_TRUE(outcomes.each[i].ok()) << i << ": " << outcomes.each[i].error().describe();
    const bool stored_before = i == 0 || (i == 2 && sqlite);
    EXPECT_EQ(outcomes.each[i]->captured, stored_before ? 0U : 3U) << i;
    EXPECT_EQ(outcomes.each[i]->duplicates, stored_before ? 3U : 0U) << i;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM epcis_events"), 9);
  auto entries = audit::list_entries(db());
  ASSERT_TRUE(entries.ok()) << entries.error().describe();
  std::vector<std::string> subjects;
  for (const auto& entry : *entries) subjects.push_back(entry.change.subject);
  std::vector<std::string> expected = {sha256_hex(texts[0])};
  if (sqlite) expected.push_back(sha256_hex(texts[2]));
  for (const std::string& text : texts) expected.push_back(sha256_hex(text));
  EXPECT_EQ(subjects, expected);
}

}  // namespace
}  // namespace zhiyou::trace
