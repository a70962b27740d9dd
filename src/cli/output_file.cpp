#include "cli/output_file.hpp"

#include <filesystem>
#include <system_error>
#include <utility>

namespace zhiyou::cli {
namespace {

// Something other than a regular file or a directory, the link itself not followed.
bool written_in_place(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(path, ec);
  return !ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
         !std::filesystem::is_directory(status);
}

}  // namespace

OutputFile::OutputFile(std::string path)
    : path_(std::move(path)), in_place_(written_in_place(path_)) {
  write_path_ = in_place_ ? path_ : path_ + ".part";
}

OutputFile::~OutputFile() {
  if (in_place_ || committed_) return;
  std::error_code ec;  // best effort: the run has failed already, and says why
  std::filesystem::remove(write_path_, ec);
}

Status OutputFile::commit() {
  committed_ = true;
  if (in_place_) return Ok{};
  std::error_code ec;
  std::filesystem::rename(write_path_, path_, ec);
  if (!ec) return Ok{};
  // Written whole, only not renamed: it stays, and the message says where it is.
  return make_error("无法把 " + write_path_ + " 改名为 " + path_ + "（" + ec.message() +
                    "），完整内容留在 " + write_path_);
}

}  // namespace zhiyou::cli
