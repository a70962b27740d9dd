// Recall scope (缺陷产品召回范围): for a GTIN and one or more lots, every affected serialised
// unit, the cases and pallets that hold them now, where each was last seen and who has it,
// and how many have already reached consumers. The affected units are those the maker was
// issued codes for in the lots (`zhiyou trace issue`) and those EPCIS events name with one
// of the lots; a unit issued but never named by an event is in scope, with nothing known
// of its whereabouts.
//
// Pure: works on the EPCIS events recall_store.hpp gathers. Events declared in error are left
// out (epcis/error_declaration.hpp); the rest are replayed in event time order (capture order
// breaks ties):
//   - AggregationEvent ADD / OBSERVE puts childEPCs into parentID; DELETE takes the listed
//     children out (all children when none are listed). Containers nest (case in pallet).
//   - An event about a container also moves everything inside it: location and custodian
//     pass down to the contents.
//   - Location: bizLocation, else readPoint. Custodian: the destination's possessing party
//     (else owning party), else the source's; owner: the owning party likewise.
//   - A unit has reached a consumer after bizStep retail_selling or disposition retail_sold
//     or dispensed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "trace/epcis/event.hpp"

namespace zhiyou::trace {

struct RecallRequest {
  std::string gtin;               // GTIN-14
  std::vector<std::string> lots;  // AI (10) values
};

struct Whereabouts {
  std::string location;      // canonical identifier; "" when never given
  std::int64_t seen_at = 0;  // event time of the last event about it (ms, UTC); 0 = never
  std::string custodian;
  std::string owner;
  std::string last_biz_step;
  std::string disposition;
};

struct RecallUnit {
  std::string epc;  // canonical Digital Link URI
  std::string lot;
  std::vector<std::string> containers;  // innermost first (case, then pallet, …), now
  Whereabouts whereabouts;
  bool reached_consumer = false;
  bool issued = false;  // its code was issued here for the lot (trace issue)
};

struct RecallContainer {
  std::string epc;
  std::string parent;              // the container it sits in now; "" when none
  std::size_t affected_units = 0;  // affected units inside, at any depth
  Whereabouts whereabouts;
};

struct RecallScope {
  RecallRequest request;
  std::vector<RecallUnit> units;            // sorted by EPC
  std::vector<RecallContainer> containers;  // those holding affected units now, sorted by EPC
  std::size_t reached_consumers = 0;
  std::size_t issued_units = 0;      // units whose codes were issued here
  std::size_t never_seen = 0;        // units no event names: where they are is unknown
  std::size_t lot_level_events = 0;  // events about the lot as a class (quantities, no serials)
};

// A unit in scope before the replay.
struct AffectedUnit {
  std::string epc;  // canonical Digital Link URI
  std::string lot;
  bool issued = false;
};

// `units` are the affected units, each once; `events` every event about them or about the
// containers that held them, in any order.
RecallScope compute_recall(const RecallRequest& request, const std::vector<AffectedUnit>& units,
                           std::vector<epcis::Event> events);

// CSV (header + one row per unit: epc,lot,case,pallet,location,last_seen,custodian,owner,
// last_biz_step,disposition,reached_consumer,issued) and JSON renderings.
std::string recall_csv(const RecallScope& scope);
std::string recall_json(const RecallScope& scope);

}  // namespace zhiyou::trace
