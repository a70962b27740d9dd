// The roles people act in. Which role may do what is decided in one place, the server's
// route table (server/routes.cpp); this file only names them.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace zhiyou::people {

enum class Role {
  admin,          // 系统管理员: accounts, audit log, everything
  office,         // 质量办: everything in plans and monitoring
  unit_reporter,  // 责任单位填报员: reports and sees its own unit's indicators
  inspector,      // 监管执法人员: spot checks and cases
  enterprise,     // 企业: its own entity's records
  public_,        // 公众 (not logged in): published results and product scans
};

inline constexpr std::array<Role, 6> kAllRoles{Role::admin,         Role::office,
                                               Role::unit_reporter, Role::inspector,
                                               Role::enterprise,    Role::public_};

// "admin", "office", "unit_reporter", "inspector", "enterprise", "public".
std::string_view role_name(Role role);
std::optional<Role> role_from(std::string_view name);
// 系统管理员, 质量办, …
std::string_view role_label(Role role);

}  // namespace zhiyou::people
