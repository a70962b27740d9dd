// The EPCISQueryDocument that GET /events answers with (EPCIS 2.0 REST binding): the events
// of one page exactly as captured, under an @context that merges the contexts of the
// documents they were captured in (so their extension prefixes stay defined).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace zhiyou::trace::epcis {

// The standard's JSON-LD context, always first in @context.
inline constexpr std::string_view kEpcisContextUri =
    "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

// `contexts`: the captured documents' @context values as compact JSON (string, array or
// object; "" and unreadable ones are skipped), in order of first use. `events_json`: the
// events as captured. `creation_date`: RFC 3339, UTC.
std::string query_document_json(const std::vector<std::string>& events_json,
                                const std::vector<std::string>& contexts,
                                std::string_view creation_date);

}  // namespace zhiyou::trace::epcis
