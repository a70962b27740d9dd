// Helpers shared by the test suites: where the seed documents are, scratch directories,
// and running the real `zhiyou` binary.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace zhiyou::testing {

// ../shared/seeds beside the checkout (ZHIYOU_SEEDS overrides). Tests read the seeds by
// path; the repository holds no copy of them.
std::filesystem::path seeds_dir();
// The seed whose file name starts with `prefix` ("000", "004").
std::filesystem::path seed(const std::string& prefix);
// ../shared/peer-tests beside the checkout (ZHIYOU_PEER_TESTS overrides).
std::filesystem::path peer_tests_dir();

// A fresh directory removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built `zhiyou` binary with `args` (shell-quoted by the caller), feeding `input`
// on stdin. Its stdout goes to `stdout_to` when given (e.g. /dev/full; `out` is then empty).
CommandResult run_zhiyou(const std::string& args, const std::string& input = {},
                         const std::filesystem::path& stdout_to = {});

// An EPCIS 2.0 document (JSON-LD, the standard's @context) whose eventList holds `events`,
// each the JSON text of one event.
std::string epcis_document(const std::vector<std::string>& events);

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

}  // namespace zhiyou::testing
