// Responses of read-only routes kept in memory, each with the data version
// (store/data_version.hpp) it was computed from. A plan or its evaluation takes a dozen
// queries and the evaluation engine to build but changes only when someone writes; the
// version moves on every write to the tables behind them, from any process, so an entry is
// used only while it still says what a fresh computation would.
#pragma once

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/http.hpp"
#include "server/sharded.hpp"

namespace zhiyou::server {

class ResponseCache {
 public:
  // `capacity` responses in all, split evenly between the shards (each its own LRU).
  explicit ResponseCache(std::size_t capacity = 512);

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
    std::list<std::string>::iterator age;  // position in its shard's `recent`
  };

  struct Shard {
    std::unordered_map<std::string, Entry> entries;
    std::list<std::string> recent;  // most recently used first
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
  };

  void put_hashed(std::size_t hash, const std::string& key, std::int64_t version,
                  const Response& response);

  std::size_t shard_capacity_;
  // put_if_offered_before: key hashes, by hash % size. Read and written without a lock: a
  // lost update only means one answer kept a scan later or earlier.
  std::vector<std::atomic<std::size_t>> offered_;
  Sharded<Shard, 16> shards_;  // by key hash
};

}  // namespace zhiyou::server
