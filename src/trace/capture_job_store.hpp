// Capture jobs as stored (table epcis_capture_jobs, migration 8).
#pragma once

#include <optional>
#include <string_view>

#include "core/result.hpp"
#include "trace/capture_job.hpp"
#include "trace/epcis/event.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::trace {

// Captures `document` (event_store.hpp: idempotent by eventID, one audit entry) and records
// the job, in one transaction: either all is stored or nothing. `document_sha256` is the
// SHA-256 (hex) of the document's bytes as received.
Result<CaptureJob> capture_as_job(store::Database& db, const epcis::Document& document,
                                  std::string_view captured_by, std::string_view document_sha256);

// The job with this captureID, or nullopt.
Result<std::optional<CaptureJob>> find_capture_job(store::Database& db, std::string_view id);

}  // namespace zhiyou::trace
