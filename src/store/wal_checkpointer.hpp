// Checkpoints a SQLite database's write-ahead log on a thread of its own.
//
// SQLite's default copies the WAL back into the database file inside the COMMIT that took
// the log past 1000 pages: the writer that happens to cross the line waits for the copy.
// For bulk work (EPCIS capture, `trace issue`) that was a seventh of the time. Here the
// commit only signals, and a second connection owned by this object's thread copies while
// the writer goes on. Durability is unchanged: a commit is durable once its WAL frames are
// synced; checkpointing only moves them into the main file. At kRestartPages the writer
// checkpoints itself, which keeps the log's file bounded.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace zhiyou::store {

class Database;

class WalCheckpointer {
 public:
  // Takes over the checkpoints of `db`'s connection (a SQLite file in WAL mode).
  explicit WalCheckpointer(Database& db);
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;
  // Stops the thread; the log left over is checkpointed when the last connection closes.
  ~WalCheckpointer();

  // Bytes of log that start a checkpoint: 64 MB (16,000 pages of 4 KB, 4,000 of 16 KB).
  // SQLite's own default, 1,000 pages, made a bulk capture copy back nearly every commit: at a
  // million stored events each commit of 10,000 events changes thousands of the identifier
  // index's pages, and the same pages were copied again after each next commit. A longer log
  // lets one copy carry several commits' changes to a page (README: capture throughput,
  // session 15: +25 % at scale).
  static constexpr std::int64_t kLogBytes = std::int64_t{64} << 20;
  // Bytes of log at which the writer itself checkpoints, waiting for readers, so that the
  // next transaction starts the log afresh: 256 MB. The thread alone cannot ensure that:
  // commits following each other closely (a long `trace capture`) each begin before the
  // thread has finished, and SQLite only starts the log over in a transaction that begins
  // after a complete checkpoint. Without this the log of 300,000 events grew to 213 MB, and
  // without bound for longer captures. The log's file stays at its largest until the last
  // connection closes: cutting it back (journal_size_limit) cost a bulk capture 15 %.
  static constexpr std::int64_t kRestartBytes = 4 * kLogBytes;

  // Other thresholds than the above (tests, which cannot write hundreds of megabytes).
  void set_thresholds(std::int64_t log_bytes, std::int64_t restart_bytes) {
    pages_ = static_cast<int>(log_bytes / page_size_);
    restart_pages_ = static_cast<int>(restart_bytes / page_size_);
  }

 private:
  friend struct WalHook;
  void committed(int pages);  // after each commit, with the pages now in the log
  void run();

  ::sqlite3* writer_;
  std::string path_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool wanted_ = false;
  bool stopping_ = false;
  std::int64_t page_size_ = 4096;  // the database's
  int pages_ = 0;                  // of log that start a checkpoint
  int restart_pages_ = 0;          // at which the writer checkpoints
  std::thread thread_;             // started at the first checkpoint wanted
};

}  // namespace zhiyou::store
