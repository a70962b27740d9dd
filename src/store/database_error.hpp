// What a failed database statement means for the person reading the message. SQLite and
// PostgreSQL report a full disk, a busy database or a lost server connection in their own
// English words ("database or disk is full while executing COMMIT"); the CLI and the server
// say in Chinese what happened and what was kept, and keep the driver's words after it for
// whoever has to fix it.
#pragma once

#include <exception>
#include <string>

namespace zhiyou::store {

enum class DatabaseFault {
  disk_full,        // SQLITE_FULL; PostgreSQL 53100 disk_full, 53200 out_of_memory
  busy,             // SQLITE_BUSY / SQLITE_LOCKED after the busy timeout; 40001, 40P01, 55P03
  read_only,        // SQLITE_READONLY; PostgreSQL 25006 read_only_sql_transaction
  io_error,         // SQLITE_IOERR; PostgreSQL 58030 io_error (SQLITE_CANTOPEN is mostly a
                    // wrong path or permissions, clearest in SQLite's own words: other)
  corrupt,          // SQLITE_CORRUPT, SQLITE_NOTADB; PostgreSQL XX001 data_corrupted
  connection_lost,  // PostgreSQL class 08 and 57P01–57P03 (server shut down or restarting)
  other,            // anything else, including exceptions not from a database driver
};

// The fault behind `error`: SOCI's exceptions carry SQLite's result code or PostgreSQL's
// SQLSTATE; the direct SQLite calls of store/ throw SOCI's SQLite exception too.
DatabaseFault database_fault(const std::exception& error);

// Chinese text for `fault`: what happened, that the operation was undone (its transaction
// rolled back) and what to do; empty for DatabaseFault::other.
std::string database_fault_text(DatabaseFault fault);

// For the store's direct SQLite calls: throws what SOCI throws for the same failure
// (soci::sqlite3_soci_error with the extended result code), so database_fault reads both.
[[noreturn]] void throw_sqlite_error(const char* message, int extended_result);

// "磁盘空间不足…（database or disk is full while executing "COMMIT".）" for a known fault,
// "未能完成（…）" for any other exception.
std::string describe_failure(const std::exception& error);

}  // namespace zhiyou::store
