// `zhiyou trace capture|events|recall`: EPCIS events and recall scope.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "audit/plan_audit.hpp"
#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "cli/input_file.hpp"
#include "cli/output_file.hpp"
#include "core/date_time.hpp"
#include "store/database_error.hpp"
#include "tabular/xlsx_writer.hpp"
#include "trace/event_store.hpp"
#include "trace/recall_store.hpp"
#include "trace/recall_workbook.hpp"

namespace zhiyou::cli {
namespace {

struct TraceEventOptions {
  std::string db;
  std::vector<std::string> files;
  std::vector<std::string> epcs;
  std::vector<std::string> biz_steps;
  std::vector<std::string> types;
  std::vector<std::string> biz_locations;
  std::string since;
  std::string until;
  bool json = false;
  std::string gtin;
  std::vector<std::string> lots;
  std::string format = "csv";
  std::string out;  // recall --format xlsx
};

// Every file is its own transaction; the first bad one stops the command (exit 1) and
// nothing of it is stored. The next file is read and checked while one is stored.
void capture_files(const TraceEventOptions& o) {
  auto db = open_database(o.db);
  std::size_t read = 0;
  std::size_t reported = 0;
  try {
    trace::capture_documents(
        *db, audit::command_line_actor(),
        [&]() -> std::optional<std::string> {
          if (read == o.files.size()) return std::nullopt;
          return read_input_file_or_fail(o.files[read++]);
        },
        [&](const Result<trace::CaptureResult>& result) {
          const std::string& path = o.files[reported++];
          if (!result) {
            throw UserError{path + ": " + result.error().describe() + "（该文件的事件均未存储）"};
          }
          fmt::print("{}: 已存储 {} 个事件", path, result->captured);
          if (result->duplicates > 0) {
            fmt::print("，{} 个已存在（按 eventID 跳过）", result->duplicates);
          }
          fmt::print("\n");
          return true;
        });
  } catch (const UserError&) {
    throw;
  } catch (const std::exception& e) {
    // The database failed while storing files[reported]: the files before it are stored
    // (each said so), this one is not, and those after it were not begun.
    throw UserError{o.files[reported] + ": " + store::describe_failure(e) +
                    "，该文件的事件均未存储" +
                    (reported + 1 < o.files.size() ? "，其后的文件未处理" : "")};
  }
}

trace::epcis::QueryParameters query_parameters(const TraceEventOptions& o) {
  trace::epcis::QueryParameters p;
  for (const std::string& v : o.epcs) p.emplace_back("MATCH_anyEPC", v);
  for (const std::string& v : o.biz_steps) p.emplace_back("EQ_bizStep", v);
  for (const std::string& v : o.types) p.emplace_back("eventType", v);
  for (const std::string& v : o.biz_locations) p.emplace_back("EQ_bizLocation", v);
  if (!o.since.empty()) p.emplace_back("GE_eventTime", o.since);
  if (!o.until.empty()) p.emplace_back("LT_eventTime", o.until);
  p.emplace_back("perPage", std::to_string(trace::epcis::EventQuery::kMaxPerPage));
  return p;
}

void print_event_line(const std::string& json) {
  boost::system::error_code ec;
  const boost::json::value v = boost::json::parse(json, ec);
  if (ec || !v.is_object()) return;
  const boost::json::object& e = v.get_object();
  auto field = [&](std::string_view key) -> std::string {
    const boost::json::value* f = e.if_contains(key);
    return f != nullptr && f->is_string() ? std::string(f->get_string()) : std::string("-");
  };
  fmt::print("{}  {:<20} {:<8} {:<16} {}\n", field("eventTime"), field("type"), field("action"),
             field("bizStep"), field("eventID"));
}

void list_events(const TraceEventOptions& o) {
  auto db = open_database(o.db);
  auto query = trace::epcis::parse_query(query_parameters(o));
  if (!query) throw UserError{query.error().describe()};
  // Printed page by page as read. A query that fails part way has printed its first pages:
  // the exit status and the message on stderr say the listing is incomplete (as when stdout
  // cannot be written: cli::run reports that).
  std::size_t count = 0;
  if (o.json) fmt::print("{{\"events\":[");
  const Status listed = trace::for_each_event(*db, *query, [&](const trace::StoredEvent& e) {
    if (!o.json) {
      print_event_line(e.json);
    } else {
      fmt::print("{}{}", count > 0 ? "," : "", e.json);
    }
    ++count;
  });
  if (o.json) fmt::print("]}}\n");
  if (!listed) throw UserError{listed.error().describe()};
  if (!o.json) fmt::print("共 {} 个事件\n", count);
}

void show_recall(const TraceEventOptions& o) {
  if (o.format != "csv" && o.format != "json" && o.format != "xlsx") {
    throw UserError{"--format 应为 csv、json 或 xlsx"};
  }
  if (o.format == "xlsx" && o.out.empty()) throw UserError{"--format xlsx 需要 --out 文件"};
  auto db = open_database(o.db);
  auto scope = trace::recall_scope(*db, {o.gtin, o.lots});
  if (!scope) throw UserError{scope.error().describe()};
  if (o.format == "xlsx") {
    OutputFile out(o.out);  // whole or not at all
    if (Status written =
            tabular::xlsx::write_xlsx(out.write_path(), trace::recall_workbook(*scope));
        !written) {
      throw UserError{fmt::format("{}: {}", o.out, written.error().message)};
    }
    if (Status committed = out.commit(); !committed) throw UserError{committed.error().message};
    fmt::print(stderr, "召回范围：{} 个单品，已写入 {}\n", scope->units.size(), o.out);
  } else if (o.format == "json") {
    fmt::print("{}\n", trace::recall_json(*scope));
  } else {
    fmt::print("{}", trace::recall_csv(*scope));
  }
}

}  // namespace

void add_trace_event_commands(CLI::App& trace) {
  auto o = std::make_shared<TraceEventOptions>();

  CLI::App* capture = trace.add_subcommand(
      "capture", "存储 EPCIS 2.0 事件文档（JSON / JSON-LD），按 eventID 与 eventTime 去重");
  capture->add_option("files", o->files, "EPCIS 文档")->required();
  add_database_option(*capture, o->db);
  capture->callback([o] { capture_files(*o); });

  CLI::App* events = trace.add_subcommand("events", "查询已存储的 EPCIS 事件");
  events->add_option("--epc", o->epcs, "EPC（URN、Digital Link 或 urn:epc:idpat 模式）");
  events->add_option("--biz-step", o->biz_steps, "业务步骤（CBV 名称或 URI）");
  events->add_option("--type", o->types, "事件类型（ObjectEvent 等）");
  events->add_option("--biz-location", o->biz_locations, "业务地点（SGLN URN 或 Digital Link）");
  events->add_option("--since", o->since, "不早于此时间（RFC 3339）");
  events->add_option("--until", o->until, "早于此时间（RFC 3339）");
  events->add_flag("--json", o->json, "以 JSON 输出 {\"events\":[…原样…]}");
  add_database_option(*events, o->db);
  events->callback([o] { list_events(*o); });

  CLI::App* recall =
      trace.add_subcommand("recall", "召回范围：批次的全部单品、所在箱托、位置与是否已售");
  recall->add_option("--gtin", o->gtin, "GTIN-14")->required();
  recall->add_option("--lot", o->lots, "批号（可多次给出）")->required();
  recall->add_option("--format", o->format, "csv | json | xlsx（中文表头）")->capture_default_str();
  recall->add_option("--out", o->out, "xlsx 的输出文件");
  add_database_option(*recall, o->db);
  recall->callback([o] { show_recall(*o); });
}

}  // namespace zhiyou::cli
