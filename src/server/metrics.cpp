#include "server/metrics.hpp"

#include <fmt/format.h>

namespace zhiyou::server {
namespace {

// Label values are route patterns and method names, but escape anyway.
std::string label(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

void Metrics::record(std::string_view route, std::string_view method, unsigned status,
                     std::chrono::duration<double> latency) {
  const double seconds = latency.count();
  counts_.with_own([&](Counts& c) {
    auto count = c.requests.find(RequestKeyView(route, method, status));
    if (count == c.requests.end()) {
      count =
          c.requests.emplace(std::make_tuple(std::string(route), std::string(method), status), 0)
              .first;
    }
    ++count->second;
    auto histogram = c.latency.find(route);
    if (histogram == c.latency.end())
      histogram = c.latency.emplace(std::string(route), Histogram{}).first;
    Histogram& h = histogram->second;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      if (seconds <= kBuckets[i]) {
        ++h.counts[i];
        break;
      }
    }
    ++h.count;
    h.sum += seconds;
  });
}

std::string Metrics::prometheus_text(const PoolStats& pool) const {
  Counts total;
  counts_.for_each([&](const Counts& c) {
    for (const auto& [key, count] : c.requests) total.requests[key] += count;
    for (const auto& [route, h] : c.latency) {
      Histogram& sum = total.latency[route];
      for (std::size_t i = 0; i < kBuckets.size(); ++i) sum.counts[i] += h.counts[i];
      sum.count += h.count;
      sum.sum += h.sum;
    }
  });
  std::string out;
  out += "# HELP zhiyou_http_requests_total HTTP requests answered, by route, method and status.\n";
  out += "# TYPE zhiyou_http_requests_total counter\n";
  for (const auto& [key, count] : total.requests) {
    const auto& [route, method, status] = key;
    out +=
        fmt::format("zhiyou_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                    label(route), label(method), status, count);
  }
  out +=
      "# HELP zhiyou_http_request_duration_seconds Time from a complete request to its response.\n";
  out += "# TYPE zhiyou_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : total.latency) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.counts[i];
      out +=
          fmt::format("zhiyou_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      label(route), kBuckets[i], cumulative);
    }
    out +=
        fmt::format("zhiyou_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                    label(route), h.count);
    out += fmt::format("zhiyou_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n",
                       label(route), h.sum);
    out += fmt::format("zhiyou_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                       label(route), h.count);
  }
  out += "# HELP zhiyou_http_open_connections Client connections currently open.\n";
  out += "# TYPE zhiyou_http_open_connections gauge\n";
  out += fmt::format("zhiyou_http_open_connections {}\n", open_connections_.load());
  out +=
      "# HELP zhiyou_http_accept_failures_total New connections that could not be accepted"
      " (no file descriptor left, most often).\n";
  out += "# TYPE zhiyou_http_accept_failures_total counter\n";
  out += fmt::format("zhiyou_http_accept_failures_total {}\n", accept_failures_.load());
  if (const ByteBudget* budget = body_budget_.load()) {
    out +=
        "# HELP zhiyou_http_body_bytes_in_use Request bodies held now, in bytes (by their"
        " Content-Length).\n";
    out += "# TYPE zhiyou_http_body_bytes_in_use gauge\n";
    out += fmt::format("zhiyou_http_body_bytes_in_use {}\n", budget->in_use());
    out +=
        "# HELP zhiyou_http_body_bytes_limit Request bodies that may be held at once"
        " (--bodies-mib), in bytes.\n";
    out += "# TYPE zhiyou_http_body_bytes_limit gauge\n";
    out += fmt::format("zhiyou_http_body_bytes_limit {}\n", budget->total());
  }
  out += "# HELP zhiyou_db_pool_connections Database connections in the pool.\n";
  out += "# TYPE zhiyou_db_pool_connections gauge\n";
  out += fmt::format("zhiyou_db_pool_connections {}\n", pool.size);
  out += "# HELP zhiyou_db_pool_in_use Database connections serving a request now.\n";
  out += "# TYPE zhiyou_db_pool_in_use gauge\n";
  out += fmt::format("zhiyou_db_pool_in_use {}\n", pool.in_use);
  out += "# HELP zhiyou_db_pool_acquisitions_total Connections handed out.\n";
  out += "# TYPE zhiyou_db_pool_acquisitions_total counter\n";
  out += fmt::format("zhiyou_db_pool_acquisitions_total {}\n", pool.acquisitions);
  out += "# HELP zhiyou_db_pool_waits_total Requests that waited for a free connection.\n";
  out += "# TYPE zhiyou_db_pool_waits_total counter\n";
  out += fmt::format("zhiyou_db_pool_waits_total {}\n", pool.waits);
  return out;
}

}  // namespace zhiyou::server
