// EPCIS query parameters (GET /epcis/events) and the error-declaration filter: the first line
// holds name=value pairs separated by '&', the rest is a stored event's JSON. Whatever the
// parser rejects must name the parameter; whatever it accepts must be consistent (a filter on
// reason or corrective eventID implies error declarations only), and the filter must decide
// any event that reads back.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "trace/epcis/document.hpp"
#include "trace/epcis/query.hpp"

namespace epcis = zhiyou::trace::epcis;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view line = input.substr(0, newline);
  const std::string_view json =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  epcis::QueryParameters parameters;
  for (std::size_t start = 0; start <= line.size();) {
    std::size_t end = line.find('&', start);
    if (end == std::string_view::npos) end = line.size();
    const std::string_view pair = line.substr(start, end - start);
    const std::size_t eq = pair.find('=');
    // As the server reads a query string (server/router.cpp): pairs without a name are dropped.
    if (eq != 0 && !pair.empty()) {
      parameters.emplace_back(std::string(pair.substr(0, eq)),
                              eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    }
    start = end + 1;
  }
  auto query = epcis::parse_query(parameters);
  if (!query.ok()) {
    if (query.error().message.empty() || query.error().place.empty()) std::abort();
    return 0;
  }
  const bool filters = !query->error_reasons.empty() || !query->corrective_event_ids.empty();
  if (filters && !query->error_declared) std::abort();
  if (query->per_page == 0 || query->per_page > epcis::EventQuery::kMaxPerPage) std::abort();
  const auto event = epcis::read_stored_event(json);
  if (!event.ok()) return 0;
  const bool matched = epcis::declaration_matches(*query, *event);
  if (!filters && !matched) std::abort();
  return 0;
}
