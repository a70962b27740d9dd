// The one place that decides whether a caller may use a route.
#pragma once

#include <optional>

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

}  // namespace zhiyou::server
