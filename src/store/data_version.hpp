// A counter per group of tables that database triggers raise on every change, whoever makes
// it (the server, a CLI run on the same database, a psql session). Readers that cache
// results derived from those tables compare the counter instead of re-reading them.
#pragma once

#include <cstdint>
#include <string_view>

namespace zhiyou::store {

class Database;

// The tables behind plans, monitoring and evaluation: plans and their indicators, targets
// and units, regions and organisations, observations, judgements and evaluation settings.
inline constexpr std::string_view kMonitoringData = "monitoring";

// Migration 9: the data_versions table and its triggers. Throws on SQL errors.
void create_data_versions(Database& db);

// The current counter of `scope`; it changes whenever a table of the scope changes.
// Throws soci::soci_error on SQL errors.
std::int64_t data_version(Database& db, std::string_view scope);

}  // namespace zhiyou::store
