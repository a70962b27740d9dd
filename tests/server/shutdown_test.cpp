// The real `zhiyou serve` binary stopped with SIGTERM while a request is half sent: it stops
// accepting connections, closes idle ones, finishes the request in flight, and exits 0.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <cstdio>
#include <regex>
#include <string>
#include <thread>

#include "support/test_support.hpp"

namespace zhiyou::server::testing {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// `zhiyou serve` as a child process whose stdout we read.
class ServeProcess {
 public:
  explicit ServeProcess(const std::string& db) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      execl(ZHIYOU_BINARY, ZHIYOU_BINARY, "serve", "--db", db.c_str(), "--listen", "127.0.0.1:0",
            "--threads", "2", "--web", "", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    out_ = fdopen(out[0], "r");
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ != nullptr) fclose(out_);
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  std::string read_line() {
    char buffer[1024];
    return fgets(buffer, sizeof buffer, out_) != nullptr ? std::string(buffer) : std::string();
  }
  // The port from "… 正在 http://127.0.0.1:PORT/ 提供服务 …".
  unsigned short port() {
    const std::string line = read_line();
    std::smatch m;
    if (!std::regex_search(line, m, std::regex(R"(http://127\.0\.0\.1:(\d+)/)"))) return 0;
    return static_cast<unsigned short>(std::stoi(m[1]));
  }
  void signal(int sig) const { kill(pid_, sig); }
  int wait_exit() {
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string rest_of_output() {
    std::string all;
    for (std::string line = read_line(); !line.empty(); line = read_line()) all += line;
    return all;
  }

 private:
  pid_t pid_ = -1;
  bool exited_ = false;
  FILE* out_ = nullptr;
};

bool can_connect(asio::io_context& ioc, unsigned short port) {
  tcp::socket socket(ioc);
  boost::system::error_code ec;
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
  return !ec;
}

TEST(GracefulShutdown, SigtermLetsTheRequestInFlightFinish) {
  zhiyou::testing::TempDir dir;
  const std::string db = (dir.path() / "zhiyou.db").string();
  ASSERT_EQ(zhiyou::testing::run_zhiyou(
                "user add office1 --role office --password-stdin --db '" + db + "'",
                "correct horse battery\n")
                .exit_code,
            0);
  ServeProcess serve(db);
  const unsigned short port = serve.port();
  ASSERT_NE(port, 0);

  asio::io_context ioc;
  tcp::socket idle(ioc);
  idle.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  tcp::socket busy(ioc);
  busy.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));

  const std::string body = R"({"username":"office1","password":"correct horse battery"})";
  const std::string head =
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: "
      "application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n";
  // Headers and half the body: the request is in flight.
  asio::write(busy, asio::buffer(head + body.substr(0, 10)));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the server read it

  serve.signal(SIGTERM);
  // The listener closes first; wait for that before sending the rest.
  for (int i = 0; i < 100 && can_connect(ioc, port); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_FALSE(can_connect(ioc, port)) << "still accepting connections after SIGTERM";

  asio::write(busy, asio::buffer(body.substr(10)));
  std::string reply;
  boost::system::error_code ec;
  asio::read(busy, asio::dynamic_buffer(reply), ec);  // until the server closes
  EXPECT_EQ(reply.rfind("HTTP/1.1 200", 0), 0u) << reply;
  EXPECT_NE(reply.find("\"token\""), std::string::npos) << reply;
  EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;

  // The idle keep-alive connection was closed without a response.
  std::string nothing;
  asio::read(idle, asio::dynamic_buffer(nothing), ec);
  EXPECT_TRUE(nothing.empty()) << nothing;

  EXPECT_EQ(serve.wait_exit(), 0);
  const std::string output = serve.rest_of_output();
  EXPECT_NE(output.find("收到信号 15"), std::string::npos) << output;
  EXPECT_NE(output.find("已停止"), std::string::npos) << output;
}

}  // namespace
}  // namespace zhiyou::server::testing
