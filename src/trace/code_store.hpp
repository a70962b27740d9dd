// Issued codes as stored (tables batches and codes; migration 4).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "trace/issuance.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::trace {

// Called after each stored chunk with (codes stored so far, codes requested).
using IssueProgress = std::function<void(std::size_t, std::size_t)>;

// What a caller may do while the codes are stored, inside the transaction: an error from
// `stored` or `before_commit` rolls everything back and is returned.
struct IssueHooks {
  IssueProgress progress;
  // The serials of each stored chunk, in issue order (`trace issue` writes its CSV rows).
  // Called on another thread, one chunk at a time, while the next chunk is stored.
  std::function<Status(std::span<const std::string>)> stored;
  // Last, just before the commit (`trace issue` closes its CSV file).
  std::function<Status()> before_commit;
};

// Registers `request.count` new codes for the batch (gtin, lot) in one transaction and
// returns their serials in issue order. The product must be registered; the batch is
// created on first use, and a later issue for it may leave out the expiry (the stored one
// is used) but not give a different one. Random serials come from `random_source`;
// sequential ones continue after the last sequential serial issued for the GTIN. A serial
// that already exists for the GTIN is never issued again: it is skipped (sequential) or
// drawn again (random). Nothing is stored when anything fails.
//
// Codes go in by chunks of 10 000 through store::BulkInsert (multi-row INSERT on SQLite, COPY
// on PostgreSQL); a chunk that hits an existing key is undone by its savepoint and stored
// again after the taken serials were replaced.
Result<std::vector<std::string>> issue_codes(store::Database& db, IssueRequest& request,
                                             const SerialSource& random_source,
                                             const IssueHooks& hooks);
Result<std::vector<std::string>> issue_codes(store::Database& db, IssueRequest& request,
                                             const SerialSource& random_source = random_serials(),
                                             const IssueProgress& progress = {});

// How many codes are stored for the GTIN (and the lot, when given).
Result<long long> count_codes(store::Database& db, std::string_view gtin,
                              std::optional<std::string_view> lot = std::nullopt);

// The lot of a stored code, or nullopt when (gtin, serial) was never issued.
Result<std::optional<std::string>> find_code_lot(store::Database& db, std::string_view gtin,
                                                 std::string_view serial);

struct StoredCode {
  std::string gtin;
  std::string serial;
  std::string lot;
};
// Up to `limit` stored codes after (gtin, serial) in key order (empty strings: from the
// first). Reading every code page by page keeps no result of millions of rows in memory (the
// PostgreSQL client would hold a whole result) and no read transaction open for long.
Result<std::vector<StoredCode>> codes_after(store::Database& db, const std::string& gtin,
                                            const std::string& serial, std::size_t limit);

}  // namespace zhiyou::trace
