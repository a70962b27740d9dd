// One entry of the route table (routes.cpp): method, path pattern, who may call it, the
// handler, and what the OpenAPI document says about it. Roles are checked by the router
// (access.hpp) before a handler runs; handlers never check roles themselves.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "people/role.hpp"
#include "server/http.hpp"

namespace zhiyou::server {

class RequestContext;
using Handler = std::function<Response(RequestContext&)>;

// text: a UTF-8 document; spreadsheet: CSV (UTF-8 or GB18030) or XLSX bytes.
enum class RequestBody { none, json, text, spreadsheet };

struct QueryParameter {
  std::string name;
  std::string description;
  bool required = false;
};

struct Route {
  http::verb method = http::verb::get;
  // "/api/v1/plans/{id}": a {name} segment matches one path segment (percent-decoded); a
  // last segment {name+} matches one or more, given as sent (still percent-encoded).
  std::string pattern;
  // Who may call it. Containing Role::public_ means everyone, logged in or not.
  std::vector<people::Role> roles;
  Handler handler;
  // For the OpenAPI document.
  std::string summary;  // Chinese
  std::string tag;
  RequestBody body = RequestBody::none;
  http::status success = http::status::ok;
  std::vector<QueryParameter> query;
  // GET routes whose answer depends only on the monitoring tables, the caller's scope and
  // the date: answered from ResponseCache while the data version is unchanged.
  bool cached = false;

  [[nodiscard]] bool is_public() const;
};

// Role lists for the route table.
std::vector<people::Role> everyone();       // public included
std::vector<people::Role> any_logged_in();  // every role but public
std::vector<people::Role> only(std::initializer_list<people::Role> roles);

// `route` with `cached` set.
Route cached(Route route);

}  // namespace zhiyou::server
