#include "store/sqlite_statement.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "store/database.hpp"
#include "store/database_error.hpp"

namespace zhiyou::store {
namespace {

// SOCI's header declares SQLite's API inside namespace sqlite_api; the handles are the same
// types as the global forward declarations in sqlite_statement.hpp.
sqlite_api::sqlite3* api(::sqlite3* c) { return reinterpret_cast<sqlite_api::sqlite3*>(c); }
sqlite_api::sqlite3_stmt* api(::sqlite3_stmt* s) {
  return reinterpret_cast<sqlite_api::sqlite3_stmt*>(s);
}

}  // namespace

SqliteStatement::SqliteStatement(Database& db, const char* sql) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(db.session().get_backend());
  connection_ = reinterpret_cast<::sqlite3*>(backend->conn_);
  sqlite_api::sqlite3_stmt* prepared = nullptr;
  if (sqlite_api::sqlite3_prepare_v3(api(connection_), sql, -1, SQLITE_PREPARE_PERSISTENT,
                                     &prepared, nullptr) != SQLITE_OK) {
    throw_sqlite_error(sqlite_api::sqlite3_errmsg(api(connection_)),
                       sqlite_api::sqlite3_extended_errcode(api(connection_)));
  }
  statement_ = reinterpret_cast<::sqlite3_stmt*>(prepared);
}

SqliteStatement::~SqliteStatement() { sqlite_api::sqlite3_finalize(api(statement_)); }

void SqliteStatement::bind(std::initializer_list<Parameter> parameters) {
  int index = 0;
  for (const Parameter& p : parameters) {
    ++index;
    if (const auto* text = std::get_if<std::string_view>(&p)) {
      sqlite_api::sqlite3_bind_text(api(statement_), index, text->data(),
                                    static_cast<int>(text->size()), SQLITE_STATIC);
    } else {
      sqlite_api::sqlite3_bind_int64(api(statement_), index, std::get<std::int64_t>(p));
    }
  }
}

bool SqliteStatement::step() {
  const int rc = sqlite_api::sqlite3_step(api(statement_));
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw_sqlite_error(sqlite_api::sqlite3_errmsg(api(connection_)),
                     sqlite_api::sqlite3_extended_errcode(api(connection_)));
}

void SqliteStatement::reset() {
  sqlite_api::sqlite3_reset(api(statement_));
  sqlite_api::sqlite3_clear_bindings(api(statement_));
}

std::string SqliteStatement::text(int column) const {
  const auto* text = sqlite_api::sqlite3_column_text(api(statement_), column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(api(statement_), column))};
}

std::int64_t SqliteStatement::integer(int column) const {
  return sqlite_api::sqlite3_column_int64(api(statement_), column);
}

bool SqliteStatement::is_null(int column) const {
  return sqlite_api::sqlite3_column_type(api(statement_), column) == SQLITE_NULL;
}

}  // namespace zhiyou::store
