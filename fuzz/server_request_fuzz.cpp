// Any bytes as an HTTP request: Beast's parser with the server's limits, then the whole API
// (routing, authentication, roles, handlers) in memory over an in-memory SQLite database
// holding the demo plans, an admin whose session token is 64 zeros (so that the admin
// routes are reachable too) and a product with codes 1–3 in lot L1 of GTIN 09506000134352
// (so that scans reach the resolver's lookups and the scan recorder). Besides not crashing, every
// error response must have the
// {"error":{"code","message"}} shape.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string_view>

#include <soci/soci.h>

#include "people/account_store.hpp"
#include "people/session_token.hpp"
#include "plans/plan_json.hpp"
#include "server/api.hpp"
#include "server/database_pool.hpp"
#include "store/plan_store.hpp"
#include "store/registry_store.hpp"
#include "trace/code_store.hpp"

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using namespace zhiyou;

server::Api& api() {
  static std::unique_ptr<server::DatabasePool> pool = [] {
    auto opened = server::DatabasePool::open(":memory:", 1);
    if (!opened.ok()) std::abort();
    auto lease = (*opened)->acquire();
    std::ifstream in(std::string(ZHIYOU_SOURCE_DIR) + "/data/demo/plans.json");
    std::stringstream text;
    text << in.rdbuf();
    if (auto plans = plans::plans_from_json(text.str(), "plans.json"); plans.ok()) {
      (void)store::save_plans(*lease, *plans);
    }
    auto entity = registry::make_entity("91330212MA2G00001N", "宁波甬优电器有限公司", "鄞州");
    auto product = registry::make_product("09506000134352", "电热水壶", "91330212MA2G00001N", {});
    auto codes =
        trace::make_issue_request("09506000134352", "L1", "261231", 3, "sequential", "https://x");
    if (!entity.ok() || !product.ok() || !codes.ok() || !store::save_entity(*lease, *entity) ||
        !store::save_product(*lease, *product) || !trace::issue_codes(*lease, *codes).ok()) {
      std::abort();
    }
    auto admin = people::add_account(*lease, {"admin1", people::Role::admin, "", ""},
                                     "fuzzing password", "fuzz");
    if (!admin.ok()) std::abort();
    std::string digest = people::token_digest(std::string(64, '0'));
    lease->session() << "INSERT INTO sessions (token_hash, user_id, created_at, expires_at)"
                        " VALUES (:d, :u, '2000-01-01T00:00:00Z', '9999-01-01T00:00:00Z')",
        soci::use(digest), soci::use(admin->id);
    return std::move(opened).value();
  }();
  static server::Api instance({}, *pool);
  return instance;
}

bool is_error_document(const std::string& body) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(body, ec);
  if (ec || !doc.is_object()) return false;
  const auto* error = doc.as_object().if_contains("error");
  return error != nullptr && error->is_object() && error->as_object().contains("code") &&
         error->as_object().contains("message");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  parser.eager(true);
  beast::error_code ec;
  std::size_t offset = 0;
  while (offset < size && !parser.is_done()) {
    const std::size_t used = parser.put(boost::asio::buffer(data + offset, size - offset), ec);
    if (ec == http::error::need_more) break;
    if (ec) return 0;  // the server answers 400 and closes
    if (used == 0) break;
    offset += used;
  }
  if (!parser.is_done()) {
    parser.put_eof(ec);
    if (ec || !parser.is_done()) return 0;
  }
  const server::Request request = parser.release();
  const server::Response response = api().handle(request, "fuzz");
  const unsigned status = response.result_int();
  if (status < 100 || status > 599) std::abort();
  const bool api_path = request.target().substr(0, 5) == "/api/";
  if (status >= 400 && api_path && !is_error_document(response.body())) std::abort();
  return 0;
}
