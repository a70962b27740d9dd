// A copy of a SQLite database as it was at one moment, taken while the server and other
// commands go on reading and writing it. Copying zhiyou.db with cp is not a backup: in WAL
// mode the latest commits live in zhiyou.db-wal until they are checkpointed, and a copy made
// during a write can be torn. VACUUM INTO reads the database inside one read transaction, so
// the copy holds every change committed before it began and none after, and is compacted.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace zhiyou::store {

class Database;

struct BackupCopy {
  std::uintmax_t bytes = 0;
  int schema_version = 0;  // the copy's, as a check that it opens as a Zhiyou database
};

// Writes the copy to `path`, which must not exist or be empty, syncs it to disk, and checks
// it (PRAGMA quick_check on the copy). PostgreSQL databases are refused with a hint to use
// pg_dump; SQLite and I/O failures are errors naming the path.
Result<BackupCopy> backup_sqlite(Database& db, const std::string& path);

}  // namespace zhiyou::store
