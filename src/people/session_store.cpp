#include "people/session_store.hpp"

#include <soci/soci.h>

#include <ctime>

#include "audit/audit_store.hpp"
#include "core/json.hpp"
#include "people/session_token.hpp"
#include "store/database.hpp"

namespace zhiyou::people {
namespace {

// Same form as store::utc_timestamp(), so that expiry compares as text on both engines.
std::string timestamp_after(std::chrono::seconds delay) {
  const std::time_t at = std::time(nullptr) + static_cast<std::time_t>(delay.count());
  std::tm utc{};
  gmtime_r(&at, &utc);
  char text[32];
  (void)std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

Result<OpenedSession> open_session(store::Database& db, const Account& account,
                                   std::chrono::seconds lifetime) {
  try {
    OpenedSession opened{new_session_token(), timestamp_after(lifetime)};
    Status status = db.transaction([&]() -> Status {
      std::string digest = token_digest(opened.token);
      std::string now = store::utc_timestamp();
      std::string user_id = account.id;
      db.session() << "INSERT INTO sessions (token_hash, user_id, created_at, expires_at)"
                      " VALUES (:digest, :user_id, :now, :expires)",
          soci::use(digest), soci::use(user_id), soci::use(now), soci::use(opened.expires_at);
      return audit::append(
          db, {account.username, "session.open", account.username, "null",
               json::serialize(boost::json::object{{"expires_at", opened.expires_at}})});
    });
    if (!status.ok()) return status.error();
    return opened;
  } catch (const std::exception& e) {
    return make_error(std::string("无法创建会话: ") + e.what());
  }
}

Result<std::optional<ActiveSession>> active_session(store::Database& db, std::string_view digest) {
  try {
    std::string key(digest);
    std::string now = store::utc_timestamp();
    ActiveSession session;
    Account& account = session.account;
    std::string role;
    std::string unit;
    std::string entity;
    soci::indicator found = soci::i_null;
    soci::indicator unit_ind = soci::i_null;
    soci::indicator entity_ind = soci::i_null;
    db.session() << "SELECT u.id, u.username, u.role, u.unit, u.entity, u.created_at,"
                    " u.updated_at, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id"
                    " WHERE s.token_hash = :digest AND s.revoked_at IS NULL"
                    " AND s.expires_at > :now AND u.disabled = 0",
        soci::use(key), soci::use(now), soci::into(account.id, found), soci::into(account.username),
        soci::into(role), soci::into(unit, unit_ind), soci::into(entity, entity_ind),
        soci::into(account.created_at), soci::into(account.updated_at),
        soci::into(session.expires_at);
    if (found != soci::i_ok) return std::optional<ActiveSession>();
    account.role = role_from(role).value_or(Role::public_);
    account.unit = unit_ind == soci::i_ok ? unit : "";
    account.entity = entity_ind == soci::i_ok ? entity : "";
    return std::optional<ActiveSession>(std::move(session));
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取会话: ") + e.what());
  }
}

Result<std::optional<Account>> account_for_token(store::Database& db, std::string_view token) {
  auto session = active_session(db, token_digest(token));
  if (!session.ok()) return session.error();
  if (!*session) return std::optional<Account>();
  return std::optional<Account>(std::move((*session)->account));
}

Result<bool> close_session(store::Database& db, std::string_view token, std::string_view actor) {
  try {
    bool closed = false;
    Status status = db.transaction([&]() -> Status {
      std::string digest = token_digest(token);
      std::string now = store::utc_timestamp();
      soci::statement update =
          (db.session().prepare << "UPDATE sessions SET revoked_at = :now"
                                   " WHERE token_hash = :digest AND revoked_at IS NULL",
           soci::use(now), soci::use(digest));
      update.execute(true);
      closed = update.get_affected_rows() > 0;
      if (!closed) return Ok{};
      return audit::append(
          db, {std::string(actor), "session.close", std::string(actor), "null", "null"});
    });
    if (!status.ok()) return status.error();
    return closed;
  } catch (const std::exception& e) {
    return make_error(std::string("无法注销会话: ") + e.what());
  }
}

}  // namespace zhiyou::people
