#include "trace/resolver/scan_queries.hpp"

#include <soci/soci.h>

#include <stdexcept>
#include <utility>

#include "store/database.hpp"
#include "store/sqlite_statement.hpp"

namespace zhiyou::trace::resolver {
namespace {

// One row per event, newest first, or one row with no event; the scan-place count repeats on
// each. Parameters in order: epc_key, qualifier, gtin, serial, max_events. Joins rather than
// `IN (subquery)`, which made SQLite build a temporary table on every scan. An event naming
// the unit in two roles comes twice, next to each other (serial_facts() keeps one).
constexpr const char* kSerialFacts =
    "SELECT c.lot, (SELECT COUNT(*) FROM scan_places s WHERE s.gtin = c.gtin"
    " AND s.serial = c.serial AND s.place <> ''), e.event_key, e.event_json FROM codes c"
    " LEFT JOIN epcis_event_epcs x"
    " ON x.key_id = (SELECT term_id FROM epcis_terms WHERE term = ?) AND x.qualifier = ?"
    " AND x.role IN ('e', 'c', 'p', 'i', 'o')"
    " LEFT JOIN epcis_events e ON e.event_key = x.event_key"
    " WHERE c.gtin = ? AND c.serial = ? ORDER BY x.event_key DESC LIMIT ?";

// The same for a serial whose lot is known already (CodeDirectory): no row of codes is read.
// The product's row stands in for the code's as the one row the events join to: a row the
// planner knows to be unique lets it read the unit's events newest first from their key, where
// a constant row (`FROM (SELECT 1)`) made SQLite sort them in a temporary B-tree on every scan.
// Parameters in order: serial, epc_key, qualifier, gtin, max_events.
constexpr const char* kUnitFacts =
    "SELECT (SELECT COUNT(*) FROM scan_places s WHERE s.gtin = p.gtin AND s.serial = ?"
    " AND s.place <> ''), e.event_key, e.event_json FROM products p"
    " LEFT JOIN epcis_event_epcs x"
    " ON x.key_id = (SELECT term_id FROM epcis_terms WHERE term = ?) AND x.qualifier = ?"
    " AND x.role IN ('e', 'c', 'p', 'i', 'o')"
    " LEFT JOIN epcis_events e ON e.event_key = x.event_key"
    " WHERE p.gtin = ? ORDER BY x.event_key DESC LIMIT ?";

// kSerialFacts and kUnitFacts prepared once per SQLite connection.
struct SqliteSerialFacts {
  explicit SqliteSerialFacts(store::Database& db)
      : serial(db, kSerialFacts), unit(db, kUnitFacts) {}
  store::SqliteStatement serial;
  store::SqliteStatement unit;
};

// PostgreSQL: the same SQL with SOCI's named placeholders.
std::string with_names(const char* sql) {
  std::string out;
  int n = 0;
  for (const char* c = sql; *c != '\0'; ++c) {
    if (*c == '?') {
      out += ":p" + std::to_string(++n);
    } else {
      out += *c;
    }
  }
  return out;
}

}  // namespace

std::optional<SerialFacts> serial_facts(store::Database& db, const std::string& gtin,
                                        const std::string& serial, const std::string& epc_key,
                                        const std::string& qualifier, int max_events,
                                        const std::string* issued_lot) {
  std::optional<SerialFacts> facts;
  long long last_event = -1;
  auto add = [&](std::string lot, long long places, std::optional<long long> event,
                 std::string json) {
    if (!facts) facts = SerialFacts{std::move(lot), static_cast<std::size_t>(places), {}};
    if (!event || *event == last_event) return;
    last_event = *event;
    facts->events.push_back(std::move(json));
  };
  // Without codes, the row starts one column earlier.
  const int from = issued_lot != nullptr ? 0 : 1;
  auto lot_of = [&](std::string read) {
    if (issued_lot != nullptr) return *issued_lot;
    return read;
  };
  if (db.engine() == store::Engine::sqlite) {
    auto& statements = db.attached<SqliteSerialFacts>();
    auto each_row = [&](const store::SqliteStatement& row) {
      const bool has_event = !row.is_null(from + 1);
      add(lot_of(from == 0 ? std::string() : row.text(0)), row.integer(from),
          has_event ? std::optional<long long>(row.integer(from + 1)) : std::nullopt,
          has_event ? row.text(from + 2) : std::string());
    };
    if (issued_lot != nullptr) {
      statements.unit.run({serial, epc_key, qualifier, gtin, std::int64_t{max_events}}, each_row);
    } else {
      statements.serial.run({epc_key, qualifier, gtin, serial, std::int64_t{max_events}}, each_row);
    }
    return facts;
  }
  std::string lot;
  long long places = 0;
  long long event = 0;
  std::string json;
  soci::indicator event_null = soci::i_ok;
  soci::indicator json_null = soci::i_ok;
  soci::statement select =
      issued_lot != nullptr
          ? (db.session().prepare << with_names(kUnitFacts), soci::use(serial), soci::use(epc_key),
             soci::use(qualifier), soci::use(gtin), soci::use(max_events), soci::into(places),
             soci::into(event, event_null), soci::into(json, json_null))
          : (db.session().prepare << with_names(kSerialFacts), soci::use(epc_key),
             soci::use(qualifier), soci::use(gtin), soci::use(serial), soci::use(max_events),
             soci::into(lot), soci::into(places), soci::into(event, event_null),
             soci::into(json, json_null));
  select.execute();
  while (select.fetch()) {
    add(lot_of(lot), places,
        event_null == soci::i_null ? std::nullopt : std::optional<long long>(event),
        json_null == soci::i_null ? std::string() : json);
  }
  return facts;
}

}  // namespace zhiyou::trace::resolver
