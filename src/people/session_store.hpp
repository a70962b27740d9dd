// Sessions as stored (table sessions, migration 6): opened at login with a fresh token,
// valid until they expire or are revoked (logout, account disabled, password reset). Only
// the token's digest is stored.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "people/account.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::people {

struct OpenedSession {
  std::string token;  // shown once, to the client
  std::string expires_at;
};

// Opens a session for `account` lasting `lifetime`, recorded in the audit log
// ("session.open").
Result<OpenedSession> open_session(store::Database& db, const Account& account,
                                   std::chrono::seconds lifetime);

struct ActiveSession {
  Account account;
  std::string expires_at;
};

// The open session whose token has digest `digest` (session_token.hpp), with its account,
// when it is unexpired and the account enabled; nullopt otherwise.
Result<std::optional<ActiveSession>> active_session(store::Database& db, std::string_view digest);

// The account behind `token` when the session is open, unexpired and its account enabled;
// nullopt otherwise (unknown, expired, revoked, disabled: the caller answers 401 to all).
Result<std::optional<Account>> account_for_token(store::Database& db, std::string_view token);

// Revokes the session ("session.close"); false when it was not open.
Result<bool> close_session(store::Database& db, std::string_view token, std::string_view actor);

}  // namespace zhiyou::people
