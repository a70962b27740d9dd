// Accounts: list, create, disable / enable, reset password (admin only, by the route table).
#include <boost/json.hpp>

#include "people/account_store.hpp"
#include "server/handlers.hpp"
#include "server/json_input.hpp"

namespace zhiyou::server {

Response list_users(RequestContext& ctx) {
  auto accounts = people::list_accounts(ctx.db());
  if (!accounts.ok()) fail(accounts.error());
  boost::json::array list;
  for (const people::Account& account : *accounts) list.push_back(people::to_json(account));
  return json_response(http::status::ok, boost::json::object{{"users", std::move(list)}});
}

Response create_user(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request.body());
  if (!body.ok()) return bad_body(body.error());
  people::NewAccount account;
  auto username = required_string(*body, "username");
  if (!username.ok()) return invalid_field(username.error());
  auto password = required_string(*body, "password");
  if (!password.ok()) return invalid_field(password.error());
  auto role_text = required_string(*body, "role");
  if (!role_text.ok()) return invalid_field(role_text.error());
  const auto role = people::role_from(*role_text);
  if (!role) {
    return invalid_field(
        make_error("角色应为 admin、office、unit_reporter、inspector 或 enterprise，而不是「" +
                       *role_text + "」",
                   "role"));
  }
  auto unit = optional_string(*body, "unit");
  if (!unit.ok()) return invalid_field(unit.error());
  auto entity = optional_string(*body, "entity");
  if (!entity.ok()) return invalid_field(entity.error());
  account.username = *username;
  account.role = *role;
  account.unit = unit->value_or("");
  account.entity = entity->value_or("");

  auto existing = people::find_account(ctx.db(), account.username);
  if (!existing.ok()) fail(existing.error());
  if (*existing) {
    return error_for(http::status::conflict, "用户名「" + account.username + "」已被使用",
                     "username");
  }
  auto added = people::add_account(ctx.db(), account, *password, ctx.actor());
  if (!added.ok()) return invalid_field(added.error());
  return json_response(http::status::created, boost::json::object{{"user", to_json(*added)}});
}

Response update_user(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request.body());
  if (!body.ok()) return bad_body(body.error());
  auto disabled = optional_bool(*body, "disabled");
  if (!disabled.ok()) return invalid_field(disabled.error());
  auto password = optional_string(*body, "password");
  if (!password.ok()) return invalid_field(password.error());
  if (!*disabled && !*password) {
    return invalid_field(make_error("请给出 disabled（true/false）或 password", "body"));
  }
  const std::string& username = ctx.params.at("username");
  auto existing = people::find_account(ctx.db(), username);
  if (!existing.ok()) fail(existing.error());
  if (!*existing) return error_for(http::status::not_found, "找不到用户「" + username + "」");

  // Both changes or neither: the store calls nest into this transaction.
  Status changed = ctx.db().transaction([&]() -> Status {
    if (*password) {
      if (Status s = people::reset_password(ctx.db(), username, **password, ctx.actor()); !s.ok()) {
        return s;
      }
    }
    if (*disabled) return people::set_disabled(ctx.db(), username, **disabled, ctx.actor());
    return Ok{};
  });
  if (!changed.ok()) return invalid_field(changed.error());
  auto updated = people::find_account(ctx.db(), username);
  if (!updated.ok() || !*updated) fail(updated.ok() ? make_error("用户消失") : updated.error());
  return json_response(http::status::ok, boost::json::object{{"user", to_json(**updated)}});
}

}  // namespace zhiyou::server
