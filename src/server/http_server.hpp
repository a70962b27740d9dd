// The network side: HTTP/1.1 with keep-alive over Boost.Beast and Asio. One io_context per
// thread; a single acceptor hands each new connection to the threads in turn, and the
// connection stays on that thread for its life. Reads (GET, HEAD) are handled synchronously
// on the connection's thread (Api::handle), so a thread serves its other connections between
// them. Everything else runs on a pool of as many writer threads: a write may wait for the
// database (SQLite's single write lock, which another process may hold for seconds) and a
// login hashes a password, and meanwhile the connection's thread goes on serving the scans
// and reads of its other connections. The database pool needs a connection for each thread
// of both kinds (`zhiyou serve` opens 2 × threads).
//
// Limits: request header size (431), body size (413), bodies held at once (503), a timeout
// for the header of the next request (idle) and one for a body or an answer that grows with
// its size (read); a body is read only
// from a caller its route lets in (401/403 from the header alone); a malformed request gets
// 400 and the connection is closed. stop() shuts down gracefully: no new
// connections, idle ones closed, a request already begun is read, answered and only then closed.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "core/result.hpp"

namespace zhiyou::server {

class Api;

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see start())
  int threads = 2;
  std::size_t header_limit = std::size_t{16} * 1024;
  std::size_t body_limit = std::size_t{8} * 1024 * 1024;
  // POST /epcis/capture only: batched EPCIS documents (10,000 events are about 4.5 MB).
  std::size_t capture_body_limit = std::size_t{256} * 1024 * 1024;
  // Request bodies held at once, counted by their Content-Length (a chunked one as its
  // route's limit) from the header until the request is answered; one that would pass it
  // gets 503 with Retry-After before its body is read. Parsing a capture's document takes
  // several times its size again, for at most `threads` documents at a time (the writers).
  std::size_t body_bytes_in_flight = std::size_t{512} * 1024 * 1024;
  std::chrono::seconds idle_timeout{60};  // waiting for (the header of) the next request
  // Reading a body or writing an answer may take read_timeout, and as much more as moving
  // its bytes at min_transfer_rate takes: a 4.5 MB capture over a factory's 1 Mbit/s uplink
  // needs 36 s, a recall list of a big batch minutes.
  std::chrono::seconds read_timeout{30};
  std::size_t min_transfer_rate = std::size_t{64} * 1024;  // bytes per second (512 kbit/s)
  std::chrono::seconds shutdown_grace{30};  // after stop(), how long requests may still run
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, Api& api);
  ~HttpServer();  // stop() and wait()
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts the threads; returns the port listened on. Fails with a Chinese
  // message when the address cannot be bound.
  Result<unsigned short> start();
  // Begins the graceful shutdown; returns at once. Safe from any thread, more than once.
  void stop();
  // Blocks until every thread has finished (after stop(), within shutdown_grace).
  void wait();

  class Impl;  // defined in http_server.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace zhiyou::server
