// otklik/collector/default_paths.hpp — defaults that depend on where Otklik was built.
#pragma once

#include <string>

namespace otklik::collector {

// The widget's build output in the source tree (<repo>/web/dist), served at /widget/ by default.
[[nodiscard]] std::string default_widget_dir();

}  // namespace otklik::collector
