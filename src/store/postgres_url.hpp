// PostgreSQL connection strings, rewritten into the one form that SOCI 4.0's PostgreSQL
// backend hands to libpq unchanged. SOCI 4.0.3 re-tokenises the string as space-separated
// key=value pairs before calling PQconnectdb: a URL without any '=' gets one appended
// ("…/zhiyou_test" becomes database "zhiyou_test="), and quoted values with spaces are split.
// A URL whose query has at least one '=' and no whitespace survives that intact.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace zhiyou::store {

// Accepts a libpq URL ("postgresql://…", "postgres://…") or a libpq keyword/value string
// ("host=127.0.0.1 port=5432 dbname=zhiyou options='-c search_path=x'") and returns an
// equivalent URL that SOCI 4.0 passes through intact. Fails for malformed keyword strings
// and for URLs containing whitespace (write it as %20).
Result<std::string> soci_postgresql_url(std::string_view connection);

}  // namespace zhiyou::store
