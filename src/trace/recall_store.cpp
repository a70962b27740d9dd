#include "trace/recall_store.hpp"

#include <soci/soci.h>

#include <map>
#include <set>

#include "store/database.hpp"
#include "trace/epcis/document.hpp"
#include "trace/epcis/epc.hpp"
#include "trace/gs1/ai_table.hpp"
#include "trace/gs1/percent_encoding.hpp"
#include "trace/gs1/value.hpp"

namespace zhiyou::trace {
namespace {

Status check_request(const RecallRequest& r) {
  if (auto problem = gs1::check_value("01", *gs1::find_ai("01"), r.gtin)) {
    return make_error("GTIN「" + r.gtin + "」无效：" + problem->message, "--gtin");
  }
  if (r.lots.empty()) return make_error("至少需要一个批号", "--lot");
  for (const std::string& lot : r.lots) {
    if (auto problem = gs1::check_value("10", *gs1::find_ai("10"), lot)) {
      return make_error("批号「" + lot + "」无效：" + problem->message, "--lot");
    }
  }
  return Ok{};
}

struct Key {
  std::string key;
  std::string qualifier;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  auto operator<=>(const Key&) const = default;
};

class Gatherer {
 public:
  explicit Gatherer(store::Database& db)
      : db_(db),
        select_keys_((db.session().prepare << "SELECT DISTINCT event_key FROM epcis_event_epcs"
                                              " WHERE key_id = (SELECT term_id FROM epcis_terms"
                                              " WHERE term = :key) AND qualifier = :qualifier",
                      soci::use(key_, "key"), soci::use(qualifier_, "qualifier"),
                      soci::into(event_key_))),
        select_event_((db.session().prepare << "SELECT event_json FROM epcis_events"
                                               " WHERE event_key = :key",
                       soci::use(load_key_, "key"), soci::into(event_json_))) {}

  // Every event about `start` and, recursively, about the containers that held it.
  void follow(const std::vector<Key>& start) {
    std::vector<Key> frontier = start;
    std::set<Key> visited(start.begin(), start.end());
    while (!frontier.empty()) {
      const Key epc = frontier.back();
      frontier.pop_back();
      for (std::int64_t event_key : event_keys(epc)) {
        if (!loaded_.insert(event_key).second) continue;
        load_key_ = event_key;
        select_event_.execute(true);
        auto event = epcis::read_stored_event(event_json_);
        if (!event) continue;  // stored by an older rule set; nothing to follow
        if (event->type == "AggregationEvent") follow_parent(*event, epc, visited, frontier);
        events_.push_back(std::move(event).value());
      }
    }
  }

  std::vector<epcis::Event> take_events() { return std::move(events_); }

 private:
  std::vector<std::int64_t> event_keys(const Key& epc) {
    key_ = epc.key;
    qualifier_ = epc.qualifier;
    std::vector<std::int64_t> out;
    select_keys_.execute();
    while (select_keys_.fetch()) out.push_back(event_key_);
    return out;
  }

  static void follow_parent(const epcis::Event& e, const Key& child, std::set<Key>& visited,
                            std::vector<Key>& frontier) {
    bool is_child = false;
    for (const epcis::EventEpc& item : e.epcs) {
      if (item.role == epcis::EpcRole::child && item.epc.key == child.key &&
          item.epc.qualifier == child.qualifier) {
        is_child = true;
      }
    }
    if (!is_child) return;
    for (const epcis::EventEpc& item : e.epcs) {
      if (item.role != epcis::EpcRole::parent) continue;
      Key parent{item.epc.key, item.epc.qualifier};
      if (visited.insert(parent).second) frontier.push_back(std::move(parent));
    }
  }

  store::Database& db_;
  std::string key_;  // bound to select_keys_
  std::string qualifier_;
  long long event_key_ = 0;
  long long load_key_ = 0;  // bound to select_event_
  std::string event_json_;
  soci::statement select_keys_;  // prepared once each: a recall follows every unit
  soci::statement select_event_;
  std::set<std::int64_t> loaded_;
  std::vector<epcis::Event> events_;
};

}  // namespace

Result<RecallScope> recall_scope(store::Database& db, const RecallRequest& request) {
  if (Status s = check_request(request); !s) return s.error();
  const std::string gtin_key = "01/" + request.gtin;
  // Serial qualifiers ("21/<serial>", percent-encoded as in the identifier rows) → lot and
  // whether the code was issued here. A serial both issued and named by events is one unit.
  std::map<std::string, AffectedUnit> by_qualifier;
  std::vector<Key> start;
  try {
    for (const std::string& lot : request.lots) {
      const std::string encoded_lot = gs1::percent_encode(lot, gs1::UriPart::path);
      // Issued for the lot: found even when no event names them, or when the events name
      // them by an EPC URN, which carries no lot.
      soci::rowset<std::string> issued =
          (db.session().prepare << "SELECT serial FROM codes WHERE gtin = :gtin AND lot = :lot",
           soci::use(request.gtin), soci::use(lot));
      for (const std::string& serial : issued) {
        AffectedUnit& unit = by_qualifier[epcis::sgtin_epc(request.gtin, serial).qualifier];
        unit.lot = lot;
        unit.issued = true;
      }
      // Named with the lot by an event that still stands: an event declared in error (see
      // epcis/error_declaration.hpp) no longer puts a unit in the lot. The declared eventIDs
      // are read once (an uncorrelated subquery), not once per unit.
      soci::rowset<std::string> named =
          (db.session().prepare
               << "SELECT DISTINCT x.qualifier FROM epcis_event_epcs x"
                  " JOIN epcis_events e ON e.event_key = x.event_key"
                  " WHERE x.key_id = (SELECT term_id FROM epcis_terms WHERE term = :key)"
                  " AND x.lot = :lot AND x.qualifier LIKE '21/%'"
                  " AND e.declaration_time = 0 AND e.event_id NOT IN"
                  " (SELECT event_id FROM epcis_events WHERE declaration_time <> 0)",
           soci::use(gtin_key), soci::use(lot));
      for (const std::string& qualifier : named) {
        AffectedUnit& unit = by_qualifier[qualifier];
        if (unit.lot.empty()) unit.lot = lot;
      }
      start.push_back({gtin_key, "10/" + encoded_lot});  // events about the lot as a class
    }
    std::vector<AffectedUnit> units;
    units.reserve(by_qualifier.size());
    for (auto& [qualifier, unit] : by_qualifier) {
      start.push_back({gtin_key, qualifier});
      unit.epc = "https://id.gs1.org/";
      unit.epc.append(gtin_key).append("/").append(qualifier);
      units.push_back(std::move(unit));
    }
    Gatherer gatherer(db);
    gatherer.follow(start);
    return compute_recall(request, units, gatherer.take_events());
  } catch (const std::exception& e) {
    return make_error(std::string("读取召回范围失败：") + e.what());
  }
}

}  // namespace zhiyou::trace
