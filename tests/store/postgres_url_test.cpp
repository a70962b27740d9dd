// Rewriting PostgreSQL connection strings for SOCI 4.0 (pure; no server needed).
#include "store/postgres_url.hpp"

#include <gtest/gtest.h>

namespace zhiyou::store {
namespace {

std::string rewritten(std::string_view connection) {
  auto url = soci_postgresql_url(connection);
  EXPECT_TRUE(url.ok()) << connection << ": " << (url.ok() ? "" : url.error().message);
  return url.ok() ? *url : std::string();
}

TEST(PostgresUrl, UrlWithoutAnyEqualsSignGetsAHarmlessParameter) {
  EXPECT_EQ(rewritten("postgresql://postgres@127.0.0.1:5432/zhiyou_test"),
            "postgresql://postgres@127.0.0.1:5432/zhiyou_test?application_name=zhiyou");
  EXPECT_EQ(rewritten("postgres://h/db?"), "postgres://h/db?&application_name=zhiyou");
}

TEST(PostgresUrl, UrlWithParametersIsKept) {
  const std::string url = "postgresql://u:p%20w@h:1/db?options=-csearch_path%3Dx&sslmode=disable";
  EXPECT_EQ(rewritten(url), url);
}

TEST(PostgresUrl, KeywordStringBecomesAUrl) {
  EXPECT_EQ(rewritten("host=127.0.0.1 port=5432 dbname=zhiyou"),
            "postgresql://?host=127.0.0.1&port=5432&dbname=zhiyou");
  EXPECT_EQ(rewritten("dbname = 'my db'  password='it\\'s' options='-c search_path=x'"),
            "postgresql://?dbname=my%20db&password=it%27s&options=-c%20search_path%3Dx");
  EXPECT_EQ(rewritten("host=/var/run/postgresql dbname=质优"),
            "postgresql://?host=%2Fvar%2Frun%2Fpostgresql&dbname=%E8%B4%A8%E4%BC%98");
}

TEST(PostgresUrl, MalformedInputIsAnError) {
  EXPECT_FALSE(soci_postgresql_url("host=h dbname").ok());
  EXPECT_FALSE(soci_postgresql_url("dbname='unterminated").ok());
  EXPECT_FALSE(soci_postgresql_url("postgresql://h/db name").ok());
  EXPECT_FALSE(soci_postgresql_url("   ").ok());
}

}  // namespace
}  // namespace zhiyou::store
