// The stored audit log on both engines: appends join the caller's transaction, the schema
// refuses UPDATE and DELETE, and whoever gets round that with direct SQL is caught by
// verify(), which names the first bad entry.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "audit/audit_store.hpp"
#include "store/database.hpp"
#include "store/engine_fixture.hpp"
#include "support/test_support.hpp"

namespace zhiyou::audit {
namespace {

class AuditStore : public store::testing::EngineTest {
 protected:
  void append_n(int n) {
    for (int i = 1; i <= n; ++i) {
      Status s = append(db(), {"admin1", "user.add", "user" + std::to_string(i), "null",
                               R"({"n":)" + std::to_string(i) + "}"});
      ASSERT_TRUE(s.ok()) << s.error().describe();
    }
  }
  // What an attacker with database access does first.
  void drop_guards() {
    if (GetParam() == store::Engine::sqlite) {
      db().session() << "DROP TRIGGER audit_log_no_update";
      db().session() << "DROP TRIGGER audit_log_no_delete";
    } else {
      db().session() << "DROP TRIGGER audit_log_append_only ON audit_log";
    }
  }
  Verification verified() {
    auto result = verify(db());
    EXPECT_TRUE(result.ok()) << result.error().describe();
    return result.ok() ? *result : Verification{};
  }
};
ZHIYOU_ON_BOTH_ENGINES(AuditStore);

TEST_P(AuditStore, AppendedEntriesChainAndVerify) {
  append_n(3);
  const Verification v = verified();
  EXPECT_EQ(v.entries, 3);
  EXPECT_FALSE(v.first_break);
  auto entries = list_entries(db());
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].prev_hash, kGenesisHash);
  EXPECT_EQ((*entries)[2].prev_hash, (*entries)[1].hash);
  EXPECT_EQ((*entries)[1].change.after_json, R"({"n":2})");
  EXPECT_EQ((*entries)[1].algorithm, HashAlgorithm::sm3);
  auto after_first = list_entries(db(), 1, 1);
  ASSERT_TRUE(after_first.ok());
  ASSERT_EQ(after_first->size(), 1u);
  EXPECT_EQ((*after_first)[0].seq, 2);
}

TEST_P(AuditStore, AnEntryRollsBackWithTheCallersTransaction) {
  append_n(1);
  Status failed = db().transaction([&]() -> Status {
    if (Status s = append(db(), {"admin1", "user.add", "ghost"}); !s.ok()) return s;
    return make_error("the change itself failed");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), 1);
  append_n(1);
  EXPECT_FALSE(verified().first_break);
}

TEST_P(AuditStore, TheSchemaRefusesUpdatesAndDeletes) {
  append_n(2);
  EXPECT_ANY_THROW(db().session() << "UPDATE audit_log SET actor = 'x' WHERE seq = 1");
  EXPECT_ANY_THROW(db().session() << "DELETE FROM audit_log WHERE seq = 2");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE actor = 'admin1'"), 2);
}

TEST_P(AuditStore, AnEditedRowIsNamed) {
  append_n(5);
  drop_guards();
  db().session() << "UPDATE audit_log SET after_json = '{\"n\":99}' WHERE seq = 3";
  const Verification v = verified();
  ASSERT_TRUE(v.first_break);
  EXPECT_EQ(v.first_break->seq, 3);
  EXPECT_NE(v.first_break->reason.find("第 3 条"), std::string::npos) << v.first_break->reason;
}

TEST_P(AuditStore, ADeletedRowIsNamed) {
  append_n(5);
  drop_guards();
  db().session() << "DELETE FROM audit_log WHERE seq = 2";
  const Verification v = verified();
  ASSERT_TRUE(v.first_break);
  EXPECT_EQ(v.first_break->seq, 2);
  EXPECT_NE(v.first_break->reason.find("缺失"), std::string::npos) << v.first_break->reason;
}

TEST_P(AuditStore, ReorderedRowsAreCaught) {
  append_n(4);
  drop_guards();
  // Swap the contents of entries 2 and 3, hashes included.
  db().session() << "UPDATE audit_log SET seq = 100 WHERE seq = 2";
  db().session() << "UPDATE audit_log SET seq = 2 WHERE seq = 3";
  db().session() << "UPDATE audit_log SET seq = 3 WHERE seq = 100";
  const Verification v = verified();
  ASSERT_TRUE(v.first_break);
  EXPECT_EQ(v.first_break->seq, 2);
}

TEST_P(AuditStore, AnUnknownAlgorithmIsReported) {
  append_n(2);
  drop_guards();
  db().session() << "UPDATE audit_log SET algorithm = 'md5' WHERE seq = 2";
  const Verification v = verified();
  ASSERT_TRUE(v.first_break);
  EXPECT_EQ(v.first_break->seq, 2);
}

TEST_P(AuditStore, TwoConnectionsAppendToOneChain) {
  auto other = reopen();
  ASSERT_NE(other, nullptr);
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(append(db(), {"a", "x", "one"}).ok());
    ASSERT_TRUE(append(*other, {"b", "x", "two"}).ok());
  }
  const Verification v = verified();
  EXPECT_EQ(v.entries, 10);
  EXPECT_FALSE(v.first_break);
}

// The command line on the same kind of tampering: exit 0 when intact, 1 naming the entry.
TEST_P(AuditStore, AuditVerifyCommandExitCodes) {
  append_n(3);
  const auto intact = zhiyou::testing::run_zhiyou("audit verify --db '" + url() + "'");
  EXPECT_EQ(intact.exit_code, 0) << intact.err;
  EXPECT_NE(intact.out.find("共 3 条"), std::string::npos) << intact.out;

  drop_guards();
  db().session() << "UPDATE audit_log SET actor = 'nobody' WHERE seq = 2";
  const auto tampered = zhiyou::testing::run_zhiyou("audit verify --db '" + url() + "'");
  EXPECT_EQ(tampered.exit_code, 1);
  EXPECT_NE(tampered.err.find("第 2 条"), std::string::npos) << tampered.err;

  const auto listed = zhiyou::testing::run_zhiyou("audit list --json --db '" + url() + "'");
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("\"actor\": \"nobody\""), std::string::npos) << listed.out;
}

}  // namespace
}  // namespace zhiyou::audit
