#include "server/access.hpp"

#include <algorithm>

namespace zhiyou::server {

bool Route::is_public() const {
  return std::find(roles.begin(), roles.end(), people::Role::public_) != roles.end();
}

std::vector<people::Role> everyone() {
  return {people::kAllRoles.begin(), people::kAllRoles.end()};
}

std::vector<people::Role> any_logged_in() {
  std::vector<people::Role> roles;
  for (people::Role role : people::kAllRoles) {
    if (role != people::Role::public_) roles.push_back(role);
  }
  return roles;
}

std::vector<people::Role> only(std::initializer_list<people::Role> roles) { return roles; }

Route cached(Route route) {
  route.cached = true;
  return route;
}

Access check_access(const Route& route, const std::optional<people::Account>& caller) {
  if (route.is_public()) return Access::allowed;
  if (!caller) return Access::unauthenticated;
  const bool listed =
      std::find(route.roles.begin(), route.roles.end(), caller->role) != route.roles.end();
  return listed ? Access::allowed : Access::forbidden;
}

bool may_report_on(const people::Account& account, const std::vector<std::string>& lead_units) {
  if (account.role != people::Role::unit_reporter) return true;
  return std::find(lead_units.begin(), lead_units.end(), account.unit) != lead_units.end();
}

}  // namespace zhiyou::server
