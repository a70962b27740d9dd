// An account: a person who logs in, in one role, bound to a responsible unit (unit_reporter)
// or a market entity's USCC (enterprise). Plain values and the rules a new account must
// meet; persistence is account_store.hpp.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "people/role.hpp"

namespace zhiyou::people {

struct Account {
  std::string id;  // "u_" + 16 hex digits, random
  std::string username;
  Role role = Role::public_;
  std::string unit;    // 责任单位 (市经信局) for unit_reporter, else empty
  std::string entity;  // USCC for enterprise, else empty
  bool disabled = false;
  std::string created_at;
  std::string updated_at;
};

struct NewAccount {
  std::string username;
  Role role = Role::public_;
  std::string unit;
  std::string entity;
};

// Checks the username (1–64 bytes, no spaces, control characters or '/'), that the role is
// one a person logs in with (not public), that unit_reporter names a unit and enterprise a
// valid USCC (upper-cased in place), and that other roles name neither. Errors name the
// field ("username", "role", "unit", "entity").
Status check_new_account(NewAccount& account);

// At least 8 characters and at most 1024 bytes; errors name the field "password".
Status check_password(std::string_view password);

// {"id","username","role","unit","entity","disabled","created_at","updated_at"}; the audit
// log's before/after, `user list --json` and the API all use this shape (never the hash).
boost::json::value to_json(const Account& account);

}  // namespace zhiyou::people
