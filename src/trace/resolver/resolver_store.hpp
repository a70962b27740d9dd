// The resolver's tables (migration 7) and the lookup behind a scan.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "trace/resolver/resolution.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::trace::resolver {

// Announces a recall, recorded in the audit log ("recall.announce") in the same
// transaction. Fails naming the field for a malformed GTIN or lot, an unregistered product
// or an empty reason. `recall.id` and `announced_at` are filled in.
Result<Recall> announce_recall(store::Database& db, Recall recall);
// Every recall notice, newest first; only those for `gtin` when it is not empty.
Result<std::vector<Recall>> list_recalls(store::Database& db, std::string_view gtin = {});

// Records a spot-check result ("spot_check.add" in the audit log). Fails naming the field
// for an unregistered product, a bad date (YYYY-MM-DD), a conclusion other than 合格/不合格,
// or a 不合格 without failed items. `id` is filled in.
Result<SpotCheck> add_spot_check(store::Database& db, SpotCheck check, std::string_view actor);
Result<std::vector<SpotCheck>> list_spot_checks(store::Database& db, std::string_view gtin);

// Scans of one serialised code from one place: every resolver hit of a code with a serial
// is a scan. `place` is what scan_place() made of the declared place; "" when none was
// declared (counted, but not a place).
struct Scan {
  std::string gtin;
  std::string serial;
  std::string place;
  std::string first_at;  // UTC, ISO 8601
  std::string last_at;
  long long count = 1;
};
// Adds a batch of scans in one transaction (scan_places: one row per serial and place) and
// returns how many serials reached `many_places` distinct places with this batch (each
// serial is counted once, when it crosses the threshold).
Result<std::size_t> record_scans(store::Database& db, const std::vector<Scan>& scans,
                                 std::size_t many_places = kDefaultManyPlaces);

// A serial scanned from at least `many_places` distinct places (疑似复制).
struct SuspectSerial {
  std::string gtin;
  std::string serial;
  std::size_t places = 0;
  long long scans = 0;
  std::string last_at;
};
Result<std::vector<SuspectSerial>> suspect_serials(store::Database& db,
                                                   std::size_t many_places = kDefaultManyPlaces);

// A serial that was scanned but never issued for its GTIN (疑似假冒), newest scan first,
// at most `limit`. `places` counts the declared places among its scans.
Result<std::vector<SuspectSerial>> never_issued_serials(store::Database& db,
                                                        std::size_t limit = 1000);

enum class Lookup {
  found,
  unknown_product,  // no registered product has the GTIN
  unknown_lot,      // the product has no batch with that lot
  never_issued,     // the serial was never issued for the GTIN (or for that lot): 疑似假冒
};

struct LookupResult {
  Lookup status = Lookup::unknown_product;
  Resolution resolution;  // complete when found
};

// What every scan of one GTIN shares: the product, its maker, spot checks, recalls and
// batches. The resolver keeps it in memory by the trace data version, so that a scan of a
// new serial looks up only the code, its events and its scan places.
struct ProductFacts {
  registry::Product product;
  registry::Entity maker;
  std::string maker_region;
  std::vector<SpotCheck> spot_checks;                         // newest first
  std::vector<Recall> recalls;                                // newest first
  std::map<std::string, std::optional<std::string>> batches;  // lot → expiry (YYMMDD)
};
// nullopt when no product has the GTIN.
Result<std::optional<ProductFacts>> load_product_facts(store::Database& db, std::string_view gtin);

// Everything a scan of `code` shows. `many_places` is the threshold for the flag. With
// `issued_lot` (the lot the serial was issued in, from a CodeDirectory) the code itself is not
// looked up in the database.
Result<LookupResult> look_up(store::Database& db, const ScannedCode& code,
                             const ProductFacts& facts,
                             std::size_t many_places = kDefaultManyPlaces,
                             const std::string* issued_lot = nullptr);
// The same, reading the product's facts first.
Result<LookupResult> look_up(store::Database& db, const ScannedCode& code,
                             std::size_t many_places = kDefaultManyPlaces);

}  // namespace zhiyou::trace::resolver
