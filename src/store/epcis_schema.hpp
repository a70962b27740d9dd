// Migrations 5 and 8: the EPCIS event repository (trace/event_store.hpp reads and writes it).
#pragma once

namespace zhiyou::store {

class Database;

void create_epcis_events(Database& db);

// Migration 8: capture jobs (POST /epcis/capture) and a leaner event table for capture speed.
void upgrade_epcis_capture(Database& db);

}  // namespace zhiyou::store
