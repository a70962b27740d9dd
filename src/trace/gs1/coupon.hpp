// The layout of North American coupon codes: AI (8110), the coupon code, and AI (8112), the
// paperless coupon offer (GS1 US Coupon Application Guideline). Both are digits in fields,
// most of them preceded by a one-digit length indicator (VLI); optional fields are tagged by
// a leading digit and must come in tag order. The company prefix fields are at least six
// digits long, so GS1's company prefix rule (gcppos1: four digits first) always holds there.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace zhiyou::trace::gs1 {

struct CouponProblem {
  std::size_t offset = 0;  // 0-based position within the value
  std::string_view what;   // Chinese, e.g. "第一购买要求代码无效"
};

// nullopt when `value` is a well-formed coupon code (AI 8110).
std::optional<CouponProblem> check_coupon_code(std::string_view value);

// nullopt when `value` is a well-formed paperless coupon offer (AI 8112).
std::optional<CouponProblem> check_coupon_offer(std::string_view value);

}  // namespace zhiyou::trace::gs1
