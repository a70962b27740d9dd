// One EPCIS 2.0 event as captured: the JSON exactly as the capturing party sent it (so that
// queries return it unchanged), plus the fields the repository indexes, already in canonical
// form (CBV short names, identifiers as https://id.gs1.org Digital Link URIs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trace/epcis/epc.hpp"

namespace zhiyou::trace::epcis {

// Where an identifier appears in an event. Stored as one character.
enum class EpcRole : char {
  epc = 'e',              // epcList (ObjectEvent, TransactionEvent)
  parent = 'p',           // parentID (Aggregation, Transaction, Association)
  child = 'c',            // childEPCs
  input = 'i',            // inputEPCList (TransformationEvent)
  output = 'o',           // outputEPCList
  quantity = 'q',         // quantityList[].epcClass
  child_quantity = 'k',   // childQuantityList[].epcClass
  input_quantity = 'm',   // inputQuantityList[].epcClass
  output_quantity = 'n',  // outputQuantityList[].epcClass
};

struct EventEpc {
  Epc epc;
  EpcRole role = EpcRole::epc;
};

// A sourceList / destinationList entry: type as a CBV short name or URI, id canonical.
struct Party {
  std::string type;
  std::string id;
};

struct Event {
  std::size_t index = 0;  // 0-based position in the document's eventList
  std::string type;       // "ObjectEvent", …, or an extension event type URI
  std::string event_id;   // as given, or computed (event_id_computed)
  bool event_id_computed = false;
  std::int64_t event_time = 0;  // milliseconds since the epoch, UTC
  std::string action;           // "ADD" / "OBSERVE" / "DELETE"; empty for Transformation
  std::string biz_step;         // canonical; empty when absent
  std::string disposition;
  std::string read_point;
  std::string biz_location;
  std::vector<EventEpc> epcs;
  std::vector<Party> sources;
  std::vector<Party> destinations;
  std::string ilmd_lot;  // cbvmda:lotNumber from ilmd, when given
  std::string json;      // the event object's text as sent (serialised again only when the
                         // event list could not be located in the text, see raw_events.hpp)
  // errorDeclaration.declarationTime (ms, UTC) when the event declares that the event with
  // its eventID was in error (error_declaration.hpp says what follows from that).
  std::optional<std::int64_t> declaration_time;
  std::string error_reason;                       // errorDeclaration.reason, canonical
  std::vector<std::string> corrective_event_ids;  // errorDeclaration.correctiveEventIDs
};

// A captured document: its JSON-LD @context (compact JSON, "" when the document has none)
// and its events in document order.
struct Document {
  std::string context;
  std::vector<Event> events;
};

}  // namespace zhiyou::trace::epcis
