// `zhiyou gs1 check`: GS1 data on stdin, one JSON verdict per line on stdout.
//
// Built for millions of lines: stdin is read in 1 MiB blocks with read(2), output goes out
// in blocks of about the same size, and the per-line work reuses one CheckResult.
#include <fmt/core.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <string>

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
};

void check_stdin(const CheckOptions& o) {
  trace::gs1::Options options;
  options.permit_unknown_ais = o.unknown_ais;
  options.permit_unknown_ai_dl_attributes = o.unknown_ais;
  options.check_associations = !o.no_associations;
  options.permit_zero_suppressed_gtin = !o.strict_gtin;
  options.permit_convenience_alphas = o.convenience_alphas;
  trace::gs1::LineChecker checker(options);

  std::string in(2 * kBlock, '\0');
  std::size_t held = 0;  // bytes of an unfinished line at the front of `in`
  std::string out;
  out.reserve(kBlock + kBlock / 2);
  while (true) {
    if (in.size() - held < kBlock) in.resize(held + kBlock);  // a line longer than a block
    const ssize_t n = ::read(STDIN_FILENO, in.data() + held, in.size() - held);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw UserError{fmt::format("无法读取标准输入: {}", std::strerror(errno))};
    }
    const bool at_end = n == 0;
    const std::size_t filled = held + static_cast<std::size_t>(n);
    std::string_view data(in.data(), filled);
    std::size_t used = 0;
    // In slices, so that the output buffer stays about a block long.
    while (true) {
      const std::size_t slice = std::min(data.size() - used, kBlock / 4);
      const bool last = used + slice == data.size();
      const std::size_t taken = checker.check(data.substr(used, slice), at_end && last, out);
      used += taken;
      if (out.size() >= kBlock) {
        write_all(STDOUT_FILENO, out);
        out.clear();
      }
      if (last || taken == 0) break;
    }
    held = filled - used;
    if (held > 0 && used > 0) std::memmove(in.data(), in.data() + used, held);
    if (at_end) break;
  }
  write_all(STDOUT_FILENO, out);
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
  check->callback([] { check_stdin(options); });
}

}  // namespace zhiyou::cli
