#include "server/read_snapshots.hpp"

#include <soci/soci.h>

#include "store/data_version.hpp"

namespace zhiyou::server {

using Clock = std::chrono::steady_clock;

struct ReadSnapshots::Snapshot {
  explicit Snapshot(store::Database& connection) : db(&connection) {}

  store::Database* db;
  bool open = false;  // inside its read transaction
  Clock::time_point began;
  store::DataVersions seen;  // the snapshot's trace and scans versions

  // A read transaction's COMMIT does no I/O; should it fail, ROLLBACK ends it just as well.
  void end() noexcept {
    if (!open) return;
    open = false;
    try {
      db->session() << "COMMIT";
    } catch (const std::exception&) {
      try {
        db->session() << "ROLLBACK";
      } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): nothing left to undo
      }
    }
  }
  void begin() {
    end();
    db->session() << "BEGIN";  // deferred: the snapshot is taken by the first read, below
    open = true;
    began = Clock::now();
    seen = store::data_versions(*db);
  }
};

Result<std::unique_ptr<ReadSnapshots>> ReadSnapshots::open(const std::string& url, std::size_t size,
                                                           std::chrono::milliseconds max_age) {
  auto readers = DatabasePool::open_read_only(url, size);
  if (!readers.ok()) return readers.error();
  std::unique_ptr<ReadSnapshots> snapshots(new ReadSnapshots(std::move(readers).value(), max_age));
  snapshots->releaser_ = std::thread([s = snapshots.get()] { s->release_idle(); });
  return snapshots;
}

ReadSnapshots::ReadSnapshots(std::unique_ptr<DatabasePool> readers,
                             std::chrono::milliseconds max_age)
    : readers_(std::move(readers)), max_age_(max_age) {}

ReadSnapshots::~ReadSnapshots() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stopping_.notify_all();
  if (releaser_.joinable()) releaser_.join();
}

ReadSnapshots::Lease ReadSnapshots::acquire(const store::DataVersions& at_least) {
  DatabasePool::Lease connection = readers_->acquire();
  auto& snapshot = connection->attached<Snapshot>();
  Lease lease(std::move(connection), snapshot);  // returns the connection should begin() throw
  if (!snapshot.open || snapshot.seen.trace < at_least.trace ||
      snapshot.seen.scans < at_least.scans || Clock::now() - snapshot.began > max_age_) {
    snapshot.begin();
    lease.fresh_ = true;
  }
  return lease;
}

bool ReadSnapshots::Lease::renew() {
  if (fresh_) return false;
  snapshot_->begin();
  fresh_ = true;
  return true;
}

// Ends the snapshots nobody has renewed for max_age, so that an idle server holds none.
void ReadSnapshots::release_idle() {
  std::unique_lock lock(mutex_);
  auto end_old = [this](store::Database& db) {
    auto& snapshot = db.attached<Snapshot>();
    if (Clock::now() - snapshot.began > max_age_) snapshot.end();  // brief: no I/O
  };
  while (!stop_) {
    stopping_.wait_for(lock, max_age_);
    readers_->for_each_idle(end_old);
  }
  readers_->for_each_idle([](store::Database& db) { db.attached<Snapshot>().end(); });
}

}  // namespace zhiyou::server
