#include "store/database_error.hpp"

#include <fmt/core.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string_view>

namespace zhiyou::store {
namespace {

DatabaseFault sqlite_fault(int result) {
  switch (result & 0xFF) {  // the primary code of an extended one
    case SQLITE_FULL:
      return DatabaseFault::disk_full;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DatabaseFault::busy;
    case SQLITE_READONLY:
      return DatabaseFault::read_only;
    case SQLITE_IOERR:
      return DatabaseFault::io_error;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DatabaseFault::corrupt;
    default:
      return DatabaseFault::other;
  }
}

DatabaseFault postgresql_fault(std::string_view state) {
  if (state == "53100" || state == "53200") return DatabaseFault::disk_full;
  if (state == "40001" || state == "40P01" || state == "55P03") return DatabaseFault::busy;
  if (state == "25006") return DatabaseFault::read_only;
  if (state == "58030") return DatabaseFault::io_error;
  if (state == "XX001" || state == "XX002") return DatabaseFault::corrupt;
  if (state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03") {
    return DatabaseFault::connection_lost;
  }
  return DatabaseFault::other;
}

}  // namespace

DatabaseFault database_fault(const std::exception& error) {
  if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
    return sqlite_fault(sqlite->result());
  }
  if (const auto* postgresql = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    // libpq reports a connection that broke mid-statement without a SQLSTATE.
    if (postgresql->get_error_category() == soci::soci_error::connection_error) {
      return DatabaseFault::connection_lost;
    }
    return postgresql_fault(postgresql->sqlstate());
  }
  return DatabaseFault::other;
}

std::string database_fault_text(DatabaseFault fault) {
  switch (fault) {
    case DatabaseFault::disk_full:
      return "磁盘空间不足：数据库所在的磁盘已满。本次操作已撤销，未保存任何修改；请清理磁盘后重试";
    case DatabaseFault::busy:
      return "数据库正被其他程序占用，等待超时。本次操作已撤销，未保存任何修改；请稍后重试";
    case DatabaseFault::read_only:
      return "数据库只读（文件或服务器不允许写入）。本次操作已撤销，未保存任何修改";
    case DatabaseFault::io_error:
      return "读写数据库文件出错（磁盘或文件系统故障）。本次操作已撤销，未保存任何修改；请检查磁盘";
    case DatabaseFault::corrupt:
      return "数据库文件已损坏或不是 Zhiyou 的数据库；请从备份恢复";
    case DatabaseFault::connection_lost:
      return "与数据库服务器的连接中断。本次操作已撤销，未保存任何修改；请确认数据库服务器在运行后"
             "重试";
    case DatabaseFault::other:
      break;
  }
  return {};
}

void throw_sqlite_error(const char* message, int extended_result) {
  throw soci::sqlite3_soci_error(message, extended_result);
}

std::string describe_failure(const std::exception& error) {
  const std::string text = database_fault_text(database_fault(error));
  return fmt::format("{}（{}）", text.empty() ? "未能完成" : text, error.what());
}

}  // namespace zhiyou::store
