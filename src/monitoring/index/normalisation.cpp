#include "monitoring/index/normalisation.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "monitoring/index/framework.hpp"
#include "monitoring/index/statistics.hpp"

namespace zhiyou::monitoring::index {
namespace {

std::optional<double> parse_number(std::string_view s) {
  double v = 0;
  const auto* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc{} || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

// "a,b" → two numbers.
std::optional<std::pair<double, double>> parse_pair(std::string_view s) {
  const auto comma = s.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  const auto a = parse_number(s.substr(0, comma));
  const auto b = parse_number(s.substr(comma + 1));
  if (!a || !b) return std::nullopt;
  return std::pair{*a, *b};
}

}  // namespace

Result<NormalisationSpec> parse_normalisation(std::string_view text) {
  const auto colon = text.find(':');
  const std::string_view name = text.substr(0, colon);
  const std::string_view args = colon == std::string_view::npos ? "" : text.substr(colon + 1);
  const auto bad = [&](std::string_view why) {
    return make_error(fmt::format("无法识别的归一化方法 “{}”：{}", text, why), "--normalise");
  };
  if (name == "minmax" || name == "zscore") {
    auto spec = name == "minmax" ? NormalisationSpec::minmax() : NormalisationSpec::zscore();
    if (args.empty()) return spec;
    const auto pair = parse_pair(args);
    if (!pair) return bad("参数应为两个数字，如 minmax:0,100 或 zscore:10,2");
    spec.a = pair->first;
    spec.b = pair->second;
    if (name == "minmax" && spec.a >= spec.b) return bad("下限应小于上限");
    if (name == "zscore" && spec.b <= 0) return bad("标准差应大于 0");
    return spec;
  }
  if (name == "target" || name == "goalposts") {
    auto spec = name == "target" ? NormalisationSpec::target() : NormalisationSpec::goalposts();
    if (args.empty()) return spec;
    const auto scale = parse_number(args);
    if (!scale || *scale <= 0) return bad("参数应为正的比例，如 target:100");
    spec.a = *scale;
    return spec;
  }
  if (name == "rank" && args.empty()) return NormalisationSpec::rank();
  return bad("可选 minmax:L,U、zscore:M,S、target[:比例]、rank、goalposts[:比例]");
}

std::string describe(const NormalisationSpec& s) {
  using Kind = NormalisationSpec::Kind;
  switch (s.kind) {
    case Kind::minmax:
      return fmt::format("最小—最大值法（{:g}–{:g}）", s.a, s.b);
    case Kind::zscore:
      return fmt::format("标准分数法（均值 {:g}，标准差 {:g}）", s.a, s.b);
    case Kind::target:
      return fmt::format("目标距离法（{}，×{:g}）", s.cap ? "达到目标记满分" : "不封顶", s.a);
    case Kind::rank:
      return "排序法（名次）";
    case Kind::goalposts:
      return fmt::format("门槛值法（截断在门槛之间，×{:g}）", s.a);
  }
  return {};
}

Result<std::vector<double>> normalise(std::span<const double> x, const IndicatorScale& scale,
                                      const NormalisationSpec& spec) {
  using Kind = NormalisationSpec::Kind;
  const double dir = scale.direction;
  std::vector<double> v(x.size());
  for (std::size_t u = 0; u < x.size(); ++u) v[u] = x[u] * dir;  // NaN stays NaN
  const std::vector<double> present = present_values(v);
  std::vector<double> out(v.size(), kMissing);
  if (present.empty()) return out;
  const auto [lo_it, hi_it] = std::minmax_element(present.begin(), present.end());
  const double lo = *lo_it;
  const double hi = *hi_it;

  switch (spec.kind) {
    case Kind::minmax:
      if (hi == lo) return out;
      for (std::size_t u = 0; u < v.size(); ++u) {
        out[u] = (v[u] - lo) / (hi - lo) * (spec.b - spec.a) + spec.a;
      }
      return out;
    case Kind::zscore: {
      const double m = mean(v);
      const double sd = standard_deviation(v);
      if (!(sd > 0)) return out;
      for (std::size_t u = 0; u < v.size(); ++u) out[u] = (v[u] - m) / sd * spec.b + spec.a;
      return out;
    }
    case Kind::target: {
      if (!scale.target) return make_error("目标距离法需要目标值（Target），该指标没有");
      const double t = *scale.target * dir;
      if (!spec.cap && t <= lo) {
        return make_error(
            fmt::format("目标值 {:g} 不优于最差的单位，无法计算目标距离", *scale.target));
      }
      for (std::size_t u = 0; u < v.size(); ++u) {
        if (is_missing(v[u])) continue;
        // Capped: a unit at or beyond the target has reached it (also when every unit has,
        // where the formula would divide by zero or turn negative).
        const double y = spec.cap && v[u] >= t ? 1.0 : (v[u] - lo) / (t - lo);
        out[u] = y * spec.a;
      }
      return out;
    }
    case Kind::rank:
      return ranks(v, false);
    case Kind::goalposts: {
      if (!scale.goalpost_lower || !scale.goalpost_upper ||
          *scale.goalpost_upper <= *scale.goalpost_lower) {
        return make_error("门槛值法需要 goalpost_lower < goalpost_upper，该指标没有");
      }
      const double l = *scale.goalpost_lower;
      const double h = *scale.goalpost_upper;
      for (std::size_t u = 0; u < x.size(); ++u) {
        if (is_missing(x[u])) continue;
        const double y = dir > 0 ? (x[u] - l) / (h - l) : (h - x[u]) / (h - l);
        out[u] = std::clamp(y, 0.0, 1.0) * spec.a;
      }
      return out;
    }
  }
  return out;
}

}  // namespace zhiyou::monitoring::index
