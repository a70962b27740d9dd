#include "store/wal_checkpointer.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "store/database.hpp"

namespace zhiyou::store {
namespace {

// SOCI's header declares SQLite's API inside namespace sqlite_api (see sqlite_statement.cpp).
sqlite_api::sqlite3* api(::sqlite3* c) { return reinterpret_cast<sqlite_api::sqlite3*>(c); }

}  // namespace

struct WalHook {
  static int call(void* self, sqlite_api::sqlite3* /*connection*/, const char* /*schema*/,
                  int pages) {
    static_cast<WalCheckpointer*>(self)->committed(pages);
    return SQLITE_OK;
  }
};

WalCheckpointer::WalCheckpointer(Database& db) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(db.session().get_backend());
  writer_ = reinterpret_cast<::sqlite3*>(backend->conn_);
  const char* file = sqlite_api::sqlite3_db_filename(api(writer_), "main");
  path_ = file != nullptr ? file : "";
  long long page_size = 0;
  db.session() << "PRAGMA page_size", soci::into(page_size);
  if (page_size > 0) page_size_ = page_size;
  set_thresholds(kLogBytes, kRestartBytes);
  // A WAL hook replaces SQLite's automatic checkpoint on this connection.
  if (!path_.empty()) {
    sqlite_api::sqlite3_wal_hook(api(writer_), &WalHook::call, this);
  }
}

WalCheckpointer::~WalCheckpointer() {
  if (!path_.empty()) sqlite_api::sqlite3_wal_hook(api(writer_), nullptr, nullptr);
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void WalCheckpointer::committed(int pages) {
  if (pages >= restart_pages_) {
    // RESTART waits (busy_timeout) for the thread's checkpoint and for readers of older
    // snapshots; on a timeout the next commit tries again.
    sqlite_api::sqlite3_wal_checkpoint_v2(api(writer_), nullptr, SQLITE_CHECKPOINT_RESTART, nullptr,
                                          nullptr);
    return;
  }
  if (pages < pages_) return;
  {
    const std::lock_guard lock(mutex_);
    wanted_ = true;
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  }
  wake_.notify_one();
}

void WalCheckpointer::run() {
  sqlite_api::sqlite3* connection = nullptr;
  if (sqlite_api::sqlite3_open_v2(path_.c_str(), &connection, SQLITE_OPEN_READWRITE, nullptr) !=
      SQLITE_OK) {
    // Without a connection of its own the log is checkpointed when the writer closes.
    sqlite_api::sqlite3_close(connection);
    return;
  }
  // A connection learns that the file is in WAL mode when it first reads it; until then a
  // checkpoint does nothing.
  sqlite_api::sqlite3_exec(connection, "PRAGMA schema_version", nullptr, nullptr, nullptr);
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return wanted_ || stopping_; });
      if (stopping_) break;
      wanted_ = false;
    }
    // PASSIVE: copies what no reader still needs and never blocks the writer or readers.
    sqlite_api::sqlite3_wal_checkpoint_v2(connection, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                          nullptr);
  }
  sqlite_api::sqlite3_close(connection);
}

}  // namespace zhiyou::store
