// `zhiyou gs1 check`: GS1 data on stdin, one JSON verdict per line on stdout.
//
// Built for millions of lines: stdin is read in blocks of 1 MiB per thread with read(2); each
// block is cut at line ends into one piece per thread, the pieces are checked in parallel
// (each thread has its own LineChecker and output buffer), and their output is written in
// input order.
#include <fmt/core.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "cli/app.hpp"
#include "trace/gs1/check_lines.hpp"

namespace zhiyou::cli {
namespace {

constexpr std::size_t kBlock = std::size_t{1} << 20;

void write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw UserError{fmt::format("无法写入标准输出: {}", std::strerror(errno))};
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

struct CheckOptions {
  bool unknown_ais = false;
  bool no_associations = false;
  bool strict_gtin = false;
  bool convenience_alphas = false;
  unsigned threads = 0;  // 0: one per core
};

// Fills `in` after its first `held` bytes until it holds `want` bytes or stdin ends.
// Returns the bytes now in `in` and whether stdin has ended.
std::pair<std::size_t, bool> fill(std::string& in, std::size_t held, std::size_t want) {
  if (in.size() < want) in.resize(want);
  std::size_t filled = held;
  while (filled < want) {
    const ssize_t n = ::read(STDIN_FILENO, in.data() + filled, want - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw UserError{fmt::format("无法读取标准输入: {}", std::strerror(errno))};
    }
    if (n == 0) return {filled, true};
    filled += static_cast<std::size_t>(n);
  }
  return {filled, false};
}

// Cuts `text` into `parts` pieces of about equal size, each ending after a "\n" (the last
// one at the end of `text`).
std::vector<std::string_view> split_at_lines(std::string_view text, std::size_t parts) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 1; i < parts && start < text.size(); ++i) {
    std::size_t cut = std::max(start, text.size() * i / parts);
    const std::size_t nl = text.find('\n', cut);
    if (nl == std::string_view::npos) break;
    cut = nl + 1;
    out.push_back(text.substr(start, cut - start));
    start = cut;
  }
  out.push_back(text.substr(start));
  return out;
}

void check_stdin(const CheckOptions& o) {
  trace::gs1::Options options;
  options.permit_unknown_ais = o.unknown_ais;
  options.permit_unknown_ai_dl_attributes = o.unknown_ais;
  options.check_associations = !o.no_associations;
  options.permit_zero_suppressed_gtin = !o.strict_gtin;
  options.permit_convenience_alphas = o.convenience_alphas;
  const unsigned threads =
      o.threads > 0 ? o.threads : std::clamp(std::thread::hardware_concurrency(), 1U, 8U);
  std::vector<trace::gs1::LineChecker> checkers;
  checkers.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) checkers.emplace_back(options);
  std::vector<std::string_view> outs(threads);

  std::string in;
  std::size_t held = 0;  // bytes of an unfinished line at the front of `in`
  std::size_t block = kBlock * threads;
  while (true) {
    const auto [filled, at_end] = fill(in, held, held + block);
    std::string_view data(in.data(), filled);
    std::size_t cut = filled;
    if (!at_end) {
      const std::size_t nl = data.rfind('\n');
      if (nl == std::string_view::npos) {  // one line longer than a block: read more
        held = filled;
        block *= 2;
        continue;
      }
      cut = nl + 1;
    }
    const auto parts = split_at_lines(data.substr(0, cut), threads);
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      workers.emplace_back([&, i] {
        std::size_t consumed = 0;
        outs[i] = checkers[i].check_view(parts[i], true, consumed);
      });
    }
    std::size_t consumed = 0;
    outs[0] = checkers[0].check_view(parts[0], true, consumed);
    for (std::thread& worker : workers) worker.join();
    for (std::size_t i = 0; i < parts.size(); ++i) write_all(STDOUT_FILENO, outs[i]);
    held = filled - cut;
    if (held > 0) std::memmove(in.data(), in.data() + cut, held);
    if (at_end) break;
  }
}

}  // namespace

void add_gs1_commands(CLI::App& app) {
  auto* gs1 = app.add_subcommand("gs1", "GS1 数据：元素串与 Digital Link / GS1 data");
  gs1->require_subcommand(1);
  static CheckOptions options;
  auto* check = gs1->add_subcommand(
      "check",
      "逐行校验标准输入中的 GS1 数据（括号元素串、带 GS 分隔符的扫描数据、Digital Link URI），"
      "每行输出一行 JSON");
  check->add_flag("--permit-unknown-ais", options.unknown_ais,
                  "接受 GS1 未定义的 AI（括号元素串和 Digital Link 中）");
  check->add_flag("--no-associations", options.no_associations,
                  "不检查 AI 之间的关联（必需搭配、互斥、重复）");
  check->add_flag("--strict-gtin", options.strict_gtin,
                  "Digital Link 中的 AI (01) 必须为 14 位（不补零）");
  check->add_flag("--convenience-alphas", options.convenience_alphas,
                  "接受 Digital Link 1.0 的字母别名（/gtin/、/ser/ …）");
  check->add_option("--threads", options.threads, "并行校验的线程数（默认每个 CPU 核一个）")
      ->check(CLI::Range(1U, 64U));
  check->callback([] { check_stdin(options); });
}

}  // namespace zhiyou::cli
