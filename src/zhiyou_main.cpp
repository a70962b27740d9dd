#include "cli/app.hpp"

int main(int argc, char** argv) { return zhiyou::cli::run(argc, argv); }
