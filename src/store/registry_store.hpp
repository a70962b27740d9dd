// Market entities and products as stored (tables entities, products; migration 4).
// Each call is one transaction; errors are Chinese messages naming the record.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "registry/entity.hpp"
#include "registry/product.hpp"

namespace zhiyou::store {

class Database;

// Adds the entity, or updates name and region of the one with the same USCC.
Status save_entity(Database& db, const registry::Entity& entity);
// Every entity, by USCC.
Result<std::vector<registry::Entity>> list_entities(Database& db);

// Adds the product, or updates name, maker and marks of the one with the same GTIN (its
// issued codes and serial counter stay). Fails when the maker is not registered.
Status save_product(Database& db, const registry::Product& product);
// Every product, by GTIN.
Result<std::vector<registry::Product>> list_products(Database& db);
// The product with this GTIN-14, or nullopt.
Result<std::optional<registry::Product>> find_product(Database& db, std::string_view gtin);

}  // namespace zhiyou::store
