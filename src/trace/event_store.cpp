#include "trace/event_store.hpp"

#include <soci/soci.h>
#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <deque>
#include <exception>
#include <future>
#include <limits>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "audit/audit_store.hpp"
#include "core/hash.hpp"
#include "store/bulk_load.hpp"
#include "store/data_version.hpp"
#include "store/database.hpp"

namespace zhiyou::trace {
namespace {

using epcis::Document;
using epcis::Event;

// FNV-1a, 63 bits: stable across machines and runs, and cheap enough for 10^5 events a
// second. Only narrows the lookup; the stored event_id decides.
std::int64_t id_hash(std::string_view event_id) {
  std::uint64_t h = 14695981039346656037ULL;
  for (char c : event_id) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return static_cast<std::int64_t>(h >> 1);
}

// The dedup key of each event, flattened: its time, id hash and declaration time (0 for an
// event that declares no error). An event sent again has all three the same; an error
// declaration repeats the eventID and time of the event it declares in error but differs in
// the third. One index holds the first two (migration 11 says why not the hash alone).
constexpr std::size_t kKeyWidth = 3;

std::vector<std::int64_t> dedup_keys(const Document& document) {
  std::vector<std::int64_t> keys;
  keys.reserve(kKeyWidth * document.events.size());
  for (const Event& e : document.events) {
    keys.push_back(e.event_time);
    keys.push_back(id_hash(e.event_id));
    keys.push_back(e.declaration_time.value_or(0));
  }
  return keys;
}

// Whether each event of `document` is stored already: a stored row with its key and eventID.
// An event sent again has its first time, so events later than every stored one are all new:
// a repository fed as things happen skips the lookup (one index probe for the latest time).
std::vector<bool> stored_already(store::Database& db, const Document& document,
                                 const std::vector<std::int64_t>& keys) {
  static constexpr std::array<std::string_view, kKeyWidth> kKeyColumns = {"event_time", "id_hash",
                                                                          "declaration_time"};
  std::vector<bool> stored(document.events.size(), false);
  if (document.events.empty()) return stored;
  const std::int64_t earliest =
      std::min_element(document.events.begin(), document.events.end(),
                       [](const Event& a, const Event& b) { return a.event_time < b.event_time; })
          ->event_time;
  long long latest = 0;
  soci::indicator none = soci::i_null;
  db.session() << "SELECT MAX(event_time) FROM epcis_events", soci::into(latest, none);
  if (none != soci::i_ok || latest < earliest) return stored;
  for (const store::KeyMatch& m :
       store::select_by_keys(db, "epcis_events", "event_id", kKeyColumns, keys)) {
    if (m.value == document.events[m.key_row].event_id) stored[m.key_row] = true;
  }
  return stored;
}

std::string store_context(store::Database& db, const std::string& context) {
  if (context.empty()) return {};
  std::string id = sha256_hex(context).substr(0, 16);
  db.session() << "INSERT INTO epcis_contexts (id, context_json) VALUES (:id, :json)"
                  " ON CONFLICT (id) DO NOTHING",
      soci::use(id), soci::use(context);
  return id;
}

constexpr std::int64_t kNoTerm = 0;  // written as NULL

// Term ids for `terms` (event types, CBV values, locations, identifiers' GS1 keys), adding
// the new ones. Most are known after the first documents, but a document of shipments may
// name ten thousand new SSCCs: the terms go to the database as one JSON array, looked up in
// one statement and added in one. A statement per term took PostgreSQL 11 times as long on
// such a document, statements of 500 terms each SQLite twice as long.
std::unordered_map<std::string, std::int64_t> intern(store::Database& db,
                                                     const std::set<std::string>& terms) {
  const bool sqlite = db.engine() == store::Engine::sqlite;
  const std::string elements =
      sqlite ? "json_each(:list)" : "json_array_elements_text(CAST(:list AS json)) AS j(value)";
  std::unordered_map<std::string, std::int64_t> ids;
  auto json_list = [](const auto& texts) {
    boost::json::array list;
    for (const std::string& t : texts) list.emplace_back(t);
    return boost::json::serialize(list);
  };
  auto lookup = [&](const std::string& list) {
    std::string term;
    long long id = 0;
    soci::statement st = (db.session().prepare << "SELECT term, term_id FROM epcis_terms"
                                                  " WHERE term IN (SELECT value FROM " +
                                                      elements + ")",
                          soci::use(list), soci::into(term), soci::into(id));
    st.execute(false);
    while (st.fetch()) ids.emplace(term, id);
  };
  lookup(json_list(terms));
  std::vector<std::string> missing;
  for (const std::string& t : terms) {
    if (!ids.contains(t)) missing.push_back(t);
  }
  if (missing.empty()) return ids;
  const std::string list = json_list(missing);
  if (sqlite) {
    // The writer holds SQLite's write lock: the keys after the largest are free.
    const long long first =
        store::next_keys(db, "epcis_terms", "term_id", "epcis_term_id_seq", 1).front();
    // "WHERE true" tells SQLite's parser that ON CONFLICT is the upsert's, not the join's.
    db.session() << "INSERT INTO epcis_terms (term_id, term) SELECT :first + key, value"
                    " FROM json_each(:list) WHERE true ON CONFLICT (term) DO NOTHING",
        soci::use(first), soci::use(list);
  } else {
    // Another capture may add the same term meanwhile: its id wins.
    db.session() << "INSERT INTO epcis_terms (term_id, term)"
                    " SELECT nextval('epcis_term_id_seq'), value FROM " +
                        elements + " ON CONFLICT (term) DO NOTHING",
        soci::use(list);
  }
  lookup(list);
  return ids;
}

// The role as stored: one character, as a view into static storage (BulkValue keeps views).
std::string_view role_text(epcis::EpcRole role) {
  static constexpr std::string_view kRoles = "epcioqkmn";
  const std::size_t at = kRoles.find(static_cast<char>(role));
  return kRoles.substr(at == std::string_view::npos ? 0 : at, 1);
}

// One epcis_event_epcs row per identifier and role of `e`, its GS1 key by term id
// (`key_id`); the same identifier in the same role twice in one event (as parent and in a
// class list, say) is one row.
void add_epc_rows(std::vector<store::BulkValue>& rows, const Event& e, std::int64_t key,
                  const std::function<std::int64_t(const std::string&)>& key_id) {
  const std::size_t first = rows.size();
  for (const epcis::EventEpc& item : e.epcs) {
    std::string_view qualifier = item.epc.qualifier;
    if (qualifier == "*") qualifier = "";
    const std::string_view role = role_text(item.role);
    const std::int64_t id = key_id(item.epc.key);
    bool repeated = false;
    for (std::size_t r = first; r < rows.size(); r += 5) {
      repeated = repeated || (rows[r].integer() == id && rows[r + 1].text() == qualifier &&
                              rows[r + 3].text() == role);
    }
    if (repeated) continue;
    const bool instance = item.role == epcis::EpcRole::epc || item.role == epcis::EpcRole::child ||
                          item.role == epcis::EpcRole::output;
    // The lot of an item: from its own Digital Link, else from the event's ilmd (which
    // describes the items the event commissions or outputs).
    std::string_view lot = item.epc.lot;
    if (lot.empty() && instance) lot = e.ilmd_lot;
    rows.emplace_back(id);
    rows.emplace_back(qualifier);
    rows.emplace_back(key);
    rows.emplace_back(role);
    rows.push_back(store::BulkValue::text_or_null(lot));
  }
}

// Stores the events of `document` not stored yet, inside the caller's transaction; counts
// them in `result`.
Status store_new_events(store::Database& db, const Document& document,
                        const std::vector<std::int64_t>& dedup, CaptureResult& result) {
  const std::vector<bool> stored = stored_already(db, document, dedup);
  // Earlier in this document: events by eventID; error declarations (rare) by eventID and
  // declaration time.
  std::unordered_set<std::string_view> seen;
  std::set<std::pair<std::string_view, std::int64_t>> seen_declarations;
  std::vector<const Event*> fresh;
  std::vector<std::int64_t> fresh_hashes;
  for (std::size_t i = 0; i < document.events.size(); ++i) {
    const Event& e = document.events[i];
    const bool repeated = e.declaration_time
                              ? !seen_declarations.emplace(e.event_id, *e.declaration_time).second
                              : !seen.insert(e.event_id).second;
    if (stored[i] || repeated) {
      ++result.duplicates;
      continue;
    }
    fresh.push_back(&e);
    fresh_hashes.push_back(dedup[kKeyWidth * i + 1]);
  }
  if (fresh.empty()) return Ok{};
  const std::string context = store_context(db, document.context);
  std::set<std::string> terms;
  for (const Event* e : fresh) {
    for (const std::string* t :
         {&e->type, &e->biz_step, &e->disposition, &e->read_point, &e->biz_location}) {
      if (!t->empty()) terms.insert(*t);
    }
    for (const epcis::EventEpc& item : e->epcs) {
      if (!item.epc.key.empty()) terms.insert(item.epc.key);
    }
  }
  const auto ids = intern(db, terms);
  const auto id_of = [&](const std::string& term) { return term.empty() ? kNoTerm : ids.at(term); };
  const std::string now = store::utc_timestamp();
  const std::vector<std::int64_t> keys =
      store::next_keys(db, "epcis_events", "event_key", "epcis_event_key_seq", fresh.size());
  // Values point into `document` and the locals above: nothing is copied per event.
  std::vector<store::BulkValue> events;
  events.reserve(fresh.size() * 14);
  std::vector<store::BulkValue> epcs;
  epcs.reserve(fresh.size() * 5);
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    const Event& e = *fresh[i];
    events.emplace_back(keys[i]);
    events.emplace_back(e.event_id);
    events.emplace_back(fresh_hashes[i]);
    events.emplace_back(id_of(e.type));
    events.emplace_back(e.event_time);
    events.emplace_back(now);
    events.push_back(store::BulkValue::text_or_null(e.action));
    events.push_back(store::BulkValue::integer_or_null(id_of(e.biz_step)));
    events.push_back(store::BulkValue::integer_or_null(id_of(e.disposition)));
    events.push_back(store::BulkValue::integer_or_null(id_of(e.read_point)));
    events.push_back(store::BulkValue::integer_or_null(id_of(e.biz_location)));
    events.push_back(store::BulkValue::text_or_null(context));
    events.emplace_back(e.json);
    events.emplace_back(e.declaration_time.value_or(0));
    add_epc_rows(epcs, e, keys[i], id_of);
  }
  store::BulkInsert event_rows(db, "epcis_events",
                               {"event_key", "event_id", "id_hash", "event_type", "event_time",
                                "record_time", "action", "biz_step", "disposition", "read_point",
                                "biz_location", "context_id", "event_json", "declaration_time"});
  store::BulkInsert epc_rows(db, "epcis_event_epcs",
                             {"key_id", "qualifier", "event_key", "role", "lot"});
  // Keys are fresh and identifier rows unique per event, so a conflict means another
  // process took the same keys: the transaction is undone and the caller may retry.
  if (!event_rows.insert(events) || !epc_rows.insert(epcs)) {
    return make_error("另一采集同时写入了相同的事件序号，请重试");
  }
  result.captured = fresh.size();
  // Once per capture: the rows raise it themselves only on PostgreSQL (migration 10).
  if (db.engine() == store::Engine::sqlite) store::raise_data_version(db, "trace");
  return Ok{};
}

// The audit entry's "after": what the capture did, and to which document.
std::string capture_audit_json(const CaptureAudit& audit, const Document& document,
                               const CaptureResult& result) {
  boost::json::object o;
  if (!audit.capture_id.empty()) o["captureID"] = audit.capture_id;
  o["sha256"] = audit.document_sha256;
  o["events"] = document.events.size();
  o["captured"] = result.captured;
  o["duplicates"] = result.duplicates;
  return boost::json::serialize(o);
}

// capture_documents stores documents together in one transaction up to this many events or
// bytes of text. At a million stored events about units with random serials, a transaction
// of 10,000 events changes a page of the identifier index for nearly every event, and each
// commit writes those pages to the log; in transactions of 200,000 a page takes several
// events' entries at once (README: capture throughput, session 17: 1.5x at scale). The
// bytes bound the texts kept for the transaction (below) and its log.
constexpr std::size_t kGroupEvents = 200'000;
constexpr std::size_t kGroupBytes = std::size_t{256} << 20;

// Stores `document` inside the caller's transaction: its new events, then `within`, then its
// audit entry.
Status store_document(store::Database& db, const Document& document, const CaptureAudit& audit,
                      const std::function<Status(const CaptureResult&)>& within,
                      CaptureResult& result) {
  for (const Event& e : document.events) result.event_ids.push_back(e.event_id);
  if (Status stored = store_new_events(db, document, dedup_keys(document), result); !stored) {
    return stored;
  }
  if (within) {
    if (Status also = within(result); !also) return also;
  }
  return audit::append(db, {audit.actor, "epcis.capture", audit.document_sha256, "null",
                            capture_audit_json(audit, document, result)});
}

}  // namespace

Result<CaptureResult> capture_document(store::Database& db, std::string_view text,
                                       std::string_view actor) {
  auto document = epcis::parse_document(text);
  if (!document) return document.error();
  return capture(db, *document, {std::string(actor), sha256_hex(text), {}});
}

void capture_documents(store::Database& db, std::string_view actor,
                       const std::function<std::optional<std::string>()>& next,
                       const std::function<bool(const Result<CaptureResult>&)>& done) {
  struct Read {
    std::string text;
    Result<Document> document;
    std::string sha256;
  };
  // nullopt: no more documents.
  auto read_next = [&next]() -> std::optional<Read> {
    std::optional<std::string> text = next();
    if (!text) return std::nullopt;
    auto document = epcis::parse_document(*text);
    std::string sha256 = sha256_hex(*text);
    return Read{std::move(*text), std::move(document), std::move(sha256)};
  };
  std::future<std::optional<Read>> reading = std::async(std::launch::async, read_next);
  // What `next` threw: thrown once the documents before it are stored and reported.
  std::exception_ptr unreadable;
  auto take = [&]() -> std::optional<Read> {
    try {
      return reading.get();
    } catch (...) {
      unreadable = std::current_exception();
      return std::nullopt;
    }
  };
  std::optional<Read> read = take();
  while (read && read->document) {
    // One transaction: this document and those read after it, while they are good and the
    // transaction holds less than kGroupEvents events and kGroupBytes of text. The texts
    // stored are kept until it commits; their parsed forms are let go.
    std::vector<std::string> texts;
    std::vector<CaptureResult> results;
    std::size_t events = 0;
    std::size_t bytes = 0;
    bool storing = false;  // whether a failure is `read`'s (else the commit's)
    // Stores `read` and the documents after it until the group is full or ends.
    auto store_group = [&]() -> Status {
      for (;;) {
        reading = std::async(std::launch::async, read_next);
        storing = true;
        CaptureResult result;
        const CaptureAudit audit{std::string(actor), read->sha256, {}};
        if (Status s = store_document(db, *read->document, audit, {}, result); !s) return s;
        storing = false;
        events += read->document->events.size();
        bytes += read->text.size();
        results.push_back(std::move(result));
        texts.push_back(std::move(read->text));
        read = take();
        if (!read || !read->document || events >= kGroupEvents || bytes >= kGroupBytes) {
          return Ok{};
        }
      }
    };
    bool undone = false;
    try {
      undone = !db.transaction(store_group).ok();
    } catch (const std::exception&) {
      // Nothing was stored with this document: the failure is its own (and storing it again
      // would only wait out the same busy database once more).
      if (texts.empty()) throw;
      undone = true;
    }
    if (!undone) {
      for (const CaptureResult& result : results) {
        if (!done(result)) return;  // ~future waits for the read, if one is under way
      }
      continue;
    }
    // The transaction was undone: each of its documents again in a transaction of its own, so
    // that those before the failing one are stored and the failure is reported as its own.
    if (storing) texts.push_back(std::move(read->text));
    for (const std::string& text : texts) {
      if (!done(capture_document(db, text, actor))) return;
    }
    if (storing) read = take();
  }
  if (read) {
    done(read->document.error());
  } else if (unreadable) {
    std::rethrow_exception(unreadable);
  }
}

Result<CaptureResult> capture(store::Database& db, const Document& document,
                              const CaptureAudit& audit,
                              const std::function<Status(const CaptureResult&)>& within) {
  CaptureResult result;
  Status status = db.transaction(
      [&]() -> Status { return store_document(db, document, audit, within, result); });
  if (!status) return status.error();
  return result;
}

namespace {

// A WHERE clause with its parameters, bound in order as :p0, :p1, …
class Conditions {
 public:
  std::string text(std::string_view value) {
    params_.emplace_back(std::string(value));
    return placeholder();
  }
  std::string integer(std::int64_t value) {
    params_.emplace_back(static_cast<long long>(value));
    return placeholder();
  }
  void add(std::string_view condition) {
    sql_ += sql_.empty() ? " WHERE " : " AND ";
    sql_ += condition;
  }
  // `column` (a term id) is one of `values`, looked up in epcis_terms by a subquery.
  void any_of(std::string_view column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::string c = std::string(column) + " IN (SELECT term_id FROM epcis_terms WHERE term IN (";
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) c += ", ";
      c += text(values[i]);
    }
    add(c + "))");
  }
  void any_of_text(std::string_view column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::string c = std::string(column) + " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) c += ", ";
      c += text(values[i]);
    }
    add(c + ")");
  }
  [[nodiscard]] const std::string& sql() const { return sql_; }
  void bind(soci::statement& st) {
    for (auto& p : params_) {
      std::visit([&](auto& v) { st.exchange(soci::use(v)); }, p);
    }
  }

 private:
  std::string placeholder() { return ":p" + std::to_string(params_.size() - 1); }
  std::string sql_;
  std::deque<std::variant<std::string, long long>> params_;  // stable addresses for binding
};

// The key just after every key starting with `prefix` (keys are printable ASCII).
std::string prefix_end(std::string prefix) {
  prefix.back() = static_cast<char>(prefix.back() + 1);
  return prefix;
}

// The capture-order keys one statement searches: (after, upto]; 0 leaves that end open.
struct KeyRange {
  std::int64_t after = 0;
  std::int64_t upto = 0;
};

// `range` as conditions on event_key (none for an open end), each binding its bound in `c`.
std::vector<std::string> key_conditions(Conditions& c, const KeyRange& range) {
  std::vector<std::string> out;
  if (range.after > 0) out.push_back("event_key > " + c.integer(range.after));
  if (range.upto > 0) out.push_back("event_key <= " + c.integer(range.upto));
  return out;
}

// An identifier subquery is bounded by the statement's key range as well: through the index
// (key_id, event_key) (migrations 15 and 16) it then reads only that range's rows of each GTIN.
//
// Placeholders bind by their order in the text, so every piece is appended in turn (the
// operands of one `a + f() + g()` expression may be evaluated in any order).
std::string epc_condition(Conditions& c, const epcis::EpcMatch& match, const KeyRange& range) {
  std::string sql = "event_key IN (SELECT event_key FROM epcis_event_epcs WHERE role IN (";
  for (std::size_t i = 0; i < match.roles.size(); ++i) {
    sql += i == 0 ? "'" : ", '";
    sql += match.roles[i];
    sql += '\'';
  }
  sql += ") AND (";
  for (std::size_t i = 0; i < match.values.size(); ++i) {
    const epcis::Epc& epc = match.values[i];
    if (i > 0) sql += " OR ";
    if (epc.pattern && epc.qualifier.empty()) {
      sql += "(key_id IN (SELECT term_id FROM epcis_terms WHERE term >= ";
      sql += c.text(epc.key);
      sql += " AND term < ";
      sql += c.text(prefix_end(epc.key));
      sql += ')';
    } else {
      sql += "(key_id = (SELECT term_id FROM epcis_terms WHERE term = ";
      sql += c.text(epc.key);
      sql += ')';
      if (!epc.pattern) {
        sql += " AND qualifier = ";
        sql += c.text(epc.qualifier);
      }
    }
    sql += ')';
  }
  sql += ')';
  for (const std::string& bound : key_conditions(c, range)) sql += " AND " + bound;
  return sql + ")";
}

// Events that mention an item or class of a product registered to `uscc`: the GTINs of its
// products as Digital Link keys ("01/<GTIN>"), looked up in the identifier table.
std::string owner_condition(Conditions& c, const std::string& uscc, const KeyRange& range) {
  std::string sql =
      "event_key IN (SELECT event_key FROM epcis_event_epcs WHERE key_id IN"
      " (SELECT t.term_id FROM products p JOIN epcis_terms t ON t.term = '01/' || p.gtin"
      " WHERE p.entity_uscc = ";
  sql += c.text(uscc);
  sql += ')';
  for (const std::string& bound : key_conditions(c, range)) sql += " AND " + bound;
  return sql + ")";
}

// Whether the query names events by identifiers that may stand for very many of them (every
// unit of a GTIN, every product of an enterprise). Its subquery would gather all their keys
// before the first row of the page: 0.4 s a page for a GTIN with 2,000,000 events. Such a
// query is run over windows of the capture order instead, each read through the index
// (key_id, event_key), until the page is full. A pattern over a range of GTINs (a company
// prefix) is left whole: that index cannot bound it by key, so windows would repeat its scan.
bool search_in_windows(const epcis::EventQuery& q) {
  bool many = !q.owner_uscc.empty();
  for (const epcis::EpcMatch& match : q.epc_matches) {
    for (const epcis::Epc& epc : match.values) {
      if (epc.pattern && epc.qualifier.empty()) return false;
      many = many || epc.pattern;
    }
  }
  return many;
}

// The first window's width in event keys; a window that finds less than half a page is
// followed by one twice as wide, so a rare product's few events are reached in a few dozen
// windows even among millions.
constexpr std::int64_t kFirstWindow = 4096;

// The @context of each document, by id, in order of first use on the page.
std::vector<std::string> load_contexts(store::Database& db, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    std::string json;
    db.session() << "SELECT context_json FROM epcis_contexts WHERE id = :id", soci::use(id),
        soci::into(json);
    if (db.session().got_data()) out.push_back(std::move(json));
  }
  return out;
}

}  // namespace

Result<EventPage> query_events(store::Database& db, const epcis::EventQuery& q) {
  // EQ_errorReason and EQ_correctiveEventID are read from the stored declarations, which are
  // few (error_declared limits the rows to them): no LIMIT, rows filtered as they come.
  const bool filtered = !q.error_reasons.empty() || !q.corrective_event_ids.empty();
  EventPage page;
  std::vector<std::string> context_ids;
  // Reads the matching events of `range` into the page; true once the page is full and one
  // more event matches (the page then has its token).
  auto read_range = [&](const KeyRange& range) -> Result<bool> {
    Conditions c;
    c.any_of("event_type", q.event_types);
    c.any_of_text("action", q.actions);
    c.any_of("biz_step", q.biz_steps);
    c.any_of("disposition", q.dispositions);
    c.any_of("read_point", q.read_points);
    c.any_of("biz_location", q.biz_locations);
    if (q.ge_event_time) c.add("event_time >= " + c.integer(*q.ge_event_time));
    if (q.lt_event_time) c.add("event_time < " + c.integer(*q.lt_event_time));
    if (q.error_declared) c.add("declaration_time <> 0");  // migration 12: 0 when none
    if (q.ge_declaration_time) c.add("declaration_time >= " + c.integer(*q.ge_declaration_time));
    if (q.lt_declaration_time) c.add("declaration_time < " + c.integer(*q.lt_declaration_time));
    for (const epcis::EpcMatch& match : q.epc_matches) c.add(epc_condition(c, match, range));
    if (!q.owner_uscc.empty()) c.add(owner_condition(c, q.owner_uscc, range));
    for (const std::string& bound : key_conditions(c, range)) c.add(bound);
    const std::size_t wanted = q.per_page + 1 - page.events.size();
    const std::string sql = "SELECT event_key, event_json, context_id FROM epcis_events" + c.sql() +
                            " ORDER BY event_key" +
                            (filtered ? "" : " LIMIT " + std::to_string(wanted));
    long long key = 0;
    std::string json;
    std::string context_id;
    soci::indicator context_null = soci::i_null;
    soci::statement st(db.session());
    st.alloc();
    st.prepare(sql);
    c.bind(st);
    st.exchange(soci::into(key));
    st.exchange(soci::into(json));
    st.exchange(soci::into(context_id, context_null));
    st.define_and_bind();
    st.execute(false);
    while (st.fetch()) {
      if (filtered) {
        auto declaration = epcis::read_stored_event(json);
        if (!declaration) return declaration.error();
        if (!epcis::declaration_matches(q, *declaration)) continue;
      }
      if (page.events.size() == q.per_page) {
        page.next_page_token = epcis::page_token(page.events.back().key);
        return true;
      }
      page.events.push_back({key, json});
      if (context_null == soci::i_ok && !context_id.empty() &&
          std::find(context_ids.begin(), context_ids.end(), context_id) == context_ids.end()) {
        context_ids.push_back(context_id);
      }
    }
    return false;
  };
  try {
    KeyRange range{q.after_key, 0};
    if (!search_in_windows(q)) {
      if (auto read = read_range(range); !read) return read.error();
    } else {
      long long last = 0;
      db.session() << "SELECT COALESCE(MAX(event_key), 0) FROM epcis_events", soci::into(last);
      std::int64_t width = kFirstWindow;
      while (range.after < last) {
        range.upto = std::min<std::int64_t>(last, range.after + width);
        const std::size_t before = page.events.size();
        auto full = read_range(range);
        if (!full) return full.error();
        if (*full) break;
        if (2 * (page.events.size() - before) < q.per_page) width *= 2;
        range.after = range.upto;
      }
    }
    page.contexts = load_contexts(db, context_ids);
  } catch (const std::exception& e) {
    return make_error(std::string("查询事件失败：") + e.what());
  }
  return page;
}

Status for_each_event(store::Database& db, epcis::EventQuery query,
                      const std::function<void(const StoredEvent&)>& each) {
  for (;;) {
    auto page = query_events(db, query);
    if (!page) return page.error();
    for (const StoredEvent& e : page->events) each(e);
    if (!page->next_page_token || page->events.empty()) return Ok{};
    query.after_key = page->events.back().key;
  }
}

Result<EventPage> product_events(store::Database& db, const std::string& gtin,
                                 std::int64_t before_key, std::size_t per_page) {
  const std::string epc_key = "01/" + gtin;
  const long long before = before_key > 0 ? before_key : std::numeric_limits<long long>::max();
  const auto limit = static_cast<long long>(per_page) + 1;  // one more: are there older ones?
  EventPage page;
  try {
    long long key = 0;
    std::string json;
    // An event naming several units of the product has a row for each: DISTINCT, which the
    // index's order serves without sorting.
    soci::statement select =
        (db.session().prepare
             << "SELECT e.event_key, e.event_json FROM epcis_events e WHERE e.event_key IN"
                " (SELECT DISTINCT x.event_key FROM epcis_event_epcs x WHERE x.key_id ="
                " (SELECT term_id FROM epcis_terms WHERE term = :key)"
                " AND x.event_key < :before ORDER BY x.event_key DESC LIMIT :n)"
                " ORDER BY e.event_key DESC",
         soci::use(epc_key, "key"), soci::use(before, "before"), soci::use(limit, "n"),
         soci::into(key), soci::into(json));
    select.execute();
    while (select.fetch()) {
      if (page.events.size() == per_page) {
        page.next_page_token = epcis::page_token(page.events.back().key);
        break;
      }
      page.events.push_back({key, json});
    }
  } catch (const std::exception& e) {
    return make_error(std::string("查询产品事件失败：") + e.what());
  }
  return page;
}

Result<std::string> query_events_json(store::Database& db,
                                      const epcis::QueryParameters& parameters) {
  auto query = epcis::parse_query(parameters);
  if (!query) return query.error();
  auto page = query_events(db, *query);
  if (!page) return page.error();
  std::string out = "{\"events\":[";
  for (std::size_t i = 0; i < page->events.size(); ++i) {
    if (i > 0) out += ',';
    out += page->events[i].json;
  }
  out += ']';
  if (page->next_page_token) out += R"(,"nextPageToken":")" + *page->next_page_token + '"';
  out += '}';
  return out;
}

}  // namespace zhiyou::trace
