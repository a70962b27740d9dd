#include "monitoring/index/denomination.hpp"

#include <fmt/core.h>

namespace zhiyou::monitoring::index {

Result<std::vector<std::vector<double>>> denominate(const Framework& f) {
  std::vector<std::vector<double>> out = f.values;
  for (std::size_t i = 0; i < f.indicators.size(); ++i) {
    const Node& ind = f.indicators[i];
    if (ind.denominator.empty()) continue;
    const auto d = f.denominator_index(ind.denominator);
    if (!d) return make_error("分母 " + ind.denominator + " 不在数据表中", "指标 " + ind.code);
    for (std::size_t u = 0; u < f.units.size(); ++u) {
      const double denominator = f.denominators[*d][u];
      if (is_missing(denominator) || is_missing(out[i][u])) {
        out[i][u] = kMissing;
      } else if (denominator == 0) {
        return make_error(fmt::format("单位 {} 的分母 {} 为 0，无法计算 {}", f.units[u].code,
                                      ind.denominator, ind.code),
                          "单位 " + f.units[u].code);
      } else {
        out[i][u] /= denominator;
      }
    }
  }
  return out;
}

}  // namespace zhiyou::monitoring::index
