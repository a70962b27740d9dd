# GS1 parsers of the trace module.
zhiyou_fuzz_target(gs1_element_string DEPS zhiyou_trace)
zhiyou_fuzz_target(gs1_digital_link DEPS zhiyou_trace)
zhiyou_fuzz_target(gs1_check_lines DEPS zhiyou_trace)
zhiyou_fuzz_target(gs1_uri_parts DEPS zhiyou_trace)
