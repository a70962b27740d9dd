// EPCIS capture documents: whatever the reader accepts, each event's captured JSON must read
// back as a stored event with the same eventID and identifiers; whatever it rejects must
// name a reason.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "trace/epcis/document.hpp"

namespace epcis = zhiyou::trace::epcis;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto document = epcis::parse_document(text);
  if (!document.ok()) {
    if (document.error().message.empty()) std::abort();
    return 0;
  }
  for (const epcis::Event& event : document->events) {
    auto again = epcis::read_stored_event(event.json);
    if (!again.ok() || again->event_id != event.event_id ||
        again->epcs.size() != event.epcs.size()) {
      std::abort();
    }
    for (std::size_t i = 0; i < event.epcs.size(); ++i) {
      if (again->epcs[i].epc.uri() != event.epcs[i].epc.uri()) std::abort();
    }
  }
  return 0;
}
