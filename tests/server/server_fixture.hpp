// A real zhiyou server (Api + HttpServer, as `zhiyou serve` builds them) on a free loopback
// port, over a fresh database on each engine, with the demo plans loaded and one account
// per role. Tests talk to it over HTTP (http_client.hpp).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "people/role.hpp"
#include "server/api.hpp"
#include "server/http_client.hpp"
#include "server/http_server.hpp"
#include "store/engine_fixture.hpp"

namespace zhiyou::server::testing {

class ServerTest : public store::testing::EngineTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Overridden by suites that need other limits.
  virtual ApiOptions api_options();
  virtual ServerOptions server_options();

  [[nodiscard]] unsigned short port() const { return port_; }
  // Stops the server and starts a new one over the same database, with api_options() as they
  // are now: a restart, whose memory (caches, the resolver's codes) starts empty.
  void restart();
  // The username of the account created for `role` ("admin1", "office1", …; unit1 reports
  // for 市经信局, enterprise1 is bound to kEnterpriseUscc).
  static std::string username(people::Role role);
  static constexpr const char* kPassword = "correct horse battery";
  // Logs in as the account for `role` and returns a fresh token ("" for public).
  std::string login(people::Role role);

  // The value of an unlabelled series of /metrics now, -1 when it is not there.
  long long metric(const std::string& name);

  HttpReply call(const HttpCall& request) { return testing::call(port_, request); }
  HttpReply get(const std::string& target, const std::string& token = {}) {
    return testing::get(port_, target, token);
  }

  std::unique_ptr<DatabasePool> pool_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<HttpServer> server_;

 private:
  unsigned short port_ = 0;
};

extern const char* const kEnterpriseUscc;
// 甬政办发〔2023〕1号, in the demo plans; its first indicators are led by 市经信局.
extern const char* const kPlanId;

}  // namespace zhiyou::server::testing
