// Error declarations (EPCIS 2.0 ErrorDeclaration). Captured events are never changed: a party
// that recorded an event in error captures it again, with the same eventID, plus an
// errorDeclaration (when, why, and the corrective events that replace it). From then on
// nothing that happened rests on that eventID; the corrective events, which have new eventIDs,
// say what did happen.
#pragma once

#include <vector>

#include "trace/epcis/event.hpp"

namespace zhiyou::trace::epcis {

struct StandingEvents {
  std::vector<Event> events;  // those no declaration among the input withdraws, in input order
  std::size_t withdrawn = 0;  // events declared in error (their declarations not counted)
};

// The events that still stand: drops every event whose eventID an error declaration among
// `events` names, and the declarations themselves. Recall scope and the scan page replay a
// unit's history from what stands (a declaration carries the identifiers of the event it
// withdraws, so both are among the events about those identifiers).
StandingEvents standing_events(std::vector<Event> events);

}  // namespace zhiyou::trace::epcis
