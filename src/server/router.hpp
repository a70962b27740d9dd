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
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // per route, split on '/'
};

// "%E5%B8%82" → "市"; nullopt for a truncated or non-hex escape, a decoded NUL, or a result
// that is not UTF-8.
std::optional<std::string> percent_decode(std::string_view text);

// "a=1&b=%20x" → {a: "1", b: " x"} ('+' means space); later duplicates are ignored.
std::map<std::string, std::string> parse_query(std::string_view query);
// The same pairs in the order given, repeats kept (EPCIS queries may repeat a parameter).
std::vector<std::pair<std::string, std::string>> parse_query_list(std::string_view query);

}  // namespace zhiyou::server
