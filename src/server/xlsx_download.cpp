#include "server/xlsx_download.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/handlers.hpp"

namespace zhiyou::server {

Response xlsx_download(const std::function<Status(const std::string& path)>& write,
                       const std::string& filename) {
  // Unique per process and request, so concurrent downloads never share a file.
  static std::atomic<std::uint64_t> serial{0};
  const auto path =
      std::filesystem::temp_directory_path() /
      ("zhiyou-" + std::to_string(::getpid()) + "-" + std::to_string(++serial) + ".xlsx");
  const Status written = write(path.string());
  std::ostringstream bytes;
  if (written.ok()) {
    std::ifstream file(path, std::ios::binary);
    bytes << file.rdbuf();
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (!written.ok()) fail(written.error());
  Response response{http::status::ok, 11};
  response.set(http::field::content_type,
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  response.set(http::field::content_disposition, "attachment; filename=\"" + filename + "\"");
  response.body() = bytes.str();
  response.prepare_payload();
  return response;
}

}  // namespace zhiyou::server
