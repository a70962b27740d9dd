// The `zhiyou` command: `zhiyou <noun> <verb> [options]`. Exit codes: 0 done, 1 the user's
// input was wrong (message on stderr), 2 usage error.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace zhiyou::cli {

int run(int argc, char** argv);

// Each command family registers itself here; defined in <noun>_command.cpp.
void add_plan_commands(CLI::App& app);
void add_serve_commands(CLI::App& app);
void add_user_commands(CLI::App& app);
void add_audit_commands(CLI::App& app);
void add_db_commands(CLI::App& app);  // db_command.cpp
void add_index_commands(CLI::App& app);
void add_gs1_commands(CLI::App& app);
void add_registry_commands(CLI::App& app);
void add_trace_commands(CLI::App& app);
// The `trace` command, created on first use, so that several files can add verbs to it.
CLI::App& trace_subcommand(CLI::App& app);
void add_data_commands(CLI::App& app);
// `trace` subcommands for EPCIS events and recall; takes the `trace` subcommand itself.
void add_trace_event_commands(CLI::App& trace);
void add_scan_facts_commands(CLI::App& trace);
void add_eval_commands(CLI::App& app);    // eval_command.cpp
void add_report_commands(CLI::App& app);  // report_command.cpp

// Thrown by a command to end with exit code 1 after printing `message` on stderr.
struct UserError {
  std::string message;
};

}  // namespace zhiyou::cli
