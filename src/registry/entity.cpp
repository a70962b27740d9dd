#include "registry/entity.hpp"

#include "registry/region.hpp"
#include "registry/uscc.hpp"

namespace zhiyou::registry {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<Entity> make_entity(std::string_view uscc, std::string_view name, std::string_view region) {
  auto code = validate_uscc(uscc);
  if (!code) return make_error(code.error().message, "--uscc");
  name = trim(name);
  if (name.empty()) return make_error("企业名称不能为空", "--name");
  const auto found = find_region(trim(region));
  if (!found) {
    return make_error("未知的区县（市）：" + std::string(region) +
                          "（可用名称、简称或代码，如 鄞州区、鄞州、yinzhou）",
                      "--region");
  }
  return Entity{*code, std::string(name), std::string(found->code)};
}

}  // namespace zhiyou::registry
