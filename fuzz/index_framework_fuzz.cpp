// Any bytes as a `zhiyou index` data table and metadata table (split at the first
// "\n=====\n"; without it the same text is used for both), then the default pipeline.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "monitoring/index/framework_csv.hpp"
#include "monitoring/index/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto split = text.find("\n=====\n");
  const std::string_view meta = split == std::string_view::npos ? text : text.substr(0, split);
  const std::string_view values = split == std::string_view::npos ? text : text.substr(split + 7);
  namespace ix = zhiyou::monitoring::index;
  auto framework = ix::read_framework(values, "fuzz-data.csv", meta, "fuzz-meta.csv");
  if (framework.ok()) {
    ix::PipelineSpec spec;
    spec.treatment.enabled = true;
    spec.imputation.kind = ix::ImputationSpec::Kind::mean;
    auto result = ix::compute_index(*framework, spec);
    (void)result;
  }
  return 0;
}
