# EPCIS capture document reader of the trace module.
zhiyou_fuzz_target(epcis_document DEPS zhiyou_trace)
