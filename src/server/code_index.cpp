#include "server/code_index.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "trace/batch_store.hpp"
#include "trace/code_store.hpp"

namespace zhiyou::server {
namespace {

// Codes read per query: a short read transaction each, and 50,000 rows of strings in memory.
constexpr std::size_t kPage = 50000;
// What the directory takes per code at most, for the estimate before it is filled: 24 bytes a
// slot and its tag, at the lowest load its tables have right after doubling.
constexpr std::size_t kMaxBytesPerCode = 60;

std::string mib(std::size_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / 1048576.0);
}

}  // namespace

CodeIndex::CodeIndex(DatabasePool& pool, std::size_t max_bytes) : max_bytes_(max_bytes) {
  if (max_bytes_ == 0) {
    state_ = State::off;
    return;
  }
  thread_ = std::thread([this, &pool] { fill(pool); });
}

CodeIndex::~CodeIndex() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

std::optional<std::string> CodeIndex::lot(std::string_view gtin, std::string_view serial) const {
  if (state_.load(std::memory_order_acquire) != State::ready) return std::nullopt;
  return directory_.lot(gtin, serial);
}

void CodeIndex::learn(std::string_view gtin, std::string_view serial, std::string_view lot) {
  if (state_.load(std::memory_order_acquire) != State::ready) return;
  if (directory_.bytes() >= max_bytes_) return;
  directory_.add(gtin, serial, lot);
}

void CodeIndex::wait_filled() const {
  std::unique_lock lock(mutex_);
  filled_.wait(lock, [this] { return state_ != State::filling; });
}

void CodeIndex::finish(State state) {
  {
    std::lock_guard lock(mutex_);
    state_.store(state, std::memory_order_release);
  }
  filled_.notify_all();
}

// Runs on thread_: nothing else touches directory_ until finish() says ready.
void CodeIndex::fill(DatabasePool& pool) {
  const auto started = std::chrono::steady_clock::now();
  try {
    auto counts = [&] {
      auto lease = pool.acquire();
      return trace::product_code_totals(*lease);
    }();
    if (!counts.ok()) throw std::runtime_error(counts.error().describe());
    long long total = 0;
    for (const auto& [gtin, totals] : *counts) total += totals.codes;
    if (static_cast<std::size_t>(total) * kMaxBytesPerCode > max_bytes_) {
      spdlog::warn(
          "码目录未载入内存：{} 个码约需 {}，超过 --code-index-mib 的 {}；扫码将直接查询数据库",
          total, mib(static_cast<std::size_t>(total) * kMaxBytesPerCode), mib(max_bytes_));
      finish(State::off);
      return;
    }
    if (total > 0) spdlog::info("正在将 {} 个已发放的码载入内存（扫码解析用）…", total);
    for (const auto& [gtin, totals] : *counts) {
      directory_.reserve(gtin, static_cast<std::size_t>(totals.codes));
    }
    std::string gtin;
    std::string serial;
    for (;;) {
      if (stopping_) return finish(State::off);
      auto page = [&] {
        auto lease = pool.acquire();
        return trace::codes_after(*lease, gtin, serial, kPage);
      }();
      if (!page.ok()) throw std::runtime_error(page.error().describe());
      for (const trace::StoredCode& code : *page) directory_.add(code.gtin, code.serial, code.lot);
      if (directory_.bytes() > max_bytes_) {
        spdlog::warn("码目录超过 --code-index-mib 的 {}，未载入内存；扫码将直接查询数据库",
                     mib(max_bytes_));
        directory_.clear();
        return finish(State::off);
      }
      if (page->size() < kPage) break;
      gtin = page->back().gtin;
      serial = page->back().serial;
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    spdlog::info("码目录已载入内存：{} 个码，{}，用时 {:.1f} 秒", directory_.size(),
                 mib(directory_.bytes()), took.count());
    finish(State::ready);
  } catch (const std::exception& e) {
    spdlog::warn("码目录载入失败（{}）；扫码将直接查询数据库", e.what());
    directory_.clear();
    finish(State::off);
  }
}

}  // namespace zhiyou::server
