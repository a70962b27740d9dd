// Events are kept as captured (event_json) beside the columns the standard queries filter on;
// the identifiers an event mentions go to epcis_event_epcs, one row per identifier and role.
//
// Citus: epcis_event_epcs is distributed by key_id (the GS1 primary key, e.g.
// "01/09506000134352", by its number in epcis_terms: one GTIN's items live together, so recall
// and MATCH_epc stay on one shard); epcis_events by event_key; epcis_contexts and epcis_terms
// are reference tables.
#include "store/epcis_schema.hpp"

#include <soci/soci.h>
#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date_time.hpp"

#include "store/database.hpp"

namespace zhiyou::store {

void create_epcis_events(Database& db) {
  const bool sqlite = db.engine() == Engine::sqlite;
  soci::session& sql = db.session();
  // Event types, CBV values and location identifiers repeat in every event; events refer to
  // them by number, which keeps the event rows and their indexes small (capture speed).
  sql << "CREATE TABLE epcis_terms ("
         " term_id BIGINT PRIMARY KEY,"
         " term TEXT NOT NULL UNIQUE)";
  sql << "CREATE TABLE epcis_contexts ("
         " id TEXT PRIMARY KEY,"  // first 16 hex digits of SHA-256(context_json)
         " context_json TEXT NOT NULL)";
  // event_key: capture order, assigned by the store. In SQLite "INTEGER PRIMARY KEY" makes it
  // the rowid, so rows are appended in key order.
  sql << std::string("CREATE TABLE epcis_events (") +
             (sqlite ? " event_key INTEGER PRIMARY KEY," : " event_key BIGINT PRIMARY KEY,") +
             " event_id TEXT NOT NULL,"
             " id_hash BIGINT NOT NULL,"     // 63 bits of FNV-1a(event_id): idempotent capture
             " event_type BIGINT NOT NULL,"  // epcis_terms
             " event_time BIGINT NOT NULL,"  // milliseconds since 1970, UTC
             " record_time TEXT NOT NULL,"   // when captured, UTC
             " action TEXT,"
             " biz_step BIGINT,"  // epcis_terms: CBV short name or URI
             " disposition BIGINT,"
             " read_point BIGINT,"  // epcis_terms: canonical identifier (Digital Link)
             " biz_location BIGINT,"
             " context_id TEXT,"
             " event_json TEXT NOT NULL)";
  sql << "CREATE INDEX epcis_events_id_hash ON epcis_events (id_hash)";
  sql << "CREATE INDEX epcis_events_time ON epcis_events (event_time)";
  sql << "CREATE INDEX epcis_events_biz_step ON epcis_events (biz_step, event_time)";
  sql << "CREATE INDEX epcis_events_biz_location ON epcis_events (biz_location, event_time)";
  sql << "CREATE INDEX epcis_events_read_point ON epcis_events (read_point)";
  sql << "CREATE INDEX epcis_events_type ON epcis_events (event_type, event_time)";
  // epc_key + qualifier: an identifier split at its GS1 key ("01/…" + "21/2017"), so that a
  // pattern (every serial of a GTIN) is a range of the primary key. role: see EpcRole.
  sql << std::string("CREATE TABLE epcis_event_epcs (") +
             " epc_key TEXT NOT NULL,"
             " qualifier TEXT NOT NULL,"
             " event_key BIGINT NOT NULL,"
             " role TEXT NOT NULL,"
             " lot TEXT,"  // AI (10) known for this item (its Digital Link, or the event's ilmd)
             " PRIMARY KEY (epc_key, qualifier, event_key, role))" +
             (sqlite ? " WITHOUT ROWID" : "");
  sql << "CREATE INDEX epcis_event_epcs_lot ON epcis_event_epcs (epc_key, lot)"
         " WHERE lot IS NOT NULL";
  if (!sqlite) {
    sql << "CREATE SEQUENCE epcis_event_key_seq";
    sql << "CREATE SEQUENCE epcis_term_id_seq";
  }
}

void upgrade_epcis_capture(Database& db) {
  soci::session& sql = db.session();
  // One row per accepted POST /epcis/capture (trace/capture_job_store.hpp).
  sql << "CREATE TABLE epcis_capture_jobs ("
         " capture_id TEXT PRIMARY KEY,"
         " created_at TEXT NOT NULL,"
         " finished_at TEXT NOT NULL,"
         " captured_by TEXT NOT NULL,"
         " event_count BIGINT NOT NULL,"
         " captured BIGINT NOT NULL,"
         " duplicates BIGINT NOT NULL)";
  // Capture speed: every index is one more B-tree insert per event. The queries read events
  // in capture order (event_key) and stop after a page, so filters on type, bizStep,
  // readPoint and bizLocation scan that order instead of using an index of their own; the
  // identifier table (MATCH_*), event time and the idempotency hash keep theirs.
  for (const char* index : {"epcis_events_biz_step", "epcis_events_biz_location",
                            "epcis_events_read_point", "epcis_events_type"}) {
    sql << std::string("DROP INDEX IF EXISTS ") + index;
  }
}

void index_events_by_time_and_id(Database& db) {
  soci::session& sql = db.session();
  // The idempotency lookup finds an event sent again by its time and id hash together. An
  // index on the hash alone is written at random places: once it outgrows the page cache,
  // every captured event dirtied a page of its own (README: capture throughput).
  // Keyed by time first, new entries go near the end when events arrive roughly in time
  // order, and the same index serves GE_/LT_eventTime.
  sql << "CREATE INDEX epcis_events_time_id ON epcis_events (event_time, id_hash)";
  sql << "DROP INDEX IF EXISTS epcis_events_time";
  sql << "DROP INDEX IF EXISTS epcis_events_id_hash";
}

namespace {

// errorDeclaration.declarationTime of a stored event (ms, UTC), if it has one.
std::optional<std::int64_t> declaration_time(const std::string& event_json) {
  boost::system::error_code ec;
  const boost::json::value event = boost::json::parse(event_json, ec);
  if (ec || !event.is_object()) return std::nullopt;
  const boost::json::value* declaration = event.as_object().if_contains("errorDeclaration");
  if (declaration == nullptr || !declaration->is_object()) return std::nullopt;
  const boost::json::value* time = declaration->as_object().if_contains("declarationTime");
  if (time == nullptr || !time->is_string()) return std::nullopt;
  return parse_date_time(time->as_string());
}

}  // namespace

void record_error_declarations(Database& db) {
  soci::session& sql = db.session();
  // errorDeclaration.declarationTime (ms, UTC); 0 when the event declares no error. An error
  // declaration repeats the eventID and eventTime of the event it declares in error, so
  // idempotent capture tells the two apart by this column (a declaration dated exactly
  // 1970-01-01T00:00:00Z would read as none: no real one is).
  sql << "ALTER TABLE epcis_events ADD COLUMN declaration_time BIGINT NOT NULL DEFAULT 0";
  // The declarations alone, in capture order, for the errorDeclaration query parameters:
  // a few rows, so capturing ordinary events costs nothing more.
  sql << "CREATE INDEX epcis_events_declared ON epcis_events (event_key)"
         " WHERE declaration_time <> 0";
  // Declarations captured before this migration (those whose event was not stored yet):
  // their declarationTime read from the stored JSON as capture reads it, so that one sent
  // again is found.
  long long key = 0;
  std::string json;
  std::vector<std::pair<long long, std::int64_t>> declared;
  soci::statement select = (sql.prepare << "SELECT event_key, event_json FROM epcis_events"
                                           " WHERE event_json LIKE '%\"errorDeclaration\"%'",
                            soci::into(key), soci::into(json));
  select.execute();
  while (select.fetch()) {
    if (auto at = declaration_time(json)) declared.emplace_back(key, *at);
  }
  for (const auto& [event_key, at] : declared) {
    const long long time_ms = at;
    sql << "UPDATE epcis_events SET declaration_time = :t WHERE event_key = :k", soci::use(time_ms),
        soci::use(event_key);
  }
}

void key_identifiers_by_term(Database& db) {
  const bool sqlite = db.engine() == Engine::sqlite;
  soci::session& sql = db.session();
  // The rows of an identifier table keyed by its text (epc_key, qualifier, …) all began with
  // the same 17 characters per GTIN ("01/<GTIN>"): at a million stored events with random
  // serials a third of capture's storing time was B-tree searches reading past them, in an
  // index too large for the page cache. Keyed by the GS1 key's number in epcis_terms, a row
  // is half the size and its comparisons start at the serial (README: capture throughput,
  // session 18).
  //
  // Every GS1 key named so far becomes a term (a few per product; one per SSCC).
  if (sqlite) {
    sql << "INSERT INTO epcis_terms (term_id, term)"
           " SELECT (SELECT COALESCE(MAX(term_id), 0) FROM epcis_terms)"
           " + ROW_NUMBER() OVER (ORDER BY epc_key), epc_key"
           " FROM (SELECT DISTINCT epc_key FROM epcis_event_epcs"
           " WHERE epc_key NOT IN (SELECT term FROM epcis_terms))";
  } else {
    sql << "INSERT INTO epcis_terms (term_id, term)"
           " SELECT nextval('epcis_term_id_seq'), epc_key"
           " FROM (SELECT DISTINCT epc_key FROM epcis_event_epcs"
           " WHERE epc_key NOT IN (SELECT term FROM epcis_terms)) k";
  }
  sql << std::string("CREATE TABLE epcis_event_epcs_by_term (") +
             " key_id BIGINT NOT NULL,"  // epcis_terms: the GS1 key, e.g. "01/09506000134352"
             " qualifier TEXT NOT NULL,"
             " event_key BIGINT NOT NULL,"
             " role TEXT NOT NULL,"
             " lot TEXT,"
             " PRIMARY KEY (key_id, qualifier, event_key, role))" +
             (sqlite ? " WITHOUT ROWID" : "");
  sql << "INSERT INTO epcis_event_epcs_by_term (key_id, qualifier, event_key, role, lot)"
         " SELECT t.term_id, x.qualifier, x.event_key, x.role, x.lot"
         " FROM epcis_event_epcs x JOIN epcis_terms t ON t.term = x.epc_key";
  sql << "DROP TABLE epcis_event_epcs";
  sql << "ALTER TABLE epcis_event_epcs_by_term RENAME TO epcis_event_epcs";
  sql << "CREATE INDEX epcis_event_epcs_lot ON epcis_event_epcs (key_id, lot)"
         " WHERE lot IS NOT NULL";
  // A product's events newest first, and windows of the capture order (migration 15).
  sql << "CREATE INDEX epcis_event_epcs_newest ON epcis_event_epcs (key_id, event_key)";
}

}  // namespace zhiyou::store
