// The HTTP message types the server works with and the JSON responses every handler
// returns. Errors always have the shape {"error":{"code":"…","message":"…"}}.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace zhiyou::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// A JSON response with `status`.
Response json_response(http::status status, const boost::json::value& body);

// {"error":{"code":…,"message":…}} (and "field" when the problem is one input field).
Response error_response(http::status status, std::string_view code, std::string_view message,
                        std::string_view field = {});

// The code each status is reported with: 400 bad_request, 401 unauthorized, 403 forbidden,
// 404 not_found, 405 method_not_allowed, 409 conflict, 413 payload_too_large,
// 415 unsupported_media_type,
// 422 unprocessable, 429 too_many_requests, 431 header_too_large, 500 internal,
// 503 unavailable.
std::string_view error_code(http::status status);

// Shorthand for error_response(status, error_code(status), message, field).
Response error_for(http::status status, std::string_view message, std::string_view field = {});

// 503 with Retry-After: 5: the request may succeed if sent again shortly (the database is
// held by another writer, its connection was lost, the server is receiving too much).
Response try_again_shortly(std::string_view message);

}  // namespace zhiyou::server
