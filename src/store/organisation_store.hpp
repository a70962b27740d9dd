// Organisations (责任单位) as stored: created on first mention by a plan, one row per name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace zhiyou::store {

class Database;

// The stable id of the organisation called `name`: "org_" + the first 12 hex digits of
// SHA-256(name). The same name always gives the same id, in every database.
std::string organisation_id(std::string_view name);

// Makes sure a row exists for each name (existing rows are left untouched). For the *_store
// modules, inside their transaction: throws soci::soci_error like Database::session().
void ensure_organisations(Database& db, const std::vector<std::string>& names);

// Every organisation name, in byte order of the UTF-8 name (the same on both engines).
Result<std::vector<std::string>> list_organisations(Database& db);

}  // namespace zhiyou::store
