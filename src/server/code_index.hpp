// The scan resolver's directory of issued codes (trace::resolver::CodeDirectory), filled from
// the database by a background thread when the server starts, so that a scan of a serial
// finds its code without the database's B-tree. Until it is filled, and for a code issued
// since (by `zhiyou trace issue`, another process), scans ask the database as before; a code
// the database finds is added. A directory that would need more than `max_bytes` is not
// filled at all (logged), and the resolver works from the database alone.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "server/database_pool.hpp"
#include "trace/resolver/code_directory.hpp"

namespace zhiyou::server {

class CodeIndex {
 public:
  enum class State { filling, ready, off };

  // Starts filling from `pool` unless `max_bytes` is 0.
  CodeIndex(DatabasePool& pool, std::size_t max_bytes);
  ~CodeIndex();  // stops a fill still running
  CodeIndex(const CodeIndex&) = delete;
  CodeIndex& operator=(const CodeIndex&) = delete;

  // The lot of an issued code; nullopt when the database must be asked (not filled yet, or
  // a code the directory does not hold).
  [[nodiscard]] std::optional<std::string> lot(std::string_view gtin,
                                               std::string_view serial) const;
  // A code the database found issued; kept unless the directory is full or not in use.
  void learn(std::string_view gtin, std::string_view serial, std::string_view lot);

  [[nodiscard]] State state() const { return state_; }
  [[nodiscard]] std::size_t codes() const { return directory_.size(); }
  [[nodiscard]] std::size_t bytes() const { return directory_.bytes(); }
  [[nodiscard]] std::size_t max_bytes() const { return max_bytes_; }
  // Waits until the fill has ended (tests).
  void wait_filled() const;

 private:
  void fill(DatabasePool& pool);
  void finish(State state);

  const std::size_t max_bytes_;
  trace::resolver::CodeDirectory directory_;
  std::atomic<State> state_{State::filling};
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  mutable std::condition_variable filled_;
  std::thread thread_;
};

}  // namespace zhiyou::server
