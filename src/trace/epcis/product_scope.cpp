#include "trace/epcis/product_scope.hpp"

namespace zhiyou::trace::epcis {
namespace {

// "01/09506000134352" → "09506000134352"; "" for identifiers that are not GTIN-keyed.
std::string_view gtin_of(const Epc& epc) {
  constexpr std::string_view kPrefix = "01/";
  if (!epc.gs1 || epc.key.size() != kPrefix.size() + 14 || !epc.key.starts_with(kPrefix)) {
    return {};
  }
  const std::string_view key = epc.key;
  return key.substr(kPrefix.size());
}

std::string_view field_of(EpcRole role) {
  switch (role) {
    case EpcRole::epc:
      return "epcList";
    case EpcRole::parent:
      return "parentID";
    case EpcRole::child:
      return "childEPCs";
    case EpcRole::input:
      return "inputEPCList";
    case EpcRole::output:
      return "outputEPCList";
    case EpcRole::quantity:
      return "quantityList";
    case EpcRole::child_quantity:
      return "childQuantityList";
    case EpcRole::input_quantity:
      return "inputQuantityList";
    case EpcRole::output_quantity:
      return "outputQuantityList";
  }
  return "epcList";
}

// The JSON path of an event in a document: the eventList of an EPCISDocument (the other
// document forms give the same index).
std::string event_path(const Event& e) {
  return "epcisBody.eventList[" + std::to_string(e.index) + "]";
}

}  // namespace

std::set<std::string> gtins_in(const Document& document) {
  std::set<std::string> out;
  for (const Event& e : document.events) {
    for (const EventEpc& item : e.epcs) {
      if (const std::string_view gtin = gtin_of(item.epc); !gtin.empty()) out.emplace(gtin);
    }
  }
  return out;
}

Status check_own_products(const Document& document,
                          const std::map<std::string, std::string>& maker_of,
                          std::string_view uscc) {
  for (const Event& e : document.events) {
    const std::string number = "第 " + std::to_string(e.index + 1) + " 个事件";
    bool named_own = false;
    for (const EventEpc& item : e.epcs) {
      const std::string_view gtin = gtin_of(item.epc);
      if (gtin.empty()) continue;
      const auto maker = maker_of.find(std::string(gtin));
      if (maker == maker_of.end() || maker->second != uscc) {
        const std::string path = event_path(e) + "." + std::string(field_of(item.role));
        return make_error(
            number + "的字段 " + std::string(field_of(item.role)) + "：GTIN " + std::string(gtin) +
                (maker == maker_of.end() ? " 不是已登记的产品" : " 不是本企业登记的产品") +
                "，企业账户只能采集本企业产品的事件",
            path);
      }
      named_own = true;
    }
    if (!named_own) {
      return make_error(number +
                            "不含任何带 GTIN 的标识（epcList、childEPCs、quantityList 等），"
                            "无法确认属于本企业产品，企业账户不能采集",
                        event_path(e));
    }
  }
  return Ok{};
}

std::set<std::string> gtins_in(const EventQuery& query) {
  std::set<std::string> out;
  for (const EpcMatch& match : query.epc_matches) {
    for (const Epc& epc : match.values) {
      if (const std::string_view gtin = gtin_of(epc); !gtin.empty()) out.emplace(gtin);
    }
  }
  return out;
}

Status check_own_query(const EventQuery& query, const std::map<std::string, std::string>& maker_of,
                       std::string_view uscc) {
  for (const EpcMatch& match : query.epc_matches) {
    for (const Epc& epc : match.values) {
      const std::string_view gtin = gtin_of(epc);
      if (gtin.empty()) continue;
      const auto maker = maker_of.find(std::string(gtin));
      if (maker == maker_of.end() || maker->second != uscc) {
        return make_error(
            "查询参数 " + match.parameter + "：GTIN " + std::string(gtin) +
                (maker == maker_of.end() ? " 不是已登记的产品" : " 不是本企业登记的产品") +
                "，企业账户只能查询本企业产品的事件",
            match.parameter);
      }
    }
  }
  return Ok{};
}

}  // namespace zhiyou::trace::epcis
