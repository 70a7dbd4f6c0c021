# Warning and sanitizer settings, applied per target through otklik_target_defaults().
include_guard(GLOBAL)

# Interface target that every Otklik target links: warnings, C++20, sanitizers when asked.
add_library(otklik_defaults INTERFACE)
target_compile_features(otklik_defaults INTERFACE cxx_std_20)
target_compile_options(otklik_defaults INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion>)
if(OTKLIK_SANITIZE)
  target_compile_options(otklik_defaults INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(otklik_defaults INTERFACE -fsanitize=address,undefined)
endif()
