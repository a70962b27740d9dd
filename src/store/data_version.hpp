// Counters that database triggers raise on every change to a group of tables, whoever makes
// it (the server, a CLI run on the same database, a psql session). Readers that keep results
// derived from those tables in memory compare a counter instead of re-reading the tables.
#pragma once

#include <cstdint>
#include <string_view>

namespace zhiyou::store {

class Database;

struct DataVersions {
  // Plans and their indicators, targets and units, regions and organisations,
  // observations, judgements and evaluation settings.
  std::int64_t monitoring = 0;
  // Users and sessions: a login, logout, disabled account or new password.
  std::int64_t people = 0;
  // What a scan shows: entities, products, batches, recalls, spot checks and EPCIS events
  // (events captured in SQLite: once per capture, see migration 10). Not codes: they are only
  // ever added, and an answer is kept only for a code that exists.
  std::int64_t trace = 0;
  // Where serials were scanned from (scan_places): written every second while people scan,
  // so kept apart from `trace` (migration 13); only a serial's own answer depends on it.
  std::int64_t scans = 0;
};

// Migration 9: the data_versions table and its triggers. Throws on SQL errors.
void create_data_versions(Database& db);

// Migration 10, SQLite: epcis_events loses its per-row INSERT trigger. SQLite has no
// statement triggers, so a capture of 10,000 events raised the counter 10,000 times (a sixth
// of the capture's time); trace::capture raises it once instead (raise_data_version).
// PostgreSQL keeps its statement trigger. Throws on SQL errors.
void stop_raising_per_captured_event(Database& db);

// Migration 13: scan_places raises its own counter, "scans", instead of "trace": recording
// the scans of a second no longer drops every kept product and answer.
void count_scans_apart(Database& db);

// Raises the counter of `scope` ("monitoring", "people", "trace" or "scans") by one, inside the
// caller's transaction: for writers to a table whose rows no longer raise it themselves.
// Throws std::invalid_argument for another scope, soci::soci_error on SQL errors.
void raise_data_version(Database& db, std::string_view scope);

// Every counter, in one query. Throws soci::soci_error on SQL errors.
DataVersions data_versions(Database& db);

}  // namespace zhiyou::store
