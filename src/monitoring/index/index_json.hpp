// The index as JSON: {"units":[{"code","name","scores":{<aggregate code>:…},"ranks":{…}}],
// "aggregates":[…],"method":[…],"imputed":[…],"treated":[…],"reweighted":[…]} and, with a
// Monte Carlo, each unit's "rank_uncertainty" and a top-level "uncertainty" statement.
#pragma once

#include <boost/json.hpp>

#include "monitoring/index/framework.hpp"
#include "monitoring/index/pipeline.hpp"
#include "monitoring/index/uncertainty.hpp"

namespace zhiyou::monitoring::index {

struct UncertaintyStatement {
  const UncertaintySpec* spec = nullptr;
  const UncertaintyResult* result = nullptr;
};

boost::json::object index_to_json(const Framework& framework, const IndexResult& result,
                                  UncertaintyStatement uncertainty = {});

}  // namespace zhiyou::monitoring::index
