#include "trace/recall.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/date_time.hpp"
#include "core/json.hpp"
#include "trace/epcis/error_declaration.hpp"
#include "trace/resolver/resolution.hpp"

namespace zhiyou::trace {
namespace {

using epcis::EpcRole;
using epcis::Event;

bool is_instance_role(EpcRole role) {
  return role == EpcRole::epc || role == EpcRole::child || role == EpcRole::parent ||
         role == EpcRole::input || role == EpcRole::output;
}

std::string party(const std::vector<epcis::Party>& parties, std::string_view first,
                  std::string_view second) {
  for (std::string_view type : {first, second}) {
    if (type.empty()) continue;
    for (const epcis::Party& p : parties) {
      if (p.type == type) return p.id;
    }
  }
  return {};
}

class Replay {
 public:
  void apply(const Event& e) {
    std::vector<std::string> direct;
    std::string parent;
    std::vector<std::string> children;
    for (const epcis::EventEpc& item : e.epcs) {
      if (!is_instance_role(item.role)) continue;
      direct.push_back(item.epc.uri());
      if (item.role == EpcRole::parent) parent = direct.back();
      if (item.role == EpcRole::child) children.push_back(direct.back());
    }
    if (e.type == "AggregationEvent" && !parent.empty()) {
      if (e.action == "DELETE") {
        if (children.empty()) {
          const auto held = children_[parent];
          for (const std::string& c : held) detach(c);
        }
        for (const std::string& c : children) {
          if (parent_of(c) == parent) detach(c);
        }
      } else {
        for (const std::string& c : children) attach(c, parent);
      }
    }
    std::set<std::string> affected;
    for (const std::string& epc : direct) add_with_contents(epc, affected);
    const bool sold = e.biz_step == "retail_selling" || e.disposition == "retail_sold" ||
                      e.disposition == "dispensed";
    std::string custodian = party(e.destinations, "possessing_party", "owning_party");
    if (custodian.empty()) custodian = party(e.sources, "possessing_party", "owning_party");
    std::string owner = party(e.destinations, "owning_party", "");
    if (owner.empty()) owner = party(e.sources, "owning_party", "");
    const std::string& location = !e.biz_location.empty() ? e.biz_location : e.read_point;
    for (const std::string& epc : affected) {
      Whereabouts& w = where_[epc];
      w.seen_at = e.event_time;
      if (!location.empty()) w.location = location;
      if (!custodian.empty()) w.custodian = custodian;
      if (!owner.empty()) w.owner = owner;
      if (!e.biz_step.empty()) w.last_biz_step = e.biz_step;
      if (!e.disposition.empty()) w.disposition = e.disposition;
      if (sold) sold_.insert(epc);
    }
  }

  [[nodiscard]] std::string parent_of(const std::string& epc) const {
    const auto it = parent_.find(epc);
    return it == parent_.end() ? std::string() : it->second;
  }

  // Innermost container first; stops at a cycle a bad event sequence could make.
  [[nodiscard]] std::vector<std::string> chain(const std::string& epc) const {
    std::vector<std::string> out;
    for (std::string p = parent_of(epc); !p.empty() && out.size() < 32; p = parent_of(p)) {
      if (std::find(out.begin(), out.end(), p) != out.end() || p == epc) break;
      out.push_back(p);
    }
    return out;
  }

  [[nodiscard]] Whereabouts whereabouts(const std::string& epc) const {
    const auto it = where_.find(epc);
    return it == where_.end() ? Whereabouts{} : it->second;
  }

  [[nodiscard]] bool sold(const std::string& epc) const { return sold_.contains(epc); }
  [[nodiscard]] bool seen(const std::string& epc) const { return where_.contains(epc); }

 private:
  void attach(const std::string& child, const std::string& parent) {
    if (child == parent) return;
    detach(child);
    parent_[child] = parent;
    children_[parent].insert(child);
  }

  void detach(const std::string& child) {
    const auto it = parent_.find(child);
    if (it == parent_.end()) return;
    children_[it->second].erase(child);
    parent_.erase(it);
  }

  void add_with_contents(const std::string& epc, std::set<std::string>& out) const {
    if (!out.insert(epc).second) return;
    const auto it = children_.find(epc);
    if (it == children_.end()) return;
    for (const std::string& c : it->second) add_with_contents(c, out);
  }

  std::map<std::string, std::string> parent_;
  std::map<std::string, std::set<std::string>> children_;
  std::map<std::string, Whereabouts> where_;
  std::set<std::string> sold_;
};

bool is_lot_class_event(const Event& e, const RecallRequest& r) {
  return std::any_of(e.epcs.begin(), e.epcs.end(), [&](const epcis::EventEpc& item) {
    if (item.epc.key != "01/" + r.gtin) return false;
    return std::any_of(r.lots.begin(), r.lots.end(),
                       [&](const std::string& lot) { return item.epc.qualifier == "10/" + lot; });
  });
}

}  // namespace

RecallScope compute_recall(const RecallRequest& request, const std::vector<AffectedUnit>& units,
                           std::vector<Event> all_events) {
  std::vector<Event> events = epcis::standing_events(std::move(all_events)).events;
  std::stable_sort(events.begin(), events.end(),
                   [](const Event& a, const Event& b) { return a.event_time < b.event_time; });
  Replay replay;
  RecallScope scope;
  scope.request = request;
  for (const Event& e : events) {
    replay.apply(e);
    if (is_lot_class_event(e, request)) ++scope.lot_level_events;
  }
  std::map<std::string, RecallContainer> containers;
  for (const AffectedUnit& affected : units) {
    const std::string& epc = affected.epc;
    RecallUnit unit;
    unit.epc = epc;
    unit.lot = affected.lot;
    unit.issued = affected.issued;
    unit.containers = replay.chain(epc);
    unit.whereabouts = replay.whereabouts(epc);
    unit.reached_consumer = replay.sold(epc);
    if (unit.reached_consumer) ++scope.reached_consumers;
    if (unit.issued) ++scope.issued_units;
    if (!replay.seen(epc)) ++scope.never_seen;
    for (const std::string& c : unit.containers) {
      RecallContainer& container = containers[c];
      container.epc = c;
      container.parent = replay.parent_of(c);
      container.whereabouts = replay.whereabouts(c);
      ++container.affected_units;
    }
    scope.units.push_back(std::move(unit));
  }
  std::sort(scope.units.begin(), scope.units.end(),
            [](const RecallUnit& a, const RecallUnit& b) { return a.epc < b.epc; });
  for (auto& [epc, container] : containers) scope.containers.push_back(std::move(container));
  return scope;
}

namespace {

void csv_field(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string time_text(std::int64_t millis) {
  return millis == 0 ? std::string() : format_utc(millis);
}

boost::json::object whereabouts_json(const Whereabouts& w) {
  return {{"location", json::string_or_null(w.location)},
          {"last_seen", json::string_or_null(time_text(w.seen_at))},
          {"custodian", json::string_or_null(w.custodian)},
          {"owner", json::string_or_null(w.owner)},
          {"last_biz_step", json::string_or_null(w.last_biz_step)},
          {"last_biz_step_label", json::string_or_null(resolver::biz_step_label(w.last_biz_step))},
          {"disposition", json::string_or_null(w.disposition)},
          {"disposition_label", json::string_or_null(resolver::disposition_label(w.disposition))}};
}

}  // namespace

std::string recall_csv(const RecallScope& scope) {
  std::string out =
      "epc,lot,case,pallet,location,last_seen,custodian,owner,last_biz_step,disposition,"
      "reached_consumer,issued\r\n";
  for (const RecallUnit& u : scope.units) {
    const Whereabouts& w = u.whereabouts;
    const std::string case_epc = u.containers.empty() ? "" : u.containers.front();
    const std::string pallet = u.containers.size() > 1 ? u.containers.back() : "";
    for (std::string_view field :
         {std::string_view{u.epc}, std::string_view{u.lot}, std::string_view{case_epc},
          std::string_view{pallet}, std::string_view{w.location}}) {
      csv_field(out, field);
      out += ',';
    }
    csv_field(out, time_text(w.seen_at));
    for (std::string_view field :
         {std::string_view{w.custodian}, std::string_view{w.owner},
          std::string_view{w.last_biz_step}, std::string_view{w.disposition}}) {
      out += ',';
      csv_field(out, field);
    }
    out += u.reached_consumer ? ",yes" : ",no";
    out += u.issued ? ",yes\r\n" : ",no\r\n";
  }
  return out;
}

std::string recall_json(const RecallScope& scope) {
  boost::json::array units;
  for (const RecallUnit& u : scope.units) {
    boost::json::array chain(u.containers.begin(), u.containers.end());
    units.push_back({{"epc", u.epc},
                     {"lot", u.lot},
                     {"containers", std::move(chain)},
                     {"whereabouts", whereabouts_json(u.whereabouts)},
                     {"reached_consumer", u.reached_consumer},
                     {"issued", u.issued}});
  }
  boost::json::array containers;
  for (const RecallContainer& c : scope.containers) {
    containers.push_back({{"epc", c.epc},
                          {"parent", json::string_or_null(c.parent)},
                          {"affected_units", c.affected_units},
                          {"whereabouts", whereabouts_json(c.whereabouts)}});
  }
  boost::json::array lots(scope.request.lots.begin(), scope.request.lots.end());
  const boost::json::object out{
      {"gtin", scope.request.gtin},
      {"lots", std::move(lots)},
      {"summary",
       {{"units", scope.units.size()},
        {"containers", scope.containers.size()},
        {"reached_consumers", scope.reached_consumers},
        {"not_reached_consumers", scope.units.size() - scope.reached_consumers},
        {"issued_units", scope.issued_units},
        {"never_seen", scope.never_seen},
        {"lot_level_events", scope.lot_level_events}}},
      {"units", std::move(units)},
      {"containers", std::move(containers)}};
  return json::serialize(out);
}

}  // namespace zhiyou::trace
