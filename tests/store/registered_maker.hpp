// A market entity and its products registered, as the tests of codes, batches, recall and
// the products API need them before anything can be issued.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "registry/entity.hpp"
#include "registry/product.hpp"
#include "store/registry_store.hpp"

namespace zhiyou::store::testing {

// 宁波甬优电器有限公司 in 鄞州.
inline constexpr const char* kMakerUscc = "91330212MA2G00001N";

// Registers the maker `uscc` (named `maker`) and each (GTIN, name) as its product with
// `marks`; a failure fails the calling test (check HasFatalFailure()).
inline void register_products(Database& db,
                              std::initializer_list<std::pair<std::string, std::string>> products,
                              const std::vector<std::string>& marks = {},
                              const std::string& uscc = kMakerUscc,
                              const std::string& maker = "宁波甬优电器有限公司") {
  auto entity = registry::make_entity(uscc, maker, "鄞州");
  ASSERT_TRUE(entity.ok()) << entity.error().describe();
  ASSERT_TRUE(save_entity(db, *entity).ok());
  for (const auto& [gtin, name] : products) {
    auto product = registry::make_product(gtin, name, uscc, marks);
    ASSERT_TRUE(product.ok()) << product.error().describe();
    ASSERT_TRUE(save_product(db, *product).ok());
  }
}

}  // namespace zhiyou::store::testing
