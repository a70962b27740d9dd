// Every issued code's lot, held in memory for the scan resolver. Finding one serial among
// millions in the database is a B-tree descent, the largest part of a scan's own work once the
// store holds millions of codes; here it is one hash probe. Codes are never changed or removed
// once issued, so an entry cannot go stale: the directory may lack a code (one issued since it
// was filled, which the database still answers), never hold a wrong one.
//
// Compact, since a city issues codes by the million: a serial (GS1 AI 21, at most 20 CSET 82
// characters) is packed into two 64-bit numbers exactly, with no hash that two serials could share,
// and a lot is stored once per product. About 25–50 bytes a code, as the tables grow in doublings.
// Thread-safe: lookups share a lock, additions take it alone.
#pragma once

#include <boost/unordered/unordered_flat_map.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace zhiyou::trace::resolver {

class CodeDirectory {
 public:
  // The lot `serial` was issued in for `gtin` (GTIN-14); nullopt when the directory does not
  // hold the code.
  [[nodiscard]] std::optional<std::string> lot(std::string_view gtin,
                                               std::string_view serial) const;
  // Adds an issued code; adding it again changes nothing. False, and nothing added, when the
  // GTIN is not 14 digits or the serial not 1–20 CSET 82 characters (no issued code is either).
  bool add(std::string_view gtin, std::string_view serial, std::string_view lot);
  // Room for `count` codes of `gtin` in all, made at once rather than by doublings.
  void reserve(std::string_view gtin, std::size_t count);
  void clear();

  [[nodiscard]] std::size_t size() const;
  // Memory held, in bytes: the tables at their capacity and the lots' text.
  [[nodiscard]] std::size_t bytes() const;

 private:
  // A serial as two numbers: its first ten characters and the rest, each character's CSET 82
  // rank (1–82) a digit in base 83 (83^10 < 2^64). No digit is 0, so no two serials of up to
  // 20 characters share a pair: the lengths differ in the digits, and only a serial longer than
  // ten has a second number other than 0.
  struct PackedSerial {
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    bool operator==(const PackedSerial&) const = default;
  };
  struct PackedSerialHash {
    std::size_t operator()(const PackedSerial& s) const noexcept;
  };
  // Lots found by their text without making a string of it first.
  struct LotHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view lot) const noexcept;
  };
  struct Product {
    std::vector<std::string> lots;
    boost::unordered_flat_map<std::string, std::uint32_t, LotHash, std::equal_to<>> lot_ids;
    boost::unordered_flat_map<PackedSerial, std::uint32_t, PackedSerialHash> serials;
    std::size_t bytes = 0;  // as last counted into CodeDirectory::bytes_
  };

  static std::optional<PackedSerial> pack(std::string_view serial);
  static std::optional<std::uint64_t> gtin_number(std::string_view gtin);
  // Counts `product`'s memory again into bytes_. Called with the lock held alone.
  void recount(Product& product);

  mutable std::shared_mutex mutex_;
  boost::unordered_flat_map<std::uint64_t, Product> products_;  // by GTIN-14 as a number
  std::size_t size_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace zhiyou::trace::resolver
