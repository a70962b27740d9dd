#include "people/account_store.hpp"

#include <soci/soci.h>

#include "audit/audit_store.hpp"
#include "core/json.hpp"
#include "people/password.hpp"
#include "people/session_token.hpp"
#include "store/database.hpp"

namespace zhiyou::people {
namespace {

constexpr const char* kSelect =
    "SELECT id, username, role, unit, entity, disabled, created_at, updated_at, password_hash"
    " FROM users";

struct Row {
  std::string id, username, role, unit, entity, created_at, updated_at, password_hash;
  int disabled = 0;
  soci::indicator unit_ind = soci::i_null, entity_ind = soci::i_null;

  [[nodiscard]] Account account() const {
    Account a;
    a.id = id;
    a.username = username;
    a.role = role_from(role).value_or(Role::public_);
    a.unit = unit_ind == soci::i_ok ? unit : "";
    a.entity = entity_ind == soci::i_ok ? entity : "";
    a.disabled = disabled != 0;
    a.created_at = created_at;
    a.updated_at = updated_at;
    return a;
  }
};

soci::statement select_rows(soci::session& sql, const std::string& where, Row& row) {
  return (sql.prepare << std::string(kSelect) + where, soci::into(row.id), soci::into(row.username),
          soci::into(row.role), soci::into(row.unit, row.unit_ind),
          soci::into(row.entity, row.entity_ind), soci::into(row.disabled),
          soci::into(row.created_at), soci::into(row.updated_at), soci::into(row.password_hash));
}

std::optional<Credentials> select_by_name(store::Database& db, std::string_view username) {
  Row row;
  std::string name(username);
  soci::statement st = select_rows(db.session(), " WHERE username = :name", row);
  st.exchange(soci::use(name));
  st.define_and_bind();
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return Credentials{row.account(), row.password_hash};
}

std::string account_json(const Account& account) { return json::serialize(to_json(account)); }

Error not_found(std::string_view username) {
  return make_error("找不到用户「" + std::string(username) + "」", "username");
}

template <typename Fn>
auto guarded(const char* what, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return make_error(std::string(what) + ": " + e.what());
  }
}

void revoke_all_sessions(store::Database& db, const std::string& user_id) {
  std::string now = store::utc_timestamp();
  std::string id = user_id;
  db.session()
      << "UPDATE sessions SET revoked_at = :now WHERE user_id = :id AND revoked_at IS NULL",
      soci::use(now), soci::use(id);
}

}  // namespace

Result<Account> add_account(store::Database& db, NewAccount account, std::string_view password,
                            std::string_view actor) {
  if (Status checked = check_new_account(account); !checked.ok()) return checked.error();
  if (Status checked = check_password(password); !checked.ok()) return checked.error();
  const std::string hash = hash_password(password);  // slow: outside the transaction
  return guarded("无法保存用户", [&]() -> Result<Account> {
    Account stored;
    Status status = db.transaction([&]() -> Status {
      if (select_by_name(db, account.username)) {
        return make_error("用户名「" + account.username + "」已被使用", "username");
      }
      stored.id = new_account_id();
      stored.username = account.username;
      stored.role = account.role;
      stored.unit = account.unit;
      stored.entity = account.entity;
      stored.created_at = stored.updated_at = store::utc_timestamp();
      std::string role(role_name(stored.role));
      soci::indicator unit_ind = stored.unit.empty() ? soci::i_null : soci::i_ok;
      soci::indicator entity_ind = stored.entity.empty() ? soci::i_null : soci::i_ok;
      std::string password_hash = hash;
      db.session() << "INSERT INTO users (id, username, role, unit, entity, password_hash,"
                      " disabled, created_at, updated_at) VALUES (:id, :username, :role, :unit,"
                      " :entity, :password_hash, 0, :created_at, :updated_at)",
          soci::use(stored.id), soci::use(stored.username), soci::use(role),
          soci::use(stored.unit, unit_ind), soci::use(stored.entity, entity_ind),
          soci::use(password_hash), soci::use(stored.created_at), soci::use(stored.updated_at);
      return audit::append(
          db, {std::string(actor), "user.add", stored.username, "null", account_json(stored)});
    });
    if (!status.ok()) return status.error();
    return stored;
  });
}

Result<std::vector<Account>> list_accounts(store::Database& db) {
  return guarded("无法读取用户", [&]() -> Result<std::vector<Account>> {
    std::vector<Account> accounts;
    Row row;
    soci::statement st = select_rows(db.session(), " ORDER BY username", row);
    st.execute();
    while (st.fetch()) accounts.push_back(row.account());
    return accounts;
  });
}

Result<std::optional<Account>> find_account(store::Database& db, std::string_view username) {
  return guarded("无法读取用户", [&]() -> Result<std::optional<Account>> {
    auto found = select_by_name(db, username);
    if (!found) return std::optional<Account>();
    return std::optional<Account>(found->account);
  });
}

Result<std::optional<Credentials>> find_credentials(store::Database& db,
                                                    std::string_view username) {
  return guarded("无法读取用户", [&]() -> Result<std::optional<Credentials>> {
    return select_by_name(db, username);
  });
}

Status set_disabled(store::Database& db, std::string_view username, bool disabled,
                    std::string_view actor) {
  return guarded("无法更新用户", [&]() -> Status {
    return db.transaction([&]() -> Status {
      auto found = select_by_name(db, username);
      if (!found) return not_found(username);
      Account after = found->account;
      after.disabled = disabled;
      after.updated_at = store::utc_timestamp();
      int flag = disabled ? 1 : 0;
      db.session() << "UPDATE users SET disabled = :flag, updated_at = :at WHERE id = :id",
          soci::use(flag), soci::use(after.updated_at), soci::use(after.id);
      if (disabled) revoke_all_sessions(db, after.id);
      return audit::append(db, {std::string(actor), disabled ? "user.disable" : "user.enable",
                                after.username, account_json(found->account), account_json(after)});
    });
  });
}

Status reset_password(store::Database& db, std::string_view username, std::string_view password,
                      std::string_view actor) {
  if (Status checked = check_password(password); !checked.ok()) return checked;
  std::string hash = hash_password(password);
  return guarded("无法更新用户", [&]() -> Status {
    return db.transaction([&]() -> Status {
      auto found = select_by_name(db, username);
      if (!found) return not_found(username);
      Account after = found->account;
      after.updated_at = store::utc_timestamp();
      db.session() << "UPDATE users SET password_hash = :hash, updated_at = :at WHERE id = :id",
          soci::use(hash), soci::use(after.updated_at), soci::use(after.id);
      revoke_all_sessions(db, after.id);
      // The entry says that the password changed, never what to.
      boost::json::object after_json = to_json(after).as_object();
      after_json["password_changed"] = true;
      return audit::append(db, {std::string(actor), "user.reset_password", after.username,
                                account_json(found->account), json::serialize(after_json)});
    });
  });
}

Result<bool> has_enabled_admin(store::Database& db) {
  return guarded("无法读取用户", [&]() -> Result<bool> {
    long long count = 0;
    db.session() << "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0",
        soci::into(count);
    return count > 0;
  });
}

}  // namespace zhiyou::people
