#include "server/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>

namespace zhiyou::server::testing {
namespace {
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

tcp::socket connect(asio::io_context& ioc, unsigned short port) {
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  return socket;
}

}  // namespace

boost::json::value HttpReply::json() const {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  return ec ? boost::json::value() : value;
}

std::string HttpReply::error_code() const {
  const auto doc = json();
  if (!doc.is_object()) return "";
  const auto* error = doc.as_object().if_contains("error");
  if (error == nullptr || !error->is_object()) return "";
  const auto* code = error->as_object().if_contains("code");
  return code != nullptr && code->is_string() ? std::string(code->as_string()) : "";
}

HttpReply call(unsigned short port, const HttpCall& request) {
  asio::io_context ioc;
  beast::tcp_stream stream(connect(ioc, port));
  http::request<http::string_body> req{request.method, request.target, 11};
  req.set(http::field::host, "127.0.0.1");
  for (const auto& field : request.extra) req.set(field.name_string(), field.value());
  if (!request.token.empty()) req.set(http::field::authorization, "Bearer " + request.token);
  if (!request.body.empty()) req.set(http::field::content_type, request.content_type);
  req.body() = request.body;
  req.prepare_payload();
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (request.method == http::verb::head) parser.skip(true);
  http::read(stream, buffer, parser);
  auto res = parser.release();
  HttpReply reply;
  reply.status = res.result_int();
  for (const auto& field : res) reply.headers.set(field.name_string(), field.value());
  reply.body = std::move(res.body());
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  return reply;
}

HttpReply get(unsigned short port, const std::string& target, const std::string& token) {
  return call(port, HttpCall{http::verb::get, target, "", token});
}

std::string raw_exchange(unsigned short port, const std::string& bytes) {
  asio::io_context ioc;
  tcp::socket socket = connect(ioc, port);
  asio::write(socket, asio::buffer(bytes));
  socket.shutdown(tcp::socket::shutdown_send);
  std::string out;
  std::array<char, 4096> chunk{};
  for (;;) {
    boost::system::error_code ec;
    const std::size_t n = socket.read_some(asio::buffer(chunk), ec);
    out.append(chunk.data(), n);
    if (ec) break;
  }
  return out;
}

}  // namespace zhiyou::server::testing
