#include "server/http.hpp"

#include <boost/json.hpp>

#include "core/json.hpp"

namespace zhiyou::server {

Response json_response(http::status status, const boost::json::value& body) {
  Response res{status, 11};
  res.set(http::field::content_type, "application/json; charset=utf-8");
  res.set(http::field::cache_control, "no-store");
  res.body() = json::serialize(body);
  res.prepare_payload();
  return res;
}

Response error_response(http::status status, std::string_view code, std::string_view message,
                        std::string_view field) {
  boost::json::object error{{"code", code}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  Response res = json_response(status, boost::json::object{{"error", std::move(error)}});
  if (status == http::status::unauthorized) res.set(http::field::www_authenticate, "Bearer");
  return res;
}

std::string_view error_code(http::status status) {
  switch (status) {
    case http::status::bad_request:
      return "bad_request";
    case http::status::unauthorized:
      return "unauthorized";
    case http::status::forbidden:
      return "forbidden";
    case http::status::not_found:
      return "not_found";
    case http::status::method_not_allowed:
      return "method_not_allowed";
    case http::status::conflict:
      return "conflict";
    case http::status::payload_too_large:
      return "payload_too_large";
    case http::status::unsupported_media_type:
      return "unsupported_media_type";
    case http::status::unprocessable_entity:
      return "unprocessable";
    case http::status::too_many_requests:
      return "too_many_requests";
    case http::status::request_header_fields_too_large:
      return "header_too_large";
    case http::status::service_unavailable:
      return "unavailable";
    case http::status::insufficient_storage:
      return "insufficient_storage";
    default:
      return "internal";
  }
}

Response error_for(http::status status, std::string_view message, std::string_view field) {
  return error_response(status, error_code(status), message, field);
}

Response try_again_shortly(std::string_view message) {
  Response res = error_for(http::status::service_unavailable, message);
  res.set(http::field::retry_after, "5");
  return res;
}

}  // namespace zhiyou::server
