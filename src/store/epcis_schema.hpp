// Migration 5: the EPCIS event repository (trace/event_store.hpp reads and writes it).
#pragma once

namespace zhiyou::store {

class Database;

void create_epcis_events(Database& db);

}  // namespace zhiyou::store
