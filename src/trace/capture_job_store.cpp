#include "trace/capture_job_store.hpp"

#include <soci/soci.h>

#include "store/database.hpp"
#include "trace/event_store.hpp"

namespace zhiyou::trace {

Result<CaptureJob> capture_as_job(store::Database& db, const epcis::Document& document,
                                  std::string_view captured_by, std::string_view document_sha256) {
  CaptureJob job;
  job.id = new_capture_id();
  job.created_at = store::utc_timestamp();
  job.captured_by = captured_by;
  job.events = document.events.size();
  // The job row goes in within the capture's own transaction (see capture()).
  const auto record_job = [&](const CaptureResult& result) -> Status {
    job.captured = result.captured;
    job.duplicates = result.duplicates;
    job.finished_at = store::utc_timestamp();
    const auto events = static_cast<long long>(job.events);
    const auto captured = static_cast<long long>(job.captured);
    const auto duplicates = static_cast<long long>(job.duplicates);
    db.session() << "INSERT INTO epcis_capture_jobs (capture_id, created_at, finished_at,"
                    " captured_by, event_count, captured, duplicates)"
                    " VALUES (:id, :created, :finished, :by, :events, :captured, :duplicates)",
        soci::use(job.id), soci::use(job.created_at), soci::use(job.finished_at),
        soci::use(job.captured_by), soci::use(events), soci::use(captured), soci::use(duplicates);
    return Ok{};
  };
  auto stored =
      capture(db, document, {job.captured_by, std::string(document_sha256), job.id}, record_job);
  if (!stored) return stored.error();
  return job;
}

Result<std::optional<CaptureJob>> find_capture_job(store::Database& db, std::string_view id) {
  try {
    CaptureJob job;
    long long events = 0;
    long long captured = 0;
    long long duplicates = 0;
    const std::string key(id);
    db.session() << "SELECT capture_id, created_at, finished_at, captured_by, event_count,"
                    " captured, duplicates FROM epcis_capture_jobs WHERE capture_id = :id",
        soci::use(key), soci::into(job.id), soci::into(job.created_at), soci::into(job.finished_at),
        soci::into(job.captured_by), soci::into(events), soci::into(captured),
        soci::into(duplicates);
    if (!db.session().got_data()) return std::optional<CaptureJob>();
    job.events = static_cast<std::size_t>(events);
    job.captured = static_cast<std::size_t>(captured);
    job.duplicates = static_cast<std::size_t>(duplicates);
    return std::optional<CaptureJob>(std::move(job));
  } catch (const std::exception& e) {
    return make_error(std::string("读取采集任务失败：") + e.what());
  }
}

}  // namespace zhiyou::trace
