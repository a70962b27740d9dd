// Any bytes as a file of figures a unit sends (`zhiyou data import`): the table reader, then
// every cell read against the demo plans (indicator names, regions, periods such as
// 2024年6月, values such as 2800万 or 99.5%, units). Besides not crashing, what passes must be
// what the import promises: one source row per observation, known indicators and regions,
// finite values, and no indicator × region × period twice.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "monitoring/observation_import.hpp"
#include "plans/plan_json.hpp"
#include "tabular/read_table.hpp"

namespace {

namespace monitoring = zhiyou::monitoring;
namespace plans = zhiyou::plans;
namespace tabular = zhiyou::tabular;

const std::vector<plans::Plan>& demo_plans() {
  static const std::vector<plans::Plan> plans = [] {
    std::ifstream in(std::string(ZHIYOU_SOURCE_DIR) + "/data/demo/plans.json");
    std::stringstream text;
    text << in.rdbuf();
    auto read = plans::plans_from_json(text.str(), "plans.json");
    if (!read.ok()) std::abort();
    return std::move(read).value();
  }();
  return plans;
}

bool known_indicator(const std::string& id) {
  for (const plans::Plan& plan : demo_plans()) {
    for (const plans::Indicator& indicator : plan.indicators) {
      if (indicator.id == id) return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto table = tabular::parse_table(bytes, "fuzz.csv");
  if (!table.ok()) return 0;
  monitoring::ImportOptions options;
  options.default_source = "fuzz.csv";
  options.reported_by = "fuzz";
  auto checked = monitoring::check_observations(demo_plans(), table->table, options);
  if (!checked.ok()) return 0;
  if (checked->rows.size() != checked->observations.size()) std::abort();
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const monitoring::Observation& o : checked->observations) {
    if (!known_indicator(o.indicator_id) || o.region.empty() || !std::isfinite(o.value)) {
      std::abort();
    }
    if (!seen.emplace(o.indicator_id, o.region, o.period.to_string()).second) std::abort();
  }
  return 0;
}
