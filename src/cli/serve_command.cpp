// `zhiyou serve`: the HTTP API and the web UI until SIGTERM or SIGINT.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <sys/resource.h>
#include <boost/asio/io_context.hpp>

#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <thread>

#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "server/api.hpp"
#include "server/database_pool.hpp"
#include "server/http_server.hpp"

namespace zhiyou::cli {
namespace {

struct ServeOptions {
  std::string db;
  std::string postgres;
  std::string listen = "127.0.0.1:8080";
  int threads = 0;
  std::string web = "web/dist";
  int fresh_ms = 10;
  std::size_t bodies_mib = 512;
  std::size_t code_index_mib = 1024;
};

server::ServerOptions listen_options(const std::string& listen, int threads) {
  server::ServerOptions out;
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    throw UserError{
        fmt::format("--listen 应为 地址:端口（如 127.0.0.1:8080），而不是「{}」", listen)};
  }
  out.address = listen.substr(0, colon);
  if (out.address.size() > 2 && out.address.front() == '[' && out.address.back() == ']') {
    out.address = out.address.substr(1, out.address.size() - 2);  // [::1]:8080
  }
  try {
    const int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    out.port = static_cast<unsigned short>(port);
  } catch (const std::exception&) {
    throw UserError{fmt::format("--listen 中的端口无效：「{}」", listen.substr(colon + 1))};
  }
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  out.threads = threads > 0 ? threads : static_cast<int>(cores);
  return out;
}

// Every client connection is a file descriptor, and the soft limit a shell or service gets
// on Debian is 1,024: about a thousand clients at once. The hard limit (1,048,576 in a
// shell, 524,288 under systemd) is what the administrator allows; a server takes it, as
// nginx's worker_rlimit_nofile and Go's runtime do.
void raise_open_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    (void)::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

void serve(const ServeOptions& options) {
  raise_open_file_limit();
  server::ServerOptions server_options = listen_options(options.listen, options.threads);
  server_options.body_bytes_in_flight = options.bodies_mib * 1024 * 1024;
  const std::string url = options.postgres.empty() ? options.db : options.postgres;
  // A connection for each io thread and each writer thread (http_server.hpp).
  auto pool = server::DatabasePool::open(url, 2 * static_cast<std::size_t>(server_options.threads));
  if (!pool.ok()) throw UserError{pool.error().describe()};

  server::ApiOptions api_options;
  api_options.versions_max_age = std::chrono::milliseconds(options.fresh_ms);
  api_options.code_index_bytes = options.code_index_mib * 1024 * 1024;
  std::error_code ec;
  if (!options.web.empty() && std::filesystem::is_directory(options.web, ec)) {
    api_options.web_root = options.web;
  }
  server::Api api(api_options, **pool);
  server::HttpServer http(server_options, api);

  // Signals are waited for before the server threads start, so they are never delivered to
  // a thread that would die of them.
  boost::asio::io_context signals_context;
  boost::asio::signal_set signals(signals_context, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& error, int signal) {
    if (error) return;
    fmt::print("收到信号 {}，停止接受新连接，等待进行中的请求完成…\n", signal);
    (void)std::fflush(stdout);  // a message that cannot be shown does not stop the shutdown
    http.stop();
  });

  auto port = http.start();
  if (!port.ok()) throw UserError{port.error().describe()};
  const std::string host = server_options.address.find(':') != std::string::npos
                               ? "[" + server_options.address + "]"
                               : server_options.address;
  fmt::print("质优 Zhiyou 正在 http://{}:{}/ 提供服务（{} 个线程，数据库 {}，网页 {}）\n", host,
             *port, server_options.threads,
             (*pool)->engine() == store::Engine::sqlite ? "SQLite" : "PostgreSQL",
             api_options.web_root.empty() ? "未构建" : api_options.web_root.string());
  (void)std::fflush(stdout);
  signals_context.run();
  http.wait();
  fmt::print("已停止\n");
}

}  // namespace

void add_serve_commands(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* serve_cmd = app.add_subcommand("serve", "启动 HTTP 服务（API 与网页界面）");
  add_database_option(*serve_cmd, options->db);
  serve_cmd->add_option("--postgres", options->postgres,
                        "PostgreSQL 连接串（postgresql://user@host:port/db），代替 --db");
  serve_cmd->add_option("--listen", options->listen, "监听地址:端口（端口 0 表示任选空闲端口）")
      ->capture_default_str();
  serve_cmd->add_option("--threads", options->threads, "服务线程数（默认 CPU 核数）");
  serve_cmd->add_option("--web", options->web, "网页界面目录（Vite 构建产物）")
      ->capture_default_str();
  serve_cmd
      ->add_option("--fresh-ms", options->fresh_ms,
                   "其他进程（命令行、psql）写入的数据最迟多少毫秒后反映在缓存的响应中"
                   "（0 表示每个请求都检查）")
      ->check(CLI::Range(0, 60000))
      ->capture_default_str();
  serve_cmd
      ->add_option("--bodies-mib", options->bodies_mib,
                   "同时接收的请求内容（如 EPCIS 文档、上传的文件）合计上限（MiB）；"
                   "超出的请求得到 503，稍后重试")
      ->check(CLI::Range(1, 1 << 20))
      ->capture_default_str();
  serve_cmd
      ->add_option("--code-index-mib", options->code_index_mib,
                   "扫码解析在内存中保存已发放的码，所占内存上限（MiB，每个码约 25–50 字节）；"
                   "码更多时不载入，直接查询数据库；0 表示不使用")
      ->check(CLI::Range(0, 1 << 20))
      ->capture_default_str();
  serve_cmd->callback([options] { serve(*options); });
}

}  // namespace zhiyou::cli
