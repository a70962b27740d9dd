// The EPCIS event repository: capture (all of a document or nothing, idempotent by eventID)
// and the standard's event queries, over store::Database (SQLite or PostgreSQL, migration 5).
//
// These are the calls the HTTP layer makes: POST /epcis/capture passes the body to
// capture_document; GET /epcis/events passes its query parameters to query_events_json.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "trace/epcis/document.hpp"
#include "trace/epcis/query.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::trace {

struct CaptureResult {
  std::size_t captured = 0;            // new events stored
  std::size_t duplicates = 0;          // events already stored (or repeated): see capture()
  std::vector<std::string> event_ids;  // every event of the document, given or computed
};

// Who captured a document, for its entry in the audit log.
struct CaptureAudit {
  std::string actor;            // a username, or "cli:<os user>" (audit::command_line_actor())
  std::string document_sha256;  // lower-case hex, of the document's bytes as received
  std::string capture_id;       // the capture job's captureID; empty outside the HTTP API
};

// Reads, validates and stores a capture document in one transaction. A bad document is
// rejected whole (the error names the event and the field; nothing is stored). An event
// already stored with the same eventID and eventTime is skipped, so capturing the same
// document twice stores it once; an error declaration (the same eventID and eventTime plus
// an errorDeclaration) is stored beside the event it declares in error, once for each
// declarationTime. Every accepted document adds one audit entry "epcis.capture" (subject: the
// document's SHA-256; after: events, captured, duplicates) in the same transaction.
// Cost: one parse, then a few bulk statements per document (store/bulk_load.hpp).
Result<CaptureResult> capture_document(store::Database& db, std::string_view text,
                                       std::string_view actor);
// `within`, when given, runs in the capture's transaction after the events are stored (the
// HTTP API records its capture job there), so that the capture is not a savepoint inside a
// transaction of the caller's: SQLite copies every page a savepoint changes to a journal of
// its own first (over HTTP, at scale, 16.5 CPU seconds per 1,000,000 events that way, 14.0
// without).
Result<CaptureResult> capture(store::Database& db, const epcis::Document& document,
                              const CaptureAudit& audit,
                              const std::function<Status(const CaptureResult&)>& within = {});

// Captures documents one after another, each as capture_document() does (all or nothing, one
// audit entry), while the next one is read and checked on a second thread: on two cores the
// parsing of one document and the storing of the previous overlap. Consecutive good documents
// share a transaction (up to about 200,000 events), which at scale is half again as fast as
// one each; the outcome is as if each had its own: a document that fails to store undoes the
// transaction, and its documents are then stored again one transaction each, so that those
// before it are stored and the failure is reported as its own. `next` gives the next
// document's text (nullopt: no more) and is called on that thread. `done` hears each outcome
// in order, once the document's transaction has committed; it returns false to stop (nothing
// more is reported or begun; documents committed with the last one reported stay stored).
// Exceptions from either come out of this call, from `next` after the documents before it are
// stored and reported.
void capture_documents(store::Database& db, std::string_view actor,
                       const std::function<std::optional<std::string>()>& next,
                       const std::function<bool(const Result<CaptureResult>&)>& done);

struct StoredEvent {
  std::int64_t key = 0;  // capture order
  std::string json;      // as captured
};

struct EventPage {
  std::vector<StoredEvent> events;             // in capture order
  std::optional<std::string> next_page_token;  // set when more events match
  // The @context (compact JSON) of each document the page's events came from, in order of
  // first use; for the EPCISQueryDocument around them.
  std::vector<std::string> contexts;
};

Result<EventPage> query_events(store::Database& db, const epcis::EventQuery& query);

// The events that mention an item or class of `gtin` (GTIN-14), newest captured first: at
// most `per_page` of those captured before the event `before_key` (0: from the newest).
// next_page_token, when older events remain, is the last key shown: pass it as `before_key`
// for the next page. Read from the identifier rows' (key_id, event_key) index (migrations
// 15 and 16), so a page costs the same however many events the product has. No contexts.
Result<EventPage> product_events(store::Database& db, const std::string& gtin,
                                 std::int64_t before_key, std::size_t per_page);

// `{"events":[…as captured…],"nextPageToken":"…"}` (the token only when more match), or an
// error naming the bad parameter.
Result<std::string> query_events_json(store::Database& db,
                                      const epcis::QueryParameters& parameters);

// Calls `each` with every event matching `query` in capture order, reading a page at a time
// (perPage at its largest unless given): a listing of millions holds one page in memory and
// its first events are out before the last are read.
Status for_each_event(store::Database& db, epcis::EventQuery query,
                      const std::function<void(const StoredEvent&)>& each);

}  // namespace zhiyou::trace
