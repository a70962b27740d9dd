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

// The lookups of one scan in one read transaction (on SQLite: one set of file locks instead
// of one per lookup, and one consistent view). Ends when it goes out of scope.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(store::Database& db);  // throws on SQL errors
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot();

 private:
  store::Database* db_ = nullptr;  // null on PostgreSQL: each lookup is one round trip
};

struct IssuedCode {
  std::string lot;              // the lot it was issued in
  std::size_t scan_places = 0;  // distinct declared places it was scanned from
};
// The serial as issued for the GTIN; nullopt when it never was. Throws on SQL errors, as
// unit_events does.
std::optional<IssuedCode> issued_code(store::Database& db, const std::string& gtin,
                                      const std::string& serial);

// The captured JSON of the newest `limit` events that name the unit (epc_key + qualifier,
// as epcis::Epc splits it) in epcList, childEPCs, parentID, inputEPCList or outputEPCList,
// newest capture first.
std::vector<std::string> unit_events(store::Database& db, const std::string& epc_key,
                                     const std::string& qualifier, int limit);

}  // namespace zhiyou::trace::resolver
