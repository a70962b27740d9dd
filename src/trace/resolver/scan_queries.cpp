#include "trace/resolver/scan_queries.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

#include "store/database.hpp"

namespace zhiyou::trace::resolver {
namespace {

constexpr const char* kIssuedLot = "SELECT lot FROM codes WHERE gtin = ? AND serial = ?";
// Newest first: a unit with a long history shows its latest steps.
constexpr const char* kUnitEvents =
    "SELECT event_json FROM epcis_events WHERE event_key IN"
    " (SELECT event_key FROM epcis_event_epcs WHERE epc_key = ? AND qualifier = ?"
    " AND role IN ('e', 'c', 'p', 'i', 'o'))"
    " ORDER BY event_key DESC LIMIT ?";
constexpr const char* kScanPlaces =
    "SELECT COUNT(*) FROM scan_places WHERE gtin = ? AND serial = ? AND place <> ''";

// A statement prepared once; run() binds, steps through the rows and always resets.
class Prepared {
 public:
  Prepared(sqlite_api::sqlite3* connection, const char* sql) : connection_(connection) {
    if (sqlite_api::sqlite3_prepare_v3(connection_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement_,
                                       nullptr) != SQLITE_OK) {
      throw std::runtime_error(sqlite_api::sqlite3_errmsg(connection_));
    }
  }
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  ~Prepared() { sqlite_api::sqlite3_finalize(statement_); }

  // Calls row(statement) for each row.
  template <class Row>
  void run(const std::string& a, const std::string& b, Row&& row, int limit = -1) {
    struct Reset {
      sqlite_api::sqlite3_stmt* s;
      ~Reset() {
        sqlite_api::sqlite3_reset(s);
        sqlite_api::sqlite3_clear_bindings(s);
      }
    } reset{statement_};
    sqlite_api::sqlite3_bind_text(statement_, 1, a.data(), static_cast<int>(a.size()),
                                  SQLITE_STATIC);
    sqlite_api::sqlite3_bind_text(statement_, 2, b.data(), static_cast<int>(b.size()),
                                  SQLITE_STATIC);
    if (limit >= 0) sqlite_api::sqlite3_bind_int(statement_, 3, limit);
    for (;;) {
      const int rc = sqlite_api::sqlite3_step(statement_);
      if (rc == SQLITE_DONE) return;
      if (rc != SQLITE_ROW) throw std::runtime_error(sqlite_api::sqlite3_errmsg(connection_));
      row(statement_);
    }
  }

 private:
  sqlite_api::sqlite3* connection_;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
};

std::string column_text(sqlite_api::sqlite3_stmt* s, int column) {
  const auto* text = sqlite_api::sqlite3_column_text(s, column);
  return text == nullptr
             ? std::string()
             : std::string(reinterpret_cast<const char*>(text),
                           static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(s, column)));
}

class SqliteScanQueries {
 public:
  explicit SqliteScanQueries(store::Database& db)
      : connection_(static_cast<soci::sqlite3_session_backend*>(db.session().get_backend())->conn_),
        issued_lot_(connection_, kIssuedLot),
        unit_events_(connection_, kUnitEvents),
        scan_places_(connection_, kScanPlaces) {}

  sqlite_api::sqlite3* connection_;
  Prepared issued_lot_;
  Prepared unit_events_;
  Prepared scan_places_;
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

std::optional<std::string> issued_lot(store::Database& db, const std::string& gtin,
                                      const std::string& serial) {
  std::optional<std::string> lot;
  if (db.engine() == store::Engine::sqlite) {
    db.attached<SqliteScanQueries>().issued_lot_.run(
        gtin, serial, [&](sqlite_api::sqlite3_stmt* s) { lot = column_text(s, 0); });
    return lot;
  }
  std::string found;
  db.session() << with_names(kIssuedLot), soci::use(gtin), soci::use(serial), soci::into(found);
  if (db.session().got_data()) lot = std::move(found);
  return lot;
}

std::vector<std::string> unit_events(store::Database& db, const std::string& epc_key,
                                     const std::string& qualifier, int limit) {
  std::vector<std::string> events;
  if (db.engine() == store::Engine::sqlite) {
    db.attached<SqliteScanQueries>().unit_events_.run(
        epc_key, qualifier,
        [&](sqlite_api::sqlite3_stmt* s) { events.push_back(column_text(s, 0)); }, limit);
    return events;
  }
  std::string json;
  soci::statement select = (db.session().prepare << with_names(kUnitEvents), soci::use(epc_key),
                            soci::use(qualifier), soci::use(limit), soci::into(json));
  select.execute();
  while (select.fetch()) events.push_back(json);
  return events;
}

std::size_t scan_place_count(store::Database& db, const std::string& gtin,
                             const std::string& serial) {
  long long places = 0;
  if (db.engine() == store::Engine::sqlite) {
    db.attached<SqliteScanQueries>().scan_places_.run(
        gtin, serial,
        [&](sqlite_api::sqlite3_stmt* s) { places = sqlite_api::sqlite3_column_int64(s, 0); });
  } else {
    db.session() << with_names(kScanPlaces), soci::use(gtin), soci::use(serial), soci::into(places);
  }
  return static_cast<std::size_t>(places);
}

}  // namespace zhiyou::trace::resolver
