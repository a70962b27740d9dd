#include "cli/app.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>

#include "store/database_error.hpp"

namespace zhiyou::cli {

int run(int argc, char** argv) {
  CLI::App app{"质优 Zhiyou — 质量治理平台 / quality-governance platform", "zhiyou"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "zhiyou 0.1.0");
  add_plan_commands(app);
  add_serve_commands(app);
  add_user_commands(app);
  add_audit_commands(app);
  add_db_commands(app);
  add_index_commands(app);
  add_gs1_commands(app);
  add_registry_commands(app);
  add_trace_commands(app);
  add_data_commands(app);
  add_trace_event_commands(trace_subcommand(app));
  add_scan_facts_commands(trace_subcommand(app));
  add_eval_commands(app);
  add_report_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const UserError& e) {
    fmt::print(stderr, "错误: {}\n", e.message);
    return 1;
  } catch (const std::exception& e) {  // a database failure; fmt::print's std::system_error
    fmt::print(stderr, "错误: {}\n", store::describe_failure(e));
    return 1;
  }
  // Output is buffered, so a full disk may only show when it is flushed at exit: a command
  // whose output was lost must not exit 0.
  if (std::fflush(stdout) != 0) {
    fmt::print(stderr, "错误: 无法写出结果（标准输出：{}）\n", std::strerror(errno));
    return 1;
  }
  return 0;
}

}  // namespace zhiyou::cli
