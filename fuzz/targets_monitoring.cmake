# The figures a unit sends, read against the demo plans as `zhiyou data import` reads them.
zhiyou_fuzz_target(observation_import DEPS zhiyou_monitoring zhiyou_tabular zhiyou_plans)
target_compile_definitions(fuzz_observation_import PRIVATE ZHIYOU_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
