#include "trace/recall_store.hpp"

#include <soci/soci.h>

#include <set>

#include "store/database.hpp"
#include "trace/epcis/document.hpp"
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
  auto operator<=>(const Key&) const = default;
};

class Gatherer {
 public:
  explicit Gatherer(store::Database& db) : db_(db) {}

  // Every event about `start` and, recursively, about the containers that held it.
  void follow(const std::vector<Key>& start) {
    std::vector<Key> frontier = start;
    std::set<Key> visited(start.begin(), start.end());
    while (!frontier.empty()) {
      const Key epc = frontier.back();
      frontier.pop_back();
      for (std::int64_t event_key : event_keys(epc)) {
        if (!loaded_.insert(event_key).second) continue;
        std::string json;
        db_.session() << "SELECT event_json FROM epcis_events WHERE event_key = :k",
            soci::use(static_cast<long long>(event_key)), soci::into(json);
        auto event = epcis::read_stored_event(json);
        if (!event) continue;  // stored by an older rule set; nothing to follow
        if (event->type == "AggregationEvent") follow_parent(*event, epc, visited, frontier);
        events_.push_back(std::move(event).value());
      }
    }
  }

  std::vector<epcis::Event> take_events() { return std::move(events_); }

 private:
  std::vector<std::int64_t> event_keys(const Key& epc) {
    std::vector<std::int64_t> out;
    soci::rowset<long long> rows =
        (db_.session().prepare << "SELECT DISTINCT event_key FROM epcis_event_epcs"
                                  " WHERE epc_key = :key AND qualifier = :qualifier",
         soci::use(epc.key), soci::use(epc.qualifier));
    for (long long key : rows) out.push_back(key);
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
  std::set<std::int64_t> loaded_;
  std::vector<epcis::Event> events_;
};

}  // namespace

Result<RecallScope> recall_scope(store::Database& db, const RecallRequest& request) {
  if (Status s = check_request(request); !s) return s.error();
  const std::string gtin_key = "01/" + request.gtin;
  std::vector<std::pair<std::string, std::string>> units;  // canonical URI → lot
  std::vector<Key> start;
  try {
    for (const std::string& lot : request.lots) {
      const std::string encoded_lot = gs1::percent_encode(lot, gs1::UriPart::path);
      soci::rowset<std::string> rows =
          (db.session().prepare << "SELECT DISTINCT qualifier FROM epcis_event_epcs"
                                   " WHERE epc_key = :key AND lot = :lot AND qualifier LIKE '21/%'"
                                   " ORDER BY qualifier",
           soci::use(gtin_key), soci::use(lot));
      for (const std::string& qualifier : rows) {
        start.push_back({gtin_key, qualifier});
        units.emplace_back("https://id.gs1.org/" + gtin_key + "/" + qualifier, lot);
      }
      start.push_back({gtin_key, "10/" + encoded_lot});  // events about the lot as a class
    }
    Gatherer gatherer(db);
    gatherer.follow(start);
    return compute_recall(request, units, gatherer.take_events());
  } catch (const std::exception& e) {
    return make_error(std::string("读取召回范围失败：") + e.what());
  }
}

}  // namespace zhiyou::trace
