// The OpenAPI 3.0 document for /api/v1/openapi.json, generated from the route table so that
// it cannot drift from what the server answers.
#pragma once

#include <boost/json/value.hpp>

#include <vector>

#include "server/route.hpp"

namespace zhiyou::server {

boost::json::value openapi_document(const std::vector<Route>& routes);

}  // namespace zhiyou::server
