// Request counters and latency histograms, written in the Prometheus text format
// (version 0.0.4) for /metrics.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "server/byte_budget.hpp"
#include "server/database_pool.hpp"
#include "server/sharded.hpp"

namespace zhiyou::server {

class Metrics {
 public:
  // `route` is the route's pattern ("/api/v1/plans/{id}"), "static" or "unmatched", so
  // that label values stay few whatever paths clients send.
  void record(std::string_view route, std::string_view method, unsigned status,
              std::chrono::duration<double> latency);

  void connection_opened() { ++open_connections_; }
  void connection_closed() { --open_connections_; }
  // A connection the kernel had for us that could not be taken (accept() failed: most often
  // no file descriptor left).
  void accept_failed() { ++accept_failures_; }
  // The server's budget for request bodies held at once (nullptr: none to report). It must
  // outlive every /metrics request; the server sets it when made and clears it when gone.
  void report_body_budget(const ByteBudget* budget) { body_budget_ = budget; }

  [[nodiscard]] std::string prometheus_text(const PoolStats& pool) const;

  static constexpr std::array<double, 14> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,    0.25,  0.5,    1,     2.5,  5,     10};

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};  // not cumulative; summed on output
    std::uint64_t count = 0;
    double sum = 0;
  };

  using RequestKey = std::tuple<std::string, std::string, unsigned>;  // route, method, status
  using RequestKeyView = std::tuple<std::string_view, std::string_view, unsigned>;
  // Compares keys and views of keys alike, so that recording a request allocates nothing.
  struct RequestKeyLess {
    using is_transparent = void;
    static RequestKeyView view(const RequestKey& k) {
      return {std::get<0>(k), std::get<1>(k), std::get<2>(k)};
    }
    static const RequestKeyView& view(const RequestKeyView& k) { return k; }
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return view(a) < view(b);
    }
  };
  struct Counts {
    std::map<RequestKey, std::uint64_t, RequestKeyLess> requests;
    std::map<std::string, Histogram, std::less<>> latency;  // by route
  };
  // Each server thread counts into a shard of its own; /metrics adds them up.
  Sharded<Counts, 8> counts_;
  std::atomic<long long> open_connections_{0};
  std::atomic<std::uint64_t> accept_failures_{0};
  std::atomic<const ByteBudget*> body_budget_{nullptr};
};

}  // namespace zhiyou::server
