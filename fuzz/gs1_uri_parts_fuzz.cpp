// The URI splitter under Digital Link parsing: whatever it accepts, the parts are pieces of
// the input in order, and Boost.URL (a full RFC 3986 parser) accepts the URI too.
#include <boost/url/parse.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "trace/gs1/uri_parts.hpp"

namespace gs1 = zhiyou::trace::gs1;

namespace {
bool inside(std::string_view whole, std::string_view part) {
  return part.empty() ||
         (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view uri(reinterpret_cast<const char*>(data), size);
  const auto parts = gs1::split_uri(uri);
  if (!parts) return 0;
  if (!inside(uri, parts->scheme) || !inside(uri, parts->host) || !inside(uri, parts->path) ||
      !inside(uri, parts->query)) {
    std::abort();
  }
  if (!boost::urls::parse_uri(boost::core::string_view(uri.data(), uri.size()))) std::abort();
  return 0;
}
