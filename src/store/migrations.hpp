// Versioned schema migrations. Each migration runs once, in its own transaction, and is
// recorded in schema_migrations(version, name, applied_at); migrating an up-to-date
// database is a no-op. Migrations are append-only: never edit one that has shipped.
#pragma once

#include <span>
#include <string_view>

#include "core/result.hpp"

namespace zhiyou::store {

class Database;

struct Migration {
  int version;  // 1, 2, 3, … with no gaps
  std::string_view name;
  void (*apply)(Database& db);  // runs inside the migration's transaction; throws on SQL errors
};

// Every migration, in order.
std::span<const Migration> migrations();

// Applies the pending migrations in order. Safe when several processes open the same
// PostgreSQL database at once (an advisory lock serialises them). Stops at the first
// failure, leaving the earlier migrations applied and the failed one fully undone.
Status migrate(Database& db);

}  // namespace zhiyou::store
