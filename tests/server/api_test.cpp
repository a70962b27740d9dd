// The API over real HTTP on both engines: plans as `plan show --json` prints them, plan
// import preview and confirm, accounts, sessions, and the audit trail they leave.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <future>
#include <vector>

#include "audit/audit_store.hpp"
#include "server/server_fixture.hpp"
#include "support/test_support.hpp"

namespace zhiyou::server::testing {
namespace {

using people::Role;
namespace json = boost::json;

using Api = ServerTest;
ZHIYOU_ON_BOTH_ENGINES(Api);

std::string body(const json::object& object) { return json::serialize(object); }

TEST_P(Api, PlansAreListedAndShownAsTheCommandLinePrintsThem) {
  const HttpReply list = get("/api/v1/plans");
  ASSERT_EQ(list.status, 200u);
  EXPECT_EQ(list.headers[http::field::content_type], "application/json; charset=utf-8");
  EXPECT_EQ(list.json().at("plans").as_array().size(), 11u);

  const HttpReply shown = get(std::string("/api/v1/plans/") + kPlanId);
  ASSERT_EQ(shown.status, 200u);
  const json::value shown_doc = shown.json();
  const auto& plan = shown_doc.at("plans").at(0);
  EXPECT_EQ(plan.at("doc_number").as_string(), "甬政办发〔2023〕1号");
  EXPECT_EQ(plan.at("indicators").as_array().size(), 56u);

  if (GetParam() == store::Engine::sqlite) {
    // The same plan, from the real binary on the same database file.
    const std::string file = url().substr(std::string("sqlite:").size());
    const auto cli = zhiyou::testing::run_zhiyou(std::string("plan show ") + kPlanId +
                                                 " --json --db '" + file + "'");
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    EXPECT_EQ(json::parse(cli.out), shown.json());
  }
}

TEST_P(Api, APlanIsFoundByItsDocumentNumberPercentEncoded) {
  // 甬政办发〔2023〕1号
  const HttpReply shown =
      get("/api/v1/plans/%E7%94%AC%E6%94%BF%E5%8A%9E%E5%8F%91%E3%80%942023%E3%80%951%E5%8F%B7");
  ASSERT_EQ(shown.status, 200u) << shown.body;
  EXPECT_EQ(shown.json().at("plans").at(0).at("id").as_string(), kPlanId);
}

// Found by the fuzzer: an escape that decodes to broken UTF-8 was quoted back in the 404 and
// made the error itself invalid JSON. It is a bad request, answered in valid JSON.
TEST_P(Api, APathThatDecodesToBrokenUtf8IsABadRequest) {
  for (const char* path : {"/api/v1/plans/%E8$%94%AC", "/api/v1/nowhere/%FF", "/%C3%28"}) {
    const HttpReply reply = get(path);
    EXPECT_EQ(reply.status, 400u) << path;
    EXPECT_EQ(reply.error_code(), "bad_request") << reply.body;
  }
}

TEST_P(Api, IndicatorsAndTasksOfAPlan) {
  const HttpReply indicators = get(std::string("/api/v1/plans/") + kPlanId + "/indicators");
  ASSERT_EQ(indicators.status, 200u);
  EXPECT_EQ(indicators.json().at("indicators").as_array().size(), 56u);
  const HttpReply tasks = get(std::string("/api/v1/plans/") + kPlanId + "/tasks");
  ASSERT_EQ(tasks.status, 200u);
  EXPECT_EQ(tasks.json().at("plan_id").as_string(), kPlanId);
  EXPECT_TRUE(tasks.json().at("tasks").is_array());
}

TEST_P(Api, AnUnknownPlanIsA404WithAChineseMessage) {
  const HttpReply reply = get("/api/v1/plans/p000000000");
  EXPECT_EQ(reply.status, 404u);
  EXPECT_EQ(reply.error_code(), "not_found");
  EXPECT_NE(reply.json().at("error").at("message").as_string().find("找不到规划"),
            json::string::npos);
}

TEST_P(Api, ImportPreviewsWithoutStoringAndStoresOnConfirm) {
  const std::string text = zhiyou::testing::read_file(
      std::string(ZHIYOU_SOURCE_DIR) + "/fuzz/corpus/plans_text/table_and_tasks.txt");
  const std::string token = login(Role::office);
  const long long plans_before = count("SELECT COUNT(*) FROM plans");
  const long long audit_before = count("SELECT COUNT(*) FROM audit_log");

  const HttpReply preview =
      call({http::verb::post, "/api/v1/plans/import?name=upload.txt", text, token, "text/plain"});
  ASSERT_EQ(preview.status, 200u) << preview.body;
  EXPECT_FALSE(preview.json().at("stored").as_bool());
  const json::value preview_doc = preview.json();
  const auto& found = preview_doc.at("plans").as_array();
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.at(0).at("source").at("file").as_string(), "upload.txt");
  EXPECT_EQ(count("SELECT COUNT(*) FROM plans"), plans_before);

  const HttpReply stored = call({http::verb::post, "/api/v1/plans/import?name=upload.txt&confirm=1",
                                 text, token, "text/plain"});
  ASSERT_EQ(stored.status, 201u) << stored.body;
  EXPECT_TRUE(stored.json().at("stored").as_bool());
  const std::string id(found.at(0).at("id").as_string());
  EXPECT_EQ(get("/api/v1/plans/" + id).status, 200u);
  EXPECT_GT(count("SELECT COUNT(*) FROM plans"), plans_before);

  // The import is in the audit log, by the office account, with the plan as it now is.
  EXPECT_GT(count("SELECT COUNT(*) FROM audit_log"), audit_before);
  auto entries = audit::list_entries(db(), audit_before);
  ASSERT_TRUE(entries.ok());
  bool logged = false;
  for (const audit::Entry& e : *entries) {
    if (e.change.action == "plan.import" && e.change.subject == id) {
      logged = true;
      EXPECT_EQ(e.change.actor, "office1");
      EXPECT_EQ(e.change.before_json, "null");
      EXPECT_EQ(json::parse(e.change.after_json).at("id").as_string(), id);
    }
  }
  EXPECT_TRUE(logged);
}

TEST_P(Api, AnUnreadableImportIsA422NamingThePlace) {
  const std::string token = login(Role::office);
  const HttpReply reply =
      call({http::verb::post, "/api/v1/plans/import", "\xff\xfe not utf-8", token, "text/plain"});
  EXPECT_EQ(reply.status, 422u) << reply.body;
  EXPECT_EQ(reply.error_code(), "unprocessable");
  EXPECT_NE(reply.json().at("error").at("message").as_string().find("upload.txt"),
            json::string::npos);
}

TEST_P(Api, DirectionOverrideIsStoredAndAudited) {
  const std::string token = login(Role::office);
  const HttpReply reply = call({http::verb::put, "/api/v1/indicators/ief0304ef2357/direction",
                                body({{"direction", "down"}}), token});
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const auto indicators = get(std::string("/api/v1/plans/") + kPlanId + "/indicators").json();
  for (const auto& ind : indicators.at("indicators").as_array()) {
    if (ind.at("id").as_string() == "ief0304ef2357") {
      EXPECT_EQ(ind.at("direction").as_string(), "down");
    }
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'indicator.direction'"
                  " AND actor = 'office1' AND subject = 'ief0304ef2357'"),
            1);
  EXPECT_EQ(call({http::verb::put, "/api/v1/indicators/ief0304ef2357/direction",
                  body({{"direction", "sideways"}}), token})
                .status,
            422u);
  EXPECT_EQ(call({http::verb::put, "/api/v1/indicators/nope/direction", body({{"direction", "up"}}),
                  token})
                .status,
            404u);
}

TEST_P(Api, AdminCreatesAccountsAndMistakesAreNamed) {
  const std::string admin = login(Role::admin);
  const HttpReply created = call({http::verb::post, "/api/v1/users",
                                  body({{"username", "kjj"},
                                        {"password", "long enough"},
                                        {"role", "unit_reporter"},
                                        {"unit", "市科技局"}}),
                                  admin});
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(created.json().at("user").at("unit").as_string(), "市科技局");
  EXPECT_FALSE(created.json().at("user").as_object().contains("password_hash"));

  const HttpReply again =
      call({http::verb::post, "/api/v1/users",
            body({{"username", "kjj"}, {"password", "long enough"}, {"role", "office"}}), admin});
  EXPECT_EQ(again.status, 409u);
  EXPECT_EQ(again.error_code(), "conflict");

  const auto field_of = [&](const json::object& user) {
    const HttpReply reply = call({http::verb::post, "/api/v1/users", body(user), admin});
    EXPECT_EQ(reply.status, 422u) << reply.body;
    return std::string(reply.json().at("error").at("field").as_string());
  };
  EXPECT_EQ(field_of({{"username", "x"}, {"password", "long enough"}, {"role", "boss"}}), "role");
  EXPECT_EQ(field_of({{"username", "x"}, {"password", "long enough"}, {"role", "unit_reporter"}}),
            "unit");
  EXPECT_EQ(field_of({{"username", "x"}, {"password", "short"}, {"role", "office"}}), "password");
  EXPECT_EQ(field_of({{"username", "x"},
                      {"password", "long enough"},
                      {"role", "enterprise"},
                      {"entity", "123456"}}),
            "entity");
  EXPECT_EQ(field_of({{"password", "long enough"}, {"role", "office"}}), "username");

  const HttpReply listed = get("/api/v1/users", admin);
  ASSERT_EQ(listed.status, 200u);
  EXPECT_EQ(listed.json().at("users").as_array().size(), 6u);  // five roles + kjj

  const HttpReply login_kjj = call({http::verb::post, "/api/v1/session",
                                    body({{"username", "kjj"}, {"password", "long enough"}})});
  EXPECT_EQ(login_kjj.status, 200u);
  EXPECT_EQ(login_kjj.json().at("user").at("role").as_string(), "unit_reporter");
}

TEST_P(Api, LoginLogoutAndMe) {
  const HttpReply wrong = call({http::verb::post, "/api/v1/session",
                                body({{"username", "office1"}, {"password", "wrong password"}})});
  EXPECT_EQ(wrong.status, 401u);
  EXPECT_EQ(wrong.json().at("error").at("message").as_string(), "用户名或密码错误");
  const HttpReply nobody = call({http::verb::post, "/api/v1/session",
                                 body({{"username", "nobody"}, {"password", "wrong password"}})});
  EXPECT_EQ(nobody.status, 401u);
  EXPECT_EQ(nobody.body, wrong.body) << "unknown users and wrong passwords look the same";

  const std::string token = login(Role::unit_reporter);
  EXPECT_EQ(token.size(), 64u);
  const HttpReply me = get("/api/v1/me", token);
  ASSERT_EQ(me.status, 200u);
  EXPECT_EQ(me.json().at("user").at("username").as_string(), "unit1");
  EXPECT_EQ(me.json().at("user").at("unit").as_string(), "市经信局");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions WHERE token_hash = '" + token + "'"), 0)
      << "the token itself is never stored";

  EXPECT_EQ(call({http::verb::delete_, "/api/v1/session", "", token}).status, 204u);
  EXPECT_EQ(get("/api/v1/me", token).status, 401u);
}

TEST_P(Api, AnExpiredSessionIsRefused) {
  const std::string token = login(Role::inspector);
  ASSERT_EQ(get("/api/v1/me", token).status, 200u);
  db().session() << "UPDATE sessions SET expires_at = '2000-01-01T00:00:00Z'";
  const HttpReply reply = get("/api/v1/me", token);
  EXPECT_EQ(reply.status, 401u);
  EXPECT_NE(reply.json().at("error").at("message").as_string().find("登录已失效"),
            json::string::npos);
}

TEST_P(Api, DisablingAnAccountEndsItsSessionsAndLogins) {
  const std::string admin = login(Role::admin);
  const std::string victim = login(Role::inspector);
  const HttpReply disabled =
      call({http::verb::patch, "/api/v1/users/inspector1", body({{"disabled", true}}), admin});
  ASSERT_EQ(disabled.status, 200u) << disabled.body;
  EXPECT_TRUE(disabled.json().at("user").at("disabled").as_bool());
  EXPECT_EQ(get("/api/v1/me", victim).status, 401u);
  EXPECT_EQ(call({http::verb::post, "/api/v1/session",
                  body({{"username", "inspector1"}, {"password", kPassword}})})
                .status,
            401u);
  EXPECT_EQ(
      call({http::verb::patch, "/api/v1/users/nobody", body({{"disabled", true}}), admin}).status,
      404u);
}

TEST_P(Api, ResettingAPasswordEndsSessionsAndTheNewOneWorks) {
  const std::string admin = login(Role::admin);
  const std::string old_session = login(Role::enterprise);
  ASSERT_EQ(call({http::verb::patch, "/api/v1/users/enterprise1",
                  body({{"password", "a brand new secret"}}), admin})
                .status,
            200u);
  EXPECT_EQ(get("/api/v1/me", old_session).status, 401u);
  const HttpReply fresh =
      call({http::verb::post, "/api/v1/session",
            body({{"username", "enterprise1"}, {"password", "a brand new secret"}})});
  EXPECT_EQ(fresh.status, 200u);
}

TEST_P(Api, TheAuditLogShowsWhoDidWhatAndVerifies) {
  const std::string admin = login(Role::admin);
  ASSERT_EQ(
      call({http::verb::post, "/api/v1/users",
            body({{"username", "zjj"}, {"password", "long enough"}, {"role", "inspector"}}), admin})
          .status,
      201u);
  const HttpReply log = get("/api/v1/audit?limit=1000", admin);
  ASSERT_EQ(log.status, 200u);
  const json::value log_doc = log.json();
  const auto& entries = log_doc.at("entries").as_array();
  ASSERT_FALSE(entries.empty());
  const auto& last = entries.back();
  EXPECT_EQ(last.at("action").as_string(), "user.add");
  EXPECT_EQ(last.at("actor").as_string(), "admin1");
  EXPECT_EQ(last.at("subject").as_string(), "zjj");
  EXPECT_TRUE(last.at("before").is_null());
  EXPECT_EQ(last.at("after").at("role").as_string(), "inspector");
  EXPECT_EQ(last.at("algorithm").as_string(), "sm3");
  EXPECT_EQ(last.at("prev_hash"), entries.at(entries.size() - 2).at("hash"));

  const HttpReply verified = get("/api/v1/audit/verify", admin);
  ASSERT_EQ(verified.status, 200u);
  EXPECT_TRUE(verified.json().at("intact").as_bool());
  EXPECT_EQ(verified.json().at("entries").as_int64(), static_cast<long long>(entries.size()));

  EXPECT_EQ(get("/api/v1/audit?limit=0", admin).status, 400u);
  EXPECT_EQ(get("/api/v1/audit?after=x", admin).status, 400u);
}

// The database server ends every connection of the server's pool (a restart, a failover):
// reads go on as if nothing had happened, /healthz stays ok, and the writes after them go in.
TEST_P(Api, AfterTheDatabaseServerEndsItsConnectionsTheServerGoesOn) {
  if (GetParam() != store::Engine::postgresql) GTEST_SKIP() << "SQLite has no server";
  const std::string admin = login(Role::admin);
  std::vector<long long> pids;
  pool_->for_each_idle([&](store::Database& db) {
    long long pid = 0;
    db.session() << "SELECT pg_backend_pid()", soci::into(pid);
    pids.push_back(pid);
  });
  ASSERT_EQ(pids.size(), pool_->stats().size);
  std::unique_ptr<store::Database> other = reopen();
  ASSERT_TRUE(other);
  for (const long long pid : pids) {
    int ended = 0;
    other->session() << "SELECT CASE WHEN pg_terminate_backend(" + std::to_string(pid) +
                            ") THEN 1 ELSE 0 END",
        soci::into(ended);
    ASSERT_EQ(ended, 1);
  }

  const HttpReply list = get("/api/v1/plans");
  EXPECT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(list.json().at("plans").as_array().size(), 11u);
  EXPECT_EQ(get("/healthz").status, 200u);
  // The read found the first ended connection: every other one is tried before its next use,
  // so the writes that follow, on whichever connection, go in.
  // Several at once, so that every connection of the pool is used, not only the one the
  // read reopened.
  std::vector<std::future<HttpReply>> writes;
  std::vector<std::future<HttpReply>> reads;
  for (int i = 0; i < 4; ++i) {
    const std::string user = body({{"username", "after_restart" + std::to_string(i)},
                                   {"password", "long enough"},
                                   {"role", "inspector"}});
    writes.push_back(std::async(std::launch::async, [this, user, admin] {
      return call({http::verb::post, "/api/v1/users", user, admin});
    }));
    reads.push_back(std::async(std::launch::async, [this] { return get("/api/v1/plans"); }));
  }
  for (auto& w : writes) {
    const HttpReply reply = w.get();
    EXPECT_EQ(reply.status, 201u) << reply.body;
  }
  for (auto& r : reads) EXPECT_EQ(r.get().status, 200u);
}

}  // namespace
}  // namespace zhiyou::server::testing
