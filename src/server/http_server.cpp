#include "server/http_server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cassert>
#include <condition_variable>
#include <optional>
#include <thread>
#include <unordered_set>
#include <vector>

#include "server/api.hpp"
#include "server/byte_budget.hpp"

namespace zhiyou::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
// Each connection lives on one worker's io_context: its socket and timer use that context's
// executor type directly rather than the type-erased any_io_executor, which was copied and
// destroyed on every asynchronous step (2–3 % of a scan's CPU time in a profile).
using Executor = asio::io_context::executor_type;
using Socket = tcp::socket::rebind_executor<Executor>::other;
using Stream = beast::basic_stream<tcp, Executor>;

class Connection;

struct Worker {
  // Declared before the io_context, so it is still alive when the io_context's destructor
  // destroys pending handlers and with them the last references to connections.
  std::unordered_set<Connection*> connections;
  asio::io_context ioc{1};
  std::optional<asio::executor_work_guard<Executor>> guard;
  std::thread thread;
  // The thread inside run() now, if any: only it may change `connections`.
  std::atomic<std::thread::id> running_on{};
};

// POST /epcis/capture takes batched documents: its body may be larger than other routes'.
bool is_capture(const beast::http::request_header<>& header) {
  const std::string_view target = header.target();
  return header.method() == beast::http::verb::post &&
         target.substr(0, target.find('?')) == "/epcis/capture";
}

// The status line and header fields as they go on the wire. Beast's serializer walks them
// as a chain of buffer sequences on every write; for the short answers most requests get,
// one string and one gathered write cost less.
std::string header_bytes(const Response& res) {
  std::string out;
  out.reserve(256);
  out += res.version() == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  out += std::to_string(res.result_int());
  out += ' ';
  const beast::string_view reason = res.reason();
  const beast::string_view phrase =
      reason.empty() ? beast::http::obsolete_reason(res.result()) : reason;
  out.append(phrase.data(), phrase.size());
  out += "\r\n";
  for (const auto& field : res) {
    out += field.name_string();
    out += ": ";
    out += field.value();
    out += "\r\n";
  }
  out += "\r\n";
  return out;
}

bool is_http_error(const beast::error_code& ec) {
  return ec.category() == beast::http::make_error_code(beast::http::error::bad_target).category();
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(ServerOptions options, Api& api) : options(std::move(options)), api(api) {
    api.metrics().report_body_budget(&bodies);
  }
  ~Impl() { api.metrics().report_body_budget(nullptr); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  Result<unsigned short> start();
  void stop();
  void wait();
  [[nodiscard]] bool stopping() const { return stopping_.load(); }
  asio::thread_pool& writers() { return *writers_; }

  const ServerOptions options;
  Api& api;
  ByteBudget bodies{options.body_bytes_in_flight};

 private:
  void accept();
  void accept_later(const beast::error_code& ec);
  static void run(Worker& worker);

  static constexpr std::chrono::milliseconds kAcceptRetry{100};

  std::vector<std::unique_ptr<Worker>> workers_;
  std::optional<tcp::acceptor> acceptor_;
  std::optional<asio::steady_timer> accept_retry_;  // on the acceptor's io_context
  std::chrono::steady_clock::time_point last_accept_warning_;
  std::size_t next_worker_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex done_mutex_;
  std::condition_variable done_changed_;
  bool done_ = false;
  std::thread watchdog_;
  // After workers_: destroyed (joined) first, since its tasks hold connections of workers.
  std::optional<asio::thread_pool> writers_;
};

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Socket socket, Worker& worker, HttpServer::Impl& server)
      : stream_(std::move(socket)), worker_(worker), server_(server) {
    beast::error_code ec;
    const tcp::endpoint peer = stream_.socket().remote_endpoint(ec);
    client_ = ec ? std::string("unknown") : peer.address().to_string();
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  ~Connection() {
    // The set is the worker's alone: a connection ending on another thread (a writer's) while
    // the worker runs would corrupt it. Checked in the test build, where it would otherwise
    // show only as a rare use-after-free at shutdown.
    assert(worker_.running_on.load() == std::thread::id() ||
           worker_.running_on.load() == std::this_thread::get_id());
    worker_.connections.erase(this);
    server_.api.metrics().connection_closed();
  }

  void start() {
    worker_.connections.insert(this);
    server_.api.metrics().connection_opened();
    read_next();
  }

  // During shutdown: a connection waiting for its next request is closed; one that has
  // begun a request finishes it first (read_next() then sees the shutdown).
  void close_if_idle() {
    if (!in_request_ && !(parser_ && parser_->got_some())) close();
  }

 private:
  void read_next() {
    if (server_.stopping()) return close();
    in_request_ = false;
    // An idle connection keeps a small buffer, whatever its last body took.
    if (buffer_.size() == 0 && buffer_.capacity() > kBodyReadSize / 4) buffer_.shrink_to_fit();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.header_limit));
    // Beast checks a Content-Length against the limit as soon as the header is read, so the
    // larger limit of the capture route applies until the header says which route it is.
    body_limit_ = std::max(server_.options.body_limit, server_.options.capture_body_limit);
    parser_->body_limit(body_limit_);
    stream_.expires_after(server_.options.idle_timeout);
    beast::http::async_read_header(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&Connection::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t /*bytes*/) {
    if (ec) return on_error(ec);
    in_request_ = true;
    if (!is_capture(parser_->get())) {
      body_limit_ = server_.options.body_limit;
      const auto length = parser_->content_length();
      if (length && *length > body_limit_) return on_error(beast::http::error::body_limit);
      parser_->body_limit(body_limit_);  // a chunked body is counted as it arrives
    }
    stream_.expires_after(transfer_time(announced_body()));
    if (announced_body() > 0) {
      // A body is worth reading only from someone the route lets in: anyone else gets the
      // 401 or 403 now, before a byte of it is read (a capture's may be 256 MiB).
      if (auto refused = server_.api.refuse_before_body(parser_->get(), client_)) {
        return refuse(std::move(*refused));
      }
      if (!take_body_share()) return;
    }
    // curl and browsers may wait for "100 Continue" before sending a large body.
    if (beast::iequals(parser_->get()[beast::http::field::expect], "100-continue") &&
        !parser_->is_done()) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                        [self = shared_from_this()](beast::error_code ec2, std::size_t) {
                          if (ec2) return self->close();
                          self->read_body();
                        });
      return;
    }
    read_body();
  }

  // How long moving `bytes` may take (ServerOptions::read_timeout).
  [[nodiscard]] std::chrono::steady_clock::duration transfer_time(std::size_t bytes) const {
    const std::size_t rate = std::max<std::size_t>(server_.options.min_transfer_rate, 1);
    return server_.options.read_timeout + std::chrono::seconds(bytes / rate);
  }

  // What the header announces: its Content-Length, or for a chunked body the most it may
  // grow to (its route's limit, or the whole budget when that is less). Beast reads a body
  // with neither as empty.
  std::size_t announced_body() const {
    const auto length = parser_->content_length();
    if (length) return *length;
    return parser_->chunked() ? std::min(body_limit_, server_.bodies.total()) : 0;
  }

  // "512 MiB", "128 KiB".
  static std::string size_text(std::size_t bytes) {
    constexpr std::size_t kMiB = std::size_t{1024} * 1024;
    return bytes >= kMiB ? std::to_string(bytes / kMiB) + " MiB"
                         : std::to_string(bytes / 1024) + " KiB";
  }

  // Reserves room for the body announced, or answers 413 (it can never fit) or 503 (not
  // now) and closes.
  bool take_body_share() {
    const std::size_t announced = announced_body();
    if (announced > body_limit_) {
      on_error(beast::http::error::body_limit);
      return false;
    }
    const std::size_t total = server_.bodies.total();
    if (announced > total) {
      reject(http::status::payload_too_large,
             "请求体（" + size_text(announced) + "）超过服务器同时接收请求内容的上限（" +
                 size_text(total) + "，见 zhiyou serve --bodies-mib）");
      return false;
    }
    parser_->body_limit(announced);  // a chunked body may not outgrow its share
    body_share_ = server_.bodies.try_take(announced);
    if (body_share_) return true;
    reject(try_again_shortly("同时接收的请求内容已达上限（合计 " + size_text(total) +
                             "），请稍后重试"),
           "<bodies over budget>");
    return false;
  }

  void read_body() {
    // Beast reads into the room the buffer has (at least 512 bytes, at most 64 KiB a read),
    // and a buffer that has only held a header has little: a capture of 4.5 MB came in
    // reads of about 512 bytes, each a system call and a turn of the event loop.
    if (announced_body() > kBodyReadSize) buffer_.reserve(kBodyReadSize);
    beast::http::async_read(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Connection::on_request, shared_from_this()));
  }

  void on_request(beast::error_code ec, std::size_t /*bytes*/) {
    if (ec) return on_error(ec);
    Request request = parser_->release();
    const bool keep_alive = request.keep_alive();
    if (request.method() == http::verb::get || request.method() == http::verb::head) {
      return respond(server_.api.handle(request, client_), keep_alive);
    }
    // On a writer thread (see http_server.hpp); only the immutable client_ and the
    // thread-safe Api are used there. The work guard keeps this thread's io_context running
    // until the answer is posted back. The writer hands its reference on rather than copying
    // it: had the answer been sent and the connection closed before the writer let go, the
    // connection would end on the writer thread, and its destructor would change its worker's
    // set of connections from there, racing that worker (a stale entry, found by ASan when a
    // later shutdown went through the set).
    asio::post(server_.writers(), [self = shared_from_this(), request = std::move(request),
                                   keep_alive,
                                   work = asio::make_work_guard(stream_.get_executor())]() mutable {
      Response response = self->server_.api.handle(request, self->client_);
      auto executor = work.get_executor();
      asio::post(executor,
                 [self = std::move(self), keep_alive, response = std::move(response)]() mutable {
                   self->respond(std::move(response), keep_alive);
                 });
    });
  }

  void respond(Response response, bool keep_alive) {
    // Handled, the body is gone: its share goes back before the answer is written, so that a
    // client holding the answer finds the room free for its next body.
    body_share_.reset();
    keep_alive = keep_alive && !server_.stopping();
    response.keep_alive(keep_alive);
    send(std::move(response), keep_alive ? Then::read_next : Then::close);
  }

  void on_error(const beast::error_code& ec) {
    using beast::http::error;
    if (ec == error::body_limit) {
      return reject(http::status::payload_too_large,
                    "请求体超过上限（" + std::to_string(body_limit_) + " 字节）");
    }
    if (ec == error::header_limit) {
      return reject(http::status::request_header_fields_too_large, "请求头过大");
    }
    if (ec != error::end_of_stream && ec != error::partial_message && is_http_error(ec)) {
      return reject(http::status::bad_request, "无法解析的 HTTP 请求（" + ec.message() + "）");
    }
    close();  // end of stream, timeout, reset, or shut down
  }

  // What a connection does once a response is written.
  enum class Then { read_next, close, linger_and_close };

  // Answers a request that could not be read whole, then closes: the rest of it is unread.
  void reject(http::status status, const std::string& message) {
    reject(error_for(status, message), "malformed");
  }

  // The same with an answer of its own, counted in /metrics under `label` (the method may
  // not be known: the request was not read whole).
  void reject(Response response, std::string_view label) {
    server_.api.metrics().record(label, "<unknown>", response.result_int(),
                                 std::chrono::duration<double>(0));
    response.set(http::field::server, "zhiyou");
    refuse(std::move(response));
  }

  // Answers a request whose body is left unread, then closes.
  void refuse(Response response) {
    response.keep_alive(false);
    send(std::move(response), Then::linger_and_close);
  }

  void send(Response response, Then then) {
    in_request_ = true;
    response_ = std::move(response);
    stream_.expires_after(transfer_time(response_->body().size()));
    auto done = [self = shared_from_this(), then](beast::error_code ec, std::size_t) {
      self->response_.reset();
      self->header_.clear();
      if (ec || then == Then::close) return self->close();
      if (then == Then::linger_and_close) return self->linger_and_close();
      self->read_next();
    };
    // Every response with a known length (all of ours) goes out as header + body in one
    // gathered write; anything else through Beast's serializer.
    if (response_->has_content_length()) {
      header_ = header_bytes(*response_);
      const std::array<asio::const_buffer, 2> buffers{asio::buffer(header_),
                                                      asio::buffer(response_->body())};
      asio::async_write(stream_, buffers, std::move(done));
      return;
    }
    beast::http::async_write(stream_, *response_, std::move(done));
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(Socket::shutdown_send, ec);
    stream_.close();
  }

  // After answering a request whose body was left unread: stop sending, then read and drop
  // what the client still sends (at most kLingerBytes, for at most kLingerTime) before
  // closing. Closing with unread bytes makes the kernel reset the connection, and a client
  // still sending then loses the answer (a browser shows "connection reset" instead of the
  // 413). nginx's lingering_close does the same.
  void linger_and_close() {
    beast::error_code ec;
    stream_.socket().shutdown(Socket::shutdown_send, ec);
    if (ec) return stream_.close();
    stream_.expires_after(kLingerTime);
    drain_ = std::make_unique<std::array<char, 16384>>();
    drain();
  }

  void drain() {
    stream_.async_read_some(asio::buffer(*drain_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kLingerBytes) return self->stream_.close();
                              self->drain();
                            });
  }

  static constexpr std::size_t kBodyReadSize = std::size_t{64} * 1024;  // Beast's largest read
  static constexpr std::size_t kLingerBytes = std::size_t{64} * 1024 * 1024;
  static constexpr std::chrono::seconds kLingerTime{2};

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<beast::http::request_parser<beast::http::string_body>> parser_;
  std::optional<Response> response_;
  std::string header_;                              // of response_, while it is written
  std::unique_ptr<std::array<char, 16384>> drain_;  // linger_and_close() reads into it
  std::size_t drained_ = 0;
  Worker& worker_;
  HttpServer::Impl& server_;
  std::string client_;
  bool in_request_ = false;
  std::size_t body_limit_ = 0;                   // of the request being read
  std::optional<ByteBudget::Share> body_share_;  // the request's body, until it is answered
};

}  // namespace

Result<unsigned short> HttpServer::Impl::start() {
  const int threads = std::max(1, options.threads);
  for (int i = 0; i < threads; ++i) workers_.push_back(std::make_unique<Worker>());
  writers_.emplace(static_cast<std::size_t>(threads));
  beast::error_code ec;
  const auto address = asio::ip::make_address(options.address, ec);
  if (ec) return make_error("无法识别监听地址「" + options.address + "」", "--listen");
  const tcp::endpoint endpoint(address, options.port);
  acceptor_.emplace(workers_.front()->ioc);
  accept_retry_.emplace(workers_.front()->ioc);
  acceptor_->open(endpoint.protocol(), ec);
  if (!ec) acceptor_->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_->bind(endpoint, ec);
  if (!ec) acceptor_->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return make_error("无法监听 " + options.address + ":" + std::to_string(options.port) + "（" +
                          ec.message() + "）",
                      "--listen");
  }
  const unsigned short port = acceptor_->local_endpoint().port();
  accept();
  for (auto& worker : workers_) {
    worker->guard.emplace(worker->ioc.get_executor());
    worker->thread = std::thread([this, w = worker.get()] { run(*w); });
  }
  return port;
}

void HttpServer::Impl::run(Worker& worker) {
  worker.running_on = std::this_thread::get_id();
  struct Leaving {
    Worker& worker;
    ~Leaving() { worker.running_on = std::thread::id(); }
  } leaving{worker};
  for (;;) {
    try {
      worker.ioc.run();
      return;
    } catch (const std::exception& e) {  // a bug in a handler must not take the server down
      spdlog::error("服务线程异常: {}", e.what());
    }
  }
}

void HttpServer::Impl::accept() {
  Worker& target = *workers_[next_worker_++ % workers_.size()];
  acceptor_->async_accept(
      target.ioc.get_executor(), [this, &target](beast::error_code ec, Socket socket) {
        if (ec == asio::error::operation_aborted || !acceptor_->is_open()) return;
        if (ec) return accept_later(ec);
        asio::post(target.ioc, [this, &target, s = std::move(socket)]() mutable {
          std::make_shared<Connection>(std::move(s), target, *this)->start();
        });
        accept();
      });
}

// accept() fails at once, again and again, while no file descriptor is left: trying again
// straight away spun a thread at full speed. The connections wait in the listen queue
// meanwhile, and are taken as soon as descriptors are freed.
void HttpServer::Impl::accept_later(const beast::error_code& ec) {
  api.metrics().accept_failed();
  const auto now = std::chrono::steady_clock::now();
  if (now - last_accept_warning_ > std::chrono::minutes(1)) {
    last_accept_warning_ = now;
    spdlog::warn("无法接受新连接（{}）：打开的文件数可能已达上限（ulimit -n）；每 {} 毫秒重试",
                 ec.message(), kAcceptRetry.count());
  }
  accept_retry_->expires_after(kAcceptRetry);
  accept_retry_->async_wait([this](beast::error_code wait_ec) {
    if (!wait_ec && !stopping() && acceptor_->is_open()) accept();
  });
}

void HttpServer::Impl::stop() {
  if (stopping_.exchange(true) || workers_.empty()) return;
  asio::post(workers_.front()->ioc, [this] {
    beast::error_code ec;
    acceptor_->close(ec);
    accept_retry_->cancel();
  });
  for (auto& worker : workers_) {
    asio::post(worker->ioc, [w = worker.get()] {
      const std::vector<Connection*> open(w->connections.begin(), w->connections.end());
      for (Connection* c : open) c->close_if_idle();
      w->guard.reset();  // run() returns once the remaining connections are done
    });
  }
  // Requests that outlast the grace period are cut off.
  watchdog_ = std::thread([this] {
    std::unique_lock lock(done_mutex_);
    if (!done_changed_.wait_for(lock, options.shutdown_grace, [this] { return done_; })) {
      spdlog::warn("停止服务：{} 秒内仍有请求未完成，强制结束", options.shutdown_grace.count());
      for (auto& worker : workers_) worker->ioc.stop();
    }
  });
}

void HttpServer::Impl::wait() {
  for (auto& worker : workers_) {
    if (worker->thread.joinable()) worker->thread.join();
  }
  if (writers_) writers_->join();  // their last answers were posted to the io_contexts
  {
    std::lock_guard lock(done_mutex_);
    done_ = true;
  }
  done_changed_.notify_all();
  if (watchdog_.joinable()) watchdog_.join();
}

HttpServer::HttpServer(ServerOptions options, Api& api)
    : impl_(std::make_unique<Impl>(std::move(options), api)) {}

HttpServer::~HttpServer() {
  impl_->stop();
  impl_->wait();
}

Result<unsigned short> HttpServer::start() { return impl_->start(); }
void HttpServer::stop() { impl_->stop(); }
void HttpServer::wait() { impl_->wait(); }

}  // namespace zhiyou::server
