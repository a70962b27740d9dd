// A fixed set of open store::Database connections shared by the server's threads. SQLite in
// WAL mode lets the readers run side by side (writers take turns on its lock); PostgreSQL
// gets one connection each. A connection serves one request at a time.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/result.hpp"
#include "store/database.hpp"

namespace zhiyou::server {

class ReadSnapshots;

struct PoolStats {
  std::size_t size = 0;
  std::size_t in_use = 0;
  std::uint64_t acquisitions = 0;
  std::uint64_t waits = 0;  // acquisitions that found every connection busy
};

class DatabasePool {
 public:
  // Opens (and migrates, once) `size` connections to `url`; for SQLite also `size` read-only
  // connections that keep their read snapshots (read_snapshots.hpp), unless in memory.
  static Result<std::unique_ptr<DatabasePool>> open(const std::string& url, std::size_t size);
  // `size` connections to an existing database through which nothing can be written
  // (`PRAGMA query_only` on SQLite), and no read snapshots of their own.
  static Result<std::unique_ptr<DatabasePool>> open_read_only(const std::string& url,
                                                              std::size_t size);
  ~DatabasePool();
  DatabasePool(const DatabasePool&) = delete;
  DatabasePool& operator=(const DatabasePool&) = delete;

  // A borrowed connection, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(DatabasePool& pool, store::Database* db) : pool_(&pool), db_(db) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), db_(other.db_) { other.db_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    store::Database& operator*() const { return *db_; }
    store::Database* operator->() const { return db_; }

   private:
    DatabasePool* pool_;
    store::Database* db_;
  };

  // Waits for a free connection. A PostgreSQL connection the server ended is opened afresh
  // first, so that the pool heals after a database restart: the request that finds the first
  // broken connection fails (503; Api::handle runs a read once more), and every other
  // connection is then tried with one round trip before its next use and reopened if it was
  // ended too. While the server stays down a broken connection is handed out as it is, and
  // fails again.
  Lease acquire();
  // SQLite (a file): the one connection that bulk writes (an EPCIS capture, issuing codes) go
  // through, one request at a time, locked until the lock is released; nullptr otherwise
  // (PostgreSQL, in memory), where a request uses its own connection. Each SQLite connection
  // keeps a page cache that a commit by another connection makes it drop, so bulk writes that
  // alternated between the writer threads' connections read the index pages they change
  // afresh each time: two clients capturing over HTTP stored 92,000–96,000 events/s through
  // their own connections and 103,000–104,000 through this one.
  store::Database* bulk_writer(std::unique_lock<std::mutex>& lock);
  // fn(connection) for each connection not leased now; none is leased meanwhile.
  void for_each_idle(const std::function<void(store::Database&)>& fn);
  [[nodiscard]] PoolStats stats() const;
  [[nodiscard]] store::Engine engine() const { return engine_; }
  // SQLite's kept read snapshots; nullptr for PostgreSQL and in-memory SQLite.
  ReadSnapshots* snapshots() { return snapshots_.get(); }

 private:
  DatabasePool() = default;
  static Result<std::unique_ptr<DatabasePool>> open_connections(const std::string& url,
                                                                std::size_t size, bool read_only);
  static Result<std::unique_ptr<store::Database>> open_one(const std::string& url, bool read_only);
  // `db` (leased, its connection lost) replaced by a new connection; `db` itself when the
  // database cannot be reached yet.
  store::Database* reconnect(store::Database* db);
  void give_back(store::Database* db);

  std::string url_;
  bool read_only_ = false;
  // Connections to try before their next use: one was found ended, so these may be too.
  std::unordered_set<store::Database*> suspect_;

  std::vector<std::unique_ptr<store::Database>> all_;
  std::vector<store::Database*> free_;
  store::Engine engine_ = store::Engine::sqlite;
  std::unique_ptr<ReadSnapshots> snapshots_;
  std::unique_ptr<store::Database> bulk_writer_;
  std::mutex bulk_writer_mutex_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::uint64_t acquisitions_ = 0;
  std::uint64_t waits_ = 0;
};

}  // namespace zhiyou::server
