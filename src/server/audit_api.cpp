// The audit log: entries (admin) and the verification of its hash chain.
#include <boost/json.hpp>

#include "audit/audit_json.hpp"
#include "audit/audit_store.hpp"
#include "server/handlers.hpp"

namespace zhiyou::server {

Response list_audit(RequestContext& ctx) {
  const auto after = query_number(ctx, "after", 0);
  if (!after) return error_for(http::status::bad_request, "after 应为非负整数", "after");
  const auto limit = query_number(ctx, "limit", 100);
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
