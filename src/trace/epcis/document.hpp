// Reading EPCIS 2.0 capture documents (JSON / JSON-LD): an EPCISDocument with
// epcisBody.eventList, an EPCISQueryDocument (epcisBody.queryResults.resultsBody.eventList),
// or a single event object with its own @context.
//
// Validation follows the rules of the standard's JSON schema (required fields, value types,
// CBV vocabularies or URIs for non-standard values, identifier and time formats, field names
// either defined by the standard or namespaced extensions) and the rules the schema leaves
// out: parentID on AggregationEvent with action ADD or DELETE, no action on a
// TransformationEvent, ilmd only on ObjectEvent (action ADD) and TransformationEvent,
// extension prefixes declared in an @context, EPC URNs and Digital Link URIs well formed.
//
// The first problem rejects the whole document: Error::message says which event
// (1-based) and why, in Chinese; Error::place is the JSON path, e.g.
// "epcisBody.eventList[2].bizStep".
#pragma once

#include <string_view>

#include "core/result.hpp"
#include "trace/epcis/event.hpp"

namespace zhiyou::trace::epcis {

Result<Document> parse_document(std::string_view text);

// One event as stored by the repository (its captured JSON), read back into an Event. The
// rules are those of capture, except that extension prefixes are not checked again.
Result<Event> read_stored_event(std::string_view text);

// The eventID a repository gives an event that has none. Not the CBV 2.0 "event hash"
// (whose canonical pre-hash string needs every field normalised); instead SHA-256 over the
// event's JSON with object keys sorted and no whitespace, written as
// "ni:///sha-256;<hex>?ver=zhiyou-json-1". The same event always gets the same id, so
// re-capturing it is a no-op.
std::string computed_event_id(std::string_view canonical_json_sha256_hex);

}  // namespace zhiyou::trace::epcis
