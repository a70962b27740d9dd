// Finds the route for a method and path. Path parameters are percent-decoded.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/route.hpp"

namespace zhiyou::server {

struct RouteMatch {
  const Route* route = nullptr;               // nullptr: no route for this method and path
  std::map<std::string, std::string> params;  // {"id": "p4ef8a67daf"}
  std::vector<http::verb> allowed;            // methods routed for this path (for 405)
};

class Router {
 public:
  explicit Router(std::vector<Route> routes);

  // nullopt when `path` is not valid percent-encoding (a 400, not a 404).
  [[nodiscard]] std::optional<RouteMatch> match(http::verb method, std::string_view path) const;
  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }

 private:
  // Routes whose pattern could match a path starting with `first` (its first segment).
  [[nodiscard]] const std::vector<std::size_t>& candidates(std::string_view first) const;

  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // per route, split on '/'
  // Indexes into routes_ in table order: by a pattern's literal first segment, each list
  // also holding the patterns that start with a parameter; those alone for other paths.
  // Every request was checked against every route before; now against a handful.
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_first_;
  std::vector<std::size_t> first_is_parameter_;
};

// "%E5%B8%82" → "市"; nullopt for a truncated or non-hex escape, a decoded NUL, or a result
// that is not UTF-8.
std::optional<std::string> percent_decode(std::string_view text);

// "a=1&b=%20x" → {a: "1", b: " x"} ('+' means space); later duplicates are ignored.
std::map<std::string, std::string> parse_query(std::string_view query);
// The same pairs in the order given, repeats kept (EPCIS queries may repeat a parameter).
std::vector<std::pair<std::string, std::string>> parse_query_list(std::string_view query);

}  // namespace zhiyou::server
