#include "trace/epcis/cbv.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "trace/epcis/epc.hpp"

namespace zhiyou::trace::epcis {
namespace {

constexpr std::array<std::string_view, 41> kBizSteps{"accepting",
                                                     "arriving",
                                                     "assembling",
                                                     "collecting",
                                                     "commissioning",
                                                     "consigning",
                                                     "creating_class_instance",
                                                     "cycle_counting",
                                                     "decommissioning",
                                                     "departing",
                                                     "destroying",
                                                     "disassembling",
                                                     "dispensing",
                                                     "encoding",
                                                     "entering_exiting",
                                                     "holding",
                                                     "inspecting",
                                                     "installing",
                                                     "killing",
                                                     "loading",
                                                     "other",
                                                     "packing",
                                                     "picking",
                                                     "receiving",
                                                     "removing",
                                                     "repackaging",
                                                     "repairing",
                                                     "replacing",
                                                     "reserving",
                                                     "retail_selling",
                                                     "shipping",
                                                     "staging_outbound",
                                                     "stock_taking",
                                                     "stocking",
                                                     "storing",
                                                     "transporting",
                                                     "unloading",
                                                     "unpacking",
                                                     "void_shipping",
                                                     "sensor_reporting",
                                                     "sampling"};

constexpr std::array<std::string_view, 33> kDispositions{"active",
                                                         "container_closed",
                                                         "damaged",
                                                         "destroyed",
                                                         "dispensed",
                                                         "disposed",
                                                         "encoded",
                                                         "expired",
                                                         "in_progress",
                                                         "in_transit",
                                                         "inactive",
                                                         "no_pedigree_match",
                                                         "non_sellable_other",
                                                         "partially_dispensed",
                                                         "recalled",
                                                         "reserved",
                                                         "retail_sold",
                                                         "returned",
                                                         "sellable_accessible",
                                                         "sellable_not_accessible",
                                                         "stolen",
                                                         "unknown",
                                                         "available",
                                                         "completeness_verified",
                                                         "completeness_inferred",
                                                         "conformant",
                                                         "container_open",
                                                         "mismatch_instance",
                                                         "mismatch_class",
                                                         "mismatch_quantity",
                                                         "needs_replacement",
                                                         "non_conformant",
                                                         "unavailable"};

constexpr std::array<std::string_view, 13> kBizTransactionTypes{
    "bol",       "cert",   "desadv", "inv",     "pedigree", "po",   "poc",
    "prodorder", "recadv", "rma",    "testprd", "testres",  "upevt"};

constexpr std::array<std::string_view, 3> kSourceDestinationTypes{"owning_party",
                                                                  "possessing_party", "location"};

constexpr std::array<std::string_view, 2> kErrorReasons{"did_not_occur", "incorrect_data"};

// EffectiveDoseRate is in OpenEPCIS's newer schema and GS1's later CBV; accepted too.
constexpr std::array<std::string_view, 72> kMeasurementTypes{"AbsoluteHumidity",
                                                             "AbsorbedDose",
                                                             "AbsorbedDoseRate",
                                                             "Acceleration",
                                                             "Radioactivity",
                                                             "Altitude",
                                                             "AmountOfSubstance",
                                                             "AmountOfSubstancePerUnitVolume",
                                                             "Angle",
                                                             "AngularAcceleration",
                                                             "AngularMomentum",
                                                             "AngularVelocity",
                                                             "Area",
                                                             "Capacitance",
                                                             "Conductance",
                                                             "Conductivity",
                                                             "Count",
                                                             "Density",
                                                             "Dimensionless",
                                                             "DoseEquivalent",
                                                             "DoseEquivalentRate",
                                                             "DynamicViscosity",
                                                             "ElectricCharge",
                                                             "ElectricCurrent",
                                                             "ElectricCurrentDensity",
                                                             "ElectricFieldStrength",
                                                             "Energy",
                                                             "Exposure",
                                                             "Force",
                                                             "Frequency",
                                                             "Illuminance",
                                                             "Inductance",
                                                             "Irradiance",
                                                             "KinematicViscosity",
                                                             "Length",
                                                             "LinearMomentum",
                                                             "Luminance",
                                                             "LuminousFlux",
                                                             "LuminousIntensity",
                                                             "MagneticFlux",
                                                             "MagneticFluxDensity",
                                                             "MagneticVectorPotential",
                                                             "Mass",
                                                             "MassConcentration",
                                                             "MassFlowRate",
                                                             "MassPerAreaTime",
                                                             "MemoryCapacity",
                                                             "MolalityOfSolute",
                                                             "MolarEnergy",
                                                             "MolarMass",
                                                             "MolarVolume",
                                                             "Power",
                                                             "Pressure",
                                                             "RadiantFlux",
                                                             "RadiantIntensity",
                                                             "RelativeHumidity",
                                                             "Resistance",
                                                             "Resistivity",
                                                             "SolidAngle",
                                                             "SpecificVolume",
                                                             "Speed",
                                                             "SurfaceDensity",
                                                             "SurfaceTension",
                                                             "Temperature",
                                                             "Time",
                                                             "Torque",
                                                             "Voltage",
                                                             "Volume",
                                                             "VolumeFlowRate",
                                                             "VolumeFraction",
                                                             "VolumetricFlux",
                                                             "Wavenumber"};
constexpr std::string_view kEffectiveDoseRate = "EffectiveDoseRate";

constexpr std::array<std::string_view, 2> kSensorAlertTypes{"ALARM_CONDITION", "ERROR_CONDITION"};

constexpr std::array<std::string_view, 14> kComponents{"x",
                                                       "y",
                                                       "z",
                                                       "axial_distance",
                                                       "azimuth",
                                                       "height",
                                                       "spherical_radius",
                                                       "polar_angle",
                                                       "elevation_angle",
                                                       "easting",
                                                       "northing",
                                                       "latitude",
                                                       "longitude",
                                                       "altitude"};

struct Spelling {
  std::span<const std::string_view> values;
  std::string_view urn_prefix;  // CBV 1.x
  std::string_view web_prefix;  // CBV 2.0, after "https://ref.gs1.org/cbv/"
  std::string_view gs1_voc;     // measurement types live in the GS1 Web Vocabulary
};

Spelling spelling(Vocabulary v) {
  switch (v) {
    case Vocabulary::biz_step:
      return {kBizSteps, "urn:epcglobal:cbv:bizstep:", "BizStep-", ""};
    case Vocabulary::disposition:
      return {kDispositions, "urn:epcglobal:cbv:disp:", "Disp-", ""};
    case Vocabulary::biz_transaction_type:
      return {kBizTransactionTypes, "urn:epcglobal:cbv:btt:", "BTT-", ""};
    case Vocabulary::source_destination_type:
      return {kSourceDestinationTypes, "urn:epcglobal:cbv:sdt:", "SDT-", ""};
    case Vocabulary::error_reason:
      return {kErrorReasons, "urn:epcglobal:cbv:er:", "ER-", ""};
    case Vocabulary::measurement_type:
      return {kMeasurementTypes, "", "", "gs1:"};
    case Vocabulary::sensor_alert_type:
      return {kSensorAlertTypes, "", "", "gs1:"};
    case Vocabulary::component:
      return {kComponents, "", "Comp-", ""};
  }
  return {};
}

bool is_standard(const Spelling& s, std::string_view value) {
  return std::find(s.values.begin(), s.values.end(), value) != s.values.end();
}

bool in_cbv_namespace(std::string_view value) {
  return value.starts_with("urn:epcglobal:cbv") || value.starts_with("http://ns.gs1.org/cbv/") ||
         value.starts_with("https://ns.gs1.org/cbv/");
}

bool in_gs1_web_vocabulary(std::string_view value) {
  return value.starts_with("http://gs1.org/voc/") || value.starts_with("https://gs1.org/voc/") ||
         value.starts_with("http://www.gs1.org/voc/") ||
         value.starts_with("https://www.gs1.org/voc/");
}

bool is_plain_name(std::string_view value) {
  return !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

std::optional<std::string> canonical_vocabulary(Vocabulary vocabulary, std::string_view value) {
  const Spelling s = spelling(vocabulary);
  if (is_standard(s, value)) return std::string(value);
  if (vocabulary == Vocabulary::measurement_type && value == kEffectiveDoseRate) {
    return std::string(value);
  }
  for (std::string_view web : {"https://ref.gs1.org/cbv/", "http://ref.gs1.org/cbv/"}) {
    if (!s.web_prefix.empty() && value.starts_with(web) &&
        value.substr(web.size()).starts_with(s.web_prefix)) {
      const std::string_view name = value.substr(web.size() + s.web_prefix.size());
      if (is_standard(s, name)) return std::string(name);
      return std::nullopt;  // the CBV's own namespace holds only its own values
    }
  }
  if (!s.urn_prefix.empty() && value.starts_with(s.urn_prefix)) {
    const std::string_view name = value.substr(s.urn_prefix.size());
    if (is_standard(s, name)) return std::string(name);
    return std::nullopt;
  }
  if (!s.gs1_voc.empty() && value.starts_with(s.gs1_voc) &&
      is_standard(s, value.substr(s.gs1_voc.size()))) {
    return std::string(value.substr(s.gs1_voc.size()));
  }
  if (vocabulary == Vocabulary::measurement_type && is_plain_name(value)) {
    // Measurement types grow with the GS1 Web Vocabulary and OpenEPCIS accepts names it
    // does not know yet (Molar_concentration); a plain name is kept as given.
    return std::string(value);
  }
  if (!is_uri(value)) return std::nullopt;
  if (!s.gs1_voc.empty() ? in_gs1_web_vocabulary(value) : in_cbv_namespace(value)) {
    return std::nullopt;
  }
  return std::string(value);
}

std::string_view vocabulary_field(Vocabulary vocabulary) {
  switch (vocabulary) {
    case Vocabulary::biz_step:
      return "bizStep";
    case Vocabulary::disposition:
      return "disposition";
    case Vocabulary::biz_transaction_type:
      return "bizTransactionList.type";
    case Vocabulary::source_destination_type:
      return "type";
    case Vocabulary::error_reason:
      return "reason";
    case Vocabulary::measurement_type:
      return "sensorReport.type";
    case Vocabulary::sensor_alert_type:
      return "exception";
    case Vocabulary::component:
      return "component";
  }
  return "";
}

}  // namespace zhiyou::trace::epcis
