// `zhiyou audit verify|list`.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <memory>

#include "audit/audit_json.hpp"
#include "audit/audit_store.hpp"
#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "core/json.hpp"

namespace zhiyou::cli {
namespace {

struct AuditOptions {
  std::string db;
  bool json = false;
  long long after = 0;
  int limit = 1000;
};

void verify_log(const AuditOptions& options) {
  auto db = open_database(options.db);
  auto result = audit::verify(*db);
  if (!result.ok()) throw UserError{result.error().describe()};
  if (result->first_break) {
    throw UserError{fmt::format("审计日志已被篡改：{}（第一处问题在第 {} 条）",
                                result->first_break->reason, result->first_break->seq)};
  }
  fmt::print("审计日志完好：共 {} 条，哈希链校验通过\n", result->entries);
}

void list_log(const AuditOptions& options) {
  auto db = open_database(options.db);
  auto entries = audit::list_entries(*db, options.after, options.limit);
  if (!entries.ok()) throw UserError{entries.error().describe()};
  if (options.json) {
    boost::json::array list;
    for (const audit::Entry& e : *entries) {
      list.push_back(audit::entry_json(e));
    }
    fmt::print("{}\n", json::serialize(boost::json::object{{"entries", std::move(list)}}, 2));
    return;
  }
  for (const audit::Entry& e : *entries) {
    fmt::print("{:>6}  {}  {}  {}  {}  {}:{}…\n", e.seq, e.at, e.change.actor, e.change.action,
               e.change.subject, audit::algorithm_name(e.algorithm), e.hash.substr(0, 12));
  }
}

}  // namespace

void add_audit_commands(CLI::App& app) {
  auto options = std::make_shared<AuditOptions>();
  CLI::App* audit = app.add_subcommand("audit", "审计日志 / audit log");
  audit->require_subcommand(1);

  CLI::App* verify = audit->add_subcommand(
      "verify", "校验审计日志的哈希链：完好时退出码 0，否则 1 并指出第一条有问题的记录");
  add_database_option(*verify, options->db);
  verify->callback([options] { verify_log(*options); });

  CLI::App* list = audit->add_subcommand("list", "列出审计记录（由旧到新）");
  list->add_flag("--json", options->json, "以 JSON 输出");
  list->add_option("--after", options->after, "只列出序号大于此值的记录");
  list->add_option("--limit", options->limit, "最多条数")->capture_default_str();
  add_database_option(*list, options->db);
  list->callback([options] { list_log(*options); });
}

}  // namespace zhiyou::cli
