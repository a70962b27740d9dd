#include "support/test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace zhiyou::testing {
namespace fs = std::filesystem;

namespace {
// The material outside the repository, read by path. A checkout with no ../shared beside it
// (a clone in /tmp, say) fails every test that reads it with this one message, not a
// filesystem error per test.
fs::path shared_dir(const char* env, const char* leaf) {
  fs::path dir;
  if (const char* p = std::getenv(env); p != nullptr && *p != '\0') {
    dir = p;
  } else {
    dir = fs::path(ZHIYOU_SOURCE_DIR).parent_path() / "shared" / leaf;
  }
  if (!fs::is_directory(dir)) {
    throw std::runtime_error("找不到 " + dir.string() + "：检出目录旁应有 ../shared/" + leaf +
                             "，或用环境变量 " + env + " 指明它的位置");
  }
  return dir;
}
}  // namespace

fs::path seeds_dir() { return shared_dir("ZHIYOU_SEEDS", "seeds"); }
fs::path peer_tests_dir() { return shared_dir("ZHIYOU_PEER_TESTS", "peer-tests"); }

fs::path seed(const std::string& prefix) {
  for (const auto& entry : fs::directory_iterator(seeds_dir())) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) {
      return entry.path();
    }
  }
  throw std::runtime_error("seed not found: " + prefix + " in " + seeds_dir().string());
}

TempDir::TempDir() {
  std::random_device rd;
  path_ =
      fs::temp_directory_path() / ("zhiyou-test-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) {
    throw std::runtime_error("cannot write " + path.string());
  }
}

CommandResult run_zhiyou(const std::string& args, const std::string& input,
                         const fs::path& stdout_to) {
  TempDir scratch;
  const fs::path in = scratch.path() / "stdin";
  const fs::path out = stdout_to.empty() ? scratch.path() / "stdout" : stdout_to;
  const fs::path err = scratch.path() / "stderr";
  write_file(in, input);
  const std::string command = std::string("'") + ZHIYOU_BINARY + "' " + args + " <'" + in.string() +
                              "' >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(command.c_str());  // NOLINT(cert-env33-c): the binary under test
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (stdout_to.empty()) result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

std::string epcis_document(const std::vector<std::string>& events) {
  std::string list;
  for (const std::string& e : events) list += (list.empty() ? "" : ",") + e;
  return R"({"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
    "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T00:00:00Z",
    "epcisBody": {"eventList": [)" +
         list + "]}}";
}

}  // namespace zhiyou::testing
