#include "people/role.hpp"

namespace zhiyou::people {
namespace {

struct RoleNames {
  Role role;
  std::string_view name;
  std::string_view label;
};

constexpr std::array<RoleNames, 6> kNames{{
    {Role::admin, "admin", "系统管理员"},
    {Role::office, "office", "质量办"},
    {Role::unit_reporter, "unit_reporter", "责任单位填报员"},
    {Role::inspector, "inspector", "监管执法人员"},
    {Role::enterprise, "enterprise", "企业"},
    {Role::public_, "public", "公众"},
}};

}  // namespace

std::string_view role_name(Role role) {
  for (const RoleNames& n : kNames) {
    if (n.role == role) return n.name;
  }
  return "public";
}

std::optional<Role> role_from(std::string_view name) {
  for (const RoleNames& n : kNames) {
    if (n.name == name) return n.role;
  }
  return std::nullopt;
}

std::string_view role_label(Role role) {
  for (const RoleNames& n : kNames) {
    if (n.role == role) return n.label;
  }
  return "公众";
}

}  // namespace zhiyou::people
