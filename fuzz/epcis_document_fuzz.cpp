// EPCIS capture documents: whatever the reader accepts, each event's captured JSON must read
// back as a stored event with the same eventID and identifiers, and (for an EPCISDocument)
// hold the same JSON value as the document's event; whatever it rejects must name a reason.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <boost/json.hpp>

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
  // The text kept for each event (raw_events.hpp) is that event's value, not a neighbour's.
  boost::system::error_code ec;
  const boost::json::value root = boost::json::parse(text, ec);
  const boost::json::object* doc = root.if_object();
  if (ec || doc == nullptr || !doc->contains("epcisBody") || doc->at("type") != "EPCISDocument") {
    return 0;
  }
  const boost::json::array& list = doc->at("epcisBody").at("eventList").as_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (boost::json::parse(document->events[i].json) != list[i]) std::abort();
  }
  return 0;
}
