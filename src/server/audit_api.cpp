// The audit log: entries (admin) and the verification of its hash chain.
#include <boost/json.hpp>

#include <charconv>

#include "audit/audit_json.hpp"
#include "audit/audit_store.hpp"
#include "server/handlers.hpp"

namespace zhiyou::server {
namespace {

std::optional<long long> number_param(const RequestContext& ctx, const std::string& name,
                                      long long fallback) {
  const auto it = ctx.query.find(name);
  if (it == ctx.query.end() || it->second.empty()) return fallback;
  long long value = 0;
  const char* end = it->second.data() + it->second.size();
  auto [ptr, ec] = std::from_chars(it->second.data(), end, value);
  if (ec != std::errc() || ptr != end || value < 0) return std::nullopt;
  return value;
}

}  // namespace

Response list_audit(RequestContext& ctx) {
  const auto after = number_param(ctx, "after", 0);
  if (!after) return error_for(http::status::bad_request, "after 应为非负整数", "after");
  const auto limit = number_param(ctx, "limit", 100);
  if (!limit || *limit < 1 || *limit > 1000) {
    return error_for(http::status::bad_request, "limit 应为 1 至 1000 的整数", "limit");
  }
  auto entries = audit::list_entries(ctx.db(), *after, static_cast<int>(*limit));
  if (!entries.ok()) fail(entries.error());
  boost::json::array list;
  for (const audit::Entry& e : *entries) {
    list.push_back(audit::entry_json(e));
  }
  return json_response(http::status::ok, boost::json::object{{"entries", std::move(list)}});
}

Response verify_audit(RequestContext& ctx) {
  auto result = audit::verify(ctx.db());
  if (!result.ok()) fail(result.error());
  boost::json::value first_bad = nullptr;
  if (result->first_break) {
    first_bad = boost::json::object{{"seq", result->first_break->seq},
                                    {"reason", result->first_break->reason}};
  }
  return json_response(http::status::ok, boost::json::object{{"intact", !result->first_break},
                                                             {"entries", result->entries},
                                                             {"first_bad", std::move(first_bad)}});
}

}  // namespace zhiyou::server
