// Scans of serialised codes, written to the database in batches by a background thread, so
// that a scan costs the consumer's phone no database write. Scans of the same serial from
// the same place wait as one entry with a count; a batch is written every `interval` in one
// transaction, and whatever is left when the server stops (the destructor writes it).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
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

  // `place` as scan_place() made it ("" when none was declared); `at` UTC, ISO 8601.
  // Of serials never issued, only the first 1,000 new ones a batch are kept (see .cpp).
  void record(const std::string& gtin, const std::string& serial, const std::string& place,
              const std::string& at, bool never_issued = false);
  // Writes what is pending now (tests; shutdown).
  void flush();

  // Serials that reached the many-places threshold since the server started.
  [[nodiscard]] std::uint64_t many_places_signals() const { return many_places_signals_; }
  // Scans not kept: the queue was full (the database refused them for too long), or too many
  // made-up serials came within one batch.
  [[nodiscard]] std::uint64_t dropped() const { return dropped_; }

 private:
  void run();

  DatabasePool& pool_;
  const std::size_t many_places_;
  const std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::mutex flush_mutex_;  // one batch at a time
  std::condition_variable wake_;
  std::unordered_map<std::string, trace::resolver::Scan> pending_;  // gtin \n serial \n place
  std::size_t pending_never_issued_ = 0;
  bool stopping_ = false;
  std::atomic<std::uint64_t> many_places_signals_{0};
  std::atomic<std::uint64_t> dropped_{0};
  std::thread thread_;
};

}  // namespace zhiyou::server
