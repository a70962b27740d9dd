#include "trace/gs1/coupon.hpp"

#include "trace/gs1/date.hpp"

namespace zhiyou::trace::gs1 {
namespace {

// Reads a coupon value field by field; the first problem stops it.
class Fields {
 public:
  explicit Fields(std::string_view value) : value_(value) {}

  [[nodiscard]] bool at_end() const { return at_ == value_.size(); }
  [[nodiscard]] std::size_t position() const { return at_; }
  [[nodiscard]] char peek() const { return value_[at_]; }
  [[nodiscard]] const std::optional<CouponProblem>& problem() const { return problem_; }
  [[nodiscard]] bool ok() const { return !problem_; }

  // One digit, which must be one of `allowed`.
  std::optional<char> digit(std::string_view allowed, std::string_view missing,
                            std::string_view invalid) {
    if (!ok()) return std::nullopt;
    if (at_end()) return fail(at_, missing);
    const char c = value_[at_];
    if (allowed.find(c) == std::string_view::npos) return fail(at_, invalid);
    ++at_;
    return c;
  }

  // `n` characters; the field's text.
  std::optional<std::string_view> take(std::size_t n, std::string_view truncated) {
    if (!ok()) return std::nullopt;
    if (value_.size() - at_ < n) return fail(at_, truncated);
    const std::string_view field = value_.substr(at_, n);
    at_ += n;
    return field;
  }

  // A length indicator from `allowed`, then a field of (indicator + `plus`) characters; an
  // indicator of '9' in `allowed` with `nine_means_none` means "no field".
  std::optional<std::string_view> field_with_vli(std::string_view allowed, std::size_t plus,
                                                 std::string_view missing, std::string_view invalid,
                                                 std::string_view truncated,
                                                 bool nine_means_none = false) {
    const auto vli = digit(allowed, missing, invalid);
    if (!vli) return std::nullopt;
    if (nine_means_none && *vli == '9') return std::string_view();
    return take(static_cast<std::size_t>(*vli - '0') + plus, truncated);
  }

  void date(std::string_view truncated, std::string_view invalid) {
    const std::size_t start = at_;
    const auto text = take(6, truncated);
    if (text && check_yymmdd(*text, false) != DateProblem::none) fail(start, invalid);
  }

  std::nullopt_t fail(std::size_t at, std::string_view what) {
    if (!problem_) problem_ = CouponProblem{at, what};
    return std::nullopt;
  }

 private:
  std::string_view value_;
  std::size_t at_ = 0;
  std::optional<CouponProblem> problem_;
};

std::optional<CouponProblem> non_digit(std::string_view value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] < '0' || value[i] > '9') return CouponProblem{i, "优惠券数据只能含数字"};
  }
  return std::nullopt;
}

constexpr std::string_view kAnyDigit = "0123456789";
constexpr std::string_view kOneToFive = "12345";
constexpr std::string_view kRequirementCodes = "012349";

// What to say about the fields of the first, second or third purchase requirement.
struct PurchaseWords {
  std::string_view missing_vli, bad_vli, truncated;
  std::string_view missing_code, bad_code, truncated_family;
  // The company prefix the second and third purchases may name.
  std::string_view missing_company_vli, bad_company_vli, truncated_company;
};

constexpr PurchaseWords kFirstPurchase{"缺少第一购买要求长度指示符",
                                       "第一购买要求长度指示符无效（应为 1-5）",
                                       "第一购买要求不完整",
                                       "缺少第一购买要求代码",
                                       "第一购买要求代码无效（应为 0-4 或 9）",
                                       "第一购买商品族代码不完整（应为 3 位）",
                                       {},
                                       {},
                                       {}};
constexpr PurchaseWords kSecondPurchase{"缺少第二购买要求长度指示符",
                                        "第二购买要求长度指示符无效（应为 1-5）",
                                        "第二购买要求不完整",
                                        "缺少第二购买要求代码",
                                        "第二购买要求代码无效（应为 0-4 或 9）",
                                        "第二购买商品族代码不完整（应为 3 位）",
                                        "缺少第二购买厂商识别代码长度指示符",
                                        "第二购买厂商识别代码长度指示符无效（应为 0-6 或 9）",
                                        "第二购买厂商识别代码不完整"};
constexpr PurchaseWords kThirdPurchase{"缺少第三购买要求长度指示符",
                                       "第三购买要求长度指示符无效（应为 1-5）",
                                       "第三购买要求不完整",
                                       "缺少第三购买要求代码",
                                       "第三购买要求代码无效（应为 0-4 或 9）",
                                       "第三购买商品族代码不完整（应为 3 位）",
                                       "缺少第三购买厂商识别代码长度指示符",
                                       "第三购买厂商识别代码长度指示符无效（应为 0-6 或 9）",
                                       "第三购买厂商识别代码不完整"};

// A purchase requirement (VLI 1-5 and its value), its code (0-4 or 9) and a three-digit
// family code: the same for the first, second and third purchase.
void purchase(Fields& f, const PurchaseWords& w) {
  f.field_with_vli(kOneToFive, 0, w.missing_vli, w.bad_vli, w.truncated);
  f.digit(kRequirementCodes, w.missing_code, w.bad_code);
  f.take(3, w.truncated_family);
}

// The second and third purchases: the requirement, then a company prefix (VLI 0-6, or 9 for
// the coupon's own).
void further_purchase(Fields& f, const PurchaseWords& w) {
  purchase(f, w);
  f.field_with_vli("01234569", 6, w.missing_company_vli, w.bad_company_vli, w.truncated_company,
                   true);
}

}  // namespace

std::optional<CouponProblem> check_coupon_code(std::string_view value) {
  if (auto p = non_digit(value)) return p;
  Fields f(value);
  f.field_with_vli("0123456", 6, "缺少厂商识别代码长度指示符",
                   "厂商识别代码长度指示符无效（应为 0-6）", "厂商识别代码不完整");
  f.take(6, "优惠代码不完整（应为 6 位）");
  f.field_with_vli(kOneToFive, 0, "缺少优惠金额长度指示符", "优惠金额长度指示符无效（应为 1-5）",
                   "优惠金额不完整");
  purchase(f, kFirstPurchase);
  // Optional fields, each tagged by its number, in this order.
  if (f.ok() && !f.at_end() && f.peek() == '1') {  // additional rules and second purchase
    f.take(1, "");
    f.digit("0123", "缺少附加购买规则代码", "附加购买规则代码无效（应为 0-3）");
    further_purchase(f, kSecondPurchase);
  }
  if (f.ok() && !f.at_end() && f.peek() == '2') {  // third purchase
    f.take(1, "");
    further_purchase(f, kThirdPurchase);
  }
  std::string_view expiry;
  if (f.ok() && !f.at_end() && f.peek() == '3') {  // expiration date
    f.take(1, "");
    if (f.ok() && value.size() - f.position() >= 6) expiry = value.substr(f.position(), 6);
    f.date("到期日期不完整（应为 YYMMDD）", "到期日期无效");
  }
  if (f.ok() && !f.at_end() && f.peek() == '4') {  // start date
    f.take(1, "");
    const std::size_t start_at = f.position();
    f.date("开始日期不完整（应为 YYMMDD）", "开始日期无效");
    if (f.ok() && !expiry.empty() && value.substr(start_at, 6) > expiry) {
      f.fail(start_at - 7, "到期日期早于开始日期");
    }
  }
  if (f.ok() && !f.at_end() && f.peek() == '5') {  // serial number
    f.take(1, "");
    f.field_with_vli(kAnyDigit, 6, "缺少序列号长度指示符", "", "序列号不完整");
  }
  if (f.ok() && !f.at_end() && f.peek() == '6') {  // retailer company prefix or GLN
    f.take(1, "");
    f.field_with_vli("1234567", 6, "缺少零售商厂商识别代码或 GLN 长度指示符",
                     "零售商厂商识别代码或 GLN 长度指示符无效（应为 1-7）",
                     "零售商厂商识别代码或 GLN 不完整");
  }
  if (f.ok() && !f.at_end() && f.peek() == '9') {  // miscellaneous
    f.take(1, "");
    f.digit("01256", "缺少优惠金额代码", "优惠金额代码无效（应为 0、1、2、5 或 6）");
    f.digit("012", "缺少优惠适用商品代码", "优惠适用商品代码无效（应为 0-2）");
    f.digit(kAnyDigit, "缺少店内优惠券标志", "");
    f.digit("01", "缺少不可叠加标志", "不可叠加标志无效（应为 0 或 1）");
  }
  if (f.ok() && !f.at_end())
    f.fail(f.position(), "含有多余数据（可选字段须按 1、2、3、4、5、6、9 的顺序）");
  return f.problem();
}

std::optional<CouponProblem> check_coupon_offer(std::string_view value) {
  if (auto p = non_digit(value)) return p;
  Fields f(value);
  f.digit("01", "缺少格式代码", "格式代码无效（应为 0 或 1）");
  f.field_with_vli("0123456", 6, "缺少出资方代码长度指示符", "出资方代码长度指示符无效（应为 0-6）",
                   "出资方代码不完整");
  f.take(6, "优惠代码不完整（应为 6 位）");
  f.field_with_vli(kAnyDigit, 6, "缺少序列号长度指示符", "", "序列号不完整");
  if (f.ok() && !f.at_end()) f.fail(f.position(), "序列号后含有多余数据");
  return f.problem();
}

}  // namespace zhiyou::trace::gs1
