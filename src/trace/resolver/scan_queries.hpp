// The lookups a scan of a serial makes that the per-GTIN facts cannot answer: the code
// itself, the unit's EPCIS events and the places it was scanned from. Each is one indexed
// lookup; on SQLite the statements are prepared once per connection (preparing costs more
// than running them) and reset after every run, so that none holds a read snapshot open.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace zhiyou::store {
class Database;
}

namespace zhiyou::trace::resolver {

// The lot the serial was issued in; nullopt when it was never issued for the GTIN.
// Throws on SQL errors, as the two below.
std::optional<std::string> issued_lot(store::Database& db, const std::string& gtin,
                                      const std::string& serial);

// The captured JSON of the newest `limit` events that name the unit (epc_key + qualifier,
// as epcis::Epc splits it) in epcList, childEPCs, parentID, inputEPCList or outputEPCList,
// newest capture first.
std::vector<std::string> unit_events(store::Database& db, const std::string& epc_key,
                                     const std::string& qualifier, int limit);

// How many distinct declared places the serial was scanned from (scans with no place do
// not count).
std::size_t scan_place_count(store::Database& db, const std::string& gtin,
                             const std::string& serial);

}  // namespace zhiyou::trace::resolver
