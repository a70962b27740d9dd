// POST /api/v1/session (log in), DELETE /api/v1/session (log out), GET /api/v1/me.
#include <fmt/core.h>

#include <boost/json.hpp>

#include "people/account_store.hpp"
#include "people/password.hpp"
#include "people/session_store.hpp"
#include "server/handlers.hpp"
#include "server/json_input.hpp"

namespace zhiyou::server {
namespace {

boost::json::value account_json(const people::Account& account) {
  boost::json::object out = people::to_json(account).as_object();
  out["role_label"] = people::role_label(account.role);
  return out;
}

}  // namespace

Response open_session(RequestContext& ctx) {
  if (const auto wait = ctx.api.login_limiter().attempt(ctx.client); wait.count() > 0) {
    Response res = error_for(http::status::too_many_requests,
                             fmt::format("登录尝试过于频繁，请 {} 秒后再试", wait.count()));
    res.set(http::field::retry_after, std::to_string(wait.count()));
    return res;
  }
  auto body = parse_json_object(ctx.request.body());
  if (!body.ok()) return bad_body(body.error());
  auto username = required_string(*body, "username");
  if (!username.ok()) return invalid_field(username.error());
  auto password = required_string(*body, "password");
  if (!password.ok()) return invalid_field(password.error());

  auto found = people::find_credentials(ctx.db(), *username);
  if (!found.ok()) fail(found.error());
  bool verified = false;
  if (*found && !(*found)->account.disabled) {
    verified = people::verify_password((*found)->password_hash, *password);
  } else {
    people::verify_password_decoy(*password);
  }
  // One answer for unknown user, wrong password and disabled account.
  if (!verified) return error_for(http::status::unauthorized, "用户名或密码错误");

  const people::Account& account = (*found)->account;
  auto opened = people::open_session(ctx.db(), account, ctx.api.options().session_lifetime);
  if (!opened.ok()) fail(opened.error());
  return json_response(http::status::ok, boost::json::object{{"token", opened->token},
                                                             {"expires_at", opened->expires_at},
                                                             {"user", account_json(account)}});
}

Response close_session(RequestContext& ctx) {
  auto closed = people::close_session(ctx.db(), *ctx.bearer_token(), ctx.actor());
  if (!closed.ok()) fail(closed.error());
  Response res{http::status::no_content, 11};
  res.set(http::field::cache_control, "no-store");
  return res;
}

Response get_me(RequestContext& ctx) {
  return json_response(http::status::ok, boost::json::object{{"user", account_json(*ctx.caller)}});
}

}  // namespace zhiyou::server
