// Responses of read-only routes kept in memory, each with the data version
// (store/data_version.hpp) it was computed from. A plan or its evaluation takes a dozen
// queries and the evaluation engine to build but changes only when someone writes; the
// version moves on every write to the tables behind them, from any process, so an entry is
// used only while it still says what a fresh computation would.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/http.hpp"

namespace zhiyou::server {

class ResponseCache {
 public:
  explicit ResponseCache(std::size_t capacity = 512)
      : capacity_(capacity), offered_(capacity * 8) {}

  // The response stored for `key` at `version`; nullopt when there is none or it is older.
  std::optional<Response> find(const std::string& key, std::int64_t version);

  // Keeps a copy of `response`; the least recently used entry goes when the cache is full.
  void put(const std::string& key, std::int64_t version, const Response& response);
  // The same, but only for a key offered before (among the last few thousand keys offered):
  // for answers most keys get once, such as scans of serials. A stream of one-off scans
  // then costs no copies and does not push out the codes scanned again and again.
  void put_if_offered_before(const std::string& key, std::int64_t version,
                             const Response& response);

  [[nodiscard]] std::uint64_t hits() const;
  [[nodiscard]] std::uint64_t misses() const;

 private:
  struct Entry {
    std::int64_t version = 0;
    std::shared_ptr<const Response> response;
    std::list<std::string>::iterator age;  // position in recent_
  };

  void put_locked(const std::string& key, std::int64_t version,
                  std::shared_ptr<const Response> copy);

  std::size_t capacity_;
  std::vector<std::size_t> offered_;  // put_if_offered_before: key hashes, by hash % size
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> recent_;  // most recently used first
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
};

}  // namespace zhiyou::server
