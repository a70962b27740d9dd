// The rules for one event: the EPCIS 2.0 JSON schema's definitions of the five event types
// and their parts, and the rules of the standard the schema leaves out.
#include <algorithm>
#include <set>

#include "core/date_time.hpp"
#include "trace/epcis/checker.hpp"
#include "trace/epcis/epc.hpp"

namespace zhiyou::trace::epcis::detail {
namespace json = boost::json;
namespace {

// Fields every event may have (the schema's common-event-properties).
#define ZHIYOU_COMMON_FIELDS                                                       \
  "@context", "type", "eventTime", "recordTime", "eventTimeZoneOffset", "eventID", \
      "certificationInfo", "errorDeclaration"

bool is_standard_type(std::string_view type) {
  return type == "ObjectEvent" || type == "AggregationEvent" || type == "TransactionEvent" ||
         type == "TransformationEvent" || type == "AssociationEvent";
}

std::string indexed(std::string_view field, std::size_t i) {
  return std::string(field) + "[" + std::to_string(i) + "]";
}

// An identifier list (epcList, childEPCs, …): URIs, no repeats, each a valid EPC.
bool epc_list(Checker& c, const json::object& o, std::string_view field, EpcRole role, bool unique,
              Event& out) {
  const json::array* list = c.array_field(o, field, false);
  if (list == nullptr) return c.ok();
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json::value& item = (*list)[i];
    if (!item.is_string()) return c.fail(indexed(field, i), "应为 EPC URI 字符串");
    const std::string_view text = item.get_string();
    if (unique && !seen.insert(text).second) {
      return c.fail(indexed(field, i), "「" + std::string(text) + "」重复出现");
    }
    auto epc = parse_epc(text);
    if (!epc) return c.fail(indexed(field, i), epc.error().message);
    out.epcs.push_back({std::move(epc).value(), role});
  }
  return true;
}

bool single_epc(Checker& c, const json::object& o, std::string_view field, bool required,
                EpcRole role, Event& out) {
  const json::string* s = c.string_field(o, field, required);
  if (s == nullptr) return c.ok();
  auto epc = parse_epc(*s);
  if (!epc) return c.fail(field, epc.error().message);
  out.epcs.push_back({std::move(epc).value(), role});
  return true;
}

bool quantity_list(Checker& c, const json::object& o, std::string_view field, EpcRole role,
                   Event& out) {
  const json::array* list = c.array_field(o, field, false);
  if (list == nullptr) return c.ok();
  for (std::size_t i = 0; i < list->size(); ++i) {
    Checker::Scope scope(c, indexed(field, i));
    if (!(*list)[i].is_object()) return c.fail("", "应为对象（epcClass、quantity、uom）");
    const json::object& q = (*list)[i].get_object();
    if (!c.field_names_closed(q, {"epcClass", "quantity", "uom"})) return false;
    const json::string* cls = c.string_field(q, "epcClass", true);
    if (cls == nullptr) return false;
    auto epc = parse_epc_or_pattern(*cls);
    if (!epc) return c.fail("epcClass", epc.error().message);
    if (!c.number(q, "quantity")) return false;
    if (const json::string* uom = c.string_field(q, "uom", false)) {
      const bool fits = uom->size() >= 2 && uom->size() <= 3 &&
                        std::all_of(uom->begin(), uom->end(), [](char ch) {
                          return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
                        });
      if (!fits) return c.fail("uom", "「" + std::string(*uom) + "」不是 UN/ECE 计量单位代码");
    } else if (!c.ok()) {
      return false;
    }
    out.epcs.push_back({std::move(epc).value(), role});
  }
  return true;
}

bool location(Checker& c, const json::object& o, std::string_view field, std::string& out) {
  const json::object* loc = c.object_field(o, field, false);
  if (loc == nullptr) return c.ok();
  Checker::Scope scope(c, field);
  const json::string* id = c.string_field(*loc, "id", true);
  if (id == nullptr) return false;
  const std::string* canonical = c.canonical("id", *id);
  if (canonical == nullptr) return false;
  out = *canonical;
  return c.field_names(*loc, {"id"});
}

bool biz_transactions(Checker& c, const json::object& o, bool required) {
  const json::array* list = c.array_field(o, "bizTransactionList", required);
  if (list == nullptr) return c.ok();
  if (required && list->empty()) return c.fail("bizTransactionList", "至少需要一个业务交易");
  for (std::size_t i = 0; i < list->size(); ++i) {
    Checker::Scope scope(c, indexed("bizTransactionList", i));
    if (!(*list)[i].is_object()) return c.fail("", "应为对象（type、bizTransaction）");
    const json::object& t = (*list)[i].get_object();
    if (!c.field_names_closed(t, {"type", "bizTransaction"})) return false;
    if (!c.uri(t, "bizTransaction", true)) return false;
    c.vocabulary(t, "type", Vocabulary::biz_transaction_type, false);
    if (!c.ok()) return false;
  }
  return true;
}

bool parties(Checker& c, const json::object& o, std::string_view field, std::string_view member,
             std::vector<Party>& out) {
  const json::array* list = c.array_field(o, field, false);
  if (list == nullptr) return c.ok();
  for (std::size_t i = 0; i < list->size(); ++i) {
    Checker::Scope scope(c, indexed(field, i));
    if (!(*list)[i].is_object()) return c.fail("", "应为对象");
    const json::object& p = (*list)[i].get_object();
    if (!c.field_names_closed(p, {"type", member})) return false;
    auto type = c.vocabulary(p, "type", Vocabulary::source_destination_type, true);
    if (!type) return false;
    const json::string* id = c.string_field(p, member, true);
    if (id == nullptr) return false;
    const std::string* canonical = c.canonical(member, *id);
    if (canonical == nullptr) return false;
    out.push_back({std::move(*type), *canonical});
  }
  return true;
}

bool persistent_disposition(Checker& c, const json::object& o) {
  const json::object* pd = c.object_field(o, "persistentDisposition", false);
  if (pd == nullptr) return c.ok();
  Checker::Scope scope(c, "persistentDisposition");
  if (!c.field_names_closed(*pd, {"set", "unset"})) return false;
  if (!pd->contains("set") && !pd->contains("unset")) return c.fail("", "需要 set 或 unset");
  for (std::string_view part : {"set", "unset"}) {
    const json::array* list = c.array_field(*pd, part, false);
    if (list == nullptr) {
      if (!c.ok()) return false;
      continue;
    }
    if (list->empty()) return c.fail(part, "不能为空数组");
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json::value& v = (*list)[i];
      if (!v.is_string() || !canonical_vocabulary(Vocabulary::disposition, v.get_string())) {
        return c.fail(indexed(part, i), "不是 CBV 处置状态，也不是 URI");
      }
    }
  }
  return true;
}

bool certification_info(Checker& c, const json::object& o) {
  const json::value* v = o.if_contains("certificationInfo");
  if (v == nullptr) return true;
  if (v->is_string()) return c.uri(o, "certificationInfo", false);
  if (!v->is_array()) return c.fail("certificationInfo", "应为 URI 或 URI 数组");
  const json::array& list = v->get_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_string() || !is_uri(list[i].get_string())) {
      return c.fail(indexed("certificationInfo", i), "应为 URI 字符串");
    }
  }
  return true;
}

bool error_declaration(Checker& c, const json::object& o, Event& e) {
  const json::object* d = c.object_field(o, "errorDeclaration", false);
  if (d == nullptr) return c.ok();
  Checker::Scope scope(c, "errorDeclaration");
  if (!c.field_names(*d, {"declarationTime", "reason", "correctiveEventIDs"})) return false;
  std::int64_t declared = 0;
  if (!c.time(*d, "declarationTime", true, &declared)) return false;
  e.declaration_time = declared;
  if (auto reason = c.vocabulary(*d, "reason", Vocabulary::error_reason, false)) {
    e.error_reason = std::move(*reason);
  }
  if (!c.ok()) return false;
  const json::array* ids = c.array_field(*d, "correctiveEventIDs", false);
  if (ids == nullptr) return c.ok();
  for (std::size_t i = 0; i < ids->size(); ++i) {
    if (!(*ids)[i].is_string() || !is_uri((*ids)[i].get_string())) {
      return c.fail(indexed("correctiveEventIDs", i), "应为 URI 字符串");
    }
    e.corrective_event_ids.emplace_back((*ids)[i].get_string());
  }
  return true;
}

bool ilmd(Checker& c, const json::object& o, std::string& lot) {
  const json::object* m = c.object_field(o, "ilmd", false);
  if (m == nullptr) return c.ok();
  Checker::Scope scope(c, "ilmd");
  if (!c.field_names(*m, {})) return false;
  for (std::string_view key : {"cbvmda:lotNumber", "urn:epcglobal:cbv:mda#lotNumber"}) {
    if (const json::value* v = m->if_contains(key); v != nullptr && v->is_string()) {
      lot = std::string(v->get_string());
    }
  }
  return true;
}

bool sensor_report(Checker& c, const json::object& r) {
  if (!c.field_names(r, {"type",
                         "exception",
                         "deviceID",
                         "deviceMetadata",
                         "rawData",
                         "dataProcessingMethod",
                         "bizRules",
                         "time",
                         "microorganism",
                         "chemicalSubstance",
                         "coordinateReferenceSystem",
                         "value",
                         "component",
                         "stringValue",
                         "booleanValue",
                         "hexBinaryValue",
                         "uriValue",
                         "minValue",
                         "maxValue",
                         "meanValue",
                         "sDev",
                         "percRank",
                         "percValue",
                         "uom"})) {
    return false;
  }
  // GS1's 2023 schema requires type; a report of an alarm or error condition alone
  // (exception without a measurement) is valid in OpenEPCIS's newer schema and accepted.
  if (!c.vocabulary(r, "type", Vocabulary::measurement_type, !r.contains("exception")) && !c.ok()) {
    return false;
  }
  c.vocabulary(r, "exception", Vocabulary::sensor_alert_type, false);
  c.vocabulary(r, "component", Vocabulary::component, false);
  for (std::string_view f :
       {"deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules",
        "microorganism", "chemicalSubstance", "coordinateReferenceSystem", "uriValue"}) {
    if (!c.uri(r, f, false)) return false;
  }
  for (std::string_view f :
       {"value", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue"}) {
    if (!c.number(r, f)) return false;
  }
  if (!c.time(r, "time", false)) return false;
  if (const json::value* b = r.if_contains("booleanValue"); b != nullptr && !b->is_bool()) {
    return c.fail("booleanValue", "应为布尔值");
  }
  c.string_field(r, "stringValue", false);
  c.string_field(r, "uom", false);
  if (const json::string* hex = c.string_field(r, "hexBinaryValue", false)) {
    if (hex->empty() || !std::all_of(hex->begin(), hex->end(), [](char ch) {
          return std::isxdigit(static_cast<unsigned char>(ch)) != 0;
        })) {
      return c.fail("hexBinaryValue", "应为十六进制字符串");
    }
  }
  return c.ok();
}

bool sensor_elements(Checker& c, const json::object& o) {
  const json::array* list = c.array_field(o, "sensorElementList", false);
  if (list == nullptr) return c.ok();
  for (std::size_t i = 0; i < list->size(); ++i) {
    Checker::Scope scope(c, indexed("sensorElementList", i));
    if (!(*list)[i].is_object()) return c.fail("", "应为对象");
    const json::object& e = (*list)[i].get_object();
    if (!c.field_names(e, {"sensorMetadata", "sensorReport"})) return false;
    if (const json::object* meta = c.object_field(e, "sensorMetadata", false)) {
      Checker::Scope m(c, "sensorMetadata");
      if (!c.field_names(*meta, {"time", "deviceID", "deviceMetadata", "rawData", "startTime",
                                 "endTime", "dataProcessingMethod", "bizRules"})) {
        return false;
      }
      for (std::string_view f : {"time", "startTime", "endTime"}) {
        if (!c.time(*meta, f, false)) return false;
      }
      for (std::string_view f :
           {"deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules"}) {
        if (!c.uri(*meta, f, false)) return false;
      }
    } else if (!c.ok()) {
      return false;
    }
    const json::array* reports = c.array_field(e, "sensorReport", true);
    if (reports == nullptr) return false;
    if (reports->empty()) return c.fail("sensorReport", "至少需要一条传感器报告");
    for (std::size_t j = 0; j < reports->size(); ++j) {
      Checker::Scope r(c, indexed("sensorReport", j));
      if (!(*reports)[j].is_object()) return c.fail("", "应为对象");
      if (!sensor_report(c, (*reports)[j].get_object())) return false;
    }
  }
  return true;
}

bool non_empty_array(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_array() && !v->get_array().empty();
}

// The schema's "one of these must be present" rule for each event type.
bool has_what_it_is_about(Checker& c, const json::object& o, const Event& e) {
  const bool del = e.action == "DELETE";
  if (e.type == "ObjectEvent") {
    if (o.contains("epcList") || non_empty_array(o, "quantityList") ||
        (non_empty_array(o, "sensorElementList") && o.contains("readPoint"))) {
      return true;
    }
    return c.fail("epcList",
                  "ObjectEvent 须有 epcList 或 quantityList（或传感器数据加 readPoint）");
  }
  if (e.type == "AggregationEvent" || e.type == "AssociationEvent") {
    if (del || non_empty_array(o, "childEPCs") || non_empty_array(o, "childQuantityList")) {
      return true;
    }
    return c.fail("childEPCs", e.type + " 须有 childEPCs 或 childQuantityList（DELETE 除外）");
  }
  if (e.type == "TransactionEvent") {
    if (del || o.contains("epcList") || non_empty_array(o, "quantityList")) return true;
    return c.fail("epcList", "TransactionEvent 须有 epcList 或 quantityList（DELETE 除外）");
  }
  const bool in = non_empty_array(o, "inputEPCList") || non_empty_array(o, "inputQuantityList");
  const bool outp = non_empty_array(o, "outputEPCList") || non_empty_array(o, "outputQuantityList");
  if ((in && outp) || ((in || outp) && o.contains("transformationID"))) return true;
  return c.fail("inputEPCList",
                "TransformationEvent 须同时有输入和输出，或有 transformationID 及输入或输出");
}

bool action(Checker& c, const json::object& o, Event& e) {
  const json::string* a = c.string_field(o, "action", true);
  if (a == nullptr) return false;
  if (*a != "ADD" && *a != "OBSERVE" && *a != "DELETE") {
    return c.fail("action", "「" + std::string(*a) + "」无效，应为 ADD、OBSERVE 或 DELETE");
  }
  e.action = std::string(*a);
  return true;
}

bool type_specific(Checker& c, const json::object& o, Event& e) {
  const std::string& t = e.type;
  if (t == "ObjectEvent") {
    if (!c.field_names(
            o, {ZHIYOU_COMMON_FIELDS, "action", "epcList", "quantityList", "bizStep", "disposition",
                "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList",
                "sourceList", "destinationList", "sensorElementList", "ilmd"}) ||
        !action(c, o, e) || !epc_list(c, o, "epcList", EpcRole::epc, true, e) ||
        !quantity_list(c, o, "quantityList", EpcRole::quantity, e)) {
      return false;
    }
    if (o.contains("ilmd") && e.action != "ADD") {
      return c.fail("ilmd", "只有 action 为 ADD 的 ObjectEvent 才能带 ilmd（实例/批次主数据）");
    }
  } else if (t == "AggregationEvent" || t == "AssociationEvent") {
    if (!c.field_names(
            o, {ZHIYOU_COMMON_FIELDS, "parentID", "childEPCs", "childQuantityList", "action",
                "bizStep", "disposition", "readPoint", "bizLocation", "bizTransactionList",
                "sourceList", "destinationList", "sensorElementList", "persistentDisposition"}) ||
        !action(c, o, e)) {
      return false;
    }
    const bool parent_required = t == "AssociationEvent" || e.action != "OBSERVE";
    if (!o.contains("parentID") && parent_required) {
      return c.fail("parentID", t + " 的 action 为 " + e.action + " 时必须有 parentID");
    }
    if (!single_epc(c, o, "parentID", false, EpcRole::parent, e) ||
        !epc_list(c, o, "childEPCs", EpcRole::child, true, e) ||
        !quantity_list(c, o, "childQuantityList", EpcRole::child_quantity, e)) {
      return false;
    }
  } else if (t == "TransactionEvent") {
    if (!c.field_names(o, {ZHIYOU_COMMON_FIELDS, "bizTransactionList", "parentID", "epcList",
                           "quantityList", "action", "bizStep", "disposition", "readPoint",
                           "bizLocation", "sourceList", "destinationList", "sensorElementList"}) ||
        !action(c, o, e) || !single_epc(c, o, "parentID", false, EpcRole::parent, e) ||
        !epc_list(c, o, "epcList", EpcRole::epc, true, e) ||
        !quantity_list(c, o, "quantityList", EpcRole::quantity, e)) {
      return false;
    }
  } else {  // TransformationEvent
    if (o.contains("action")) {
      return c.fail("action", "TransformationEvent 不能有 action 字段");
    }
    if (!c.field_names(o,
                       {ZHIYOU_COMMON_FIELDS, "inputEPCList", "inputQuantityList", "outputEPCList",
                        "outputQuantityList", "transformationID", "bizStep", "disposition",
                        "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList",
                        "sourceList", "destinationList", "sensorElementList", "ilmd"}) ||
        !c.uri(o, "transformationID", false) ||
        !epc_list(c, o, "inputEPCList", EpcRole::input, true, e) ||
        !epc_list(c, o, "outputEPCList", EpcRole::output, true, e) ||
        !quantity_list(c, o, "inputQuantityList", EpcRole::input_quantity, e) ||
        !quantity_list(c, o, "outputQuantityList", EpcRole::output_quantity, e)) {
      return false;
    }
  }
  if (o.contains("ilmd") && t != "ObjectEvent" && t != "TransformationEvent") {
    return c.fail("ilmd", "ilmd 只能出现在 ObjectEvent 和 TransformationEvent 中");
  }
  return has_what_it_is_about(c, o, e);
}

}  // namespace

bool check_event(Checker& c, const json::object& o, Event& e) {
  const json::string* type = c.string_field(o, "type", true);
  if (type == nullptr) return false;
  e.type = std::string(*type);
  if (!is_standard_type(e.type) && !is_uri(e.type)) {
    return c.fail("type", "「" + e.type + "」不是 EPCIS 事件类型（ObjectEvent 等）或扩展类型 URI");
  }
  if (!c.time(o, "eventTime", true, &e.event_time) || !c.time(o, "recordTime", false)) {
    return false;
  }
  const json::string* offset = c.string_field(o, "eventTimeZoneOffset", true);
  if (offset == nullptr) return false;
  if (!is_time_zone_offset(*offset)) {
    return c.fail("eventTimeZoneOffset",
                  "「" + std::string(*offset) + "」无效，应为 ±HH:MM（-14:00 至 +14:00）");
  }
  if (!c.uri(o, "eventID", false) || !certification_info(c, o) || !error_declaration(c, o, e)) {
    return false;
  }
  if (const json::string* id = o.contains("eventID") ? &o.at("eventID").get_string() : nullptr) {
    e.event_id = std::string(*id);
  }
  if (!is_standard_type(e.type)) return true;  // extension event: only the common rules
  if (!type_specific(c, o, e)) return false;
  if (auto step = c.vocabulary(o, "bizStep", Vocabulary::biz_step, false)) e.biz_step = *step;
  if (auto d = c.vocabulary(o, "disposition", Vocabulary::disposition, false)) e.disposition = *d;
  return c.ok() && persistent_disposition(c, o) && location(c, o, "readPoint", e.read_point) &&
         location(c, o, "bizLocation", e.biz_location) &&
         biz_transactions(c, o, e.type == "TransactionEvent") &&
         parties(c, o, "sourceList", "source", e.sources) &&
         parties(c, o, "destinationList", "destination", e.destinations) && sensor_elements(c, o) &&
         ilmd(c, o, e.ilmd_lot);
}

}  // namespace zhiyou::trace::epcis::detail
