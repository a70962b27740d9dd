#include "server/scan_recorder.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace zhiyou::server {
namespace {

// Distinct serial-and-place entries waiting; beyond this new ones are dropped (counted).
constexpr std::size_t kMaxPending = 200000;
// Of those, new never-issued serials: anyone can make up serials by the million, and a
// sample is enough for the regulator; the rest are counted but not kept.
constexpr std::size_t kMaxNeverIssuedPending = 1000;

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

void ScanRecorder::record(const std::string& gtin, const std::string& serial,
                          const std::string& place, const std::string& at, bool never_issued) {
  std::string key;
  key.reserve(gtin.size() + serial.size() + place.size() + 2);
  key.append(gtin).append(1, '\n').append(serial).append(1, '\n').append(place);
  std::lock_guard lock(mutex_);
  if (auto it = pending_.find(key); it != pending_.end()) {
    it->second.last_at = std::max(it->second.last_at, at);
    ++it->second.count;
    return;
  }
  if (pending_.size() >= kMaxPending ||
      (never_issued && pending_never_issued_ >= kMaxNeverIssuedPending)) {
    ++dropped_;
    return;
  }
  pending_.emplace(std::move(key), trace::resolver::Scan{gtin, serial, place, at, at, 1});
  if (never_issued) ++pending_never_issued_;
}

void ScanRecorder::flush() {
  std::lock_guard one_batch(flush_mutex_);
  std::unordered_map<std::string, trace::resolver::Scan> taken;
  {
    std::lock_guard lock(mutex_);
    taken.swap(pending_);
    pending_never_issued_ = 0;
  }
  if (taken.empty()) return;
  std::vector<trace::resolver::Scan> batch;
  batch.reserve(taken.size());
  for (auto& [key, scan] : taken) batch.push_back(std::move(scan));
  auto lease = pool_.acquire();
  auto crossed = trace::resolver::record_scans(*lease, batch, many_places_);
  if (crossed.ok()) {
    many_places_signals_ += *crossed;
    return;
  }
  spdlog::error("扫码记录写入失败，稍后重试: {}", crossed.error().describe());
  // Back into the queue, merged with what came meanwhile.
  std::lock_guard lock(mutex_);
  for (auto& [key, scan] : taken) {
    auto [it, added] = pending_.try_emplace(key, scan);
    if (added) continue;
    it->second.first_at = std::min(it->second.first_at, scan.first_at);
    it->second.count += scan.count;
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
