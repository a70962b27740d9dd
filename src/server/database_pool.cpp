#include "server/database_pool.hpp"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "server/read_snapshots.hpp"

namespace zhiyou::server {
namespace {

// How long a kept read snapshot may serve: longer saves little (one BEGIN and COMMIT per
// 50 ms), and the checkpointer waits for the oldest snapshot before it can restart the log.
constexpr std::chrono::milliseconds kSnapshotMaxAge{50};

}  // namespace

Result<std::unique_ptr<store::Database>> DatabasePool::open_one(const std::string& url,
                                                                bool read_only) {
  auto db = store::Database::open(url);
  if (!db.ok()) return db.error();
  if (read_only && (*db)->engine() == store::Engine::sqlite) {
    try {
      (*db)->session() << "PRAGMA query_only = ON";
    } catch (const std::exception& e) {
      return make_error(std::string("无法打开只读连接: ") + e.what());
    }
  }
  return db;
}

Result<std::unique_ptr<DatabasePool>> DatabasePool::open_connections(const std::string& url,
                                                                     std::size_t size,
                                                                     bool read_only) {
  std::unique_ptr<DatabasePool> pool(new DatabasePool());
  pool->url_ = url;
  pool->read_only_ = read_only;
  for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) {
    auto db = open_one(url, read_only);
    if (!db.ok()) return db.error();
    pool->engine_ = (*db)->engine();
    pool->free_.push_back(db->get());
    pool->all_.push_back(std::move(db).value());
  }
  return pool;
}

Result<std::unique_ptr<DatabasePool>> DatabasePool::open(const std::string& url, std::size_t size) {
  auto pool = open_connections(url, size, false);
  if (!pool.ok()) return pool;
  // Each connection to ":memory:" is a database of its own: readers would see none of it.
  const bool in_memory = url == ":memory:" || url == "sqlite::memory:";
  if ((*pool)->engine_ == store::Engine::sqlite && !in_memory) {
    auto snapshots = ReadSnapshots::open(url, size, kSnapshotMaxAge);
    if (!snapshots.ok()) return snapshots.error();
    (*pool)->snapshots_ = std::move(snapshots).value();
    auto writer = open_one(url, false);
    if (!writer.ok()) return writer.error();
    (*pool)->bulk_writer_ = std::move(writer).value();
  }
  return pool;
}

store::Database* DatabasePool::bulk_writer(std::unique_lock<std::mutex>& lock) {
  if (!bulk_writer_) return nullptr;
  lock = std::unique_lock(bulk_writer_mutex_);
  return bulk_writer_.get();
}

Result<std::unique_ptr<DatabasePool>> DatabasePool::open_read_only(const std::string& url,
                                                                   std::size_t size) {
  return open_connections(url, size, true);
}

DatabasePool::~DatabasePool() = default;

DatabasePool::Lease::~Lease() {
  if (db_ != nullptr) pool_->give_back(db_);
}

DatabasePool::Lease DatabasePool::acquire() {
  std::unique_lock lock(mutex_);
  ++acquisitions_;
  if (free_.empty()) ++waits_;
  available_.wait(lock, [this] { return !free_.empty(); });
  store::Database* db = free_.back();
  free_.pop_back();
  const bool suspect = suspect_.erase(db) > 0;
  lock.unlock();
  if (suspect) {
    // Another connection was found ended: the server probably restarted, and ended this one
    // too. One round trip now tells; otherwise this request would be the one to fail.
    try {
      int one = 0;
      db->session() << "SELECT 1", soci::into(one);
    } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): connection_lost() says
    }
  }
  if (db->connection_lost()) db = reconnect(db);
  return {*this, db};
}

store::Database* DatabasePool::reconnect(store::Database* db) {
  auto fresh = open_one(url_, read_only_);  // outside the lock: a round trip, or a timeout
  if (!fresh.ok()) {
    spdlog::warn("数据库连接已断开，重新连接失败: {}", fresh.error().describe());
    return db;
  }
  spdlog::info("数据库连接已断开，已重新连接");
  std::lock_guard lock(mutex_);
  const auto slot =
      std::ranges::find_if(all_, [db](const auto& owned) { return owned.get() == db; });
  if (slot == all_.end()) return db;  // not ours: cannot happen for a leased connection
  *slot = std::move(fresh).value();   // the lost connection is closed here
  store::Database* replaced = slot->get();
  suspect_.clear();
  for (const auto& owned : all_) {
    if (owned.get() != replaced) suspect_.insert(owned.get());
  }
  return replaced;
}

void DatabasePool::for_each_idle(const std::function<void(store::Database&)>& fn) {
  std::lock_guard lock(mutex_);
  for (store::Database* db : free_) fn(*db);
}

void DatabasePool::give_back(store::Database* db) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(db);
  }
  available_.notify_one();
}

PoolStats DatabasePool::stats() const {
  std::lock_guard lock(mutex_);
  return PoolStats{all_.size(), all_.size() - free_.size(), acquisitions_, waits_};
}

}  // namespace zhiyou::server
