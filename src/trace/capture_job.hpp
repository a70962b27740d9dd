// A capture job (EPCIS 2.0 REST binding, "EPCISCaptureJob"): what POST /epcis/capture
// answers 202 with and GET /epcis/capture/{captureID} returns. Zhiyou captures a document
// within the request (all of it or nothing, captureErrorBehaviour "rollback"), so a job is
// finished and successful by the time anyone can see it; a rejected document gets an error
// response instead of a job.
#pragma once

#include <boost/json/object.hpp>

#include <cstddef>
#include <string>

namespace zhiyou::trace {

struct CaptureJob {
  std::string id;              // captureID: 32 random hex digits
  std::string created_at;      // RFC 3339, UTC
  std::string finished_at;     // RFC 3339, UTC
  std::string captured_by;     // the account's username
  std::size_t events = 0;      // events in the document
  std::size_t captured = 0;    // newly stored
  std::size_t duplicates = 0;  // skipped: eventID already stored (or repeated)
};

// A new captureID (128 random bits from OpenSSL).
std::string new_capture_id();

// {"captureID","createdAt","finishedAt","running":false,"success":true,
//  "captureErrorBehaviour":"rollback","errors":[],"eventCount","captured","duplicates"}
// (the last three are Zhiyou's additions).
boost::json::object to_json(const CaptureJob& job);

}  // namespace zhiyou::trace
