// Gathering what a recall needs from the EPCIS repository: the serialised units of the lots
// (items whose Digital Link named the lot, or commissioned by an event whose ilmd gave it),
// every event about them, and — following AggregationEvents upward — every event about the
// cases and pallets that held them.
#pragma once

#include "core/result.hpp"
#include "trace/recall.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::trace {

// Fails (Chinese message, place "--gtin" / "--lot") for a malformed GTIN or lot.
Result<RecallScope> recall_scope(store::Database& db, const RecallRequest& request);

}  // namespace zhiyou::trace
