// Recall scope on a hand-built supply chain, on both engines:
//   units 1001-1006 of lot L1 (and 2001 of lot L2) are commissioned; 1001-1003 packed in
//   case A, 1004-1006 in case B; both cases on pallet P; P shipped from the factory to a
//   distributor, received at a store; case B taken off the pallet, unit 1006 taken out of
//   case B and sold; then P (still holding case A) moved to the store's back room.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/engine_fixture.hpp"  // tests/store/
#include "store/registered_maker.hpp"
#include "support/test_support.hpp"
#include "trace/code_store.hpp"
#include "trace/event_store.hpp"
#include "trace/recall_store.hpp"

namespace zhiyou::trace {
namespace {
using store::testing::EngineTest;

constexpr std::string_view kGtin = "09506000134352";
const std::string kUnit = "https://id.gs1.org/01/09506000134352/21/";
const std::string kCaseA = "https://id.gs1.org/00/095060000000000114";
const std::string kCaseB = "https://id.gs1.org/00/095060000000000121";
const std::string kPallet = "https://id.gs1.org/00/095060000000000992";
const std::string kStore = "https://id.gs1.org/414/9506001000021";
const std::string kBackRoom = "https://id.gs1.org/414/9506001000038";
const std::string kDistributor = "https://id.gs1.org/417/9506001000014";

std::string event(const std::string& time, const std::string& body) {
  return R"({"eventTime": ")" + time + R"(", "eventTimeZoneOffset": "+08:00", )" + body + "}";
}

std::string chain_document() {
  const std::string sgtin = "urn:epc:id:sgtin:9506000.013435.";
  const std::string a = "\"urn:epc:id:sscc:9506000.0000000011\"";
  const std::string b = "\"urn:epc:id:sscc:9506000.0000000012\"";
  const std::string p = "\"urn:epc:id:sscc:9506000.0000000099\"";
  std::vector<std::string> events{
      event(
          "2024-05-01T08:00:00+08:00",
          R"("type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning", "epcList": [)" +
              [&] {
                std::string list;
                for (int s = 1001; s <= 1006; ++s) {
                  list += (s > 1001 ? ",\"" : "\"") + sgtin + std::to_string(s) + "\"";
                }
                return list;
              }() +
              R"(], "bizLocation": {"id": "urn:epc:id:sgln:9506000.13430.0"},
                "ilmd": {"cbvmda:lotNumber": "L1"})"),
      event("2024-05-01T08:05:00+08:00",
            R"("type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning",
               "epcList": ["https://id.gs1.org/01/09506000134352/10/L2/21/2001"])"),
      event("2024-05-01T09:00:00+08:00",
            R"("type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": )" +
                a + R"(, "childEPCs": [")" + sgtin + "1001\", \"" + sgtin + "1002\", \"" + sgtin +
                "1003\"]"),
      event("2024-05-01T09:01:00+08:00",
            R"("type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": )" +
                b + R"(, "childEPCs": [")" + sgtin + "1004\", \"" + sgtin + "1005\", \"" + sgtin +
                "1006\"]"),
      event("2024-05-01T10:00:00+08:00",
            R"("type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "parentID": )" +
                p + ", \"childEPCs\": [" + a + ", " + b + "]"),
      event("2024-05-02T08:00:00+08:00",
            R"("type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "epcList": [)" +
                p + R"(], "bizLocation": {"id": "urn:epc:id:sgln:9506000.13430.0"},
                "destinationList": [{"type": "possessing_party",
                                     "destination": "urn:epc:id:pgln:9506001.00001"}])"),
      event("2024-05-03T08:00:00+08:00",
            R"("type": "ObjectEvent", "action": "OBSERVE", "bizStep": "receiving", "epcList": [)" +
                p + R"(], "bizLocation": {"id": "urn:epc:id:sgln:9506001.00002.0"})"),
      event(
          "2024-05-03T09:00:00+08:00",
          R"("type": "AggregationEvent", "action": "DELETE", "bizStep": "unpacking", "parentID": )" +
              p + ", \"childEPCs\": [" + b +
              R"(], "bizLocation": {"id": "urn:epc:id:sgln:9506001.00002.0"})"),
      event(
          "2024-05-03T09:30:00+08:00",
          R"("type": "AggregationEvent", "action": "DELETE", "bizStep": "unpacking", "parentID": )" +
              b + R"(, "childEPCs": [")" + sgtin + "1006\"]"),
      event("2024-05-04T15:00:00+08:00",
            R"("type": "ObjectEvent", "action": "OBSERVE", "bizStep": "retail_selling",
               "disposition": "retail_sold", "epcList": [")" +
                sgtin + R"(1006"], "bizLocation": {"id": "urn:epc:id:sgln:9506001.00002.0"})"),
      event("2024-05-05T08:00:00+08:00",
            R"("type": "ObjectEvent", "action": "OBSERVE", "bizStep": "storing", "epcList": [)" +
                p + R"(], "bizLocation": {"id": "urn:epc:id:sgln:9506001.00003.0"})"),
  };
  return zhiyou::testing::epcis_document(events);
}

class RecallTest : public EngineTest {
 protected:
  // Registers the maker and product, then issues exactly `serials` for `lot`.
  void issue(const std::string& lot, std::vector<std::string> serials) {
    if (!registered_) {
      store::testing::register_products(db(), {{std::string(kGtin), "电热水壶"}});
      ASSERT_FALSE(HasFatalFailure());
      registered_ = true;
    }
    auto request = make_issue_request(kGtin, lot, std::nullopt, serials.size(), "random",
                                      "https://id.gs1.org");
    ASSERT_TRUE(request.ok()) << request.error().describe();
    std::size_t next = 0;
    auto issued = issue_codes(db(), *request, [&] { return serials.at(next++); });
    ASSERT_TRUE(issued.ok()) << issued.error().describe();
  }

  RecallScope scope(std::vector<std::string> lots) {
    if (HasFatalFailure()) return {};
    auto captured = capture_document(db(), chain_document(), "tester");
    EXPECT_TRUE(captured.ok()) << captured.error().describe();
    auto result = recall_scope(db(), {std::string(kGtin), std::move(lots)});
    EXPECT_TRUE(result.ok()) << result.error().describe();
    return result.ok() ? *result : RecallScope{};
  }

 private:
  bool registered_ = false;
};
ZHIYOU_ON_BOTH_ENGINES(RecallTest);

const RecallUnit* unit(const RecallScope& s, int serial) {
  for (const RecallUnit& u : s.units) {
    if (u.epc == kUnit + std::to_string(serial)) return &u;
  }
  return nullptr;
}

TEST_P(RecallTest, FindsEveryUnitOfTheLotWhereItIsNow) {
  const RecallScope s = scope({"L1"});
  ASSERT_EQ(s.units.size(), 6u);
  EXPECT_EQ(unit(s, 2001), nullptr);  // lot L2
  EXPECT_EQ(s.reached_consumers, 1u);

  // Still in case A on the pallet, which moved to the back room after the store received it.
  const RecallUnit* u1001 = unit(s, 1001);
  ASSERT_NE(u1001, nullptr);
  EXPECT_EQ(u1001->containers, (std::vector<std::string>{kCaseA, kPallet}));
  EXPECT_EQ(u1001->whereabouts.location, kBackRoom);
  EXPECT_EQ(u1001->whereabouts.custodian, kDistributor);  // last transfer named
  EXPECT_EQ(u1001->whereabouts.last_biz_step, "storing");
  EXPECT_FALSE(u1001->reached_consumer);

  // Case B came off the pallet at the store before the pallet moved on.
  const RecallUnit* u1004 = unit(s, 1004);
  ASSERT_NE(u1004, nullptr);
  EXPECT_EQ(u1004->containers, (std::vector<std::string>{kCaseB}));
  EXPECT_EQ(u1004->whereabouts.location, kStore);

  // Taken out of case B and sold.
  const RecallUnit* u1006 = unit(s, 1006);
  ASSERT_NE(u1006, nullptr);
  EXPECT_TRUE(u1006->containers.empty());
  EXPECT_TRUE(u1006->reached_consumer);
  EXPECT_EQ(u1006->whereabouts.disposition, "retail_sold");

  ASSERT_EQ(s.containers.size(), 3u);
  for (const RecallContainer& c : s.containers) {
    if (c.epc == kPallet) {
      EXPECT_EQ(c.affected_units, 3u);
      EXPECT_EQ(c.parent, "");
    } else if (c.epc == kCaseA) {
      EXPECT_EQ(c.affected_units, 3u);
      EXPECT_EQ(c.parent, kPallet);
    } else {
      EXPECT_EQ(c.epc, kCaseB);
      EXPECT_EQ(c.affected_units, 2u);
      EXPECT_EQ(c.whereabouts.location, kStore);
    }
  }
}

// A sale recorded by mistake and declared in error (same eventID, errorDeclaration) no longer
// counts: the unit is back where the events before it left it.
TEST_P(RecallTest, AnEventDeclaredInErrorNoLongerCounts) {
  const auto sale = [](const std::string& declaration) {
    return R"({"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
      "type": "ObjectEvent", "eventID": "urn:uuid:3c5e9a10-0000-4000-8000-000000001005",
      "eventTime": "2024-05-04T16:00:00+08:00", "eventTimeZoneOffset": "+08:00",
      "action": "OBSERVE", "bizStep": "retail_selling", "disposition": "retail_sold",
      "epcList": ["urn:epc:id:sgtin:9506000.013435.1005"],
      "bizLocation": {"id": "urn:epc:id:sgln:9506001.00002.0"})" +
           declaration + "}";
  };
  ASSERT_TRUE(capture_document(db(), sale(""), "tester").ok());
  const RecallScope sold = scope({"L1"});
  ASSERT_NE(unit(sold, 1005), nullptr);
  EXPECT_TRUE(unit(sold, 1005)->reached_consumer);
  EXPECT_EQ(sold.reached_consumers, 2u);

  auto declared = capture_document(db(), sale(R"(, "errorDeclaration": {
      "declarationTime": "2024-05-05T10:00:00+08:00", "reason": "did_not_occur"})"),
                                   "tester");
  ASSERT_TRUE(declared.ok()) << declared.error().describe();
  EXPECT_EQ(declared->captured, 1u);
  const RecallScope s = scope({"L1"});
  const RecallUnit* u1005 = unit(s, 1005);
  ASSERT_NE(u1005, nullptr);
  EXPECT_FALSE(u1005->reached_consumer);
  EXPECT_EQ(s.reached_consumers, 1u);
  EXPECT_EQ(u1005->whereabouts.last_biz_step, "unpacking");  // case B taken off the pallet
  EXPECT_EQ(u1005->containers, (std::vector<std::string>{kCaseB}));
}

// Unit 2001 is in lot L2 only because its commissioning event said so (its Digital Link
// names the lot; it was not issued here). Once that event is declared in error, nothing
// puts 2001 in L2 any more.
TEST_P(RecallTest, AUnitInALotOnlyThroughAWithdrawnEventLeavesTheScope) {
  ASSERT_EQ(scope({"L2"}).units.size(), 1u);
  const auto commissioning = [](const std::string& declaration) {
    return zhiyou::testing::epcis_document(
        {event("2024-05-01T08:05:00+08:00",
               R"("type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning",
           "epcList": ["https://id.gs1.org/01/09506000134352/10/L2/21/2001"])" +
                   declaration)});
  };
  auto declared = capture_document(db(), commissioning(R"(, "errorDeclaration": {
      "declarationTime": "2024-05-06T10:00:00+08:00", "reason": "incorrect_data"})"),
                                   "tester");
  ASSERT_TRUE(declared.ok()) << declared.error().describe();
  ASSERT_EQ(declared->captured, 1u) << "the declaration is stored beside the event";
  auto after = recall_scope(db(), {std::string(kGtin), {"L2"}});
  ASSERT_TRUE(after.ok()) << after.error().describe();
  EXPECT_TRUE(after->units.empty());
  // A code issued for L2 is still in scope whatever its events say.
  issue("L2", {"2001"});
  auto issued = recall_scope(db(), {std::string(kGtin), {"L2"}});
  ASSERT_TRUE(issued.ok());
  ASSERT_EQ(issued->units.size(), 1u);
  EXPECT_TRUE(issued->units[0].issued);
  EXPECT_EQ(issued->units[0].whereabouts.seen_at, 0) << "its only event was withdrawn";
}

TEST_P(RecallTest, SeveralLotsAndUnknownLots) {
  EXPECT_EQ(scope({"L1", "L2"}).units.size(), 7u);
  auto none = recall_scope(db(), {std::string(kGtin), {"NOPE"}});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->units.empty());
}

TEST_P(RecallTest, RejectsMalformedGtinAndLot) {
  auto bad_gtin = recall_scope(db(), {"09506000134353", {"L1"}});
  ASSERT_FALSE(bad_gtin.ok());
  EXPECT_EQ(bad_gtin.error().place, "--gtin");
  auto bad_lot = recall_scope(db(), {std::string(kGtin), {"L 1"}});
  ASSERT_FALSE(bad_lot.ok());
  EXPECT_EQ(bad_lot.error().place, "--lot");
}

TEST_P(RecallTest, CsvAndJsonCarryTheSameScope) {
  const RecallScope s = scope({"L1"});
  const std::string csv = recall_csv(s);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 7);  // header + 6 units
  EXPECT_NE(csv.find(kUnit + "1001," + "L1," + kCaseA + "," + kPallet + "," + kBackRoom),
            std::string::npos);
  const boost::json::value json = boost::json::parse(recall_json(s));
  EXPECT_EQ(json.at("summary").at("units"), 6);
  EXPECT_EQ(json.at("summary").at("reached_consumers"), 1);
  EXPECT_EQ(json.at("summary").at("containers"), 3);
  // What the office's page shows: the business step in Chinese beside its CBV name.
  std::size_t sold = 0;
  for (const boost::json::value& u : json.at("units").as_array()) {
    if (u.at("epc").as_string() != kUnit + "1006") continue;
    ++sold;
    EXPECT_EQ(u.at("whereabouts").at("last_biz_step"), "retail_selling");
    EXPECT_EQ(u.at("whereabouts").at("last_biz_step_label"), "零售售出");
  }
  EXPECT_EQ(sold, 1u);
}

// The maker issued codes for the lot: units no event names are in scope too, with nothing
// known of where they are, and units named by EPC URNs (which carry no lot) are found
// through their codes.
TEST_P(RecallTest, IssuedCodesAreInScopeWhetherOrNotAnEventNamesThem) {
  issue("L1", {"1001", "1002", "1007", "1008"});
  issue("L3", {"1005"});  // named by the events only as an SGTIN URN, lot given in ilmd as L1
  const RecallScope s = scope({"L1"});
  ASSERT_EQ(s.units.size(), 8u);  // 1001-1006 from the events, 1007 and 1008 issued only
  EXPECT_EQ(s.issued_units, 4u);
  EXPECT_EQ(s.never_seen, 2u);
  const RecallUnit* u1001 = unit(s, 1001);
  ASSERT_NE(u1001, nullptr);
  EXPECT_TRUE(u1001->issued);
  EXPECT_EQ(u1001->whereabouts.location, kBackRoom);  // the events still say where it is
  const RecallUnit* u1007 = unit(s, 1007);
  ASSERT_NE(u1007, nullptr);
  EXPECT_TRUE(u1007->issued);
  EXPECT_EQ(u1007->lot, "L1");
  EXPECT_TRUE(u1007->containers.empty());
  EXPECT_EQ(u1007->whereabouts.location, "");
  EXPECT_EQ(u1007->whereabouts.seen_at, 0);
  const RecallUnit* u1004 = unit(s, 1004);
  ASSERT_NE(u1004, nullptr);
  EXPECT_FALSE(u1004->issued);  // named by the events, not issued here

  // Unit 1005 was issued for L3: a recall of L3 finds it and replays its events, though
  // none of them names L3.
  auto l3 = recall_scope(db(), {std::string(kGtin), {"L3"}});
  ASSERT_TRUE(l3.ok()) << l3.error().describe();
  ASSERT_EQ(l3->units.size(), 1u);
  EXPECT_EQ(l3->units[0].epc, kUnit + "1005");
  EXPECT_EQ(l3->units[0].lot, "L3");
  EXPECT_EQ(l3->units[0].containers, (std::vector<std::string>{kCaseB}));
  EXPECT_EQ(l3->units[0].whereabouts.location, kStore);
  EXPECT_EQ(l3->never_seen, 0u);

  const boost::json::value json = boost::json::parse(recall_json(s));
  EXPECT_EQ(json.at("summary").at("issued_units"), 4);
  EXPECT_EQ(json.at("summary").at("never_seen"), 2);
  const std::string csv = recall_csv(s);
  EXPECT_NE(csv.find(kUnit + "1007,L1,,,,,,,,,no,yes\r\n"), std::string::npos) << csv;
}

}  // namespace
}  // namespace zhiyou::trace
