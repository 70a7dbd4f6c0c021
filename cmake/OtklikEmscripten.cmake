# Every Emscripten flag of the project, in one place (the WebAssembly core of the widget).
include_guard(GLOBAL)

# Size-first compile flags for the core when it is built for the browser.
function(otklik_wasm_compile_options target)
  target_compile_options(${target} PRIVATE -Oz -flto)
endfunction()

# Link flags: an ES module factory, no filesystem, no eval (strict CSP), small malloc, web and Node.
function(otklik_wasm_link_options target)
  target_link_options(${target} PRIVATE
    -Oz -flto --bind
    -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createOtklikCore
    -sENVIRONMENT=web
    -sFILESYSTEM=0 -sDYNAMIC_EXECUTION=0 -sMALLOC=emmalloc
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=2MB -sTOTAL_STACK=256KB
    -sINCOMING_MODULE_JS_API=wasmBinary,locateFile
    -sTEXTDECODER=2 -sSUPPORT_LONGJMP=0
    -sASSERTIONS=0)
endfunction()
