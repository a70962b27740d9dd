#include "store/organisation_store.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "core/hash.hpp"
#include "store/database.hpp"

namespace zhiyou::store {

std::string organisation_id(std::string_view name) {
  return "org_" + sha256_hex(name).substr(0, 12);
}

void ensure_organisations(Database& db, const std::vector<std::string>& names) {
  if (names.empty()) {
    return;
  }
  std::string id;
  std::string name;
  std::string created_at = utc_timestamp();
  // ON CONFLICT … DO NOTHING is spelled the same in SQLite (3.24+) and PostgreSQL (9.5+).
  soci::statement insert =
      (db.session().prepare << "INSERT INTO organisations (id, name, created_at)"
                               " VALUES (:id, :name, :created_at) ON CONFLICT DO NOTHING",
       soci::use(id), soci::use(name), soci::use(created_at));
  for (const std::string& each : names) {
    id = organisation_id(each);
    name = each;
    insert.execute(true);
  }
}

Result<std::vector<std::string>> list_organisations(Database& db) {
  try {
    std::vector<std::string> names;
    std::string name;
    soci::statement select =
        (db.session().prepare << "SELECT name FROM organisations", soci::into(name));
    select.execute();
    while (select.fetch()) {
      names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取责任单位列表: ") + e.what());
  }
}

}  // namespace zhiyou::store
