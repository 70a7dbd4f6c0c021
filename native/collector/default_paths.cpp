// native/collector/default_paths.cpp — build-time paths, compiled with OTKLIK_DEFAULT_WIDGET_DIR.
#include "otklik/collector/default_paths.hpp"

namespace otklik::collector {

std::string default_widget_dir() { return OTKLIK_DEFAULT_WIDGET_DIR; }

}  // namespace otklik::collector
