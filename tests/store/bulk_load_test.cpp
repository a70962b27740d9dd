// store::BulkInsert on SQLite and PostgreSQL: many rows in, exactly as given; a duplicate key
// stops the load and the caller's savepoint takes the attempt back.
#include "store/bulk_load.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "store/engine_fixture.hpp"

namespace zhiyou::store::testing {
namespace {

class BulkInsertTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    db().session() << "CREATE TABLE bulk_rows (k TEXT PRIMARY KEY, a TEXT NOT NULL, b TEXT)";
  }

  // Rows k = "key<i>", a = "a<i>", b = `b`.
  static std::vector<std::string> rows(std::size_t from, std::size_t n, const std::string& b) {
    std::vector<std::string> out;
    for (std::size_t i = from; i < from + n; ++i) {
      out.push_back("key" + std::to_string(i));
      out.push_back("a" + std::to_string(i));
      out.push_back(b);
    }
    return out;
  }

  static std::vector<std::string_view> views(const std::vector<std::string>& values) {
    return {values.begin(), values.end()};
  }

  bool insert(BulkInsert& bulk, const std::vector<std::string>& values) {
    const auto v = views(values);
    bool inserted = false;
    const Status status = db().transaction([&]() -> Status {
      inserted = bulk.insert(v);
      return inserted ? Status(Ok{}) : make_error("conflict");
    });
    EXPECT_EQ(status.ok(), inserted);
    return inserted;
  }
};
ZHIYOU_ON_BOTH_ENGINES(BulkInsertTest);

TEST_P(BulkInsertTest, ManyRowsGoInAsGiven) {
  BulkInsert bulk(db(), "bulk_rows", {"k", "a", "b"});
  // 2 345 rows: two full statements of 1 000 rows on SQLite and a shorter last one.
  const auto values = rows(0, 2345, "x");
  ASSERT_TRUE(insert(bulk, values));
  ASSERT_TRUE(insert(bulk, rows(2345, 7, "y")));  // a second call reuses the statements
  {
    // So does a second loader on the same connection, with rows of its own.
    BulkInsert again(db(), "bulk_rows", {"k", "a", "b"});
    ASSERT_TRUE(insert(again, rows(5000, 1000, "z")));
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM bulk_rows"), 3352);
  EXPECT_EQ(count("SELECT COUNT(*) FROM bulk_rows WHERE b = 'z' AND k = 'key' || substr(a, 2)"),
            1000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM bulk_rows WHERE b = 'x'"), 2345);
  std::string a;
  db().session() << "SELECT a FROM bulk_rows WHERE k = 'key2000'", soci::into(a);
  EXPECT_EQ(a, "a2000");
}

TEST_P(BulkInsertTest, TextThatCopyMustEscapeArrivesIntact) {
  BulkInsert bulk(db(), "bulk_rows", {"k", "a", "b"});
  const std::vector<std::string> values = {
      "tab\tkey", "back\\slash", "new\nline", "cr\rkey", "\\N", "引号\"和,逗号", "", "empty", ""};
  ASSERT_TRUE(insert(bulk, values));
  for (std::size_t r = 0; r < 3; ++r) {
    std::string a;
    std::string b;
    db().session() << "SELECT a, b FROM bulk_rows WHERE k = :k", soci::use(values[3 * r]),
        soci::into(a), soci::into(b);
    EXPECT_EQ(a, values[3 * r + 1]) << r;
    EXPECT_EQ(b, values[3 * r + 2]) << r;
  }
}

TEST_P(BulkInsertTest, ADuplicateKeyStopsTheLoadAndTheSavepointUndoesIt) {
  BulkInsert bulk(db(), "bulk_rows", {"k", "a", "b"});
  ASSERT_TRUE(insert(bulk, rows(0, 10, "first")));
  // key5 exists already: nothing of this call stays.
  EXPECT_FALSE(insert(bulk, rows(5, 3000, "second")));
  // The same key twice in one call.
  auto twice = rows(100, 5, "third");
  auto again = rows(102, 1, "third");
  twice.insert(twice.end(), again.begin(), again.end());
  EXPECT_FALSE(insert(bulk, twice));
  EXPECT_EQ(count("SELECT COUNT(*) FROM bulk_rows"), 10);
  // The connection is usable afterwards, on PostgreSQL too (the savepoint ended the abort).
  ASSERT_TRUE(insert(bulk, rows(10, 5, "fourth")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM bulk_rows"), 15);
}

TEST_P(BulkInsertTest, PartialRowsAreRefused) {
  BulkInsert bulk(db(), "bulk_rows", {"k", "a", "b"});
  const std::vector<std::string_view> two = {"k", "a"};
  EXPECT_THROW(bulk.insert(two), std::invalid_argument);
}

// EPCIS capture's rows: integers (64-bit), NULLs and text side by side, and the bulk lookup
// of which keys are stored.
TEST_P(BulkInsertTest, IntegersNullsAndTextGoInAsTypedAndAreFoundByKey) {
  db().session() << "CREATE TABLE typed_rows (k BIGINT PRIMARY KEY, n BIGINT, t TEXT)";
  BulkInsert bulk(db(), "typed_rows", {"k", "n", "t"});
  std::vector<std::string> texts;
  for (std::int64_t i = 0; i < 1234; ++i) texts.push_back("t" + std::to_string(i));
  std::vector<BulkValue> values;
  for (std::int64_t i = 0; i < 1234; ++i) {
    values.emplace_back(i * 1000000007LL);  // beyond 32 bits
    values.push_back(BulkValue::integer_or_null(i % 3));
    values.push_back(BulkValue::text_or_null(i % 5 == 0 ? std::string_view() : texts[i]));
  }
  bool inserted = false;
  ASSERT_TRUE(db().transaction([&]() -> Status {
                    inserted = bulk.insert(values);
                    return Ok{};
                  })
                  .ok());
  ASSERT_TRUE(inserted);
  EXPECT_EQ(count("SELECT COUNT(*) FROM typed_rows"), 1234);
  EXPECT_EQ(count("SELECT COUNT(*) FROM typed_rows WHERE n IS NULL"), 412);  // i % 3 == 0
  EXPECT_EQ(count("SELECT COUNT(*) FROM typed_rows WHERE t IS NULL"), 247);  // i % 5 == 0
  EXPECT_EQ(count("SELECT n FROM typed_rows WHERE k = 1232000008624"), 2);   // 1232 % 3

  // 600 keys: a full chunk of 500 and a shorter one on SQLite; absent keys and NULLs give
  // nothing. Each value comes with the key row that found it.
  std::vector<std::int64_t> keys;
  keys.push_back(42);
  for (std::int64_t i = 1; i <= 600; ++i) keys.push_back(i * 1000000007LL);
  const std::vector<std::string_view> by_k = {"k"};
  auto found_by_row = [&](std::span<const std::string_view> key_columns,
                          std::span<const std::int64_t> wanted) {
    std::map<std::size_t, std::string> out;
    for (KeyMatch& m : select_by_keys(db(), "typed_rows", "t", key_columns, wanted)) {
      EXPECT_TRUE(out.emplace(m.key_row, std::move(m.value)).second) << m.key_row;
    }
    return out;
  };
  std::map<std::size_t, std::string> expected;
  for (std::size_t i = 1; i <= 600; ++i) {
    if (i % 5 != 0) expected.emplace(i, "t" + std::to_string(i));
  }
  EXPECT_EQ(found_by_row(by_k, keys), expected);
  EXPECT_TRUE(select_by_keys(db(), "typed_rows", "t", by_k, {}).empty());

  // Two key columns: a row matches only when both agree (k with n = k's row's n).
  const std::vector<std::string_view> by_k_and_n = {"k", "n"};
  const std::vector<std::int64_t> pairs = {
      1 * 1000000007LL,
      1,  // stored: t1
      2 * 1000000007LL,
      1,  // k stored, but its n is 2
      4 * 1000000007LL,
      1,  // stored: t4
      5 * 1000000007LL,
      2,  // stored, t is NULL
      7,
      1,  // no such k
  };
  EXPECT_EQ(found_by_row(by_k_and_n, pairs),
            (std::map<std::size_t, std::string>{{0, "t1"}, {2, "t4"}}));
  const std::vector<std::int64_t> half_a_row = {1, 2, 3};
  EXPECT_THROW(select_by_keys(db(), "typed_rows", "t", by_k_and_n, half_a_row),
               std::invalid_argument);
}

}  // namespace
}  // namespace zhiyou::store::testing
