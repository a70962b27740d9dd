#include "store/plan_columns.hpp"

#include <boost/json.hpp>

namespace zhiyou::store {
namespace json = boost::json;
namespace {

Error bad_column(std::string_view what, std::string_view text) {
  return make_error("数据库中的" + std::string(what) + "无效: " + std::string(text));
}

Result<json::value> parse(std::string_view text, std::string_view what) {
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec) {
    return bad_column(what, text);
  }
  return value;
}

std::optional<double> number(const json::value& value) {
  if (value.is_double()) {
    return value.get_double();
  }
  if (value.is_int64()) {
    return static_cast<double>(value.get_int64());
  }
  if (value.is_uint64()) {
    return static_cast<double>(value.get_uint64());
  }
  return std::nullopt;
}

json::array numbers_array(const std::vector<double>& numbers) {
  json::array array;
  for (double n : numbers) {
    array.emplace_back(n);
  }
  return array;
}

std::optional<std::vector<double>> numbers_of(const json::value& value) {
  if (!value.is_array()) {
    return std::nullopt;
  }
  std::vector<double> numbers;
  for (const json::value& each : value.get_array()) {
    auto n = number(each);
    if (!n) {
      return std::nullopt;
    }
    numbers.push_back(*n);
  }
  return numbers;
}

}  // namespace

std::string baseline_to_json(const plans::Baseline& baseline) {
  const plans::Expression& e = baseline.expression;
  json::object object;
  object["year"] = baseline.year;
  object["kind"] = plans::to_string(e.kind);
  object["op"] = e.op ? json::value(plans::to_string(*e.op)) : json::value(nullptr);
  object["value"] = e.value ? json::value(*e.value) : json::value(nullptr);
  object["reference_year"] =
      e.reference_year ? json::value(*e.reference_year) : json::value(nullptr);
  object["parts"] = numbers_array(e.parts);
  object["text"] = e.text;
  return json::serialize(object);
}

Result<plans::Baseline> baseline_from_json(std::string_view text) {
  constexpr std::string_view kWhat = "基期值";
  auto parsed = parse(text, kWhat);
  if (!parsed) {
    return parsed.error();
  }
  const json::object* object = parsed->if_object();
  if (object == nullptr) {
    return bad_column(kWhat, text);
  }
  plans::Baseline baseline;
  plans::Expression& e = baseline.expression;
  const json::value* year = object->if_contains("year");
  const json::value* kind = object->if_contains("kind");
  const json::value* op = object->if_contains("op");
  const json::value* value = object->if_contains("value");
  const json::value* reference_year = object->if_contains("reference_year");
  const json::value* parts = object->if_contains("parts");
  const json::value* printed = object->if_contains("text");
  if (year == nullptr || !year->is_int64() || kind == nullptr || !kind->is_string() ||
      printed == nullptr || !printed->is_string()) {
    return bad_column(kWhat, text);
  }
  baseline.year = static_cast<int>(year->get_int64());
  auto k = target_kind_column(kind->get_string());
  if (!k) {
    return k.error();
  }
  e.kind = *k;
  if (op != nullptr && !op->is_null()) {
    auto c = op->is_string() ? comparator_column(op->get_string())
                             : Result<plans::Comparator>(bad_column(kWhat, text));
    if (!c) {
      return c.error();
    }
    e.op = *c;
  }
  if (value != nullptr && !value->is_null()) {
    e.value = number(*value);
    if (!e.value) {
      return bad_column(kWhat, text);
    }
  }
  if (reference_year != nullptr && !reference_year->is_null()) {
    if (!reference_year->is_int64()) {
      return bad_column(kWhat, text);
    }
    e.reference_year = static_cast<int>(reference_year->get_int64());
  }
  if (parts != nullptr) {
    auto numbers = numbers_of(*parts);
    if (!numbers) {
      return bad_column(kWhat, text);
    }
    e.parts = std::move(*numbers);
  }
  e.text = std::string(printed->get_string());
  return baseline;
}

std::string numbers_to_json(const std::vector<double>& numbers) {
  return json::serialize(numbers_array(numbers));
}

Result<std::vector<double>> numbers_from_json(std::string_view text) {
  auto parsed = parse(text, "分项值");
  if (!parsed) {
    return parsed.error();
  }
  auto numbers = numbers_of(*parsed);
  if (!numbers) {
    return bad_column("分项值", text);
  }
  return std::move(*numbers);
}

std::string strings_to_json(const std::vector<std::string>& strings) {
  json::array array;
  for (const std::string& s : strings) {
    array.emplace_back(s);
  }
  return json::serialize(array);
}

Result<std::vector<std::string>> strings_from_json(std::string_view text) {
  auto parsed = parse(text, "备注");
  if (!parsed) {
    return parsed.error();
  }
  if (!parsed->is_array()) {
    return bad_column("备注", text);
  }
  std::vector<std::string> strings;
  for (const json::value& each : parsed->get_array()) {
    if (!each.is_string()) {
      return bad_column("备注", text);
    }
    strings.emplace_back(each.get_string());
  }
  return strings;
}

Result<plans::TargetKind> target_kind_column(std::string_view text) {
  if (auto v = plans::target_kind_from(text)) {
    return *v;
  }
  return bad_column("目标类型", text);
}

Result<plans::Comparator> comparator_column(std::string_view text) {
  if (auto v = plans::comparator_from(text)) {
    return *v;
  }
  return bad_column("比较符", text);
}

Result<plans::Direction> direction_column(std::string_view text) {
  if (auto v = plans::direction_from(text)) {
    return *v;
  }
  return bad_column("指标方向", text);
}

Result<plans::Attribute> attribute_column(std::string_view text) {
  if (auto v = plans::attribute_from(text)) {
    return *v;
  }
  return bad_column("指标属性", text);
}

}  // namespace zhiyou::store
