#include "trace/resolver/resolver_store.hpp"

#include <soci/soci.h>

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <tuple>

#include "audit/audit_store.hpp"
#include "core/hash.hpp"
#include "registry/region.hpp"
#include "store/database.hpp"
#include "store/registry_store.hpp"
#include "trace/epcis/document.hpp"
#include "trace/epcis/epc.hpp"
#include "trace/epcis/error_declaration.hpp"
#include "trace/gs1/ai_table.hpp"
#include "trace/gs1/value.hpp"
#include "trace/resolver/scan_queries.hpp"

namespace zhiyou::trace::resolver {
namespace {

namespace json = boost::json;

// The page shows the unit's latest steps; a pallet moved a thousand times shows its last 100.
constexpr int kJourneySteps = 100;

Status check_ai(std::string_view ai, const std::string& value, const std::string& field,
                const std::string& what) {
  if (auto problem = gs1::check_value(ai, *gs1::find_ai(ai), value)) {
    return make_error(what + "「" + value + "」无效：" + problem->message, field);
  }
  return Ok{};
}

Status check_product(store::Database& db, const std::string& gtin, const std::string& field) {
  if (Status ok = check_ai("01", gtin, field, "GTIN"); !ok) return ok;
  auto product = store::find_product(db, gtin);
  if (!product.ok()) return product.error();
  if (!*product) return make_error("产品 " + gtin + " 未登记（先用 zhiyou product add）", field);
  return Ok{};
}

bool is_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  auto number = [&text](std::size_t at, std::size_t digits, int& out) {
    const char* end = text.data() + at + digits;
    const auto [stop, ec] = std::from_chars(text.data() + at, end, out);
    return ec == std::errc() && stop == end;
  };
  int y = 0;
  int m = 0;
  int d = 0;
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return false;
  const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(m),
                                         std::chrono::day(d)};
  return date.ok();
}

std::string recall_json(const Recall& r) {
  json::array lots;
  for (const std::string& lot : r.lots) lots.emplace_back(lot);
  return json::serialize(
      json::object{{"gtin", r.gtin}, {"lots", std::move(lots)}, {"reason", r.reason}});
}

std::vector<std::string> lots_from(const std::string& text) {
  std::vector<std::string> lots;
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) return lots;
  for (const json::value& lot : v.as_array()) {
    if (lot.is_string()) lots.emplace_back(lot.as_string());
  }
  return lots;
}

}  // namespace

Result<Recall> announce_recall(store::Database& db, Recall recall) {
  try {
    if (Status ok = check_product(db, recall.gtin, "gtin"); !ok) return ok.error();
    for (const std::string& lot : recall.lots) {
      if (Status ok = check_ai("10", lot, "lots", "批号"); !ok) return ok.error();
    }
    if (recall.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
      return make_error("请写明召回原因", "reason");
    }
    recall.announced_at = store::utc_timestamp();
    const std::string lots = json::serialize(json::value_from(recall.lots));
    recall.id = "r_" + sha256_hex(recall.gtin + lots + recall.reason + recall.announced_at +
                                  recall.announced_by)
                           .substr(0, 16);
    Status saved = db.transaction([&]() -> Status {
      db.session() << "INSERT INTO recalls (id, gtin, lots_json, reason, announced_by,"
                      " announced_at) VALUES (:id, :gtin, :lots, :reason, :by, :at)",
          soci::use(recall.id), soci::use(recall.gtin), soci::use(lots), soci::use(recall.reason),
          soci::use(recall.announced_by), soci::use(recall.announced_at);
      return audit::append(
          db, {recall.announced_by, "recall.announce", recall.id, "null", recall_json(recall)});
    });
    if (!saved.ok()) return saved.error();
    return recall;
  } catch (const std::exception& e) {
    return make_error(std::string("无法保存召回公告: ") + e.what());
  }
}

Result<std::vector<Recall>> list_recalls(store::Database& db, std::string_view gtin) {
  try {
    std::vector<Recall> out;
    const std::string key(gtin);
    Recall r;
    std::string lots;
    soci::statement select =
        (db.session().prepare << "SELECT id, gtin, lots_json, reason, announced_by, announced_at"
                                 " FROM recalls WHERE (:g1 = '' OR gtin = :g2)"
                                 " ORDER BY announced_at DESC, id",
         soci::use(key, "g1"), soci::use(key, "g2"), soci::into(r.id), soci::into(r.gtin),
         soci::into(lots), soci::into(r.reason), soci::into(r.announced_by),
         soci::into(r.announced_at));
    select.execute();
    while (select.fetch()) {
      r.lots = lots_from(lots);
      out.push_back(r);
    }
    return out;
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取召回公告: ") + e.what());
  }
}

Result<SpotCheck> add_spot_check(store::Database& db, SpotCheck check, std::string_view actor) {
  try {
    if (Status ok = check_product(db, check.gtin, "gtin"); !ok) return ok.error();
    if (!check.lot.empty()) {
      if (Status ok = check_ai("10", check.lot, "lot", "批号"); !ok) return ok.error();
    }
    if (!is_date(check.sampled_on)) {
      return make_error("抽样日期「" + check.sampled_on + "」应为 YYYY-MM-DD", "sampled_on");
    }
    if (check.agency.empty()) return make_error("请填写检验机构", "agency");
    if (check.conclusion != "合格" && check.conclusion != "不合格") {
      return make_error("结论应为「合格」或「不合格」", "conclusion");
    }
    if (check.conclusion == "不合格" && check.failed_items.empty()) {
      return make_error("不合格时请写明不合格项目", "failed_items");
    }
    if (check.report_no.empty()) return make_error("请填写报告编号", "report_no");
    const std::string now = store::utc_timestamp();
    check.id = "s_" + sha256_hex(check.gtin + "\n" + check.lot + "\n" + check.report_no + "\n" +
                                 check.sampled_on)
                          .substr(0, 16);
    const std::string by(actor);
    soci::indicator lot_ind = check.lot.empty() ? soci::i_null : soci::i_ok;
    Status saved = db.transaction([&]() -> Status {
      int existing = 0;
      db.session() << "SELECT COUNT(*) FROM spot_checks WHERE id = :id", soci::use(check.id),
          soci::into(existing);
      if (existing > 0) {
        return make_error("报告 " + check.report_no + " 已登记过", "report_no");
      }
      db.session() << "INSERT INTO spot_checks (id, gtin, lot, sampled_on, agency, conclusion,"
                      " failed_items, report_no, recorded_by, recorded_at) VALUES (:id, :gtin,"
                      " :lot, :sampled, :agency, :conclusion, :failed, :report, :by, :at)",
          soci::use(check.id), soci::use(check.gtin), soci::use(check.lot, lot_ind),
          soci::use(check.sampled_on), soci::use(check.agency), soci::use(check.conclusion),
          soci::use(check.failed_items), soci::use(check.report_no), soci::use(by), soci::use(now);
      return audit::append(db, {by, "spot_check.add", check.id, "null",
                                json::serialize(json::object{{"gtin", check.gtin},
                                                             {"lot", check.lot},
                                                             {"sampled_on", check.sampled_on},
                                                             {"agency", check.agency},
                                                             {"conclusion", check.conclusion},
                                                             {"failed_items", check.failed_items},
                                                             {"report_no", check.report_no}})});
    });
    if (!saved.ok()) return saved.error();
    return check;
  } catch (const std::exception& e) {
    return make_error(std::string("无法保存抽检结果: ") + e.what());
  }
}

Result<std::vector<SpotCheck>> list_spot_checks(store::Database& db, std::string_view gtin) {
  try {
    std::vector<SpotCheck> out;
    const std::string key(gtin);
    SpotCheck c;
    soci::indicator lot_ind = soci::i_null;
    soci::statement select =
        (db.session().prepare << "SELECT id, gtin, lot, sampled_on, agency, conclusion,"
                                 " failed_items, report_no FROM spot_checks WHERE gtin = :g"
                                 " ORDER BY sampled_on DESC, id",
         soci::use(key), soci::into(c.id), soci::into(c.gtin), soci::into(c.lot, lot_ind),
         soci::into(c.sampled_on), soci::into(c.agency), soci::into(c.conclusion),
         soci::into(c.failed_items), soci::into(c.report_no));
    select.execute();
    while (select.fetch()) {
      if (lot_ind != soci::i_ok) c.lot.clear();
      out.push_back(c);
    }
    return out;
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取抽检结果: ") + e.what());
  }
}

Result<std::size_t> record_scans(store::Database& db, const std::vector<Scan>& scans,
                                 std::size_t many_places) {
  if (scans.empty()) return std::size_t{0};
  // The same serial and place may come more than once in a batch: one row change each.
  std::map<std::tuple<std::string, std::string, std::string>, Scan> rows;
  for (const Scan& s : scans) {
    auto [it, added] = rows.try_emplace({s.gtin, s.serial, s.place}, s);
    if (added) continue;
    Scan& row = it->second;
    row.first_at = std::min(row.first_at, s.first_at);
    row.last_at = std::max(row.last_at, s.last_at);
    row.count += s.count;
  }
  try {
    std::size_t crossed = 0;
    Status saved = db.transaction([&]() -> Status {
      Scan s;
      long long places = 0;
      soci::statement update =
          (db.session().prepare << "UPDATE scan_places SET last_at = CASE WHEN last_at < :a1"
                                   " THEN :a2 ELSE last_at END, scans = scans + :n"
                                   " WHERE gtin = :g AND serial = :s AND place = :p",
           soci::use(s.last_at, "a1"), soci::use(s.last_at, "a2"), soci::use(s.count, "n"),
           soci::use(s.gtin, "g"), soci::use(s.serial, "s"), soci::use(s.place, "p"));
      soci::statement insert =
          (db.session().prepare << "INSERT INTO scan_places (gtin, serial, place, first_at,"
                                   " last_at, scans) VALUES (:g, :s, :p, :a1, :a2, :n)",
           soci::use(s.gtin, "g"), soci::use(s.serial, "s"), soci::use(s.place, "p"),
           soci::use(s.first_at, "a1"), soci::use(s.last_at, "a2"), soci::use(s.count, "n"));
      soci::statement count =
          (db.session().prepare << "SELECT COUNT(*) FROM scan_places WHERE gtin = :g"
                                   " AND serial = :s AND place <> ''",
           soci::use(s.gtin, "g"), soci::use(s.serial, "s"), soci::into(places));
      for (const auto& [key, row] : rows) {
        s = row;
        update.execute(true);
        if (update.get_affected_rows() > 0) continue;
        insert.execute(true);
        if (s.place.empty()) continue;
        count.execute(true);
        if (static_cast<std::size_t>(places) == many_places) ++crossed;
      }
      return Ok{};
    });
    if (!saved.ok()) return saved.error();
    return crossed;
  } catch (const std::exception& e) {
    return make_error(std::string("无法记录扫码: ") + e.what());
  }
}

namespace {

// Serials from scan_places by `sql`, which selects gtin, serial, places, scans, last scan
// and takes one integer parameter :n.
Result<std::vector<SuspectSerial>> select_serials(store::Database& db, const char* sql,
                                                  std::size_t n) {
  try {
    std::vector<SuspectSerial> out;
    SuspectSerial s;
    long long places = 0;
    auto parameter = static_cast<long long>(n);
    soci::statement select =
        (db.session().prepare << sql, soci::use(parameter, "n"), soci::into(s.gtin),
         soci::into(s.serial), soci::into(places), soci::into(s.scans), soci::into(s.last_at));
    select.execute();
    while (select.fetch()) {
      s.places = static_cast<std::size_t>(places);
      out.push_back(s);
    }
    return out;
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取扫码记录: ") + e.what());
  }
}

}  // namespace

Result<std::vector<SuspectSerial>> suspect_serials(store::Database& db, std::size_t many_places) {
  return select_serials(db,
                        "SELECT gtin, serial, COUNT(*), CAST(SUM(scans) AS BIGINT), MAX(last_at)"
                        " FROM scan_places WHERE place <> '' GROUP BY gtin, serial"
                        " HAVING COUNT(*) >= :n ORDER BY MAX(last_at) DESC",
                        many_places);
}

Result<std::vector<SuspectSerial>> never_issued_serials(store::Database& db, std::size_t limit) {
  return select_serials(
      db,
      "SELECT gtin, serial, CAST(SUM(CASE WHEN place <> '' THEN 1 ELSE 0 END) AS BIGINT),"
      " CAST(SUM(scans) AS BIGINT), MAX(last_at) FROM scan_places sp"
      " WHERE NOT EXISTS (SELECT 1 FROM codes c WHERE c.gtin = sp.gtin AND c.serial = sp.serial)"
      " GROUP BY gtin, serial ORDER BY MAX(last_at) DESC, gtin, serial LIMIT :n",
      limit);
}

Result<std::optional<ProductFacts>> load_product_facts(store::Database& db, std::string_view gtin) {
  try {
    auto product = store::find_product(db, gtin);
    if (!product.ok()) return product.error();
    if (!*product) return std::optional<ProductFacts>();
    ProductFacts f;
    f.product = std::move(**product);
    std::string region_code;
    soci::indicator found = soci::i_null;
    db.session() << "SELECT name, region_code FROM entities WHERE uscc = :u",
        soci::use(f.product.entity_uscc), soci::into(f.maker.name, found), soci::into(region_code);
    f.maker.uscc = f.product.entity_uscc;
    f.maker.region_code = region_code;
    if (const auto region = registry::find_region(region_code)) f.maker_region = region->name;
    auto checks = list_spot_checks(db, gtin);
    if (!checks.ok()) return checks.error();
    f.spot_checks = std::move(*checks);
    auto recalls = list_recalls(db, gtin);
    if (!recalls.ok()) return recalls.error();
    f.recalls = std::move(*recalls);
    const std::string key(gtin);
    std::string lot;
    std::string expiry;
    soci::indicator expiry_ind = soci::i_null;
    soci::statement batches =
        (db.session().prepare << "SELECT lot, expiry FROM batches WHERE gtin = :g", soci::use(key),
         soci::into(lot), soci::into(expiry, expiry_ind));
    batches.execute();
    while (batches.fetch()) {
      f.batches[lot] = expiry_ind == soci::i_ok && !expiry.empty()
                           ? std::optional<std::string>(expiry)
                           : std::nullopt;
    }
    return std::optional<ProductFacts>(std::move(f));
  } catch (const std::exception& e) {
    return make_error(std::string("无法查询产品信息: ") + e.what());
  }
}

Result<LookupResult> look_up(store::Database& db, const ScannedCode& code,
                             std::size_t many_places) {
  auto facts = load_product_facts(db, code.gtin);
  if (!facts.ok()) return facts.error();
  if (!*facts) {
    LookupResult out;
    out.resolution.code = code;
    return out;
  }
  return look_up(db, code, **facts, many_places);
}

Result<LookupResult> look_up(store::Database& db, const ScannedCode& code,
                             const ProductFacts& facts, std::size_t many_places,
                             const std::string* issued_lot) {
  LookupResult out;
  Resolution& r = out.resolution;
  r.code = code;
  r.product = facts.product;
  r.maker = facts.maker;
  r.maker_region = facts.maker_region;
  try {
    std::vector<std::string> events;
    if (!code.serial.empty()) {
      const epcis::Epc unit = epcis::sgtin_epc(code.gtin, code.serial);
      auto issued = serial_facts(db, code.gtin, code.serial, unit.key, unit.qualifier,
                                 kJourneySteps, issued_lot);
      if (!issued || (!code.lot.empty() && issued->lot != code.lot)) {
        out.status = Lookup::never_issued;
        return out;
      }
      r.code.lot = issued->lot;  // a scan of (01)+(21) alone still shows the batch
      r.scan_places = issued->scan_places;
      r.many_places = r.scan_places >= many_places;
      events = std::move(issued->events);
    }
    if (!r.code.lot.empty()) {
      const auto batch = facts.batches.find(r.code.lot);
      if (batch == facts.batches.end()) {
        out.status = Lookup::unknown_lot;
        return out;
      }
      r.expiry = batch->second;
    }
    for (const SpotCheck& c : facts.spot_checks) {
      if (c.lot.empty() || c.lot == r.code.lot) r.spot_checks.push_back(c);
    }
    for (const Recall& recall : facts.recalls) {
      if (recall.covers(r.code.lot)) r.recalls.push_back(recall);
    }
    std::vector<epcis::Event> read;
    for (const std::string& json : events) {
      auto event = epcis::read_stored_event(json);
      if (event.ok()) read.push_back(std::move(event).value());
    }
    epcis::StandingEvents standing = epcis::standing_events(std::move(read));
    r.withdrawn_events = standing.withdrawn;
    for (const epcis::Event& e : standing.events) {
      r.journey.push_back({e.event_time, e.biz_step, e.disposition,
                           e.biz_location.empty() ? e.read_point : e.biz_location});
    }
    std::stable_sort(
        r.journey.begin(), r.journey.end(),
        [](const JourneyStep& a, const JourneyStep& b) { return a.event_time > b.event_time; });
    out.status = Lookup::found;
    return out;
  } catch (const std::exception& e) {
    return make_error(std::string("无法查询码信息: ") + e.what());
  }
}

}  // namespace zhiyou::trace::resolver
