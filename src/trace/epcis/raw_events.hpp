// The bytes of each event in a capture document exactly as sent, so that the repository
// stores and returns them unchanged (and need not serialise every event again). A small
// scanner over text that Boost.JSON has already accepted as JSON.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace zhiyou::trace::epcis {

enum class DocumentShape { document, query_document, single_event };

// The text of each eventList element (for a single event, the whole text without surrounding
// whitespace), or nullopt when the event list cannot be located unambiguously (escaped or
// repeated member names on the way): the caller then serialises the parsed events instead.
std::optional<std::vector<std::string_view>> raw_events(std::string_view json_text,
                                                        DocumentShape shape);

}  // namespace zhiyou::trace::epcis
