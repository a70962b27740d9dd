#include "server/scan_recorder.hpp"

#include <spdlog/spdlog.h>

namespace zhiyou::server {
namespace {

// Scans kept while the database refuses them; beyond this the oldest are dropped.
constexpr std::size_t kMaxPending = 100000;

}  // namespace

ScanRecorder::ScanRecorder(DatabasePool& pool, std::size_t many_places,
                           std::chrono::milliseconds interval)
    : pool_(pool), many_places_(many_places), interval_(interval), thread_([this] { run(); }) {}

ScanRecorder::~ScanRecorder() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  flush();
}

void ScanRecorder::record(trace::resolver::Scan scan) {
  std::lock_guard lock(mutex_);
  if (pending_.size() >= kMaxPending) pending_.erase(pending_.begin());
  pending_.push_back(std::move(scan));
}

void ScanRecorder::flush() {
  std::lock_guard one_batch(flush_mutex_);
  std::vector<trace::resolver::Scan> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(pending_);
  }
  if (batch.empty()) return;
  auto lease = pool_.acquire();
  auto crossed = trace::resolver::record_scans(*lease, batch, many_places_);
  if (crossed.ok()) {
    many_places_signals_ += *crossed;
    return;
  }
  spdlog::error("扫码记录写入失败，稍后重试: {}", crossed.error().describe());
  std::lock_guard lock(mutex_);
  pending_.insert(pending_.begin(), batch.begin(), batch.end());
  if (pending_.size() > kMaxPending) {
    pending_.erase(pending_.begin(), pending_.begin() + (pending_.size() - kMaxPending));
  }
}

void ScanRecorder::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    flush();
    lock.lock();
  }
}

}  // namespace zhiyou::server
