// SQLite connections that only read, each inside a read transaction kept open from one
// request to the next. Beginning and ending a read transaction takes file locks (fcntl) and
// the WAL index's locks; for a scan answered from a 10,000,000-code table that was a third of
// the server's CPU time per request. A kept snapshot is renewed when it has not yet seen the
// data version the request was asked for, when it is older than max_age, and, by a
// background thread, when nobody has used it for max_age: a snapshot held open stops
// checkpoints from reaching the end of the log. The connections are opened with
// `PRAGMA query_only`, so nothing can write through them by mistake.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "core/result.hpp"
#include "server/database_pool.hpp"
#include "store/data_version.hpp"
#include "store/database.hpp"

namespace zhiyou::server {

class ReadSnapshots {
 public:
  // `size` read-only connections to the SQLite database at `url` (already migrated).
  static Result<std::unique_ptr<ReadSnapshots>> open(const std::string& url, std::size_t size,
                                                     std::chrono::milliseconds max_age);
  ~ReadSnapshots();
  ReadSnapshots(const ReadSnapshots&) = delete;
  ReadSnapshots& operator=(const ReadSnapshots&) = delete;

  struct Snapshot;  // kept with each connection (store::Database::attached)

  // A borrowed connection inside its snapshot, returned (snapshot still open) when the
  // lease ends.
  class Lease {
   public:
    Lease(DatabasePool::Lease connection, Snapshot& snapshot)
        : connection_(std::move(connection)), snapshot_(&snapshot) {}

    store::Database& db() const { return *connection_; }
    // Moves to a new snapshot unless this lease began its snapshot itself; true if it did.
    // For rows no data version covers (codes are only ever added): a code missing from a
    // snapshot taken before it was issued is looked for again before it is called unknown.
    bool renew();

   private:
    friend class ReadSnapshots;
    DatabasePool::Lease connection_;
    Snapshot* snapshot_;
    bool fresh_ = false;  // the snapshot was begun for this lease
  };

  // Waits for a free connection; its snapshot has seen the trace and scans versions of
  // `at_least` and is younger than max_age. Throws on SQL errors.
  Lease acquire(const store::DataVersions& at_least);

 private:
  ReadSnapshots(std::unique_ptr<DatabasePool> readers, std::chrono::milliseconds max_age);
  void release_idle();

  std::unique_ptr<DatabasePool> readers_;  // read-only connections
  std::chrono::milliseconds max_age_;
  std::mutex mutex_;
  std::condition_variable stopping_;
  bool stop_ = false;
  std::thread releaser_;
};

}  // namespace zhiyou::server
