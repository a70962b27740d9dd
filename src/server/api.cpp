#include "server/api.hpp"

#include <spdlog/spdlog.h>

#include <charconv>
#include <stdexcept>

#include "people/session_store.hpp"
#include "people/session_token.hpp"
#include "server/access.hpp"
#include "server/handlers.hpp"
#include "store/database.hpp"
#include "store/database_error.hpp"

namespace zhiyou::server {
namespace {

bool is_api_path(std::string_view path) {
  return path == "/api" || path.rfind("/api/", 0) == 0 || path.rfind("/epcis/", 0) == 0 ||
         path == "/healthz" || path == "/metrics";
}

// Shown at / when no UI has been built (web/dist missing).
Response no_ui_page(const Request& request) {
  Response res{http::status::ok, request.version()};
  res.set(http::field::content_type, "text/html; charset=utf-8");
  res.set(http::field::cache_control, "no-cache");
  res.body() =
      "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>质优 Zhiyou</title>"
      "<h1>质优 Zhiyou</h1><p>服务已启动。网页界面尚未构建（web/dist 不存在）。</p>"
      "<p>API 文档：<a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a></p></html>";
  res.prepare_payload();
  return res;
}

}  // namespace

// A unit reporter sees only the unit's indicators; 序时进度 and overdue targets move with the
// date.
std::string cache_key(const RequestContext& ctx) {
  std::string key(ctx.request.target());
  // The resolver answers JSON, a page or a linkset for the same URI.
  key += '\n';
  key += ctx.request[http::field::accept];
  key += '\n';
  if (ctx.caller) {
    key += people::role_name(ctx.caller->role);
    key += '|' + ctx.caller->unit + '|' + ctx.caller->entity;
  }
  key += '\n';
  const auto now = std::chrono::system_clock::now();
  key += std::to_string(std::chrono::floor<std::chrono::days>(now).time_since_epoch().count());
  return key;
}

namespace {

std::string allow_header(const std::vector<http::verb>& methods) {
  std::string out;
  for (http::verb m : methods) {
    if (!out.empty()) out += ", ";
    out += std::string(http::to_string(m));
  }
  return out;
}

}  // namespace

Api::Api(ApiOptions options, DatabasePool& pool)
    : options_(std::move(options)),
      pool_(pool),
      router_(api_routes()),
      version_watch_(options_.versions_max_age),
      login_limiter_(options_.login_attempts, options_.login_window),
      scans_(
          std::make_unique<ScanRecorder>(pool, options_.many_places, options_.scan_flush_interval)),
      codes_(std::make_unique<CodeIndex>(pool, options_.code_index_bytes)) {
  if (!options_.web_root.empty()) static_files_.emplace(options_.web_root);
}

namespace {

// A handler that threw. A database fault gets the status that tells a client what to do
// (507: nothing was stored for lack of space; 503 with Retry-After: try again) and says so in
// Chinese; anything else is a 500 that names nothing internal.
Response failure_response(const std::exception& e) {
  const store::DatabaseFault fault = store::database_fault(e);
  const std::string text = "服务器" + store::database_fault_text(fault);
  switch (fault) {
    case store::DatabaseFault::disk_full:
      return error_for(http::status::insufficient_storage, text);
    case store::DatabaseFault::busy:
    case store::DatabaseFault::connection_lost:
      return try_again_shortly(text);
    case store::DatabaseFault::read_only:
    case store::DatabaseFault::io_error:
    case store::DatabaseFault::corrupt:
      return error_for(http::status::internal_server_error, text);
    case store::DatabaseFault::other:
      break;
  }
  return error_for(http::status::internal_server_error, "服务器内部错误，请稍后再试");
}

}  // namespace

Response Api::handle(const Request& request, std::string_view client) {
  const auto start = std::chrono::steady_clock::now();
  std::string route_label = "unmatched";
  Response res;
  const bool read = request.method() == http::verb::get || request.method() == http::verb::head;
  // A read that found its connection ended by the database server (a restart) runs once more:
  // the failed request returned the connection, and the pool reconnects it on the next lease.
  for (int attempt = 1;; ++attempt) {
    try {
      res = dispatch(request, client, route_label);
      break;
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", std::string(http::to_string(request.method())),
                    std::string(request.target()), e.what());
      if (read && attempt == 1 &&
          store::database_fault(e) == store::DatabaseFault::connection_lost) {
        continue;
      }
      res = failure_response(e);
      break;
    }
  }
  // What this request wrote is seen by the next one, whatever the watch's max_age.
  if (!read) version_watch_.mark_stale();
  res.version(request.version());
  res.set(http::field::server, "zhiyou");
  metrics_.record(route_label, http::to_string(request.method()), res.result_int(),
                  std::chrono::steady_clock::now() - start);
  return res;
}

Response Api::dispatch(const Request& request, std::string_view client, std::string& route_label) {
  const std::string_view target = request.target();
  const std::size_t question = target.find('?');
  const std::string_view path = target.substr(0, question);
  if (path.empty() || path.front() != '/') {
    return error_for(http::status::bad_request, "请求路径应以 / 开头");
  }
  const auto decoded = percent_decode(path);
  const auto match = router_.match(request.method(), path);
  if (!decoded || !match) {
    return error_for(http::status::bad_request, "请求路径中的百分号编码无效或不是 UTF-8");
  }

  if (match->route == nullptr) {
    const bool get = request.method() == http::verb::get || request.method() == http::verb::head;
    if (get && !is_api_path(path)) {
      route_label = "static";
      if (static_files_) {
        if (auto res = static_files_->serve(request, *decoded)) return std::move(*res);
      } else if (!static_files_ && path == "/") {
        return no_ui_page(request);
      }
      route_label = "unmatched";
    }
    if (!match->allowed.empty()) {
      Response res =
          error_for(http::status::method_not_allowed,
                    "此路径不支持 " + std::string(http::to_string(request.method())) + " 方法");
      res.set(http::field::allow, allow_header(match->allowed));
      return res;
    }
    return error_for(http::status::not_found, "找不到 " + *decoded);
  }

  const Route& route = *match->route;
  route_label = route.pattern;
  RequestContext ctx(*this, request, client);
  ctx.params = match->params;
  if (question != std::string_view::npos) ctx.query = parse_query(target.substr(question + 1));
  if (auto refused = authorize(route, ctx)) return std::move(*refused);
  if (route.cached && request.method() == http::verb::get) return run_cached(route, ctx);
  return route.handler(ctx);
}

std::optional<Response> Api::authorize(const Route& route, RequestContext& ctx) {
  if (const auto token = ctx.bearer_token()) {
    ctx.caller = caller(ctx, *token);
    if (!ctx.caller && !route.is_public()) {
      return error_for(http::status::unauthorized, "登录已失效或令牌无效，请重新登录");
    }
  }
  switch (check_access(route, ctx.caller)) {
    case Access::unauthenticated:
      return error_for(http::status::unauthorized, "请先登录");
    case Access::forbidden:
      return error_for(
          http::status::forbidden,
          "当前角色（" + std::string(people::role_label(ctx.caller->role)) + "）无权执行此操作");
    case Access::allowed:
      break;
  }
  return std::nullopt;
}

std::optional<Response> Api::refuse_before_body(const Request& header, std::string_view client) {
  const std::string_view target = header.target();
  const auto match = router_.match(header.method(), target.substr(0, target.find('?')));
  if (!match || match->route == nullptr) return std::nullopt;
  RequestContext ctx(*this, header, client);
  try {
    auto refused = authorize(*match->route, ctx);
    if (refused) {
      refused->set(http::field::server, "zhiyou");
      metrics_.record(match->route->pattern, http::to_string(header.method()),
                      refused->result_int(), std::chrono::duration<double>(0));
    }
    return refused;
  } catch (const std::exception&) {
    return std::nullopt;  // the database failed: handling the whole request will say so
  }
}

Response Api::run_cached(const Route& route, RequestContext& ctx) {
  // Read before the handler reads the data, so an entry is never newer than its version.
  const std::int64_t version = ctx.versions().monitoring;
  const std::string key = cache_key(ctx);
  if (auto hit = response_cache_.find(key, version)) return std::move(*hit);
  Response response = route.handler(ctx);
  if (response.result() == http::status::ok) response_cache_.put(key, version, response);
  return response;
}

std::optional<people::Account> Api::caller(RequestContext& ctx, std::string_view token) {
  const std::string digest = people::token_digest(token);
  const std::int64_t version = ctx.versions().people;
  if (auto known = session_cache_.find(digest, version, store::utc_timestamp())) return known;
  auto session = people::active_session(ctx.db(), digest);
  if (!session.ok()) fail(session.error());
  if (!*session) return std::nullopt;
  session_cache_.put(digest, version, (*session)->account, (*session)->expires_at);
  return std::move((*session)->account);
}

const store::DataVersions& RequestContext::versions() {
  if (versions_) return *versions_;
  versions_ = api.versions().recent();
  if (!versions_) versions_ = api.versions().read(db());
  return *versions_;
}

store::Database& RequestContext::db() {
  if (!lease_) lease_.emplace(api.pool().acquire());
  return **lease_;
}

store::Database& RequestContext::bulk_writer() {
  if (bulk_writer_ == nullptr) bulk_writer_ = api.pool().bulk_writer(bulk_writer_lock_);
  return bulk_writer_ != nullptr ? *bulk_writer_ : db();
}

store::Database& RequestContext::reader() {
  ReadSnapshots* snapshots = api.pool().snapshots();
  if (snapshots == nullptr) return db();
  if (!reader_) reader_.emplace(snapshots->acquire(versions()));
  return reader_->db();
}

bool RequestContext::renew_reader() { return reader_ && reader_->renew(); }

std::string RequestContext::actor() const { return caller ? caller->username : "public"; }

std::optional<std::string_view> RequestContext::bearer_token() const {
  const std::string_view header = request[http::field::authorization];
  if (header.size() <= 7) return std::nullopt;
  const std::string_view scheme = header.substr(0, 7);
  if (scheme != "Bearer " && scheme != "bearer " && scheme != "BEARER ") return std::nullopt;
  std::string_view token = header.substr(7);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  if (token.empty()) return std::nullopt;
  return token;
}

bool is_enterprise(const RequestContext& ctx) {
  return ctx.caller && ctx.caller->role == people::Role::enterprise;
}

std::string query_value(const RequestContext& ctx, const std::string& name) {
  const auto it = ctx.query.find(name);
  return it == ctx.query.end() ? std::string() : it->second;
}

std::optional<long long> query_number(const RequestContext& ctx, const std::string& name,
                                      long long fallback) {
  const auto it = ctx.query.find(name);
  if (it == ctx.query.end() || it->second.empty()) return fallback;
  long long value = 0;
  const char* end = it->second.data() + it->second.size();
  const auto [stop, ec] = std::from_chars(it->second.data(), end, value);
  if (ec != std::errc() || stop != end || value < 0) return std::nullopt;
  return value;
}

[[noreturn]] void fail(const Error& error) { throw std::runtime_error(error.describe()); }

}  // namespace zhiyou::server
