#include "trace/epcis/error_declaration.hpp"

#include <string>
#include <unordered_set>

namespace zhiyou::trace::epcis {

StandingEvents standing_events(std::vector<Event> events) {
  std::unordered_set<std::string> declared;
  for (const Event& e : events) {
    if (e.declaration_time) declared.insert(e.event_id);
  }
  StandingEvents out;
  if (declared.empty()) {
    out.events = std::move(events);
    return out;
  }
  for (Event& e : events) {
    if (!declared.contains(e.event_id)) {
      out.events.push_back(std::move(e));
    } else if (!e.declaration_time) {
      ++out.withdrawn;
    }
  }
  return out;
}

}  // namespace zhiyou::trace::epcis
