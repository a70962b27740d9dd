#include "trace/resolver/code_directory.hpp"

#include <mutex>

#include "trace/gs1/cset82.hpp"

namespace zhiyou::trace::resolver {
namespace {

// GS1 AI (21) is X..20: ten characters in each half, since 83^10 < 2^64.
constexpr std::size_t kCharactersPerHalf = 10;

}  // namespace

std::size_t CodeDirectory::PackedSerialHash::operator()(const PackedSerial& s) const noexcept {
  // Not avalanching on its own: the table mixes the result further.
  return static_cast<std::size_t>(s.low ^ (s.high * 0x9E3779B97F4A7C15ULL));
}

std::size_t CodeDirectory::LotHash::operator()(std::string_view lot) const noexcept {
  return std::hash<std::string_view>{}(lot);
}

std::optional<CodeDirectory::PackedSerial> CodeDirectory::pack(std::string_view serial) {
  if (serial.empty() || serial.size() > 2 * kCharactersPerHalf) return std::nullopt;
  PackedSerial out;
  std::uint64_t* half = &out.high;
  for (std::size_t i = 0; i < serial.size(); ++i) {
    if (i == kCharactersPerHalf) half = &out.low;
    const std::uint8_t rank = gs1::kCset82Rank[static_cast<unsigned char>(serial[i])];
    if (rank == 0) return std::nullopt;
    *half = *half * (gs1::kCset82.size() + 1) + rank;
  }
  return out;
}

std::optional<std::uint64_t> CodeDirectory::gtin_number(std::string_view gtin) {
  if (gtin.size() != 14) return std::nullopt;
  std::uint64_t n = 0;
  for (const char c : gtin) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

std::optional<std::string> CodeDirectory::lot(std::string_view gtin,
                                              std::string_view serial) const {
  const auto number = gtin_number(gtin);
  const auto packed = pack(serial);
  if (!number || !packed) return std::nullopt;
  std::shared_lock lock(mutex_);
  const auto product = products_.find(*number);
  if (product == products_.end()) return std::nullopt;
  const auto code = product->second.serials.find(*packed);
  if (code == product->second.serials.end()) return std::nullopt;
  return product->second.lots[code->second];
}

bool CodeDirectory::add(std::string_view gtin, std::string_view serial, std::string_view lot) {
  const auto number = gtin_number(gtin);
  const auto packed = pack(serial);
  if (!number || !packed) return false;
  std::unique_lock lock(mutex_);
  Product& product = products_[*number];
  bool grew = product.bytes == 0;
  auto lot_id = product.lot_ids.find(lot);
  if (lot_id == product.lot_ids.end()) {
    lot_id =
        product.lot_ids.emplace(std::string(lot), static_cast<std::uint32_t>(product.lots.size()))
            .first;
    product.lots.emplace_back(lot);
    grew = true;
  }
  const std::size_t capacity = product.serials.bucket_count();
  if (product.serials.emplace(*packed, lot_id->second).second) ++size_;
  if (grew || product.serials.bucket_count() != capacity) recount(product);
  return true;
}

void CodeDirectory::reserve(std::string_view gtin, std::size_t count) {
  const auto number = gtin_number(gtin);
  if (!number) return;
  std::unique_lock lock(mutex_);
  Product& product = products_[*number];
  product.serials.reserve(count);
  recount(product);
}

void CodeDirectory::recount(Product& product) {
  using Slot = decltype(product.serials)::value_type;
  std::size_t bytes = sizeof(Product) + product.serials.bucket_count() * (sizeof(Slot) + 1);
  for (const std::string& lot : product.lots) bytes += 2 * (sizeof(std::string) + lot.capacity());
  bytes_ = bytes_ - product.bytes + bytes;
  product.bytes = bytes;
}

void CodeDirectory::clear() {
  std::unique_lock lock(mutex_);
  products_ = {};
  size_ = 0;
  bytes_ = 0;
}

std::size_t CodeDirectory::size() const {
  std::shared_lock lock(mutex_);
  return size_;
}

std::size_t CodeDirectory::bytes() const {
  std::shared_lock lock(mutex_);
  return bytes_;
}

}  // namespace zhiyou::trace::resolver
