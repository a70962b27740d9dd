// Internal to the document reader: walks a JSON value, remembers the path it is at and the
// first problem it met, so that the rules in event_rules.cpp read like the standard's.
#pragma once

#include <boost/json.hpp>

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.hpp"
#include "trace/epcis/cbv.hpp"
#include "trace/epcis/event.hpp"

namespace zhiyou::trace::epcis::detail {

class Checker {
 public:
  // Prefixes the document's (and the current event's) @context declare, e.g. "ext1".
  std::set<std::string, std::less<>> prefixes;
  std::optional<std::size_t> event_index;  // set while inside eventList[i]
  // Re-reading an event already captured: its prefixes were checked against the document's
  // @context then, which is not at hand now.
  bool trust_extension_prefixes = false;
  // Canonical forms of location and party identifiers already seen in this document: a
  // batch names the same few sites and parties in every event.
  std::unordered_map<std::string, std::string> canonical_cache;

  // canonical_identifier() through the cache; nullptr with the problem recorded.
  const std::string* canonical(std::string_view field, std::string_view text);

  // Records the first problem: `field` is appended to the current path for the place.
  bool fail(std::string_view field, const std::string& reason);
  [[nodiscard]] const std::optional<Error>& error() const { return error_; }

  // RAII path segment: Checker::Scope s(c, "epcList[0]");
  class Scope {
   public:
    Scope(Checker& c, std::string_view segment);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Checker& c_;
    std::size_t size_;
  };

  // Field readers: false (with the problem recorded) when the field has the wrong type.
  const boost::json::string* string_field(const boost::json::object& o, std::string_view key,
                                          bool required);
  const boost::json::object* object_field(const boost::json::object& o, std::string_view key,
                                          bool required);
  const boost::json::array* array_field(const boost::json::object& o, std::string_view key,
                                        bool required);
  bool ok() const { return !error_; }

  // Field-level rules of the schema.
  bool uri(const boost::json::object& o, std::string_view key, bool required);
  bool time(const boost::json::object& o, std::string_view key, bool required,
            std::int64_t* out = nullptr);
  bool number(const boost::json::object& o, std::string_view key);
  std::optional<std::string> vocabulary(const boost::json::object& o, std::string_view key,
                                        Vocabulary v, bool required);
  // Every key is one of `known` or a namespaced extension (a URI whose prefix, when it is a
  // compact "prefix:name", an @context declares).
  bool field_names(const boost::json::object& o, std::initializer_list<std::string_view> known);
  bool field_names_closed(const boost::json::object& o,
                          std::initializer_list<std::string_view> known);
  bool extension_name(std::string_view key) const;

  // Collects the prefixes of an @context value.
  void add_context(const boost::json::value& context);

  std::string path;

 private:
  std::optional<Error> error_;
};

// Rules for one event; fills `e` (except json, index, event_id when computed).
bool check_event(Checker& c, const boost::json::object& o, Event& e);

}  // namespace zhiyou::trace::epcis::detail
