// The EPCIS 2.0 event query parameters the repository supports (SimpleEventQuery / REST
// GET /events): eventType, EQ_bizStep, EQ_disposition, EQ_readPoint, EQ_bizLocation,
// EQ_action, GE_eventTime, LT_eventTime, MATCH_epc, MATCH_parentID, MATCH_inputEPC,
// MATCH_outputEPC, MATCH_anyEPC, MATCH_epcClass, MATCH_inputEPCClass, MATCH_outputEPCClass,
// MATCH_anyEPCClass, EXISTS_errorDeclaration, GE_errorDeclarationTime, LT_errorDeclarationTime,
// perPage and nextPageToken.
//
// A parameter may be repeated, and its value may list alternatives separated by "|"; the
// alternatives of one parameter are ORed, different parameters ANDed, as the standard says.
// Identifiers may be EPC URNs, EPC patterns (urn:epc:idpat:sgtin:0614141.107346.*) or Digital
// Link URIs: all are matched in canonical form, so either spelling finds the other.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "trace/epcis/epc.hpp"
#include "trace/epcis/event.hpp"

namespace zhiyou::trace::epcis {

using QueryParameters = std::vector<std::pair<std::string, std::string>>;

// One MATCH_* parameter: any of `values` in any of `roles` (EpcRole characters).
struct EpcMatch {
  std::vector<Epc> values;
  std::string roles;
  std::string parameter;  // "MATCH_epc", for messages
};

struct EventQuery {
  std::vector<std::string> event_types;
  std::vector<std::string> actions;
  std::vector<std::string> biz_steps;  // canonical (CBV short names or URIs)
  std::vector<std::string> dispositions;
  std::vector<std::string> read_points;  // canonical identifiers
  std::vector<std::string> biz_locations;
  std::optional<std::int64_t> ge_event_time;  // milliseconds, UTC
  std::optional<std::int64_t> lt_event_time;
  bool error_declared = false;  // only error declarations (EXISTS_errorDeclaration)
  std::optional<std::int64_t> ge_declaration_time;  // errorDeclaration.declarationTime, ms
  std::optional<std::int64_t> lt_declaration_time;
  // EQ_errorReason (canonical CBV values or URIs) and EQ_correctiveEventID: read from the
  // stored declaration itself (declaration_matches), so they also set error_declared.
  std::vector<std::string> error_reasons;
  std::vector<std::string> corrective_event_ids;
  std::vector<EpcMatch> epc_matches;  // all must hold
  std::size_t per_page = kDefaultPerPage;
  std::int64_t after_key = 0;  // from nextPageToken: events captured after this one
  // Not a query parameter: set by the caller to limit the answer to events that mention an
  // item or class of a product (GTIN) registered to this maker (an enterprise's own view).
  std::string owner_uscc;

  static constexpr std::size_t kDefaultPerPage = 30;
  static constexpr std::size_t kMaxPerPage = 10000;
};

// Whether the error declaration `event` has one of the query's error reasons and names one of
// its corrective eventIDs (each when asked for). True when neither is asked.
bool declaration_matches(const EventQuery& query, const Event& event);

// Fails naming the parameter (Error::place = its name) for an unknown parameter, a bad time,
// identifier, vocabulary value, perPage or nextPageToken.
Result<EventQuery> parse_query(const QueryParameters& parameters);

// The opaque nextPageToken for a page that ended at `event_key`, and back.
std::string page_token(std::int64_t event_key);
std::optional<std::int64_t> parse_page_token(std::string_view token);

}  // namespace zhiyou::trace::epcis
