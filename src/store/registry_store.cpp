#include "store/registry_store.hpp"

#include <soci/soci.h>

#include <boost/json.hpp>

#include "core/json.hpp"
#include "store/database.hpp"

namespace zhiyou::store {
namespace {

std::string marks_json(const std::vector<std::string>& marks) {
  boost::json::array array;
  for (const std::string& mark : marks) array.emplace_back(mark);
  return json::serialize(array);
}

std::vector<std::string> marks_from_json(const std::string& text) {
  std::vector<std::string> marks;
  const boost::json::value parsed = boost::json::parse(text);
  for (const auto& value : parsed.as_array()) {
    marks.emplace_back(value.as_string());
  }
  return marks;
}

template <typename F>
auto guarded(const char* what, F f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    return make_error(std::string(what) + ": " + e.what());
  }
}

constexpr const char* kProductColumns =
    "SELECT gtin, name, entity_uscc, quality_marks_json FROM products";

std::vector<registry::Product> read_products(Database& db, const std::string& where,
                                             const std::string* gtin) {
  std::vector<registry::Product> products;
  registry::Product p;
  std::string marks;
  soci::statement select(db.session());
  select.exchange(soci::into(p.gtin));
  select.exchange(soci::into(p.name));
  select.exchange(soci::into(p.entity_uscc));
  select.exchange(soci::into(marks));
  if (gtin != nullptr) select.exchange(soci::use(*gtin));
  select.alloc();
  select.prepare(std::string(kProductColumns) + where);
  select.define_and_bind();
  select.execute();
  while (select.fetch()) {
    p.quality_marks = marks_from_json(marks);
    products.push_back(p);
  }
  return products;
}

}  // namespace

Status save_entity(Database& db, const registry::Entity& entity) {
  return guarded("无法保存企业", [&]() -> Status {
    return db.transaction([&]() -> Status {
      std::string at = utc_timestamp();
      db.session() << "INSERT INTO entities (uscc, name, region_code, created_at)"
                      " VALUES (:uscc, :name, :region, :at)"
                      " ON CONFLICT (uscc) DO UPDATE SET name = excluded.name,"
                      " region_code = excluded.region_code",
          soci::use(entity.uscc), soci::use(entity.name), soci::use(entity.region_code),
          soci::use(at);
      return Ok{};
    });
  });
}

Result<std::vector<registry::Entity>> list_entities(Database& db) {
  return guarded("无法读取企业列表", [&]() -> Result<std::vector<registry::Entity>> {
    std::vector<registry::Entity> entities;
    registry::Entity e;
    soci::statement select =
        (db.session().prepare << "SELECT uscc, name, region_code FROM entities ORDER BY uscc",
         soci::into(e.uscc), soci::into(e.name), soci::into(e.region_code));
    select.execute();
    while (select.fetch()) entities.push_back(e);
    return entities;
  });
}

Status save_product(Database& db, const registry::Product& product) {
  return guarded("无法保存产品", [&]() -> Status {
    return db.transaction([&]() -> Status {
      int makers = 0;
      db.session() << "SELECT COUNT(*) FROM entities WHERE uscc = :uscc",
          soci::use(product.entity_uscc), soci::into(makers);
      if (makers == 0) {
        return make_error("企业 " + product.entity_uscc + " 未登记：请先用 zhiyou entity add 登记",
                          "--entity");
      }
      std::string marks = marks_json(product.quality_marks);
      std::string at = utc_timestamp();
      db.session() << "INSERT INTO products"
                      " (gtin, name, entity_uscc, quality_marks_json, next_serial, created_at)"
                      " VALUES (:gtin, :name, :uscc, :marks, 1, :at)"
                      " ON CONFLICT (gtin) DO UPDATE SET name = excluded.name,"
                      " entity_uscc = excluded.entity_uscc,"
                      " quality_marks_json = excluded.quality_marks_json",
          soci::use(product.gtin), soci::use(product.name), soci::use(product.entity_uscc),
          soci::use(marks), soci::use(at);
      return Ok{};
    });
  });
}

Result<std::vector<registry::Product>> list_products(Database& db) {
  return guarded("无法读取产品列表", [&]() -> Result<std::vector<registry::Product>> {
    return read_products(db, " ORDER BY gtin", nullptr);
  });
}

Result<std::optional<registry::Product>> find_product(Database& db, std::string_view gtin) {
  return guarded("无法读取产品", [&]() -> Result<std::optional<registry::Product>> {
    const std::string key(gtin);
    auto found = read_products(db, " WHERE gtin = :gtin", &key);
    if (found.empty()) return std::optional<registry::Product>();
    return std::optional<registry::Product>(std::move(found.front()));
  });
}

}  // namespace zhiyou::store
