#include "monitoring/index/imputation.hpp"

#include <algorithm>
#include <map>

#include "monitoring/index/statistics.hpp"

namespace zhiyou::monitoring::index {

Result<Imputation> impute(const Framework& f, std::vector<std::vector<double>> values,
                          const ImputationSpec& spec) {
  using Kind = ImputationSpec::Kind;
  const bool by_group = spec.kind == Kind::group_mean;
  if (by_group && std::find(f.group_columns.begin(), f.group_columns.end(), spec.group_column) ==
                      f.group_columns.end()) {
    return make_error("分组列 " + spec.group_column + " 不在元数据的 Group 列中", "--impute");
  }
  Imputation out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::vector<double>& column = values[i];
    if (spec.kind == Kind::none) {
      for (std::size_t u = 0; u < column.size(); ++u) {
        if (is_missing(column[u])) out.still_missing.push_back({i, u});
      }
      continue;
    }
    // Means from the observed values only, before any cell is filled.
    const auto group_of = [&](std::size_t u) -> std::string {
      if (!by_group) return {};
      const auto it = f.units[u].groups.find(spec.group_column);
      return it == f.units[u].groups.end() ? std::string{} : it->second;
    };
    std::map<std::string, std::vector<double>> members;
    for (std::size_t u = 0; u < column.size(); ++u) {
      if (!is_missing(column[u])) members[group_of(u)].push_back(column[u]);
    }
    std::vector<ImputedCell> filled;
    for (std::size_t u = 0; u < column.size(); ++u) {
      if (!is_missing(column[u])) continue;
      const std::string group = group_of(u);
      const auto it = members.find(group);
      if ((by_group && group.empty()) || it == members.end()) {
        out.still_missing.push_back({i, u});
        continue;
      }
      const double m = mean(it->second);
      const std::string basis =
          by_group ? spec.group_column + " = " + group + " 组均值" : std::string("全部单位均值");
      filled.push_back({i, u, m, basis});
    }
    for (const ImputedCell& cell : filled) column[cell.unit] = cell.value;
    out.imputed.insert(out.imputed.end(), filled.begin(), filled.end());
  }
  out.values = std::move(values);
  return out;
}

}  // namespace zhiyou::monitoring::index
