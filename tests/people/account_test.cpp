// Accounts, passwords and sessions: the rules on their own, then stored on both engines.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <chrono>

#include "people/account.hpp"
#include "people/account_store.hpp"
#include "people/password.hpp"
#include "people/session_store.hpp"
#include "people/session_token.hpp"
#include "registry/uscc.hpp"
#include "store/database.hpp"
#include "store/engine_fixture.hpp"
#include "support/test_support.hpp"

namespace zhiyou::people {
namespace {

std::string valid_uscc() {
  const std::string first17 = "91330200MA2H4KQ7X";
  return first17 + *registry::uscc_check_character(first17);
}

Error rejected(NewAccount account) {
  Status s = check_new_account(account);
  EXPECT_FALSE(s.ok());
  return s.ok() ? Error{} : s.error();
}

TEST(Roles, NamesRoundTrip) {
  for (Role role : kAllRoles) EXPECT_EQ(role_from(role_name(role)), role);
  EXPECT_EQ(role_from("root"), std::nullopt);
  EXPECT_EQ(role_label(Role::office), "质量办");
}

TEST(Accounts, TheRoleDecidesWhatMustBeBound) {
  EXPECT_EQ(rejected({"", Role::office}).place, "username");
  EXPECT_EQ(rejected({"has space", Role::office}).place, "username");
  EXPECT_EQ(rejected({std::string(65, 'a'), Role::office}).place, "username");
  EXPECT_EQ(rejected({"x", Role::public_}).place, "role");
  EXPECT_EQ(rejected({"x", Role::unit_reporter}).place, "unit");
  EXPECT_EQ(rejected({"x", Role::office, "市经信局"}).place, "unit");
  EXPECT_EQ(rejected({"x", Role::enterprise}).place, "entity");
  EXPECT_EQ(rejected({"x", Role::enterprise, "", "913302000000000000"}).place, "entity");
  EXPECT_EQ(rejected({"x", Role::inspector, "", valid_uscc()}).place, "entity");

  NewAccount ok{"张三", Role::enterprise, "", valid_uscc()};
  for (char& c : ok.entity) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ASSERT_TRUE(check_new_account(ok).ok());
  EXPECT_EQ(ok.entity, valid_uscc()) << "the USCC is stored upper-case";
  NewAccount reporter{"jx", Role::unit_reporter, "市经信局"};
  EXPECT_TRUE(check_new_account(reporter).ok());
}

TEST(Passwords, LengthIsCountedInCharacters) {
  EXPECT_FALSE(check_password("1234567").ok());
  EXPECT_TRUE(check_password("12345678").ok());
  EXPECT_TRUE(check_password("质量强市质优宁波").ok());  // 8 characters, 24 bytes
  EXPECT_FALSE(check_password("质量强市质优宁").ok());
  EXPECT_FALSE(check_password(std::string(1025, 'a')).ok());
}

TEST(Passwords, Argon2idHashesVerifyOnlyTheRightPassword) {
  const std::string hash = hash_password("correct horse battery");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
  EXPECT_TRUE(verify_password(hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(hash, "correct horse batterY"));
  EXPECT_FALSE(verify_password("not a hash", "correct horse battery"));
  EXPECT_NE(hash_password("correct horse battery"), hash) << "a fresh salt each time";
}

TEST(Passwords, RandomPasswordsUseTheAlphabetWithoutLookAlikes) {
  const std::string a = random_password();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_EQ(a.find_first_of("0O1lI"), std::string::npos) << a;
  EXPECT_NE(random_password(), a);
}

TEST(Tokens, AreFreshAndOnlyTheirDigestIsKept) {
  const std::string token = new_session_token();
  EXPECT_EQ(token.size(), 64u);
  EXPECT_NE(new_session_token(), token);
  EXPECT_EQ(token_digest(token).size(), 64u);
  EXPECT_NE(token_digest(token), token);
}

using AccountStore = store::testing::EngineTest;
ZHIYOU_ON_BOTH_ENGINES(AccountStore);

TEST_P(AccountStore, AddFindListAndAudit) {
  auto added =
      add_account(db(), {"jx", Role::unit_reporter, "市经信局"}, "long enough", "cli:root");
  ASSERT_TRUE(added.ok()) << added.error().describe();
  EXPECT_EQ(added->id.rfind("u_", 0), 0u);
  auto again = add_account(db(), {"jx", Role::office}, "long enough", "cli:root");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().place, "username");

  auto found = find_account(db(), "jx");
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->unit, "市经信局");
  EXPECT_EQ((*found)->role, Role::unit_reporter);
  auto listed = list_accounts(db());
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 1u);

  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.add' AND subject = 'jx'"
                  " AND actor = 'cli:root'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%argon2%'"), 0)
      << "the password hash never reaches the audit log";
  auto admin = has_enabled_admin(db());
  ASSERT_TRUE(admin.ok());
  EXPECT_FALSE(*admin);
}

TEST_P(AccountStore, SessionsOpenExpireAndAreRevoked) {
  auto account = add_account(db(), {"inspector1", Role::inspector}, "long enough", "test");
  ASSERT_TRUE(account.ok());
  auto opened = open_session(db(), *account, std::chrono::hours(1));
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  auto who = account_for_token(db(), opened->token);
  ASSERT_TRUE(who.ok() && *who);
  EXPECT_EQ((*who)->username, "inspector1");

  auto expired = open_session(db(), *account, std::chrono::seconds(-1));
  ASSERT_TRUE(expired.ok());
  auto nobody = account_for_token(db(), expired->token);
  ASSERT_TRUE(nobody.ok());
  EXPECT_FALSE(*nobody) << "an expired session is refused";

  auto closed = close_session(db(), opened->token, "inspector1");
  ASSERT_TRUE(closed.ok());
  EXPECT_TRUE(*closed);
  auto closed_again = close_session(db(), opened->token, "inspector1");
  ASSERT_TRUE(closed_again.ok());
  EXPECT_FALSE(*closed_again);
  auto gone = account_for_token(db(), opened->token);
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(*gone);
}

TEST_P(AccountStore, DisablingAndPasswordResetsRevokeSessions) {
  auto account = add_account(db(), {"office1", Role::office}, "long enough", "test");
  ASSERT_TRUE(account.ok());
  auto first = open_session(db(), *account, std::chrono::hours(1));
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(set_disabled(db(), "office1", true, "admin1").ok());
  EXPECT_FALSE(*account_for_token(db(), first->token));
  ASSERT_TRUE(set_disabled(db(), "office1", false, "admin1").ok());
  EXPECT_FALSE(*account_for_token(db(), first->token)) << "re-enabling does not revive sessions";

  auto second = open_session(db(), *account, std::chrono::hours(1));
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(reset_password(db(), "office1", "a new password", "admin1").ok());
  EXPECT_FALSE(*account_for_token(db(), second->token));
  auto creds = find_credentials(db(), "office1");
  ASSERT_TRUE(creds.ok() && *creds);
  EXPECT_TRUE(verify_password((*creds)->password_hash, "a new password"));
  EXPECT_FALSE(reset_password(db(), "nobody", "a new password", "admin1").ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action IN"
                  " ('user.disable', 'user.enable', 'user.reset_password')"),
            3);
}

// The command line: user add / list / disable / reset-password / ensure-admin.
TEST_P(AccountStore, UserCommands) {
  const std::string db_arg = " --db '" + url() + "'";
  auto added = zhiyou::testing::run_zhiyou(
      "user add jx --role unit_reporter --unit 市经信局 --password-stdin" + db_arg,
      "long enough\n");
  EXPECT_EQ(added.exit_code, 0) << added.err;
  auto bad = zhiyou::testing::run_zhiyou(
      "user add x --role unit_reporter --password-stdin" + db_arg, "long enough\n");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("unit"), std::string::npos) << bad.err;
  EXPECT_EQ(zhiyou::testing::run_zhiyou("user add x --password-stdin" + db_arg).exit_code, 2);

  auto first = zhiyou::testing::run_zhiyou("user ensure-admin" + db_arg);
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("密码"), std::string::npos);
  auto second = zhiyou::testing::run_zhiyou("user ensure-admin" + db_arg);
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_NE(second.out.find("已有管理员"), std::string::npos) << second.out;
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE role = 'admin'"), 1);

  auto listed = zhiyou::testing::run_zhiyou("user list --json" + db_arg);
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.out.find("\"username\": \"jx\""), std::string::npos) << listed.out;

  EXPECT_EQ(zhiyou::testing::run_zhiyou("user disable jx" + db_arg).exit_code, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE username = 'jx' AND disabled = 1"), 1);
  EXPECT_EQ(zhiyou::testing::run_zhiyou("user disable nobody" + db_arg).exit_code, 1);
  EXPECT_EQ(zhiyou::testing::run_zhiyou("user reset-password jx --password-stdin" + db_arg,
                                        "another secret\n")
                .exit_code,
            0);
  auto creds = find_credentials(db(), "jx");
  ASSERT_TRUE(creds.ok() && *creds);
  EXPECT_TRUE(verify_password((*creds)->password_hash, "another secret"));
}

}  // namespace
}  // namespace zhiyou::people
