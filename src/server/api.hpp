// The whole HTTP API as one call: a parsed request in, a response out, no sockets. The
// listener (http_server.hpp) feeds it from the network; tests and the fuzz target call it
// directly. handle() finds the route, authenticates the bearer token, checks the caller's
// role against the route table, runs the handler, turns exceptions into 500s and records
// metrics. Thread-safe: each call leases its own database connection.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "people/account.hpp"
#include "server/code_index.hpp"
#include "server/database_pool.hpp"
#include "server/http.hpp"
#include "server/metrics.hpp"
#include "server/product_facts_cache.hpp"
#include "server/rate_limiter.hpp"
#include "server/read_snapshots.hpp"
#include "server/response_cache.hpp"
#include "server/router.hpp"
#include "server/scan_recorder.hpp"
#include "server/session_cache.hpp"
#include "server/static_files.hpp"
#include "server/version_watch.hpp"
#include "store/data_version.hpp"

namespace zhiyou::server {

struct ApiOptions {
  std::chrono::seconds session_lifetime{std::chrono::hours(12)};
  int login_attempts = 10;  // per client address and window
  std::chrono::seconds login_window{60};
  std::filesystem::path web_root;  // the built UI (web/dist); empty: none
  // A serial scanned from this many distinct places is flagged as possibly copied.
  std::size_t many_places = trace::resolver::kDefaultManyPlaces;
  std::chrono::milliseconds scan_flush_interval{1000};
  // How old the data versions behind the caches may be (see version_watch.hpp): a change
  // made outside this server shows within this time. Zero: read them for every request.
  std::chrono::milliseconds versions_max_age{0};
  // Memory the resolver's directory of issued codes may take (code_index.hpp); 0: none.
  std::size_t code_index_bytes = std::size_t{1024} * 1024 * 1024;
};

// The caches hold cache-line aligned shards (sharded.hpp): the padding between members is
// what keeps two server threads off each other's lines, not waste.
class Api {  // NOLINT(clang-analyzer-optin.performance.Padding)
 public:
  Api(ApiOptions options, DatabasePool& pool);

  Response handle(const Request& request, std::string_view client);
  // For a request whose body is not read yet (only its header): the 401 or 403 it would get
  // anyway, so that a large body (an EPCIS capture may be 256 MiB) is not taken in from a
  // caller who may not send it; nullopt when the request may go on.
  std::optional<Response> refuse_before_body(const Request& header, std::string_view client);

  [[nodiscard]] const Router& router() const { return router_; }
  [[nodiscard]] const ApiOptions& options() const { return options_; }
  Metrics& metrics() { return metrics_; }
  RateLimiter& login_limiter() { return login_limiter_; }
  DatabasePool& pool() { return pool_; }
  ResponseCache& response_cache() { return response_cache_; }
  ScanRecorder& scans() { return *scans_; }
  ProductFactsCache& product_facts() { return product_facts_; }
  CodeIndex& codes() { return *codes_; }
  VersionWatch& versions() { return version_watch_; }
  // Scans of well-formed serials that were never issued (疑似假冒), since the server started.
  std::atomic<std::uint64_t>& never_issued_scans() { return never_issued_scans_; }

 private:
  Response dispatch(const Request& request, std::string_view client, std::string& route_label);
  Response run_cached(const Route& route, RequestContext& ctx);
  // The 401 or 403 answer when ctx's bearer token (its caller, filled in here) may not call
  // `route`; nullopt when it may.
  std::optional<Response> authorize(const Route& route, RequestContext& ctx);
  // The caller behind the request's bearer token, from SessionCache while it is current.
  std::optional<people::Account> caller(RequestContext& ctx, std::string_view token);

  ApiOptions options_;
  DatabasePool& pool_;
  Router router_;
  VersionWatch version_watch_;
  Metrics metrics_;
  RateLimiter login_limiter_;
  ResponseCache response_cache_;
  SessionCache session_cache_;
  std::unique_ptr<ScanRecorder> scans_;
  ProductFactsCache product_facts_;
  std::unique_ptr<CodeIndex> codes_;
  std::atomic<std::uint64_t> never_issued_scans_{0};
  std::optional<StaticFiles> static_files_;
};

// What a handler sees.
class RequestContext {
 public:
  RequestContext(Api& api, const Request& request, std::string_view client)
      : api(api), request(request), client(client) {}

  Api& api;
  const Request& request;
  std::string_view client;                    // the peer's address
  std::map<std::string, std::string> params;  // from the path pattern
  std::map<std::string, std::string> query;
  std::optional<people::Account> caller;  // nullopt: anonymous

  // A database connection, leased on first use for the rest of the request.
  store::Database& db();
  // For a bulk write (an EPCIS capture, issuing codes): on SQLite the pool's bulk writer,
  // taken in turn with other requests' bulk writes until the request ends
  // (DatabasePool::bulk_writer); db() otherwise.
  store::Database& bulk_writer();
  // The data versions as of the first call in this request.
  const store::DataVersions& versions();
  // For reading only: a kept SQLite read snapshot that has seen versions()' trace and scans
  // (read_snapshots.hpp), leased on first use; db() for PostgreSQL.
  store::Database& reader();
  // Moves reader() to a new snapshot if it did not begin one for this request; true if it
  // did. For codes, which no data version covers: see ReadSnapshots::Lease::renew.
  bool renew_reader();

  // Who to name in the audit log: the caller's username, or "public".
  [[nodiscard]] std::string actor() const;
  // The bearer token sent, if any.
  [[nodiscard]] std::optional<std::string_view> bearer_token() const;

 private:
  std::optional<DatabasePool::Lease> lease_;
  std::unique_lock<std::mutex> bulk_writer_lock_;
  store::Database* bulk_writer_ = nullptr;
  std::optional<ReadSnapshots::Lease> reader_;
  std::optional<store::DataVersions> versions_;
};

// What a cached answer may depend on besides the data: the request (path, query and Accept
// as sent), whose view it is and the date.
std::string cache_key(const RequestContext& ctx);

}  // namespace zhiyou::server
