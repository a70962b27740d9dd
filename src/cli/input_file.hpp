// Reading a file named on the command line, with the messages every command gives.
#pragma once

#include <string>

#include "core/result.hpp"

namespace zhiyou::cli {

// The whole file as bytes; an error ("PATH: 是目录，不是文件", "PATH: 无法读取文件…") when it
// is a directory, missing or unreadable.
Result<std::string> read_input_file(const std::string& path);

// The same, ending the command with exit code 1 (UserError) on failure.
std::string read_input_file_or_fail(const std::string& path);

}  // namespace zhiyou::cli
