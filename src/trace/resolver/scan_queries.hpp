// What a scan of a serial needs that the per-GTIN facts cannot answer: the code itself, the
// places it was scanned from and the unit's EPCIS events, in one statement (one read
// transaction: on SQLite, one set of file locks). On SQLite the statement is prepared once
// per connection (preparing costs more than running it) and reset after every run, so that
// it holds no read snapshot open.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace zhiyou::store {
class Database;
}

namespace zhiyou::trace::resolver {

struct SerialFacts {
  std::string lot;              // the lot it was issued in
  std::size_t scan_places = 0;  // distinct declared places it was scanned from
  // The captured JSON of the newest events naming the unit in epcList, childEPCs, parentID,
  // inputEPCList or outputEPCList, newest capture first.
  std::vector<std::string> events;
};

// The serial as issued for the GTIN, with at most `max_events` events of the unit
// (`epc_key` + `qualifier`, as epcis::Epc splits it); nullopt when it was never issued.
// With `issued_lot` (the caller knows the code was issued, in that lot: CodeDirectory) the
// code is not looked up, and the answer is nullopt only when the product is not registered.
// Throws on SQL errors.
std::optional<SerialFacts> serial_facts(store::Database& db, const std::string& gtin,
                                        const std::string& serial, const std::string& epc_key,
                                        const std::string& qualifier, int max_events,
                                        const std::string* issued_lot = nullptr);

}  // namespace zhiyou::trace::resolver
