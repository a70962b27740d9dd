// Loading many rows of text into one table, inside the caller's transaction, as fast as each
// engine allows — for the million-code batches of `trace issue`:
//   SQLite      multi-row "INSERT … VALUES (?,?,?),(?,?,?),…" statements prepared once on
//               the native connection, values bound without copying;
//   PostgreSQL  "COPY … FROM STDIN" through libpq on SOCI's own connection.
// Rows go in as given; a row whose key already exists stops the load (see insert()).
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zhiyou::store {

class Database;

class BulkInsert {
 public:
  // `table` and `columns` are SQL names written by the caller (never user input).
  BulkInsert(Database& db, std::string_view table, std::vector<std::string> columns);
  ~BulkInsert();
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  // Inserts `values`: row after row, columns().size() values each. Returns false when a row
  // breaks a unique constraint (a key that exists, or appears twice in `values`); rows
  // before it may have gone in, and on PostgreSQL the transaction is then aborted — run the
  // call inside Database::transaction() so that its savepoint undoes the attempt. Any other
  // failure throws std::runtime_error.
  bool insert(std::span<const std::string_view> values);

  [[nodiscard]] const std::vector<std::string>& columns() const { return columns_; }

 private:
  struct Engine;
  struct Sqlite;
  struct Postgresql;

  std::vector<std::string> columns_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace zhiyou::store
