// The URI splitter under Digital Link parsing: whatever it accepts, the parts are pieces of
// the input in order, and Boost.URL (a full RFC 3986 parser) accepts the URI too.
#include <boost/url/parse.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
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
  // RFC 3986's literals are case-insensitive (RFC 5234 ABNF), so an IPvFuture host may begin
  // "[V"; Boost.URL 1.81 takes only "[v". It is asked with that letter lowercased.
  std::string checked(uri);
  if (parts->host.starts_with("[V")) {
    checked[static_cast<std::size_t>(parts->host.data() - uri.data()) + 1] = 'v';
  }
  if (!boost::urls::parse_uri(boost::core::string_view(checked.data(), checked.size()))) {
    std::abort();
  }
  return 0;
}
