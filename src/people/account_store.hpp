// Accounts as stored (table users, migration 6). Every change writes an audit entry in the
// same transaction (audit/audit_store.hpp) with the account's JSON before and after; the
// password hash never appears there.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "people/account.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::people {

// Checks `account` and `password` (account.hpp), hashes the password and stores the account
// ("user.add"). Fails naming the field, or "username" when the name is taken.
Result<Account> add_account(store::Database& db, NewAccount account, std::string_view password,
                            std::string_view actor);

// Every account, by username.
Result<std::vector<Account>> list_accounts(store::Database& db);

Result<std::optional<Account>> find_account(store::Database& db, std::string_view username);

// The account and its stored password hash, for logging in.
struct Credentials {
  Account account;
  std::string password_hash;
};
Result<std::optional<Credentials>> find_credentials(store::Database& db, std::string_view username);

// Disables or re-enables ("user.disable" / "user.enable"); disabling also revokes the
// account's sessions. Fails when there is no such account.
Status set_disabled(store::Database& db, std::string_view username, bool disabled,
                    std::string_view actor);

// Sets a new password ("user.reset_password") and revokes the account's sessions.
Status reset_password(store::Database& db, std::string_view username, std::string_view password,
                      std::string_view actor);

// Whether some enabled admin account exists (the first-run check in scripts/start.sh).
Result<bool> has_enabled_admin(store::Database& db);

}  // namespace zhiyou::people
