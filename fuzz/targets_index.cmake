# The composite-index framework reader (COINr layout) and the pipeline behind it.
zhiyou_fuzz_target(index_framework DEPS zhiyou_monitoring)
