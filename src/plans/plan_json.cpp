#include "plans/plan_json.hpp"

#include <fmt/core.h>

#include <cmath>

#include "core/json.hpp"

namespace zhiyou::plans {
namespace json = boost::json;
namespace {

json::value source_json(const SourceRef& source, bool with_line) {
  json::object o{{"file", source.file}};
  if (with_line) o["line"] = source.line;
  return o;
}

json::array strings(const std::vector<std::string>& values) {
  json::array a;
  for (const auto& v : values) a.emplace_back(v);
  return a;
}

json::value optional_int(const std::optional<int>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

// Reading: every accessor names the path it is reading, so a bad file says where.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  const json::object* object(const json::value& v, const std::string& path) {
    if (!v.is_object()) return fail(path, "应为对象");
    return &v.get_object();
  }
  const json::array* array(const json::object& o, std::string_view key, const std::string& path) {
    const auto* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) return &empty_;
    if (!v->is_array()) return fail(path + "." + std::string(key), "应为数组");
    return &v->get_array();
  }
  std::string string(const json::object& o, std::string_view key, const std::string& path,
                     bool required = false) {
    const auto* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) {
      if (required) fail(path + "." + std::string(key), "缺少此字段");
      return {};
    }
    if (!v->is_string()) {
      fail(path + "." + std::string(key), "应为字符串");
      return {};
    }
    return std::string(v->get_string());
  }
  std::optional<std::string> optional_string(const json::object& o, std::string_view key,
                                             const std::string& path) {
    const auto* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    return string(o, key, path);
  }
  std::optional<double> number(const json::object& o, std::string_view key,
                               const std::string& path) {
    const auto* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (v->is_int64()) return static_cast<double>(v->get_int64());
    if (v->is_uint64()) return static_cast<double>(v->get_uint64());
    if (v->is_double()) return v->get_double();
    fail(path + "." + std::string(key), "应为数字");
    return std::nullopt;
  }
  std::optional<int> integer(const json::object& o, std::string_view key, const std::string& path) {
    const auto n = number(o, key, path);
    if (!n) return std::nullopt;
    // Range first: converting an out-of-range double to int is undefined behaviour.
    if (!(*n >= -2147483648.0 && *n <= 2147483647.0) || *n != std::trunc(*n)) {
      fail(path + "." + std::string(key), "应为整数");
      return std::nullopt;
    }
    return static_cast<int>(*n);
  }
  std::vector<std::string> strings(const json::object& o, std::string_view key,
                                   const std::string& path) {
    std::vector<std::string> out;
    const json::array* a = array(o, key, path);
    if (a == nullptr) return out;
    for (std::size_t i = 0; i < a->size(); ++i) {
      if (!(*a)[i].is_string()) {
        fail(fmt::format("{}.{}[{}]", path, key, i), "应为字符串");
        continue;
      }
      out.emplace_back((*a)[i].get_string());
    }
    return out;
  }
  template <typename E>
  std::optional<E> enumerated(const json::object& o, std::string_view key, const std::string& path,
                              std::optional<E> (*from)(std::string_view)) {
    const auto s = optional_string(o, key, path);
    if (!s) return std::nullopt;
    auto e = from(*s);
    if (!e) fail(path + "." + std::string(key), "无法识别的取值「" + *s + "」");
    return e;
  }
  SourceRef source(const json::object& o, const std::string& path) {
    SourceRef ref;
    const auto* v = o.if_contains("source");
    if (v == nullptr || v->is_null()) return ref;
    const json::object* s = object(*v, path + ".source");
    if (s == nullptr) return ref;
    ref.file = string(*s, "file", path + ".source");
    ref.line = integer(*s, "line", path + ".source").value_or(0);
    return ref;
  }

  std::nullptr_t fail(const std::string& path, const std::string& why) {
    if (!error_) error_ = make_error(fmt::format("字段 {} {}", path, why), file_);
    return nullptr;
  }
  [[nodiscard]] const std::optional<Error>& error() const { return error_; }

 private:
  std::string file_;
  std::optional<Error> error_;
  json::array empty_;
};

Expression read_expression(Reader& r, const json::object& o, const std::string& path) {
  Expression e;
  e.kind = r.enumerated<TargetKind>(o, "kind", path, &target_kind_from).value_or(TargetKind::level);
  e.op = r.enumerated<Comparator>(o, "op", path, &comparator_from);
  e.value = r.number(o, "value", path);
  e.reference_year = r.integer(o, "reference_year", path);
  e.text = r.string(o, "text", path);
  if (const json::array* parts = r.array(o, "parts", path)) {
    for (const auto& p : *parts) {
      if (p.is_number()) e.parts.push_back(p.to_number<double>());
    }
  }
  return e;
}

Indicator read_indicator(Reader& r, const json::object& o, const std::string& path) {
  Indicator ind;
  ind.id = r.string(o, "id", path, true);
  ind.domain = r.string(o, "domain", path);
  ind.name = r.string(o, "name", path, true);
  ind.unit = r.optional_string(o, "unit", path);
  if (const auto* b = o.if_contains("baseline"); b != nullptr && !b->is_null()) {
    if (const json::object* bo = r.object(*b, path + ".baseline")) {
      ind.baseline = Baseline{r.integer(*bo, "year", path + ".baseline").value_or(0),
                              read_expression(r, *bo, path + ".baseline")};
    }
  }
  if (const json::array* targets = r.array(o, "targets", path)) {
    for (std::size_t i = 0; i < targets->size(); ++i) {
      const std::string tp = fmt::format("{}.targets[{}]", path, i);
      if (const json::object* t = r.object((*targets)[i], tp)) {
        ind.targets.push_back(Target{r.integer(*t, "year", tp).value_or(0),
                                     read_expression(r, *t, tp), r.string(*t, "sentence", tp)});
      }
    }
  }
  ind.direction =
      r.enumerated<Direction>(o, "direction", path, &direction_from).value_or(Direction::up);
  if (const auto* v = o.if_contains("direction_overridden"); v != nullptr && v->is_bool()) {
    ind.direction_overridden = v->get_bool();
  }
  ind.attribute = r.enumerated<Attribute>(o, "attribute", path, &attribute_from);
  ind.lead_units = r.strings(o, "lead_units", path);
  ind.notes = r.strings(o, "notes", path);
  ind.source = r.source(o, path);
  return ind;
}

Plan read_plan(Reader& r, const json::object& o, const std::string& path) {
  Plan plan;
  plan.id = r.string(o, "id", path, true);
  plan.title = r.string(o, "title", path, true);
  plan.doc_number = r.string(o, "doc_number", path);
  plan.issuer = r.string(o, "issuer", path);
  plan.issued_on = r.optional_string(o, "issued_on", path);
  plan.kind = r.optional_string(o, "kind", path).value_or("official");
  if (const auto* p = o.if_contains("period"); p != nullptr && p->is_object()) {
    plan.start_year = r.integer(p->get_object(), "start", path + ".period");
    plan.end_year = r.integer(p->get_object(), "end", path + ".period");
  }
  plan.source = r.source(o, path);
  if (const json::array* indicators = r.array(o, "indicators", path)) {
    for (std::size_t i = 0; i < indicators->size(); ++i) {
      const std::string ip = fmt::format("{}.indicators[{}]", path, i);
      if (const json::object* io = r.object((*indicators)[i], ip))
        plan.indicators.push_back(read_indicator(r, *io, ip));
    }
  }
  if (const json::array* tasks = r.array(o, "tasks", path)) {
    for (std::size_t i = 0; i < tasks->size(); ++i) {
      const std::string tp = fmt::format("{}.tasks[{}]", path, i);
      if (const json::object* to = r.object((*tasks)[i], tp)) {
        Task task;
        task.id = r.string(*to, "id", tp, true);
        task.title = r.string(*to, "title", tp, true);
        task.lead_units = r.strings(*to, "lead_units", tp);
        task.supporting_units = r.strings(*to, "supporting_units", tp);
        task.source = r.source(*to, tp);
        plan.tasks.push_back(std::move(task));
      }
    }
  }
  return plan;
}

}  // namespace

json::value to_json(const Expression& e) {
  json::object o{{"kind", to_string(e.kind)},
                 {"op", e.op ? json::value(to_string(*e.op)) : json::value(nullptr)},
                 {"value", zhiyou::json::optional_number(e.value)},
                 {"reference_year", optional_int(e.reference_year)},
                 {"text", e.text}};
  if (!e.parts.empty()) {
    json::array parts;
    for (const double p : e.parts) parts.push_back(zhiyou::json::number(p));
    o["parts"] = std::move(parts);
  }
  return o;
}

json::value to_json(const Indicator& ind) {
  json::value baseline = nullptr;
  if (ind.baseline) {
    const json::value expression = to_json(ind.baseline->expression);
    const json::object& b = expression.as_object();
    json::object ordered{{"year", ind.baseline->year}};
    for (const auto& [k, v] : b) ordered[k] = v;
    baseline = std::move(ordered);
  }
  json::array targets;
  for (const Target& t : ind.targets) {
    json::object o{{"year", t.year}};
    const json::value expression = to_json(t.expression);
    for (const auto& [k, v] : expression.as_object()) o[k] = v;
    if (!t.sentence.empty()) o["sentence"] = t.sentence;
    targets.push_back(std::move(o));
  }
  json::object o{
      {"id", ind.id},
      {"domain", ind.domain},
      {"name", ind.name},
      {"unit", zhiyou::json::optional_string(ind.unit)},
      {"baseline", std::move(baseline)},
      {"targets", std::move(targets)},
      {"direction", to_string(ind.direction)},
      {"attribute", ind.attribute ? json::value(to_string(*ind.attribute)) : json::value(nullptr)},
      {"lead_units", strings(ind.lead_units)},
      {"notes", strings(ind.notes)},
      {"source", source_json(ind.source, true)}};
  if (ind.direction_overridden) o["direction_overridden"] = true;
  return o;
}

json::value to_json(const Task& task) {
  return json::object{{"id", task.id},
                      {"title", task.title},
                      {"lead_units", strings(task.lead_units)},
                      {"supporting_units", strings(task.supporting_units)},
                      {"source", source_json(task.source, true)}};
}

json::value to_json(const Plan& plan) {
  json::array indicators;
  for (const Indicator& i : plan.indicators) indicators.push_back(to_json(i));
  json::array tasks;
  for (const Task& t : plan.tasks) tasks.push_back(to_json(t));
  json::value period = nullptr;
  if (plan.start_year || plan.end_year) {
    period = json::object{{"start", optional_int(plan.start_year)},
                          {"end", optional_int(plan.end_year)}};
  }
  return json::object{{"id", plan.id},
                      {"title", plan.title},
                      {"doc_number", zhiyou::json::string_or_null(plan.doc_number)},
                      {"issuer", zhiyou::json::string_or_null(plan.issuer)},
                      {"issued_on", zhiyou::json::optional_string(plan.issued_on)},
                      {"kind", plan.kind},
                      {"period", std::move(period)},
                      {"source", source_json(plan.source, false)},
                      {"indicators", std::move(indicators)},
                      {"tasks", std::move(tasks)}};
}

json::value plans_to_json(const std::vector<Plan>& plans) {
  json::array a;
  for (const Plan& p : plans) a.push_back(to_json(p));
  return json::object{{"plans", std::move(a)}};
}

Result<std::vector<Plan>> plans_from_json(std::string_view text, std::string_view file_label) {
  boost::system::error_code ec;
  const json::value doc = json::parse(text, ec);
  if (ec)
    return make_error(fmt::format("不是有效的 JSON：{}", ec.message()), std::string(file_label));
  Reader r{std::string(file_label)};
  std::vector<Plan> plans;
  const json::object* root = r.object(doc, "$");
  if (root != nullptr) {
    const auto* list = root->if_contains("plans");
    if (list == nullptr || !list->is_array()) {
      r.fail("plans", "缺少或不是数组");
    } else {
      for (std::size_t i = 0; i < list->get_array().size(); ++i) {
        const std::string path = fmt::format("plans[{}]", i);
        if (const json::object* po = r.object(list->get_array()[i], path))
          plans.push_back(read_plan(r, *po, path));
      }
    }
  }
  if (r.error()) return *r.error();
  return plans;
}

}  // namespace zhiyou::plans
