// What the server does with oversized, malformed and abusive requests: the right status
// with the JSON error shape, and it keeps serving afterwards.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "server/server_fixture.hpp"

namespace zhiyou::server::testing {
namespace {

class Limits : public ServerTest {
 protected:
  ApiOptions api_options() override {
    ApiOptions options = ServerTest::api_options();
    options.login_attempts = 3;
    return options;
  }
  ServerOptions server_options() override {
    ServerOptions options = ServerTest::server_options();
    options.body_limit = std::size_t{64} * 1024;
    options.header_limit = std::size_t{8} * 1024;
    return options;
  }
  void expect_still_serving() {
    const HttpReply health = get("/healthz");
    EXPECT_EQ(health.status, 200u);
    EXPECT_EQ(health.json().at("status").as_string(), "ok");
  }
};
ZHIYOU_ON_BOTH_ENGINES(Limits);

TEST_P(Limits, ABodyOverTheLimitIs413) {
  const std::string token = login(people::Role::office);
  const HttpReply reply = call({http::verb::post, "/api/v1/plans/import",
                                std::string(std::size_t{65} * 1024, 'x'), token, "text/plain"});
  EXPECT_EQ(reply.status, 413u);
  EXPECT_EQ(reply.error_code(), "payload_too_large");
  expect_still_serving();
}

// The server answers as soon as it reads the length, while the client is still sending: the
// answer must still reach it (a browser uploading a too-large file shows the message, not
// "connection reset"). 16 MiB is more than the sockets' buffers hold on the way.
TEST_P(Limits, AClientStillSendingATooLargeBodyGetsThe413) {
  const std::string token = login(people::Role::office);
  for (int i = 0; i < 3; ++i) {
    const HttpReply reply =
        call({http::verb::post, "/api/v1/plans/import",
              std::string(std::size_t{16} * 1024 * 1024, 'x'), token, "text/plain"});
    EXPECT_EQ(reply.status, 413u);
    EXPECT_EQ(reply.error_code(), "payload_too_large");
  }
  expect_still_serving();
}

// A capture's body may be 256 MiB, so who sends one is checked from its header alone: without
// a valid token, or with a role that may not capture, the answer comes before any of the body
// is read (these clients send none). An account that may capture has its body read: sent
// none, it gets no answer.
TEST_P(Limits, ACaptureFromSomeoneWhoMayNotCaptureIsRefusedBeforeItsBody) {
  const std::string header =
      "POST /epcis/capture HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 200000000\r\n";
  std::string reply = raw_exchange(port(), header + "\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 401", 0), 0u) << reply;
  EXPECT_NE(reply.find("请先登录"), std::string::npos) << reply;

  reply =
      raw_exchange(port(), header + "Authorization: Bearer " + std::string(64, 'f') + "\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 401", 0), 0u) << reply;
  EXPECT_NE(reply.find("登录已失效"), std::string::npos) << reply;

  const std::string unit = login(people::Role::unit_reporter);  // reports figures, no events
  reply = raw_exchange(port(), header + "Authorization: Bearer " + unit + "\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 403", 0), 0u) << reply;

  const std::string inspector = login(people::Role::inspector);
  reply = raw_exchange(port(), header + "Authorization: Bearer " + inspector + "\r\n\r\n");
  EXPECT_EQ(reply, "");
  expect_still_serving();
}

// A connection of the test's own to the server, to send a request piece by piece.
boost::asio::ip::tcp::socket open_connection(boost::asio::io_context& ioc, unsigned short port) {
  boost::asio::ip::tcp::socket socket(ioc);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
  return socket;
}

// An EPCIS document of one ObjectEvent, padded with spaces to `size` bytes.
std::string document(std::size_t size, int serial) {
  std::string out =
      R"({"@context":"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",)"
      R"("type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-05-01T08:00:00Z",)"
      R"("epcisBody":{"eventList":[{"type":"ObjectEvent","eventID":"urn:zhiyou:budget:)" +
      std::to_string(serial) +
      R"(","eventTime":"2024-05-01T08:00:00Z","eventTimeZoneOffset":"+00:00",)"
      R"("action":"OBSERVE","bizStep":"shipping",)"
      R"("epcList":["urn:epc:id:sgtin:9506000.013435.)" +
      std::to_string(serial) + R"("]}]}})";
  out.resize(std::max(size, out.size()), ' ');
  return out;
}

std::string header(std::size_t length, const std::string& token) {
  return "POST /epcis/capture HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
         "Authorization: Bearer " +
         token + "\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n";
}

// Request bodies held at once share a budget (128 KiB here): a request announcing more than
// is left gets 503 with Retry-After before its body is read; the share comes back when the
// request is answered, and when its sender goes away without sending it.
class BodyBudget : public ServerTest {
 protected:
  ServerOptions server_options() override {
    ServerOptions options = ServerTest::server_options();
    options.body_bytes_in_flight = std::size_t{128} * 1024;
    return options;
  }

  // The status of a capture sent whole on a connection of its own.
  unsigned capture(std::size_t size, int serial, const std::string& token) {
    const std::string reply = raw_exchange(port(), header(size, token) + document(size, serial));
    return reply.size() > 12 ? static_cast<unsigned>(std::stoul(reply.substr(9, 3))) : 0;
  }
};
ZHIYOU_ON_BOTH_ENGINES(BodyBudget);

TEST_P(BodyBudget, BodiesBeyondTheBudgetWaitTheirTurn) {
  namespace asio = boost::asio;
  const std::string token = login(people::Role::admin);
  asio::io_context ioc;
  asio::ip::tcp::socket held = open_connection(ioc, port());
  // Its body comes later; the 100 Continue says that the server has taken its share.
  std::string held_header = header(100'000, token);
  held_header.insert(held_header.size() - 2, "Expect: 100-continue\r\n");
  asio::write(held, asio::buffer(held_header));
  std::string go_on(25, '\0');
  asio::read(held, asio::buffer(go_on));
  ASSERT_EQ(go_on, "HTTP/1.1 100 Continue\r\n\r\n");

  // Another 100,000 bytes do not fit beside it: 503 at once, before any body is sent.
  std::string reply = raw_exchange(port(), header(100'000, token));
  EXPECT_EQ(reply.rfind("HTTP/1.1 503", 0), 0u) << reply;
  EXPECT_NE(reply.find("Retry-After: 5"), std::string::npos) << reply;
  EXPECT_NE(reply.find("已达上限（合计 128 KiB）"), std::string::npos) << reply;
  // Another route's body too, a plan file from the office.
  reply =
      raw_exchange(port(),
                   "POST /api/v1/plans/import HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                   "Authorization: Bearer " +
                       login(people::Role::office) + "\r\nContent-Length: 60000\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 503", 0), 0u) << reply;
  // More than the whole budget can never fit: 413, not "try again".
  reply = raw_exchange(port(), header(200'000, token));
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
  EXPECT_NE(reply.find("--bodies-mib"), std::string::npos) << reply;
  // /metrics shows what is held, against the limit.
  EXPECT_EQ(metric("zhiyou_http_body_bytes_in_use"), 100'000);
  EXPECT_EQ(metric("zhiyou_http_body_bytes_limit"), 128 * 1024);
  // A small document fits in what is left.
  EXPECT_EQ(capture(2'000, 2, token), 202u);

  asio::write(held, asio::buffer(document(100'000, 1)));
  std::string answer(12, '\0');
  asio::read(held, asio::buffer(answer));
  EXPECT_EQ(answer, "HTTP/1.1 202");
  held.close();
  // Answered: its share is back, and a document of the same size goes in.
  EXPECT_EQ(capture(100'000, 3, token), 202u);

  // A sender that announces a body and goes away gives its share back too (once the server
  // has seen the connection close).
  asio::ip::tcp::socket gone = open_connection(ioc, port());
  asio::write(gone, asio::buffer(header(100'000, token)));
  gone.close();
  unsigned status = 0;
  for (int i = 0; i < 200 && status != 202u; ++i) {
    status = capture(100'000, 4, token);
    if (status != 202u) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(status, 202u);
  EXPECT_EQ(metric("zhiyou_http_body_bytes_in_use"), 0);
  const HttpReply events = get("/epcis/events?perPage=10", token);
  ASSERT_EQ(events.status, 200u) << events.body;
  EXPECT_EQ(events.json()
                .at("epcisBody")
                .at("queryResults")
                .at("resultsBody")
                .at("eventList")
                .as_array()
                .size(),
            4u)
      << events.body;
}

// The same for every route with a body: a plan file sent without logging in, or by a role
// that may not import plans, is refused from the header (60,000 bytes announced, none sent).
TEST_P(Limits, ABodyFromSomeoneTheRouteDoesNotLetInIsRefusedBeforeItIsRead) {
  const std::string header =
      "POST /api/v1/plans/import HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
      "Content-Length: 60000\r\n";
  std::string reply = raw_exchange(port(), header + "\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 401", 0), 0u) << reply;
  const std::string inspector = login(people::Role::inspector);
  reply = raw_exchange(port(), header + "Authorization: Bearer " + inspector + "\r\n\r\n");
  EXPECT_EQ(reply.rfind("HTTP/1.1 403", 0), 0u) << reply;
  expect_still_serving();
}

// Out of file descriptors, accept() fails at once every time: the server waits between tries
// (it used to try again straight away, a thread at full speed), counts the failures for
// /metrics, and takes the waiting connections once descriptors are free again. The clients
// are a child process's, so that only the server runs out.
TEST_P(Limits, OutOfFileDescriptorsTheServerWaitsInsteadOfSpinning) {
  rlimit before{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &before), 0);
  const auto open_now = static_cast<rlim_t>(std::distance(
      std::filesystem::directory_iterator("/proc/self/fd"), std::filesystem::directory_iterator{}));
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  rlimit tight = before;
  tight.rlim_cur = open_now + 4;  // room for a few accepted connections, not for twenty
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &tight), 0);
  const pid_t child = ::fork();
  if (child == 0) {  // only async-signal-safe calls from here on
    ::setrlimit(RLIMIT_NOFILE, &before);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < 20; ++i) {
      const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
      if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::_exit(1);
      }
    }
    if (::write(ready[1], "r", 1) != 1) ::_exit(1);
    ::pause();
    ::_exit(0);
  }
  char signal = 0;
  const bool connected = child > 0 && ::read(ready[0], &signal, 1) == 1;
  std::this_thread::sleep_for(std::chrono::seconds(1));  // the server out of descriptors
  if (child > 0) {
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
  }
  ::setrlimit(RLIMIT_NOFILE, &before);
  ::close(ready[0]);
  ::close(ready[1]);
  ASSERT_TRUE(connected);

  expect_still_serving();
  const HttpReply metrics = get("/metrics");
  ASSERT_EQ(metrics.status, 200u);
  const std::string name = "zhiyou_http_accept_failures_total ";
  const auto at = metrics.body.find("\n" + name);
  ASSERT_NE(at, std::string::npos) << metrics.body;
  const long failures = std::stol(metrics.body.substr(at + 1 + name.size()));
  EXPECT_GE(failures, 1);
  EXPECT_LE(failures, 100);  // about ten a second; straight away it was millions
}

// A body may take as long as the read timeout (1 s here) and as much more as it takes at
// 64 KiB/s: 200,000 bytes sent in four pieces over about 2 s go in (a 4.5 MB capture over a
// slow uplink was cut off after 30 s in all), while 20,000 bytes that stall are cut off.
class SlowClients : public ServerTest {
 protected:
  ServerOptions server_options() override {
    ServerOptions options = ServerTest::server_options();
    options.read_timeout = std::chrono::seconds(1);
    options.min_transfer_rate = std::size_t{64} * 1024;
    return options;
  }
};
ZHIYOU_ON_BOTH_ENGINES(SlowClients);

TEST_P(SlowClients, ALargeBodyMayTakeLongerAndAStalledOneIsCutOff) {
  namespace asio = boost::asio;
  const std::string token = login(people::Role::admin);
  asio::io_context ioc;
  asio::ip::tcp::socket slow = open_connection(ioc, port());
  asio::write(slow, asio::buffer(header(200'000, token)));
  const std::string body = document(200'000, 7);
  boost::system::error_code ec;
  for (std::size_t at = 0; at < body.size() && !ec; at += 50'000) {
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    asio::write(
        slow, asio::buffer(body.data() + at, std::min<std::size_t>(50'000, body.size() - at)), ec);
  }
  EXPECT_FALSE(ec) << "the server closed the connection: " << ec.message();
  std::string answer(12, '\0');
  asio::read(slow, asio::buffer(answer), ec);
  EXPECT_EQ(answer, "HTTP/1.1 202") << ec.message();

  asio::ip::tcp::socket stalled = open_connection(ioc, port());
  asio::write(stalled, asio::buffer(header(20'000, token) + document(20'000, 8).substr(0, 10'000)));
  std::this_thread::sleep_for(std::chrono::seconds(2));
  std::string nothing(12, '\0');
  const std::size_t n = asio::read(stalled, asio::buffer(nothing), ec);
  EXPECT_EQ(n, 0u) << nothing;  // closed without an answer
  EXPECT_TRUE(ec == asio::error::eof || ec == asio::error::connection_reset) << ec.message();
}

TEST_P(Limits, AHeaderOverTheLimitIs431) {
  HttpCall request{http::verb::get, "/api/v1/plans"};
  request.extra.set("X-Padding", std::string(std::size_t{9} * 1024, 'p'));
  const HttpReply reply = call(request);
  EXPECT_EQ(reply.status, 431u);
  EXPECT_EQ(reply.error_code(), "header_too_large");
  expect_still_serving();
}

TEST_P(Limits, MalformedRequestsAre400AndTheServerStaysUp) {
  for (const std::string& bytes : {
           std::string("GARBAGE\r\n\r\n"),
           std::string("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"),
           std::string("GET /api/v1/plans HTTX/1.1\r\n\r\n"),
           std::string("GET /api/v1/plans HTTP/1.1\r\nBad Header\r\n\r\n"),
           std::string("POST /api/v1/session HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
           std::string("\0\0\0\0\r\n\r\n", 8),
       }) {
    const std::string reply = raw_exchange(port(), bytes);
    EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << bytes << "\n→ " << reply;
    EXPECT_NE(reply.find("\"code\":\"bad_request\""), std::string::npos) << reply;
  }
  expect_still_serving();
}

TEST_P(Limits, NotJsonIs400AndBadPercentEncodingIs400) {
  const HttpReply not_json = call({http::verb::post, "/api/v1/session", "{username:"});
  EXPECT_EQ(not_json.status, 400u);
  EXPECT_EQ(not_json.json().at("error").at("field").as_string(), "body");
  EXPECT_EQ(get("/api/v1/plans/%zz").status, 400u);
}

TEST_P(Limits, UnknownPathsAre404JsonAndWrongMethods405) {
  const HttpReply missing = get("/api/v1/nothing-here");
  EXPECT_EQ(missing.status, 404u);
  EXPECT_EQ(missing.error_code(), "not_found");
  const HttpReply wrong = call({http::verb::post, "/api/v1/plans"});
  EXPECT_EQ(wrong.status, 405u);
  EXPECT_EQ(wrong.headers[http::field::allow], "GET");
}

TEST_P(Limits, LoginIsRateLimitedPerClient) {
  const std::string wrong = R"({"username":"admin1","password":"guess guess"})";
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(call({http::verb::post, "/api/v1/session", wrong}).status, 401u) << i;
  }
  const HttpReply limited = call({http::verb::post, "/api/v1/session", wrong});
  EXPECT_EQ(limited.status, 429u);
  EXPECT_EQ(limited.error_code(), "too_many_requests");
  EXPECT_FALSE(limited.headers[http::field::retry_after].empty());
  // Even the right password waits: the limit counts attempts, not failures.
  const std::string right = R"({"username":"admin1","password":")" + std::string(kPassword) + "\"}";
  EXPECT_EQ(call({http::verb::post, "/api/v1/session", right}).status, 429u);
  // Other routes are not limited.
  expect_still_serving();
}

TEST_P(Limits, KeepAliveServesSeveralRequestsOnOneConnection) {
  const std::string two =
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/plans HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  const std::string replies = raw_exchange(port(), two);
  const auto first = replies.find("HTTP/1.1 200");
  ASSERT_NE(first, std::string::npos) << replies;
  EXPECT_NE(replies.find("HTTP/1.1 200", first + 1), std::string::npos) << replies;
}

TEST_P(Limits, MetricsCountRequestsByRouteAndStatus) {
  ASSERT_EQ(get("/api/v1/plans").status, 200u);
  ASSERT_EQ(get("/api/v1/plans/p000").status, 404u);
  const HttpReply metrics = get("/metrics");
  ASSERT_EQ(metrics.status, 200u);
  EXPECT_EQ(metrics.headers[http::field::content_type], "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = metrics.body;
  EXPECT_NE(
      text.find(R"(zhiyou_http_requests_total{route="/api/v1/plans",method="GET",status="200"} 1)"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(
          R"(zhiyou_http_requests_total{route="/api/v1/plans/{id}",method="GET",status="404"} 1)"),
      std::string::npos);
  EXPECT_NE(text.find(R"(zhiyou_http_request_duration_seconds_count{route="/api/v1/plans"} 1)"),
            std::string::npos);
  // A connection for each of the 2 io threads and each of the 2 writer threads.
  EXPECT_NE(text.find("zhiyou_db_pool_connections 4"), std::string::npos);
}

}  // namespace
}  // namespace zhiyou::server::testing
