// Loading many rows into one table, inside the caller's transaction, as fast as each engine
// allows — the one bulk path for EPCIS capture (events and their identifiers) and for the
// million-code batches of `trace issue`:
//   SQLite      multi-row "INSERT … VALUES (?,?,?),(?,?,?),…" statements prepared once on
//               the native connection, values bound without copying;
//   PostgreSQL  "COPY … FROM STDIN" through libpq on SOCI's own connection.
// Rows go in as given; a row whose key already exists stops the load (see insert()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zhiyou::store {

class Database;

// One value of a row: NULL, an integer or text (not copied: it must outlive insert()).
class BulkValue {
 public:
  enum class Kind : unsigned char { null, integer, text };

  BulkValue() = default;                                                        // NULL
  BulkValue(std::int64_t integer) : kind_(Kind::integer), integer_(integer) {}  // NOLINT
  BulkValue(std::string_view text) : kind_(Kind::text), text_(text) {}          // NOLINT
  BulkValue(const std::string& text) : kind_(Kind::text), text_(text) {}        // NOLINT
  // Text, or NULL when empty (optional columns).
  static BulkValue text_or_null(std::string_view text) {
    return text.empty() ? BulkValue() : BulkValue(text);
  }
  // An integer, or NULL when zero (optional references).
  static BulkValue integer_or_null(std::int64_t integer) {
    return integer == 0 ? BulkValue() : BulkValue(integer);
  }

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] std::int64_t integer() const { return integer_; }
  [[nodiscard]] std::string_view text() const { return text_; }

 private:
  Kind kind_ = Kind::null;
  std::int64_t integer_ = 0;
  std::string_view text_;
};

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
  bool insert(std::span<const BulkValue> values);
  // The same for rows of text only.
  bool insert(std::span<const std::string_view> values);

  [[nodiscard]] const std::vector<std::string>& columns() const { return columns_; }

 private:
  struct Engine;
  struct Sqlite;
  struct Postgresql;

  std::vector<std::string> columns_;
  std::unique_ptr<Engine> engine_;
};

// A row of `table` found by select_by_keys(): which key row found it, and its `column`.
struct KeyMatch {
  std::size_t key_row = 0;  // 0-based, in `keys`
  std::string value;
};

// The text in `column` (NULLs left out) of every row of `table` whose integer
// `key_columns` equal one of the rows of `keys` (flattened: key_columns.size() values a row),
// each with the key row that found it, in no particular order.
// The bulk form of a lookup by key, e.g. which of 10,000 events are already stored: SQLite
// steps one prepared "VALUES (?,?),… CROSS JOIN table" statement per 500 rows on the native
// connection; PostgreSQL sends one join with unnest() of one array per key column. Names are
// the caller's SQL (never user input).
std::vector<KeyMatch> select_by_keys(Database& db, std::string_view table, std::string_view column,
                                     std::span<const std::string_view> key_columns,
                                     std::span<const std::int64_t> keys);

// `count` new keys for `table`.`column`: SQLite, the next values after MAX(column) (the caller
// holds the write lock of its transaction); PostgreSQL, values of `sequence`.
std::vector<std::int64_t> next_keys(Database& db, std::string_view table, std::string_view column,
                                    std::string_view sequence, std::size_t count);

}  // namespace zhiyou::store
