#include "server/read_snapshots.hpp"

#include <soci/soci.h>

#include "store/data_version.hpp"

namespace zhiyou::server {

using Clock = std::chrono::steady_clock;

struct ReadSnapshots::Reader {
  std::unique_ptr<store::Database> db;
  bool open = false;  // inside its read transaction
  Clock::time_point began;
  std::int64_t trace = 0;  // the snapshot's trace version

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
    trace = store::data_versions(*db).trace;
  }
};

Result<std::unique_ptr<ReadSnapshots>> ReadSnapshots::open(const std::string& url, std::size_t size,
                                                           std::chrono::milliseconds max_age) {
  std::unique_ptr<ReadSnapshots> snapshots(new ReadSnapshots(max_age));
  for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) {
    auto db = store::Database::open(url);
    if (!db.ok()) return db.error();
    try {
      (*db)->session() << "PRAGMA query_only = ON";
    } catch (const std::exception& e) {
      return make_error(std::string("无法打开只读连接: ") + e.what());
    }
    auto reader = std::make_unique<Reader>();
    reader->db = std::move(db).value();
    snapshots->free_.push_back(reader.get());
    snapshots->all_.push_back(std::move(reader));
  }
  snapshots->releaser_ = std::thread([s = snapshots.get()] { s->release_idle(); });
  return snapshots;
}

ReadSnapshots::ReadSnapshots(std::chrono::milliseconds max_age) : max_age_(max_age) {}

ReadSnapshots::~ReadSnapshots() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stopping_.notify_all();
  if (releaser_.joinable()) releaser_.join();
}

ReadSnapshots::Lease ReadSnapshots::acquire(std::int64_t trace_at_least) {
  Reader* reader = nullptr;
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [this] { return !free_.empty(); });
    reader = free_.back();
    free_.pop_back();
  }
  Lease lease(*this, reader, false);  // returns the reader should begin() throw
  if (!reader->open || reader->trace < trace_at_least || Clock::now() - reader->began > max_age_) {
    reader->begin();
    lease.fresh_ = true;
  }
  return lease;
}

ReadSnapshots::Lease::~Lease() {
  if (reader_ != nullptr) owner_->give_back(reader_);
}

store::Database& ReadSnapshots::Lease::db() const { return *reader_->db; }

bool ReadSnapshots::Lease::renew() {
  if (fresh_) return false;
  reader_->begin();
  fresh_ = true;
  return true;
}

void ReadSnapshots::give_back(Reader* reader) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(reader);
  }
  available_.notify_one();
}

// Ends the snapshots nobody has renewed for max_age, so that an idle server holds none.
void ReadSnapshots::release_idle() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    stopping_.wait_for(lock, max_age_);
    const Clock::time_point now = Clock::now();
    for (Reader* reader : free_) {
      if (now - reader->began > max_age_) reader->end();  // brief: no I/O
    }
  }
  for (Reader* reader : free_) reader->end();
}

}  // namespace zhiyou::server
