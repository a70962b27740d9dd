// Scans of serialised codes, written to the database in batches by a background thread, so
// that a scan costs the consumer's phone no database write. A batch is written every
// `interval` and whatever is left when the server stops (the destructor waits for it).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "server/database_pool.hpp"
#include "trace/resolver/resolver_store.hpp"

namespace zhiyou::server {

class ScanRecorder {
 public:
  ScanRecorder(DatabasePool& pool, std::size_t many_places,
               std::chrono::milliseconds interval = std::chrono::seconds(1));
  ~ScanRecorder();
  ScanRecorder(const ScanRecorder&) = delete;
  ScanRecorder& operator=(const ScanRecorder&) = delete;

  void record(trace::resolver::Scan scan);
  // Writes what is pending now (tests; shutdown).
  void flush();

  // Serials that reached the many-places threshold since the server started.
  [[nodiscard]] std::uint64_t many_places_signals() const { return many_places_signals_; }

 private:
  void run();

  DatabasePool& pool_;
  const std::size_t many_places_;
  const std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::mutex flush_mutex_;  // one batch at a time
  std::condition_variable wake_;
  std::vector<trace::resolver::Scan> pending_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> many_places_signals_{0};
  std::thread thread_;
};

}  // namespace zhiyou::server
