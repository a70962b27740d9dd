// The one place that decides whether a caller may use a route.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "people/account.hpp"
#include "server/route.hpp"

namespace zhiyou::server {

enum class Access {
  allowed,
  unauthenticated,  // 401: the route needs a login and there is none (or it expired)
  forbidden,        // 403: logged in, but the role may not use this route
};

// `caller` is nullopt for an anonymous (public) request.
Access check_access(const Route& route, const std::optional<people::Account>& caller);

// Whether `account` may report (and see) figures of an indicator led by `lead_units`: a unit
// reporter only for its own unit's indicators; roles the route table lets through otherwise.
bool may_report_on(const people::Account& account, const std::vector<std::string>& lead_units);

}  // namespace zhiyou::server
