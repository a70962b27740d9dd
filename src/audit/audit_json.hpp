// An audit entry as JSON, the same for `zhiyou audit list --json` and GET /api/v1/audit.
#pragma once

#include <boost/json/object.hpp>

#include "audit/audit_entry.hpp"

namespace zhiyou::audit {

// {"seq","at","actor","action","subject","before","after","algorithm","prev_hash","hash"};
// before/after as JSON, or as a string when the stored text no longer parses (a tampered
// row).
boost::json::object entry_json(const Entry& entry);

}  // namespace zhiyou::audit
