// `zhiyou user add|list|disable|enable|reset-password|ensure-admin`.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "audit/plan_audit.hpp"
#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "core/json.hpp"
#include "people/account_store.hpp"
#include "people/password.hpp"

namespace zhiyou::cli {
namespace {

struct UserOptions {
  std::string db;
  std::string name;
  std::string role;
  std::string unit;
  std::string entity;
  bool password_stdin = false;
  bool json = false;
};

// The first line on stdin, without its line ending.
std::string password_from_stdin() {
  std::string line;
  if (!std::getline(std::cin, line)) throw UserError{"标准输入中没有密码（--password-stdin）"};
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

void add_user(const UserOptions& options) {
  const auto role = people::role_from(options.role);
  if (!role) {
    throw UserError{
        fmt::format("角色应为 admin、office、unit_reporter、inspector 或 enterprise，而不是「{}」",
                    options.role)};
  }
  if (!options.password_stdin) throw UserError{"请用 --password-stdin 从标准输入给出密码"};
  const std::string password = password_from_stdin();
  auto db = open_database(options.db);
  auto added = people::add_account(*db, {options.name, *role, options.unit, options.entity},
                                   password, audit::command_line_actor());
  if (!added.ok()) throw UserError{added.error().describe()};
  fmt::print("已创建用户 {}（{}）\n", added->username, people::role_label(added->role));
}

void list_users(const UserOptions& options) {
  auto db = open_database(options.db);
  auto accounts = people::list_accounts(*db);
  if (!accounts.ok()) throw UserError{accounts.error().describe()};
  if (options.json) {
    boost::json::array list;
    for (const people::Account& a : *accounts) list.push_back(people::to_json(a));
    fmt::print("{}\n", json::serialize(boost::json::object{{"users", std::move(list)}}, 2));
    return;
  }
  if (accounts->empty()) {
    fmt::print("还没有用户。用 zhiyou user add 名字 --role admin --password-stdin 创建。\n");
    return;
  }
  for (const people::Account& a : *accounts) {
    std::string binding = a.unit.empty() ? a.entity : a.unit;
    fmt::print("{}  {}{}{}\n", a.username, people::role_label(a.role),
               binding.empty() ? "" : "  " + binding, a.disabled ? "  （已停用）" : "");
  }
}

void set_disabled(const UserOptions& options, bool disabled) {
  auto db = open_database(options.db);
  Status changed = people::set_disabled(*db, options.name, disabled, audit::command_line_actor());
  if (!changed.ok()) throw UserError{changed.error().message};
  if (disabled) {
    fmt::print("已停用用户 {}，其会话已全部注销\n", options.name);
  } else {
    fmt::print("已启用用户 {}\n", options.name);
  }
}

void reset_password(const UserOptions& options) {
  if (!options.password_stdin) throw UserError{"请用 --password-stdin 从标准输入给出新密码"};
  const std::string password = password_from_stdin();
  auto db = open_database(options.db);
  Status changed = people::reset_password(*db, options.name, password, audit::command_line_actor());
  if (!changed.ok()) throw UserError{changed.error().describe()};
  fmt::print("已重设用户 {} 的密码，其会话已全部注销\n", options.name);
}

// First run: an admin with a random password, printed this once. Nothing when an enabled
// admin exists already, so scripts/start.sh can run again and again.
void ensure_admin(const UserOptions& options) {
  auto db = open_database(options.db);
  auto exists = people::has_enabled_admin(*db);
  if (!exists.ok()) throw UserError{exists.error().describe()};
  if (*exists) {
    fmt::print("已有管理员账户（zhiyou user list 查看）\n");
    return;
  }
  const std::string password = people::random_password();
  auto added = people::add_account(*db, {options.name, people::Role::admin, "", ""}, password,
                                   audit::command_line_actor());
  if (!added.ok()) throw UserError{added.error().describe()};
  fmt::print(
      "已创建管理员账户：用户名 {}  密码 {}\n（密码只显示这一次，请妥善保存；"
      "可用 zhiyou user reset-password {} --password-stdin 重设）\n",
      added->username, password, added->username);
}

}  // namespace

void add_user_commands(CLI::App& app) {
  auto options = std::make_shared<UserOptions>();
  CLI::App* user = app.add_subcommand("user", "账户与角色 / accounts and roles");
  user->require_subcommand(1);

  CLI::App* add = user->add_subcommand("add", "新建账户");
  add->add_option("name", options->name, "用户名")->required();
  add->add_option("--role", options->role,
                  "admin | office | unit_reporter | inspector | enterprise")
      ->required();
  add->add_option("--unit", options->unit, "责任单位（unit_reporter 必填，如 市经信局）");
  add->add_option("--entity", options->entity, "统一社会信用代码（enterprise 必填）");
  add->add_flag("--password-stdin", options->password_stdin, "从标准输入读取密码（第一行）");
  add_database_option(*add, options->db);
  add->callback([options] { add_user(*options); });

  CLI::App* list = user->add_subcommand("list", "列出账户");
  list->add_flag("--json", options->json, "以 JSON 输出");
  add_database_option(*list, options->db);
  list->callback([options] { list_users(*options); });

  CLI::App* disable = user->add_subcommand("disable", "停用账户并注销其会话");
  disable->add_option("name", options->name, "用户名")->required();
  add_database_option(*disable, options->db);
  disable->callback([options] { set_disabled(*options, true); });

  CLI::App* enable = user->add_subcommand("enable", "重新启用账户");
  enable->add_option("name", options->name, "用户名")->required();
  add_database_option(*enable, options->db);
  enable->callback([options] { set_disabled(*options, false); });

  CLI::App* reset = user->add_subcommand("reset-password", "重设密码并注销其会话");
  reset->add_option("name", options->name, "用户名")->required();
  reset->add_flag("--password-stdin", options->password_stdin, "从标准输入读取新密码（第一行）");
  add_database_option(*reset, options->db);
  reset->callback([options] { reset_password(*options); });

  CLI::App* first = user->add_subcommand(
      "ensure-admin", "没有管理员时创建一个，随机密码只显示一次（scripts/start.sh 使用）");
  options->name = "admin";
  first->add_option("--name", options->name, "管理员用户名")->capture_default_str();
  add_database_option(*first, options->db);
  first->callback([options] { ensure_admin(*options); });
}

}  // namespace zhiyou::cli
