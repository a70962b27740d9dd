// Inserting many rows at once, the fastest way each engine offers: SQLite steps one prepared
// statement per row through the C API (no per-row allocation); PostgreSQL sends a few
// statements of `INSERT … SELECT * FROM unnest(array, array, …)` (one round trip per chunk
// instead of one per row). Used where capture throughput matters (EPCIS events).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zhiyou::store {

class Database;

// One column's values; exactly one of `integers` / `texts` is set, all of the same length.
struct BulkColumn {
  std::string_view name;
  const std::vector<std::int64_t>* integers = nullptr;
  const std::vector<std::string>* texts = nullptr;
  bool empty_is_null = false;  // texts: "" is written as NULL
  bool zero_is_null = false;   // integers: 0 is written as NULL
};

// Inserts the rows (column i of row r is columns[i][r]) into `table`, inside the caller's
// transaction. `suffix` is appended to the statement (e.g. "ON CONFLICT DO NOTHING").
// Throws soci::soci_error / std::runtime_error on SQL errors.
void bulk_insert(Database& db, std::string_view table, const std::vector<BulkColumn>& columns,
                 std::string_view suffix = {});

// `count` new keys for `table`.`column`: SQLite, the next values after MAX(column) (the caller
// holds the write lock of its transaction); PostgreSQL, values of `sequence`.
std::vector<std::int64_t> next_keys(Database& db, std::string_view table, std::string_view column,
                                    std::string_view sequence, std::size_t count);

}  // namespace zhiyou::store
