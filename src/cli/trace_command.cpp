// `zhiyou trace issue` (赋码), `zhiyou trace codes` (a batch's codes again) and `zhiyou trace qr`.
// Other `trace` verbs (EPCIS events, recall) register on the same `trace` command through
// trace_subcommand().
#include <fmt/core.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <span>

#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "cli/output_file.hpp"
#include "registry/product.hpp"
#include "trace/batch_store.hpp"
#include "trace/code_store.hpp"
#include "trace/gs1/digital_link.hpp"
#include "trace/issuance.hpp"
#include "trace/qr.hpp"

namespace zhiyou::cli {
namespace {

struct IssueOptions {
  std::string db;
  std::string gtin;
  std::string lot;
  std::optional<std::string> expiry;
  std::size_t count = 0;
  std::string serials = "random";
  std::string out;
  std::string base_uri{trace::kDefaultBaseUri};
};

struct CodesOptions {
  std::string db;
  std::string gtin;
  std::string lot;
  std::string out;
  std::string base_uri{trace::kDefaultBaseUri};
};

struct QrOptions {
  std::string uri;
  std::string format = "png";
  std::string out;
  int scale = 8;
};

// "赋码 [#########-----------]  45%  675000/1500000", redrawn in place on a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled) {}
  void operator()(std::size_t done, std::size_t total) const {
    if (!enabled_) return;
    constexpr int kWidth = 30;
    const int filled =
        static_cast<int>(static_cast<double>(done) / static_cast<double>(total) * kWidth);
    fmt::print(stderr, "\r赋码 [{}{}] {:3}%  {}/{}", std::string(filled, '#'),
               std::string(kWidth - filled, '-'), done * 100 / total, done, total);
    if (done == total) fmt::print(stderr, "\n");
    (void)std::fflush(stderr);  // a progress bar that cannot be drawn is no error
  }

 private:
  bool enabled_;
};

// Writes `path` whole or not at all (OutputFile): `fill` writes the content.
void write_output_file(const std::string& path, const std::function<bool(std::FILE*)>& fill) {
  OutputFile out(path);
  std::FILE* file = std::fopen(out.write_path().c_str(), "wb");
  if (file == nullptr) throw UserError{fmt::format("{}: 无法写入文件", path)};
  const bool ok = fill(file);
  if (std::fclose(file) != 0 || !ok) {
    throw UserError{fmt::format("{}: 写入失败（磁盘已满？）", path)};
  }
  if (Status committed = out.commit(); !committed) throw UserError{committed.error().message};
}

bool write_csv(std::FILE* file, const trace::IssueRequest& request,
               const std::vector<std::string>& serials) {
  const trace::CsvRows rows(request);
  std::string buffer(trace::csv_header());
  buffer.reserve(std::size_t{4} << 20);
  for (const std::string& serial : serials) {
    rows.append(buffer, serial);
    if (buffer.size() >= (std::size_t{4} << 20) - 1024) {
      if (std::fwrite(buffer.data(), 1, buffer.size(), file) != buffer.size()) return false;
      buffer.clear();
    }
  }
  return std::fwrite(buffer.data(), 1, buffer.size(), file) == buffer.size();
}

// The CSV file of an issue, written while the codes are stored: rows go to the output's
// temporary (OutputFile) chunk by chunk inside the transaction, the file is closed before the
// commit (a write error rolls the codes back) and renamed after it. A failure leaves neither
// codes nor file.
class CsvFile {
 public:
  // `lost` says what a failed write means for the user ("未写入任何码" for an issue).
  CsvFile(const std::string& path, const trace::IssueRequest& request,
          std::string lost = "未写入任何码")
      : target_(path), lost_(std::move(lost)), rows_(request) {
    file_ = std::fopen(target_.write_path().c_str(), "wb");
    if (file_ == nullptr) throw UserError{fmt::format("{}: 无法写入文件", path)};
    buffer_ = trace::csv_header();
  }
  ~CsvFile() {
    // Best effort: the issue has failed already, or the file was closed and renamed.
    if (file_ != nullptr) static_cast<void>(std::fclose(file_));
  }
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;

  Status write(std::span<const std::string> serials) {
    for (const std::string& serial : serials) rows_.append(buffer_, serial);
    const bool ok = std::fwrite(buffer_.data(), 1, buffer_.size(), file_) == buffer_.size();
    buffer_.clear();
    if (!ok) return make_error(target_.path() + ": 写入失败（磁盘已满？），" + lost_);
    return Ok{};
  }

  Status close() {
    const int rc = std::fclose(file_);
    file_ = nullptr;
    if (rc != 0) return make_error(target_.path() + ": 写入失败（磁盘已满？），" + lost_);
    return Ok{};
  }

  // After the commit.
  void rename() {
    if (Status committed = target_.commit(); !committed) {
      throw UserError{"赋码已保存，但" + committed.error().message};
    }
  }

 private:
  OutputFile target_;
  std::string lost_;
  trace::CsvRows rows_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
};

void issue(const IssueOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  auto request = trace::make_issue_request(
      o.gtin, o.lot, o.expiry ? std::optional<std::string_view>(*o.expiry) : std::nullopt, o.count,
      o.serials, o.base_uri);
  if (!request) throw UserError{request.error().describe()};
  auto db = open_database(o.db);
  ProgressBar bar(::isatty(STDERR_FILENO) == 1);
  trace::IssueHooks hooks;
  hooks.progress = [&bar](std::size_t done, std::size_t total) { bar(done, total); };
  std::unique_ptr<CsvFile> csv;
  if (!o.out.empty()) {
    csv = std::make_unique<CsvFile>(o.out, *request);
    hooks.stored = [&csv](std::span<const std::string> serials) { return csv->write(serials); };
    hooks.before_commit = [&csv] { return csv->close(); };
  }
  auto serials = trace::issue_codes(*db, *request, trace::random_serials(), hooks);
  if (!serials) throw UserError{serials.error().describe()};
  const double stored_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (csv) {
    csv->rename();
  } else {
    // Standard output cannot be taken back: the rows are written once the codes are stored.
    if (!write_csv(stdout, *request, *serials) || std::fflush(stdout) != 0) {
      throw UserError{"无法写入标准输出"};
    }
  }
  const double total_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print(stderr, "已赋码 {} 个：GTIN {} 批次 {}{}，入库 {:.2f} s，共 {:.2f} s{}\n",
             serials->size(), request->gtin, request->lot,
             request->expiry ? "（有效期 " + *request->expiry + "）" : std::string(), stored_s,
             total_s, o.out.empty() ? "" : "，已写入 " + o.out);
}

// The codes of a batch issued earlier, as `trace issue` wrote them: labels to print again,
// or a batch too large for the web page's download.
void export_codes(const CodesOptions& o) {
  auto db = open_database(o.db);
  auto gtin = registry::normalise_gtin(o.gtin);
  if (!gtin) throw UserError{"--gtin: " + gtin.error().message};
  auto batch = trace::find_batch(*db, *gtin, o.lot);
  if (!batch) throw UserError{batch.error().describe()};
  if (!*batch) throw UserError{fmt::format("--lot: 产品 {} 没有批次 {}", *gtin, o.lot)};
  const std::optional<std::string>& expiry = (*batch)->expiry;
  auto request = trace::make_issue_request(
      *gtin, o.lot, expiry ? std::optional<std::string_view>(*expiry) : std::nullopt, 1, "random",
      o.base_uri);
  if (!request) throw UserError{request.error().describe()};
  std::unique_ptr<CsvFile> csv;
  std::string buffer(trace::csv_header());
  const trace::CsvRows rows(*request);
  if (!o.out.empty()) csv = std::make_unique<CsvFile>(o.out, *request, "文件未生成");
  std::size_t written = 0;
  const Status read = trace::for_each_batch_serial(
      *db, request->gtin, request->lot, 10'000,
      [&](std::span<const std::string> serials) -> Status {
        written += serials.size();
        if (csv) return csv->write(serials);
        for (const std::string& serial : serials) rows.append(buffer, serial);
        const bool ok = std::fwrite(buffer.data(), 1, buffer.size(), stdout) == buffer.size();
        buffer.clear();
        return ok ? Status(Ok{}) : make_error("无法写入标准输出");
      });
  if (!read) throw UserError{read.error().describe()};
  if (csv) {
    if (Status closed = csv->close(); !closed) throw UserError{closed.error().describe()};
    csv->rename();
  } else if (std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size() ||
             std::fflush(stdout) != 0) {
    throw UserError{"无法写入标准输出"};
  }
  fmt::print(stderr, "已导出 {} 个码：GTIN {} 批次 {}{}\n", written, request->gtin, request->lot,
             o.out.empty() ? "" : "，已写入 " + o.out);
}

void render_qr(const QrOptions& o) {
  if (auto link = trace::gs1::parse_digital_link(o.uri); !link) {
    throw UserError{"不是有效的 GS1 Digital Link URI: " + link.error().describe()};
  }
  auto qr = trace::encode_qr(o.uri);
  if (!qr) throw UserError{qr.error().describe()};
  std::string bytes;
  if (o.format == "svg") {
    bytes = trace::render_svg(*qr, o.scale);
  } else {
    auto png = trace::render_png(*qr, o.scale);
    if (!png) throw UserError{png.error().describe()};
    bytes = std::move(*png);
  }
  write_output_file(o.out, [&](std::FILE* f) {
    return std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  });
  fmt::print("已生成二维码 {}（{}×{} 模块，{}）\n", o.out, qr->size, qr->size, o.format);
}

}  // namespace

CLI::App& trace_subcommand(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == "trace") return *sub;
  }
  auto* trace = app.add_subcommand("trace", "质量追溯：赋码、二维码、事件 / traceability");
  trace->require_subcommand(1);
  return *trace;
}

void add_trace_commands(CLI::App& app) {
  CLI::App& trace = trace_subcommand(app);
  static IssueOptions io;
  auto* issue_cmd = trace.add_subcommand(
      "issue", "为产品批次赋码：登记 N 个带序列号的码并输出 CSV（含元素串与 Digital Link）");
  issue_cmd->add_option("--gtin", io.gtin, "产品的 GTIN（须已用 product add 登记）")->required();
  issue_cmd->add_option("--lot", io.lot, "批号（AI 10：1-20 个 GS1 字符集 82 的字符）")->required();
  issue_cmd->add_option("--expiry", io.expiry, "有效期 YYMMDD（AI 17）");
  issue_cmd->add_option("--count", io.count, "赋码数量")->required();
  issue_cmd
      ->add_option("--serials", io.serials, "序列号方式：random（默认，不可猜测）或 sequential")
      ->check(CLI::IsMember({"random", "sequential"}));
  issue_cmd->add_option("--out", io.out, "CSV 输出文件（默认标准输出）");
  issue_cmd->add_option("--base-uri", io.base_uri, "Digital Link 的基础 URI")
      ->capture_default_str();
  add_database_option(*issue_cmd, io.db);
  issue_cmd->callback([] { issue(io); });

  static CodesOptions co;
  auto* codes_cmd = trace.add_subcommand(
      "codes", "导出一个批次已赋的全部码（CSV，与 trace issue 输出相同），用于重印标签");
  codes_cmd->add_option("--gtin", co.gtin, "产品的 GTIN")->required();
  codes_cmd->add_option("--lot", co.lot, "批号")->required();
  codes_cmd->add_option("--out", co.out, "CSV 输出文件（默认标准输出）");
  codes_cmd->add_option("--base-uri", co.base_uri, "Digital Link 的基础 URI")
      ->capture_default_str();
  add_database_option(*codes_cmd, co.db);
  codes_cmd->callback([] { export_codes(co); });

  static QrOptions qo;
  auto* qr_cmd = trace.add_subcommand("qr", "把 GS1 Digital Link URI 画成二维码（SVG 或 PNG）");
  qr_cmd->add_option("uri", qo.uri, "GS1 Digital Link URI")->required();
  qr_cmd->add_option("--format", qo.format, "svg 或 png")
      ->check(CLI::IsMember({"svg", "png"}))
      ->capture_default_str();
  qr_cmd->add_option("--out", qo.out, "输出文件")->required();
  qr_cmd->add_option("--scale", qo.scale, "每个模块的像素数")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  qr_cmd->callback([] { render_qr(qo); });
}

}  // namespace zhiyou::cli
