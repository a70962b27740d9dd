// Counters that database triggers raise on every change to a group of tables, whoever makes
// it (the server, a CLI run on the same database, a psql session). Readers that keep results
// derived from those tables in memory compare a counter instead of re-reading the tables.
#pragma once

#include <cstdint>

namespace zhiyou::store {

class Database;

struct DataVersions {
  // Plans and their indicators, targets and units, regions and organisations,
  // observations, judgements and evaluation settings.
  std::int64_t monitoring = 0;
  // Users and sessions: a login, logout, disabled account or new password.
  std::int64_t people = 0;
  // What a scan shows: entities, products, batches, recalls, spot checks, EPCIS events and
  // scan places. Not codes: they are only ever added, and an answer is kept only for a code
  // that exists.
  std::int64_t trace = 0;
};

// Migration 9: the data_versions table and its triggers. Throws on SQL errors.
void create_data_versions(Database& db);

// Every counter, in one query. Throws soci::soci_error on SQL errors.
DataVersions data_versions(Database& db);

}  // namespace zhiyou::store
