// The GS1 Core Business Vocabulary (CBV 2.0) values EPCIS events use: business steps,
// dispositions, business transaction types, source/destination types, error reasons,
// measurement types and components. A standard value may be written as its short name
// ("shipping"), its CBV 2.0 web URI (https://ref.gs1.org/cbv/BizStep-shipping) or its CBV 1.x
// URN (urn:epcglobal:cbv:bizstep:shipping); all become the short name. Any other value must be
// a URI outside the CBV's own namespaces (a user vocabulary, e.g. https://example.com/step/x).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zhiyou::trace::epcis {

enum class Vocabulary {
  biz_step,
  disposition,
  biz_transaction_type,
  source_destination_type,
  error_reason,
  measurement_type,
  sensor_alert_type,
  component,
};

// The canonical value (short name for standard values, the URI otherwise), or nullopt when
// `value` is neither a standard value nor an acceptable URI.
std::optional<std::string> canonical_vocabulary(Vocabulary vocabulary, std::string_view value);

// The field name for messages: "bizStep", "disposition", …
std::string_view vocabulary_field(Vocabulary vocabulary);

}  // namespace zhiyou::trace::epcis
