// The --db option every command that touches data shares.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace CLI {
class App;
}

namespace zhiyou::cli {

// Adds `--db PATH|URL` to `command` (default: $ZHIYOU_DB, else ./zhiyou.db); the string
// is filled in when the command line is parsed.
void add_database_option(CLI::App& command, std::string& target);

// Opens (and migrates) the database, or throws UserError with the reason.
std::unique_ptr<store::Database> open_database(const std::string& url);

}  // namespace zhiyou::cli
