#include "store/bulk_load.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <iterator>
#include <map>
#include <stdexcept>

#include "store/database.hpp"
#include "store/database_error.hpp"

namespace zhiyou::store {

struct BulkInsert::Engine {
  virtual ~Engine() = default;
  virtual bool insert(std::span<const BulkValue> values) = 0;
};

namespace {

std::string column_list(const std::vector<std::string>& columns) {
  std::string out;
  for (const std::string& c : columns) {
    if (!out.empty()) out += ", ";
    out += c;
  }
  return out;
}

}  // namespace

// The multi-row INSERT statements of one SQLite connection, by their head ("INSERT INTO t
// (a, b) VALUES ") and row count: prepared once per connection rather than once per load (a
// capture of 10,000 events spent 3 % preparing).
struct PreparedInserts {
  explicit PreparedInserts(Database& db)
      : conn(static_cast<soci::sqlite3_session_backend*>(db.session().get_backend())->conn_) {}
  ~PreparedInserts() {
    for (auto& [sql, statement] : statements) sqlite_api::sqlite3_finalize(statement);
  }
  PreparedInserts(const PreparedInserts&) = delete;
  PreparedInserts& operator=(const PreparedInserts&) = delete;

  sqlite_api::sqlite3* conn;
  std::map<std::string, sqlite_api::sqlite3_stmt*, std::less<>> statements;
};

// SQLite: one statement per batch size, each inserting up to kRows rows. SQLite 3.40 allows
// 32766 host parameters per statement; 1000 rows keep a statement's text and parameter array
// small while making per-statement costs negligible.
//
// OR FAIL: a conflict stops the statement but keeps its earlier rows (callers undo the whole
// attempt, see insert()), so SQLite keeps no statement journal. With the default ABORT it
// copied every page a statement changed into a temporary file first, in case the statement
// had to be undone on its own: more bytes than the WAL gets, in a capture into a large store.
struct BulkInsert::Sqlite final : BulkInsert::Engine {
  static constexpr std::size_t kMaxParameters = 32766;

  Sqlite(PreparedInserts& prepared, std::string_view table, const std::vector<std::string>& columns)
      : prepared_(prepared),
        prefix_("INSERT OR FAIL INTO " + std::string(table) + " (" + column_list(columns) +
                ") VALUES "),
        width_(columns.size()),
        rows_per_statement_(std::min<std::size_t>(1000, kMaxParameters / columns.size())) {}

  bool insert(std::span<const BulkValue> values) override {
    const std::size_t rows = values.size() / width_;
    for (std::size_t at = 0; at < rows;) {
      const std::size_t n = std::min(rows_per_statement_, rows - at);
      sqlite_api::sqlite3_stmt* statement = prepared(n);
      const BulkValue* row = values.data() + at * width_;
      for (std::size_t i = 0; i < n * width_; ++i)
        check(bind(statement, static_cast<int>(i + 1), row[i]));
      const int rc = sqlite_api::sqlite3_step(statement);
      sqlite_api::sqlite3_reset(statement);
      // Unbound, so that no statement kept for later points into the caller's values.
      sqlite_api::sqlite3_clear_bindings(statement);
      if ((rc & 0xFF) == SQLITE_CONSTRAINT) return false;
      if (rc != SQLITE_DONE) check(rc);
      at += n;
    }
    return true;
  }

 private:
  static int bind(sqlite_api::sqlite3_stmt* statement, int at, const BulkValue& value) {
    switch (value.kind()) {
      case BulkValue::Kind::null:
        return sqlite_api::sqlite3_bind_null(statement, at);
      case BulkValue::Kind::integer:
        return sqlite_api::sqlite3_bind_int64(statement, at, value.integer());
      case BulkValue::Kind::text:
        // SQLITE_STATIC: the text outlives the step that follows, so SQLite need not copy it.
        // A default-constructed view has no data pointer, which SQLite would take for NULL.
        return sqlite_api::sqlite3_bind_text(
            statement, at, value.text().data() != nullptr ? value.text().data() : "",
            static_cast<int>(value.text().size()), SQLITE_STATIC);
    }
    return SQLITE_MISUSE;
  }

  sqlite_api::sqlite3_stmt* prepared(std::size_t rows) {
    // Keyed by the statement's head and row count: the full text is built only once.
    std::string key = prefix_ + std::to_string(rows);
    auto it = prepared_.statements.find(key);
    if (it != prepared_.statements.end()) return it->second;
    std::string sql = prefix_;
    std::string one = "(";
    for (std::size_t c = 0; c < width_; ++c) one += c == 0 ? "?" : ",?";
    one += ')';
    for (std::size_t r = 0; r < rows; ++r) {
      if (r > 0) sql += ',';
      sql += one;
    }
    sqlite_api::sqlite3_stmt* statement = nullptr;
    check(sqlite_api::sqlite3_prepare_v3(prepared_.conn, sql.c_str(), static_cast<int>(sql.size()),
                                         SQLITE_PREPARE_PERSISTENT, &statement, nullptr));
    prepared_.statements.emplace(std::move(key), statement);
    return statement;
  }

  void check(int rc) const {
    if (rc != SQLITE_OK) {
      throw_sqlite_error(sqlite_api::sqlite3_errmsg(prepared_.conn),
                         sqlite_api::sqlite3_extended_errcode(prepared_.conn));
    }
  }

  PreparedInserts& prepared_;
  std::string prefix_;
  std::size_t width_;
  std::size_t rows_per_statement_;
};

// PostgreSQL: COPY in text format, sent in blocks of about 1 MiB.
struct BulkInsert::Postgresql final : BulkInsert::Engine {
  Postgresql(PGconn* conn, std::string_view table, const std::vector<std::string>& columns)
      : conn_(conn),
        sql_("COPY " + std::string(table) + " (" + column_list(columns) + ") FROM STDIN"),
        width_(columns.size()) {}

  bool insert(std::span<const BulkValue> values) override {
    PGresult* started = PQexec(conn_, sql_.c_str());
    if (PQresultStatus(started) != PGRES_COPY_IN) {
      const std::string state = sqlstate(started);
      PQclear(started);
      fail(PQerrorMessage(conn_), state);
    }
    PQclear(started);
    buffer_.clear();
    for (std::size_t i = 0; i < values.size(); ++i) {
      append(values[i]);
      buffer_ += (i + 1) % width_ == 0 ? '\n' : '\t';
      if (buffer_.size() >= (std::size_t{1} << 20)) send();
    }
    send();
    if (PQputCopyEnd(conn_, nullptr) != 1) fail(PQerrorMessage(conn_), kConnectionFailure);
    std::string state;
    std::string error;
    while (PGresult* result = PQgetResult(conn_)) {
      if (PQresultStatus(result) != PGRES_COMMAND_OK && error.empty()) {
        state = sqlstate(result);
        error = PQresultErrorMessage(result);
      }
      PQclear(result);
    }
    if (state == "23505") return false;  // unique_violation
    if (!error.empty()) fail(error, state);
    return true;
  }

 private:
  // libpq failing without a result means the connection failed: SQLSTATE class 08.
  static constexpr const char* kConnectionFailure = "08006";

  static std::string sqlstate(const PGresult* result) {
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    return state != nullptr && std::strlen(state) == 5 ? state : kConnectionFailure;
  }

  // What SOCI throws for the same failure, so that store::database_fault reads it.
  [[noreturn]] static void fail(const std::string& message, const std::string& state) {
    throw soci::postgresql_soci_error(message, state.c_str());
  }

  void append(const BulkValue& value) {
    switch (value.kind()) {
      case BulkValue::Kind::null:
        buffer_ += "\\N";
        break;
      case BulkValue::Kind::integer: {
        char digits[24];
        const auto [end, ec] = std::to_chars(std::begin(digits), std::end(digits), value.integer());
        buffer_.append(digits, end);
        break;
      }
      case BulkValue::Kind::text:
        append_escaped(value.text());
        break;
    }
  }

  // COPY's text format: backslash, tab, newline and carriage return are escaped.
  void append_escaped(std::string_view value) {
    for (const char c : value) {
      switch (c) {
        case '\\':
          buffer_ += "\\\\";
          break;
        case '\t':
          buffer_ += "\\t";
          break;
        case '\n':
          buffer_ += "\\n";
          break;
        case '\r':
          buffer_ += "\\r";
          break;
        default:
          buffer_ += c;
      }
    }
  }

  void send() {
    if (buffer_.empty()) return;
    if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
      fail(PQerrorMessage(conn_), kConnectionFailure);
    }
    buffer_.clear();
  }

  PGconn* conn_;
  std::string sql_;
  std::size_t width_;
  std::string buffer_;
};

BulkInsert::BulkInsert(Database& db, std::string_view table, std::vector<std::string> columns)
    : columns_(std::move(columns)) {
  if (columns_.empty()) throw std::invalid_argument("BulkInsert: no columns");
  soci::details::session_backend* backend = db.session().get_backend();
  if (db.engine() == store::Engine::sqlite) {
    engine_ = std::make_unique<Sqlite>(db.attached<PreparedInserts>(), table, columns_);
  } else {
    engine_ = std::make_unique<Postgresql>(
        static_cast<soci::postgresql_session_backend*>(backend)->conn_, table, columns_);
  }
}

BulkInsert::~BulkInsert() = default;

bool BulkInsert::insert(std::span<const BulkValue> values) {
  if (values.size() % columns_.size() != 0) {
    throw std::invalid_argument("BulkInsert: values are not whole rows");
  }
  return engine_->insert(values);
}

bool BulkInsert::insert(std::span<const std::string_view> values) {
  const std::vector<BulkValue> converted(values.begin(), values.end());
  return insert(converted);
}

std::vector<KeyMatch> select_by_keys(Database& db, std::string_view table, std::string_view column,
                                     std::span<const std::string_view> key_columns,
                                     std::span<const std::int64_t> keys) {
  std::vector<KeyMatch> out;
  const std::size_t width = key_columns.size();
  if (width == 0 || keys.size() % width != 0) {
    throw std::invalid_argument("select_by_keys: keys are not whole rows");
  }
  if (keys.empty()) return out;
  // A table row matching a row of `keys_table`, whose key columns are `keys_column`N,
  // `keys_column`N+1, … from N = `first`.
  auto matches = [&](std::string_view keys_table, std::string_view keys_column, std::size_t first) {
    std::string sql;
    for (std::size_t c = 0; c < width; ++c) {
      sql += "x." + std::string(key_columns[c]) + " = " + std::string(keys_table) + "." +
             std::string(keys_column) + std::to_string(c + first) + " AND ";
    }
    return sql + "x." + std::string(column) + " IS NOT NULL";
  };
  const std::string from_table = std::string(table) + " x WHERE ";
  if (db.engine() == store::Engine::postgresql) {
    std::vector<std::string> arrays(width, "{");
    for (std::size_t i = 0; i < keys.size(); ++i) {
      std::string& array = arrays[i % width];
      if (array.size() > 1) array += ',';
      array += std::to_string(keys[i]);
    }
    std::string sql = "SELECT v.row_number, s.found FROM unnest(";
    for (std::size_t c = 0; c < width; ++c) {
      arrays[c] += '}';
      sql += (c > 0 ? ", CAST(:k" : "CAST(:k") + std::to_string(c) + " AS bigint[])";
    }
    sql += ") WITH ORDINALITY AS v(";
    for (std::size_t c = 0; c < width; ++c) sql += "k" + std::to_string(c + 1) + ", ";
    sql += "row_number";
    // One index search per key row, whatever the statistics say: without them (a table just
    // bulk-loaded) the planner sorted the whole table for a merge join. OFFSET 0 keeps the
    // lateral subquery from being merged into a plain join.
    sql += ") CROSS JOIN LATERAL (SELECT x." + std::string(column) + " AS found FROM " +
           from_table + matches("v", "k", 1) + " OFFSET 0) s";
    soci::statement statement = db.session().prepare << sql;
    for (std::string& array : arrays) statement.exchange(soci::use(array));
    long long row_number = 0;  // 1-based
    std::string value;
    statement.exchange(soci::into(row_number));
    statement.exchange(soci::into(value));
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch()) out.push_back({static_cast<std::size_t>(row_number - 1), value});
    return out;
  }
  constexpr std::size_t kChunk = 500;  // key rows per statement
  sqlite_api::sqlite3* conn =
      static_cast<soci::sqlite3_session_backend*>(db.session().get_backend())->conn_;
  // One statement for full chunks, one for the last (shorter) chunk. CROSS JOIN keeps
  // SQLite's loop order: the key rows outside, one index search per row inside. Each key row
  // starts with its place in the chunk, written into the text (VALUES names it column1).
  auto prepare = [&](std::size_t rows) {
    std::string sql = "SELECT v.column1, x." + std::string(column) + " FROM (VALUES ";
    for (std::size_t r = 0; r < rows; ++r) {
      sql += (r == 0 ? "(" : ",(") + std::to_string(r);
      for (std::size_t c = 0; c < width; ++c) sql += ",?";
      sql += ')';
    }
    sql += ") AS v CROSS JOIN " + from_table + matches("v", "column", 2);
    sqlite_api::sqlite3_stmt* statement = nullptr;
    if (sqlite_api::sqlite3_prepare_v2(conn, sql.c_str(), static_cast<int>(sql.size()), &statement,
                                       nullptr) != SQLITE_OK) {
      throw_sqlite_error(sqlite_api::sqlite3_errmsg(conn),
                         sqlite_api::sqlite3_extended_errcode(conn));
    }
    return std::unique_ptr<sqlite_api::sqlite3_stmt, int (*)(sqlite_api::sqlite3_stmt*)>(
        statement, sqlite_api::sqlite3_finalize);
  };
  const std::size_t rows = keys.size() / width;
  const std::size_t full_size = std::min(kChunk, rows);
  auto full = prepare(full_size);
  decltype(full) tail(nullptr, sqlite_api::sqlite3_finalize);
  for (std::size_t start = 0; start < rows; start += kChunk) {
    const std::size_t n = std::min(kChunk, rows - start);
    sqlite_api::sqlite3_stmt* statement = full.get();
    if (n != full_size) {
      tail = prepare(n);
      statement = tail.get();
    }
    for (std::size_t i = 0; i < n * width; ++i) {
      sqlite_api::sqlite3_bind_int64(statement, static_cast<int>(i + 1), keys[start * width + i]);
    }
    int rc = 0;
    while ((rc = sqlite_api::sqlite3_step(statement)) == SQLITE_ROW) {
      const auto row = static_cast<std::size_t>(sqlite_api::sqlite3_column_int64(statement, 0));
      const auto* text =
          reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(statement, 1));
      const auto bytes = static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(statement, 1));
      out.push_back({start + row, std::string(text != nullptr ? text : "", bytes)});
    }
    sqlite_api::sqlite3_reset(statement);
    if (rc != SQLITE_DONE) {
      throw_sqlite_error(sqlite_api::sqlite3_errmsg(conn),
                         sqlite_api::sqlite3_extended_errcode(conn));
    }
  }
  return out;
}

std::vector<std::int64_t> next_keys(Database& db, std::string_view table, std::string_view column,
                                    std::string_view sequence, std::size_t count) {
  std::vector<std::int64_t> keys;
  if (count == 0) return keys;
  if (db.engine() == store::Engine::sqlite) {
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
