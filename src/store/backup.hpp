// Backups of a SQLite database, and putting one back. A backup is a copy of the database as
// it was at one moment, taken while the server and other commands go on reading and writing
// it. Copying zhiyou.db with cp is not a backup: in WAL mode the latest commits live in
// zhiyou.db-wal until they are checkpointed, and a copy made during a write can be torn. VACUUM
// INTO reads the database inside one read transaction, so the copy holds every change committed
// before it began and none after, and is compacted.
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

// Opens the file at `path` read-only on its own and checks that it is a whole Zhiyou
// database: PRAGMA quick_check says "ok" and it has a schema version. Errors name the path.
Result<BackupCopy> check_backup(const std::string& path);

struct Restored {
  int schema_version = 0;  // the backup's
  std::string kept;        // where the replaced database now is; "" when there was none
};

// Puts the backup at `from` in the place of the SQLite database at `target`, which no other
// program may have open (a server, a command in progress): the backup is checked first
// (check_backup(), and a schema no newer than this program's), copied beside the target and
// synced, and the target with its -wal and -shm files is renamed to
// "{target}.before-restore-{stamp}", so that nothing is lost, before the copy is renamed into
// its place. On any error the target is left as it was. A damaged target is replaced too.
Result<Restored> restore_sqlite(const std::string& from, const std::string& target,
                                const std::string& stamp);

}  // namespace zhiyou::store
