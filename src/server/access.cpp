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

Access check_access(const Route& route, const std::optional<people::Account>& caller) {
  if (route.is_public()) return Access::allowed;
  if (!caller) return Access::unauthenticated;
  const bool listed =
      std::find(route.roles.begin(), route.roles.end(), caller->role) != route.roles.end();
  return listed ? Access::allowed : Access::forbidden;
}

}  // namespace zhiyou::server
