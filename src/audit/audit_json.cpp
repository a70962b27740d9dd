#include "audit/audit_json.hpp"

#include <boost/json.hpp>

namespace zhiyou::audit {
namespace {

boost::json::value stored_json(const std::string& text) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(text, ec);
  if (ec) return boost::json::string(text);
  return value;
}

}  // namespace

boost::json::object entry_json(const Entry& e) {
  return {{"seq", e.seq},
          {"at", e.at},
          {"actor", e.change.actor},
          {"action", e.change.action},
          {"subject", e.change.subject},
          {"before", stored_json(e.change.before_json)},
          {"after", stored_json(e.change.after_json)},
          {"algorithm", algorithm_name(e.algorithm)},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

}  // namespace zhiyou::audit
