#include "trace/epcis/query_document.hpp"

#include <boost/json.hpp>

#include "core/json.hpp"

namespace zhiyou::trace::epcis {
namespace {

// Adds the entries of one captured @context, skipping those already present (the same
// document context is usually shared by every event of a page).
void merge_context(boost::json::array& merged, const boost::json::value& context) {
  auto add = [&](const boost::json::value& entry) {
    for (const boost::json::value& have : merged) {
      if (have == entry) return;
    }
    merged.push_back(entry);
  };
  if (context.is_array()) {
    for (const boost::json::value& entry : context.get_array()) add(entry);
  } else if (context.is_string() || context.is_object()) {
    add(context);
  }
}

}  // namespace

std::string query_document_json(const std::vector<std::string>& events_json,
                                const std::vector<std::string>& contexts,
                                std::string_view creation_date) {
  boost::json::array context{boost::json::string(kEpcisContextUri)};
  for (const std::string& text : contexts) {
    if (text.empty()) continue;
    boost::system::error_code ec;
    const boost::json::value value = boost::json::parse(text, ec);
    if (!ec) merge_context(context, value);
  }
  // The events are spliced in as text: they go out byte for byte as captured.
  std::string out = R"({"@context":)" + json::serialize(context) +
                    R"(,"type":"EPCISQueryDocument","schemaVersion":"2.0","creationDate":)";
  json::append_quoted(out, creation_date);
  out += R"(,"epcisBody":{"queryResults":{"queryName":"SimpleEventQuery",)"
         R"("resultsBody":{"eventList":[)";
  std::size_t size = out.size() + 8;
  for (const std::string& e : events_json) size += e.size() + 1;
  out.reserve(size);
  for (std::size_t i = 0; i < events_json.size(); ++i) {
    if (i > 0) out += ',';
    out += events_json[i];
  }
  out += "]}}}}";
  return out;
}

}  // namespace zhiyou::trace::epcis
