// Migrations 5, 8, 11, 12 and 16: the EPCIS event repository (trace/event_store.hpp reads and
// writes it).
#pragma once

namespace zhiyou::store {

class Database;

void create_epcis_events(Database& db);

// Migration 8: capture jobs (POST /epcis/capture) and a leaner event table for capture speed.
void upgrade_epcis_capture(Database& db);

// Migration 11: one index on (event_time, id_hash) serves time ranges and idempotent capture.
void index_events_by_time_and_id(Database& db);

// Migration 12: an error declaration is stored beside the event it declares in error.
void record_error_declarations(Database& db);

// Migration 16: identifier rows name their GS1 key by its number in epcis_terms.
void key_identifiers_by_term(Database& db);

}  // namespace zhiyou::store
