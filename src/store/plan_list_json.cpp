#include "store/plan_list_json.hpp"

#include <boost/json/array.hpp>

#include "core/json.hpp"

namespace zhiyou::store {

boost::json::object plan_list_json(const std::vector<PlanSummary>& plans) {
  boost::json::array list;
  for (const PlanSummary& p : plans) {
    list.push_back(boost::json::object{{"id", p.id},
                                       {"title", p.title},
                                       {"doc_number", json::string_or_null(p.doc_number)},
                                       {"issuer", json::string_or_null(p.issuer)},
                                       {"issued_on", json::optional_string(p.issued_on)},
                                       {"kind", p.kind},
                                       {"indicator_count", p.indicator_count},
                                       {"task_count", p.task_count}});
  }
  return boost::json::object{{"plans", std::move(list)}};
}

}  // namespace zhiyou::store
