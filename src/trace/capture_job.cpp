#include "trace/capture_job.hpp"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

#include "core/hash.hpp"

namespace zhiyou::trace {

std::string new_capture_id() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  return to_hex(bytes);
}

boost::json::object to_json(const CaptureJob& job) {
  return {{"captureID", job.id},
          {"createdAt", job.created_at},
          {"finishedAt", job.finished_at},
          {"running", false},
          {"success", true},
          {"captureErrorBehaviour", "rollback"},
          {"errors", boost::json::array{}},
          {"eventCount", job.events},
          {"captured", job.captured},
          {"duplicates", job.duplicates}};
}

}  // namespace zhiyou::trace
