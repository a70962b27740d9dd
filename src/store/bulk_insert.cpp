#include "store/bulk_insert.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

#include "store/database.hpp"

namespace zhiyou::store {
namespace {
// SOCI declares the SQLite C API inside this namespace.
using namespace sqlite_api;  // NOLINT(google-build-using-namespace)

std::size_t row_count(const std::vector<BulkColumn>& columns) {
  if (columns.empty()) return 0;
  const BulkColumn& c = columns.front();
  return c.integers != nullptr ? c.integers->size() : c.texts->size();
}

std::string column_list(const std::vector<BulkColumn>& columns) {
  std::string out;
  for (const BulkColumn& c : columns) {
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

sqlite3* sqlite_handle(Database& db) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(db.session().get_backend());
  return backend->conn_;
}

void sqlite_bulk_insert(Database& db, std::string_view table,
                        const std::vector<BulkColumn>& columns, std::string_view suffix) {
  sqlite3* handle = sqlite_handle(db);
  std::string sql =
      "INSERT INTO " + std::string(table) + " (" + column_list(columns) + ") VALUES (";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += i == 0 ? "?" : ", ?";
  sql += ") ";
  sql += suffix;
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) !=
      SQLITE_OK) {
    throw std::runtime_error(std::string("sqlite3_prepare_v2: ") + sqlite3_errmsg(handle));
  }
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
  const std::size_t rows = row_count(columns);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const BulkColumn& c = columns[i];
      const int at = static_cast<int>(i) + 1;
      if (c.integers != nullptr && (*c.integers)[r] == 0 && c.zero_is_null) {
        sqlite3_bind_null(raw, at);
      } else if (c.integers != nullptr) {
        sqlite3_bind_int64(raw, at, (*c.integers)[r]);
      } else if (const std::string& s = (*c.texts)[r]; s.empty() && c.empty_is_null) {
        sqlite3_bind_null(raw, at);
      } else {
        sqlite3_bind_text(raw, at, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
      }
    }
    if (sqlite3_step(raw) != SQLITE_DONE) {
      throw std::runtime_error(std::string("sqlite3_step: ") + sqlite3_errmsg(handle));
    }
    sqlite3_reset(raw);
  }
}

// A PostgreSQL array literal element: always quoted, with " and \ escaped.
void append_array_text(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

void postgresql_bulk_insert(Database& db, std::string_view table,
                            const std::vector<BulkColumn>& columns, std::string_view suffix) {
  constexpr std::size_t kChunk = 20000;
  const std::size_t rows = row_count(columns);
  std::string sql =
      "INSERT INTO " + std::string(table) + " (" + column_list(columns) + ") SELECT * FROM unnest(";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += ":c" + std::to_string(i) + (columns[i].integers != nullptr ? "::bigint[]" : "::text[]");
  }
  sql += ") ";
  sql += suffix;
  std::vector<std::string> arrays(columns.size());
  for (std::size_t start = 0; start < rows; start += kChunk) {
    const std::size_t end = std::min(rows, start + kChunk);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const BulkColumn& c = columns[i];
      std::string& a = arrays[i];
      a.assign("{");
      for (std::size_t r = start; r < end; ++r) {
        if (r > start) a += ',';
        if (c.integers != nullptr && (*c.integers)[r] == 0 && c.zero_is_null) {
          a += "NULL";
        } else if (c.integers != nullptr) {
          a += std::to_string((*c.integers)[r]);
        } else if ((*c.texts)[r].empty() && c.empty_is_null) {
          a += "NULL";
        } else {
          append_array_text(a, (*c.texts)[r]);
        }
      }
      a += '}';
    }
    soci::statement st(db.session());
    st.alloc();
    st.prepare(sql);
    for (std::string& a : arrays) st.exchange(soci::use(a));
    st.define_and_bind();
    st.execute(true);
  }
}

}  // namespace

void bulk_insert(Database& db, std::string_view table, const std::vector<BulkColumn>& columns,
                 std::string_view suffix) {
  if (row_count(columns) == 0) return;
  if (db.engine() == Engine::sqlite) {
    sqlite_bulk_insert(db, table, columns, suffix);
  } else {
    postgresql_bulk_insert(db, table, columns, suffix);
  }
}

std::vector<std::int64_t> next_keys(Database& db, std::string_view table, std::string_view column,
                                    std::string_view sequence, std::size_t count) {
  std::vector<std::int64_t> keys;
  if (count == 0) return keys;
  if (db.engine() == Engine::sqlite) {
    long long max = 0;
    soci::indicator ind = soci::i_null;
    db.session() << "SELECT MAX(" + std::string(column) + ") FROM " + std::string(table),
        soci::into(max, ind);
    const std::int64_t first = (ind == soci::i_ok ? max : 0) + 1;
    keys.reserve(count);
    for (std::size_t i = 0; i < count; ++i) keys.push_back(first + static_cast<std::int64_t>(i));
    return keys;
  }
  std::vector<long long> values(count);
  const int n = static_cast<int>(count);
  db.session() << "SELECT nextval('" + std::string(sequence) + "') FROM generate_series(1, :n)",
      soci::use(n), soci::into(values);
  keys.assign(values.begin(), values.end());
  return keys;
}

}  // namespace zhiyou::store
