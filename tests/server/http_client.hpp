// A small blocking HTTP/1.1 client over Beast, for talking to a real server on loopback.
#pragma once

#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <string>

namespace zhiyou::server::testing {

namespace http = boost::beast::http;

struct HttpReply {
  unsigned status = 0;
  http::fields headers;
  std::string body;

  // The body parsed as JSON (null when it is not JSON).
  [[nodiscard]] boost::json::value json() const;
  // error.code from {"error":{"code",…}}, or "" when the body has no such shape.
  [[nodiscard]] std::string error_code() const;
};

struct HttpCall {
  http::verb method = http::verb::get;
  std::string target;
  std::string body;
  std::string token;  // sent as "Authorization: Bearer …" when not empty
  std::string content_type = "application/json";
  http::fields extra;
};

// One request on a fresh connection.
HttpReply call(unsigned short port, const HttpCall& request);
HttpReply get(unsigned short port, const std::string& target, const std::string& token = {});

// Writes `bytes` as they are on a fresh connection and returns everything the server sends
// back before closing (or until a complete response when `one_response`).
std::string raw_exchange(unsigned short port, const std::string& bytes);

}  // namespace zhiyou::server::testing
