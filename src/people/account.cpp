#include "people/account.hpp"

#include <boost/json.hpp>

#include "core/json.hpp"
#include "registry/uscc.hpp"

namespace zhiyou::people {
namespace {

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

Status check_new_account(NewAccount& account) {
  const std::string& name = account.username;
  if (name.empty() || name.size() > 64) {
    return make_error("用户名应为 1 至 64 个字节", "username");
  }
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '/') {
      return make_error("用户名不能含空格、控制字符或 '/'", "username");
    }
  }
  if (account.role == Role::public_) {
    return make_error(
        "公众无需账户；角色应为 admin、office、unit_reporter、inspector 或 enterprise", "role");
  }
  if (account.role == Role::unit_reporter) {
    if (account.unit.empty()) {
      return make_error("责任单位填报员必须指定责任单位（如 市经信局）", "unit");
    }
  } else if (!account.unit.empty()) {
    return make_error("只有 unit_reporter 角色可以绑定责任单位", "unit");
  }
  if (account.role == Role::enterprise) {
    if (account.entity.empty()) {
      return make_error("企业账户必须指定统一社会信用代码", "entity");
    }
    auto uscc = registry::validate_uscc(account.entity);
    if (!uscc.ok()) return make_error(uscc.error().describe(), "entity");
    account.entity = *uscc;
  } else if (!account.entity.empty()) {
    return make_error("只有 enterprise 角色可以绑定统一社会信用代码", "entity");
  }
  return Ok{};
}

Status check_password(std::string_view password) {
  if (utf8_length(password) < 8) return make_error("密码至少需要 8 个字符", "password");
  if (password.size() > 1024) return make_error("密码不能超过 1024 字节", "password");
  return Ok{};
}

boost::json::value to_json(const Account& account) {
  return boost::json::object{{"id", account.id},
                             {"username", account.username},
                             {"role", role_name(account.role)},
                             {"unit", json::string_or_null(account.unit)},
                             {"entity", json::string_or_null(account.entity)},
                             {"disabled", account.disabled},
                             {"created_at", account.created_at},
                             {"updated_at", account.updated_at}};
}

}  // namespace zhiyou::people
