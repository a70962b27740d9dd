#include "trace/gs1/uri_parts.hpp"

#include <boost/url/ipv6_address.hpp>

#include <array>
#include <cstdint>

#include "core/text.hpp"

namespace zhiyou::trace::gs1 {
namespace {

enum : std::uint8_t {
  kUnreserved = 1,  // A-Z a-z 0-9 - . _ ~
  kSubDelim = 2,    // ! $ & ' ( ) * + , ; =
  kHex = 4,
  kSchemeTail = 8,  // letters, digits, + - .
};

constexpr std::array<std::uint8_t, 256> make_classes() {
  std::array<std::uint8_t, 256> c{};
  for (int i = 'a'; i <= 'z'; ++i) c[i] = kUnreserved | kSchemeTail;
  for (int i = 'A'; i <= 'Z'; ++i) c[i] = kUnreserved | kSchemeTail;
  for (int i = '0'; i <= '9'; ++i) c[i] = kUnreserved | kHex | kSchemeTail;
  for (int i = 'a'; i <= 'f'; ++i) c[i] |= kHex;
  for (int i = 'A'; i <= 'F'; ++i) c[i] |= kHex;
  c['-'] = kUnreserved | kSchemeTail;
  c['.'] = kUnreserved | kSchemeTail;
  c['_'] = kUnreserved;
  c['~'] = kUnreserved;
  for (char s : std::string_view("!$&'()*+,;=")) c[static_cast<unsigned char>(s)] |= kSubDelim;
  c['+'] |= kSchemeTail;
  return c;
}
constexpr auto kClass = make_classes();

bool is(char c, std::uint8_t cls) { return (kClass[static_cast<unsigned char>(c)] & cls) != 0; }

// Every character is unreserved, a sub-delim, one of `extra`, or starts a %XX escape.
bool valid_run(std::string_view s, std::string_view extra) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (is(c, kUnreserved | kSubDelim)) continue;
    if (c == '%') {
      if (i + 2 >= s.size() || !is(s[i + 1], kHex) || !is(s[i + 2], kHex)) return false;
      i += 2;
      continue;
    }
    if (extra.find(c) == std::string_view::npos) return false;
  }
  return true;
}

// RFC 3986: port = *DIGIT, so "host:" has an empty port.
bool port_digits(std::string_view port) { return port.empty() || text::is_digits(port); }

// "[...]" → the kind of IP literal, or nullopt when it is not valid syntax.
std::optional<HostKind> ip_literal(std::string_view host) {
  const std::string_view inner = host.substr(1, host.size() - 2);
  if (!inner.empty() && (inner[0] == 'v' || inner[0] == 'V')) {
    // IPvFuture: "v" HEXDIG+ "." ( unreserved / sub-delims / ":" )+
    std::size_t i = 1;
    while (i < inner.size() && is(inner[i], kHex)) ++i;
    if (i == 1 || i >= inner.size() || inner[i] != '.' || i + 1 == inner.size()) return {};
    if (!valid_run(inner.substr(i + 1), ":") || inner.find('%') != std::string_view::npos) {
      return {};
    }
    return HostKind::other_ip;
  }
  // RFC 3986 has no zone identifiers ("%25eth0", RFC 6874): browsers do not take them in
  // URLs, and neither does Boost.URL, against which the fuzz target checks this splitter.
  if (!boost::urls::parse_ipv6_address(boost::core::string_view(inner.data(), inner.size()))) {
    return {};
  }
  return HostKind::ipv6;
}

}  // namespace

std::optional<UriParts> split_uri(std::string_view uri) {
  UriParts parts;
  const std::size_t colon = uri.find(':');
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (colon == std::string_view::npos || colon == 0 || !alpha(uri[0])) return {};
  for (std::size_t i = 1; i < colon; ++i) {
    if (!is(uri[i], kSchemeTail)) return {};
  }
  parts.scheme = uri.substr(0, colon);

  std::string_view rest = uri.substr(colon + 1);
  const std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    if (!valid_run(rest.substr(hash + 1), ":@/?")) return {};
    rest = rest.substr(0, hash);
  }
  const std::size_t question = rest.find('?');
  if (question != std::string_view::npos) {
    parts.has_query = true;
    parts.query = rest.substr(question + 1);
    if (!valid_run(parts.query, ":@/?")) return {};
    rest = rest.substr(0, question);
  }
  if (rest.substr(0, 2) == "//") {
    const std::size_t slash = rest.find('/', 2);
    std::string_view authority =
        rest.substr(2, slash == std::string_view::npos ? slash : slash - 2);
    parts.path = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
    const std::size_t at = authority.find('@');
    if (at != std::string_view::npos) {
      if (!valid_run(authority.substr(0, at), ":")) return {};
      authority.remove_prefix(at + 1);
    }
    if (!authority.empty() && authority[0] == '[') {
      const std::size_t close = authority.find(']');
      if (close == std::string_view::npos) return {};
      parts.host = authority.substr(0, close + 1);
      const auto kind = ip_literal(parts.host);
      if (!kind) return {};
      parts.host_kind = *kind;
      authority.remove_prefix(close + 1);
      if (!authority.empty() && (authority[0] != ':' || !port_digits(authority.substr(1)))) {
        return {};
      }
    } else {
      const std::size_t port = authority.find(':');
      parts.host = authority.substr(0, port);
      if (port != std::string_view::npos && !port_digits(authority.substr(port + 1))) return {};
      if (!valid_run(parts.host, "")) return {};
      parts.host_kind = HostKind::name;
    }
  } else {
    parts.path = rest;
  }
  if (!valid_run(parts.path, ":@/")) return {};
  return parts;
}

}  // namespace zhiyou::trace::gs1
