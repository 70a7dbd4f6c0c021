// Loads the Otklik WebAssembly core (a standalone .wasm with a C ABI, see bindings.cpp) in browsers and
// in Node 20, and wraps its JSON API. Written by hand instead of Emscripten's glue: the .wasm needs only
// two imports, and this file is about 1 KB gzip where the embind glue was 8 KB.
const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function wasmBytes(url) {
  if (isNode && url.protocol === 'file:') {
    // Node cannot fetch a file: URL, so the binary is read from disk.
    const { readFile } = await import('node:fs/promises');
    return readFile(url);
  }
  const answer = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  if (!answer.ok) throw new Error(`otklik: ${url} answered ${answer.status}`);
  return answer.arrayBuffer();
}

// The only imports a standalone reactor with growable memory and no I/O asks for; any other is a
// build mistake, reported when called rather than at load.
function importsFor(module) {
  const imports = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    imports[from] ??= {};
    imports[from][name] = name === 'emscripten_notify_memory_growth' ? () => {} : () => {
      throw new Error(`otklik: the core called ${from}.${name}`);
    };
  }
  return imports;
}

async function instantiate(url) {
  const module = await WebAssembly.compile(await wasmBytes(url));
  const { exports } = await WebAssembly.instantiate(module, importsFor(module));
  exports._initialize();
  // Copies each argument into linear memory, calls, reads the JSON answer, frees the arguments.
  return (name, ...args) => {
    if (!exports[name]) throw new Error(`otklik: this core was built without ${name}`);
    const spans = [];
    for (const arg of args) {
      const bytes = arg instanceof Uint8Array ? arg : encoder.encode(arg);
      const at = exports.otk_alloc(bytes.length);
      new Uint8Array(exports.memory.buffer, at, bytes.length).set(bytes);
      spans.push(at, bytes.length);
    }
    try {
      const size = exports[name](...spans);
      return JSON.parse(decoder.decode(new Uint8Array(exports.memory.buffer, exports.otk_output(), size)));
    } finally {
      for (let i = 0; i < spans.length; i += 2) exports.otk_free(spans[i]);
    }
  };
}

// Strings and byte arrays (Uint8Array, passed to C++ as raw bytes) go as they are; objects as JSON.
const asJson = (value) =>
  typeof value === 'string' || value instanceof Uint8Array ? value : JSON.stringify(value);

let loading = null;

/**
 * Resolves to the core: validate(survey, response, locale?) -> {ok, errors, response?};
 * checkSurvey(survey, locale?) -> {ok, errors}; redact(text) -> {text, findings}.
 * Documents may be JS objects, JSON strings or UTF-8 bytes (Uint8Array).
 * `wasmUrl` overrides where the .wasm is fetched from (default: beside this file).
 */
export function loadCore(wasmUrl = new URL('./otklik-core.wasm', import.meta.url)) {
  loading ??= instantiate(new URL(wasmUrl)).then((call) => ({
    validate(survey, response, locale = 'en') {
      const result = call('otk_validate', asJson(survey), asJson(response), locale);
      if (result.survey_errors) {
        const detail = result.survey_errors.map((e) => `${e.path || '/'}: ${e.code}`).join('; ');
        throw new TypeError(`otklik: the survey is invalid: ${detail}`);
      }
      return result;
    },
    checkSurvey(survey, locale = 'en') {
      return call('otk_check_survey', asJson(survey), locale);
    },
    redact(text) {
      return call('otk_redact', String(text));
    },
  }));
  return loading;
}

export default loadCore;
