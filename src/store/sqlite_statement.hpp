// A statement prepared once on a SQLite connection and run many times, through SQLite's own
// API: for the few queries on a hot path, where preparing through SOCI each time cost more
// than running them. Keep one per connection with Database::attached<T>(). Each run() leaves
// the statement reset, so that it holds no read transaction open between runs.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace zhiyou::store {

class Database;

class SqliteStatement {
 public:
  using Parameter = std::variant<std::string_view, std::int64_t>;

  // Throws std::runtime_error when the SQL does not prepare; `db` must be a SQLite database.
  SqliteStatement(Database& db, const char* sql);
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  // Binds the parameters in order and calls row(*this) for each row. Throws
  // std::runtime_error on SQL errors.
  template <class Row>
  void run(std::initializer_list<Parameter> parameters, Row&& row) {
    const Reset reset{*this};
    bind(parameters);
    while (step()) row(*this);
  }

  // Columns of the current row (0-based); text() is "" for NULL.
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] bool is_null(int column) const;

 private:
  struct Reset {
    SqliteStatement& s;
    ~Reset() { s.reset(); }
  };
  void bind(std::initializer_list<Parameter> parameters);
  bool step();  // true: a row; false: done
  void reset();

  ::sqlite3* connection_ = nullptr;
  ::sqlite3_stmt* statement_ = nullptr;
};

}  // namespace zhiyou::store
