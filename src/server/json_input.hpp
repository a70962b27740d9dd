// Reading JSON request bodies: errors name the field, and map to 400 (not JSON at all) or
// 422 (JSON, but a field is missing or wrong).
#pragma once

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "server/http.hpp"

namespace zhiyou::server {

// The body as a JSON object; the error's place is "body".
Result<boost::json::object> parse_json_object(std::string_view body);

// A non-empty string field; the error's place is the field name.
Result<std::string> required_string(const boost::json::object& object, std::string_view field);
// A string field or absent/null (nullopt); any other type is an error.
Result<std::optional<std::string>> optional_string(const boost::json::object& object,
                                                   std::string_view field);
Result<std::optional<bool>> optional_bool(const boost::json::object& object,
                                          std::string_view field);

// Domain checks shared with the command line name its options ("--lot", "--base-uri"); the
// API names the field or parameter instead ("lot", "base_uri").
Error as_field_error(Error error);

// 400 bad_request for a body that is not a JSON object.
Response bad_body(const Error& error);
// 422 unprocessable with "field" set from the error's place.
Response invalid_field(const Error& error);

}  // namespace zhiyou::server
