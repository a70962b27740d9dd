zhiyou_fuzz_target(server_request DEPS zhiyou_server)
target_compile_definitions(fuzz_server_request PRIVATE ZHIYOU_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
