// What a scan shows (扫码结果): the product and its maker, the batch, the latest spot-check
// results, quality marks, any recall that covers the unit, the unit's journey and whether the
// code looks counterfeit. Plain data; resolution_store.hpp fills it, resolution_view.hpp
// renders it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "registry/entity.hpp"
#include "registry/product.hpp"
#include "trace/resolver/scanned_code.hpp"

namespace zhiyou::trace::resolver {

// A recall notice (召回公告) for a product, for some lots or all of them.
struct Recall {
  std::string id;
  std::string gtin;
  std::vector<std::string> lots;  // empty: every lot
  std::string reason;
  std::string announced_by;
  std::string announced_at;  // UTC, ISO 8601

  // Whether the notice covers a unit of `lot` ("" when the scan named no lot: any notice for
  // the product is shown).
  [[nodiscard]] bool covers(const std::string& lot) const;
};

// A spot-check result (抽检结果) for a product or one of its batches.
struct SpotCheck {
  std::string id;
  std::string gtin;
  std::string lot;         // "" when it is about the product, not one batch
  std::string sampled_on;  // YYYY-MM-DD
  std::string agency;      // 检验机构
  std::string conclusion;  // 合格 | 不合格
  std::string failed_items;
  std::string report_no;
};

// One EPCIS event about the unit, as the page shows it.
struct JourneyStep {
  std::int64_t event_time = 0;  // milliseconds since the epoch, UTC
  std::string biz_step;         // CBV short name ("shipping")
  std::string disposition;
  std::string location;  // bizLocation, else readPoint
};

// How many distinct places the same serial was scanned from before it counts as suspicious.
inline constexpr std::size_t kDefaultManyPlaces = 3;

struct Resolution {
  ScannedCode code;
  registry::Product product;
  registry::Entity maker;
  std::string maker_region;            // 鄞州区
  std::optional<std::string> expiry;   // YYMMDD of the batch, when the lot is known
  std::vector<SpotCheck> spot_checks;  // for the product or this lot, newest first
  std::vector<Recall> recalls;         // those covering this unit, newest first
  std::vector<JourneyStep> journey;    // newest first; events declared in error left out
  std::size_t withdrawn_events = 0;    // events about the unit its recorder declared in error
  std::size_t scan_places = 0;         // distinct places this serial was scanned from
  bool many_places = false;            // scan_places ≥ the configured threshold
};

// Chinese names for CBV business steps and dispositions; the short name itself when there
// is none.
std::string biz_step_label(const std::string& biz_step);
std::string disposition_label(const std::string& disposition);

}  // namespace zhiyou::trace::resolver
