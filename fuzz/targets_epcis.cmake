# EPCIS capture document reader of the trace module.
zhiyou_fuzz_target(epcis_document DEPS zhiyou_trace)
# EPCIS query parameters and the error-declaration filter.
zhiyou_fuzz_target(epcis_query DEPS zhiyou_trace)
