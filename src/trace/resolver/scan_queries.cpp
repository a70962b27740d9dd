#include "trace/resolver/scan_queries.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

#include "store/database.hpp"

namespace zhiyou::trace::resolver {
namespace {

// The code and the places it was scanned from, in one step.
constexpr const char* kIssuedCode =
    "SELECT lot, (SELECT COUNT(*) FROM scan_places s WHERE s.gtin = c.gtin"
    " AND s.serial = c.serial AND s.place <> '') FROM codes c WHERE c.gtin = ? AND c.serial = ?";
// Newest first: a unit with a long history shows its latest steps. A join rather than
// `IN (subquery)`, which makes SQLite build a temporary table on every scan; an event naming
// the unit in two roles comes twice, next to each other (unit_events() keeps one).
constexpr const char* kUnitEvents =
    "SELECT e.event_key, e.event_json FROM epcis_event_epcs x"
    " JOIN epcis_events e ON e.event_key = x.event_key"
    " WHERE x.epc_key = ? AND x.qualifier = ? AND x.role IN ('e', 'c', 'p', 'i', 'o')"
    " ORDER BY x.event_key DESC LIMIT ?";

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

  // Runs a statement without parameters or rows (BEGIN, COMMIT).
  void run() {
    const int rc = sqlite_api::sqlite3_step(statement_);
    sqlite_api::sqlite3_reset(statement_);
    if (rc != SQLITE_DONE) throw std::runtime_error(sqlite_api::sqlite3_errmsg(connection_));
  }

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
        issued_code_(connection_, kIssuedCode),
        unit_events_(connection_, kUnitEvents),
        begin_(connection_, "BEGIN"),
        commit_(connection_, "COMMIT"),
        rollback_(connection_, "ROLLBACK") {}

  sqlite_api::sqlite3* connection_;
  Prepared issued_code_;
  Prepared unit_events_;
  Prepared begin_;
  Prepared commit_;
  Prepared rollback_;
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

ReadSnapshot::ReadSnapshot(store::Database& db) {
  if (db.engine() != store::Engine::sqlite) return;
  db.attached<SqliteScanQueries>().begin_.run();
  db_ = &db;
}

ReadSnapshot::~ReadSnapshot() {
  if (db_ == nullptr) return;
  auto& queries = db_->attached<SqliteScanQueries>();
  try {
    queries.commit_.run();  // a read transaction: nothing to write
  } catch (const std::exception&) {
    try {
      queries.rollback_.run();
    } catch (const std::exception&) {  // nothing more to do; the connection reports it next
    }
  }
}

std::optional<IssuedCode> issued_code(store::Database& db, const std::string& gtin,
                                      const std::string& serial) {
  std::optional<IssuedCode> code;
  if (db.engine() == store::Engine::sqlite) {
    db.attached<SqliteScanQueries>().issued_code_.run(
        gtin, serial, [&](sqlite_api::sqlite3_stmt* s) {
          code = IssuedCode{column_text(s, 0),
                            static_cast<std::size_t>(sqlite_api::sqlite3_column_int64(s, 1))};
        });
    return code;
  }
  std::string lot;
  long long places = 0;
  db.session() << with_names(kIssuedCode), soci::use(gtin), soci::use(serial), soci::into(lot),
      soci::into(places);
  if (db.session().got_data()) code = IssuedCode{std::move(lot), static_cast<std::size_t>(places)};
  return code;
}

std::vector<std::string> unit_events(store::Database& db, const std::string& epc_key,
                                     const std::string& qualifier, int limit) {
  std::vector<std::string> events;
  long long last_key = -1;
  auto add = [&](long long key, std::string json) {
    if (key == last_key) return;
    last_key = key;
    events.push_back(std::move(json));
  };
  if (db.engine() == store::Engine::sqlite) {
    db.attached<SqliteScanQueries>().unit_events_.run(
        epc_key, qualifier,
        [&](sqlite_api::sqlite3_stmt* s) {
          add(sqlite_api::sqlite3_column_int64(s, 0), column_text(s, 1));
        },
        limit);
    return events;
  }
  long long key = 0;
  std::string json;
  soci::statement select =
      (db.session().prepare << with_names(kUnitEvents), soci::use(epc_key), soci::use(qualifier),
       soci::use(limit), soci::into(key), soci::into(json));
  select.execute();
  while (select.fetch()) add(key, json);
  return events;
}

}  // namespace zhiyou::trace::resolver
