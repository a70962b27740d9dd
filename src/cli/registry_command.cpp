// `zhiyou entity add|list` and `zhiyou product add|list`: the makers and products that
// codes are issued for.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <boost/json.hpp>

#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "core/json.hpp"
#include "registry/region.hpp"
#include "store/registry_store.hpp"

namespace zhiyou::cli {
namespace {

struct RegistryOptions {
  std::string db;
  std::string uscc;
  std::string name;
  std::string region;
  std::string gtin;
  std::string entity;
  std::vector<std::string> marks;
  bool json = false;
};

template <typename T>
T or_fail(Result<T> result) {
  if (!result) throw UserError{result.error().describe()};
  return std::move(*result);
}

std::string region_name(const std::string& code) {
  const auto region = registry::find_region(code);
  return region ? std::string(region->name) : code;
}

void add_entity(const RegistryOptions& o) {
  const registry::Entity entity = or_fail(registry::make_entity(o.uscc, o.name, o.region));
  auto db = open_database(o.db);
  or_fail(store::save_entity(*db, entity));
  fmt::print("已登记企业 {}  {}  {}\n", entity.uscc, entity.name, region_name(entity.region_code));
}

void list_entities(const RegistryOptions& o) {
  auto db = open_database(o.db);
  const auto entities = or_fail(store::list_entities(*db));
  if (o.json) {
    boost::json::array list;
    for (const auto& e : entities) {
      list.push_back(boost::json::object{{"uscc", e.uscc},
                                         {"name", e.name},
                                         {"region", e.region_code},
                                         {"region_name", region_name(e.region_code)}});
    }
    fmt::print("{}\n", json::serialize(boost::json::object{{"entities", std::move(list)}}, 2));
    return;
  }
  for (const auto& e : entities) {
    fmt::print("{}  {}  {}\n", e.uscc, e.name, region_name(e.region_code));
  }
  fmt::print("共 {} 家企业\n", entities.size());
}

void add_product(const RegistryOptions& o) {
  const registry::Product product =
      or_fail(registry::make_product(o.gtin, o.name, o.entity, o.marks));
  auto db = open_database(o.db);
  or_fail(store::save_product(*db, product));
  fmt::print("已登记产品 {}  {}  （{}）\n", product.gtin, product.name, product.entity_uscc);
}

void list_products(const RegistryOptions& o) {
  auto db = open_database(o.db);
  const auto products = or_fail(store::list_products(*db));
  if (o.json) {
    boost::json::array list;
    for (const auto& p : products) {
      boost::json::array marks;
      for (const auto& m : p.quality_marks) marks.emplace_back(m);
      list.push_back(boost::json::object{{"gtin", p.gtin},
                                         {"name", p.name},
                                         {"entity", p.entity_uscc},
                                         {"quality_marks", std::move(marks)}});
    }
    fmt::print("{}\n", json::serialize(boost::json::object{{"products", std::move(list)}}, 2));
    return;
  }
  for (const auto& p : products) {
    std::string marks;
    for (const auto& m : p.quality_marks) marks += "  [" + m + "]";
    fmt::print("{}  {}  {}{}\n", p.gtin, p.name, p.entity_uscc, marks);
  }
  fmt::print("共 {} 个产品\n", products.size());
}

}  // namespace

void add_registry_commands(CLI::App& app) {
  static RegistryOptions o;
  auto* entity = app.add_subcommand("entity", "市场主体（企业）/ market entities");
  entity->require_subcommand(1);
  auto* entity_add = entity->add_subcommand("add", "登记或更新企业");
  entity_add->add_option("--uscc", o.uscc, "统一社会信用代码（18 位）")->required();
  entity_add->add_option("--name", o.name, "企业名称")->required();
  entity_add->add_option("--region", o.region, "所在区县（市）：名称、简称或代码")->required();
  add_database_option(*entity_add, o.db);
  entity_add->callback([] { add_entity(o); });
  auto* entity_list = entity->add_subcommand("list", "列出企业");
  entity_list->add_flag("--json", o.json, "输出 JSON");
  add_database_option(*entity_list, o.db);
  entity_list->callback([] { list_entities(o); });

  auto* product = app.add_subcommand("product", "产品 / products");
  product->require_subcommand(1);
  auto* product_add = product->add_subcommand("add", "登记或更新产品");
  product_add->add_option("--gtin", o.gtin, "GTIN（8、12、13 或 14 位，含校验位）")->required();
  product_add->add_option("--name", o.name, "产品名称")->required();
  product_add->add_option("--entity", o.entity, "生产企业的统一社会信用代码")->required();
  product_add->add_option("--mark", o.marks, "质量标识，可重复（如 品字标浙江制造、同线同标同质）");
  add_database_option(*product_add, o.db);
  product_add->callback([] { add_product(o); });
  auto* product_list = product->add_subcommand("list", "列出产品");
  product_list->add_flag("--json", o.json, "输出 JSON");
  add_database_option(*product_list, o.db);
  product_list->callback([] { list_products(o); });
}

}  // namespace zhiyou::cli
