// The audit log as stored (table audit_log, migration 6): append inside the caller's
// transaction, list, verify. The table is append-only: the schema refuses UPDATE and DELETE,
// and the hash chain (audit_entry.hpp) exposes whoever bypasses that with direct SQL.
//
// Other modules record their changes like this, in the same transaction as the change:
//
//   db.transaction([&]() -> Status {
//     … write the change …
//     return audit::append(db, {actor, "observation.add", id, before_json, after_json});
//   });
#pragma once

#include <optional>
#include <vector>

#include "audit/audit_entry.hpp"
#include "core/result.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::audit {

// Appends one entry after the current last one. Runs in its own (nested) transaction, so it
// joins the caller's when there is one: if the caller rolls back, the entry goes too.
// Concurrent appenders queue (SQLite's write lock; a PostgreSQL advisory lock).
Status append(store::Database& db, const Change& change);

// Entries with seq > after_seq, oldest first, at most `limit`.
Result<std::vector<Entry>> list_entries(store::Database& db, long long after_seq = 0,
                                        int limit = 1000);

struct Verification {
  long long entries = 0;             // rows in the log
  std::optional<Break> first_break;  // nullopt when the chain is intact
};

// Reads the whole log in seq order and checks the chain.
Result<Verification> verify(store::Database& db);

}  // namespace zhiyou::audit
