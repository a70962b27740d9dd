// Splits an absolute URI into the parts a GS1 Digital Link needs, checking RFC 3986 syntax
// on the way (character classes, %XX escapes, port digits). Views into the input; nothing
// is decoded or allocated, which matters when `gs1 check` reads millions of URIs.
#pragma once

#include <optional>
#include <string_view>

namespace zhiyou::trace::gs1 {

enum class HostKind {
  none,      // no "//authority"
  name,      // a registered name or IPv4 address (reg-name syntax)
  ipv6,      // "[...]" holding a valid IPv6 address
  other_ip,  // "[v1.…]" (IPvFuture)
};

struct UriParts {
  std::string_view scheme;
  HostKind host_kind = HostKind::none;
  std::string_view host;  // as written, brackets included for IP literals
  std::string_view path;  // may be empty
  bool has_query = false;
  std::string_view query;  // after "?", before "#"
};

// nullopt when `uri` is not an absolute URI by RFC 3986.
std::optional<UriParts> split_uri(std::string_view uri);

}  // namespace zhiyou::trace::gs1
