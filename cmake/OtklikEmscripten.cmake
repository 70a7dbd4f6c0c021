# Every Emscripten flag of the project, in one place (the WebAssembly core of the widget).
include_guard(GLOBAL)

option(OTKLIK_WASM_NAMES "Keep function names in the .wasm, for node wasm/size-report.mjs (larger file)" OFF)

# The optimisation flags: size first, or with SPEED (the full core, for node and the npm package: no size
# budget) -O3 and SIMD128 (every browser the widget targets runs SIMD128: Chrome 91, Firefox 89, Safari 16.4).
function(otklik_wasm_optimisation out)
  if("SPEED" IN_LIST ARGN)
    set(${out} -O3 -msimd128 PARENT_SCOPE)
  else()
    set(${out} -Oz PARENT_SCOPE)
  endif()
endfunction()

# Size-first compile flags for the core when it is built for the browser. The core throws nothing and
# needs no RTTI (no dynamic_cast, no typeid), so both are off: libc++'s throws become abort().
function(otklik_wasm_compile_options target)
  otklik_wasm_optimisation(level ${ARGN})
  target_compile_options(${target} PRIVATE ${level} -flto -fno-exceptions -fno-rtti -fno-threadsafe-statics -fno-c++-static-destructors)
  if(NOT "SPEED" IN_LIST ARGN)
    # The code leaves out shortcuts that cost size (the redactor's; they give the same answers, only sooner).
    target_compile_definitions(${target} PRIVATE OTKLIK_WASM_SIZE_FIRST=1)
  endif()
endfunction()

# Link flags: a standalone .wasm (no Emscripten JS glue: wasm/otklik-core.mjs instantiates it with two
# imports), a reactor without main, no filesystem, no exceptions, memory that grows, no malloc of
# Emscripten's (the target links its own, wasm/size_class_malloc.cpp), and no __errno_location export
# (only Emscripten's JS glue, which these cores do not use, reads errno).
function(otklik_wasm_link_options target)
  otklik_wasm_optimisation(level ${ARGN})
  target_link_options(${target} PRIVATE
    ${level} -flto -fno-exceptions -fno-rtti
    --no-entry -sSTANDALONE_WASM=1
    -sFILESYSTEM=0 -sMALLOC=none -sSUPPORT_LONGJMP=0
    -sDISABLE_EXCEPTION_THROWING=1 -sDISABLE_EXCEPTION_CATCHING=1
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=2MB -sTOTAL_STACK=256KB
    -sASSERTIONS=0 -sSUPPORT_ERRNO=0
    $<$<BOOL:${OTKLIK_WASM_NAMES}>:--profiling-funcs>)
endfunction()

# One more binaryen pass over a size-first core after Emscripten's own (which stops at one -Oz run): a
# second -Oz, functions ordered by use (smaller indices), then binaryen's Stack IR optimisations, which
# wasm-opt applies on its own only when an -O level is the last pass (ordering functions last had
# silently dropped them: 150 B Zopfli on the widget's core, docs/embedding.md). binaryen's wasm-opt comes
# with Debian's emscripten package. Functions of up to five instructions are inlined everywhere (binaryen's
# -Oz inlines only those of up to two, and single-use ones): 537 B Zopfli less on the widget's core, where
# four or six saved 414 B or 370 B and eight or more less still (docs/embedding.md).
function(otklik_wasm_size_passes target)
  if("SPEED" IN_LIST ARGN)
    return()
  endif()
  find_program(OTKLIK_WASM_OPT wasm-opt REQUIRED)
  set(keep_names "")
  if(OTKLIK_WASM_NAMES)
    set(keep_names -g)
  endif()
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND "${OTKLIK_WASM_OPT}" --always-inline-max-function-size=5 -Oz --reorder-functions --generate-stack-ir --optimize-stack-ir --mvp-features ${keep_names}
            "$<TARGET_FILE:${target}>" -o "$<TARGET_FILE:${target}>"
    VERBATIM)
endfunction()
