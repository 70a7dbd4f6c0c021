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
  const answer = (size) => decoder.decode(new Uint8Array(exports.memory.buffer, exports.otk_output(), size));
  // Copies each argument into linear memory, calls, reads the JSON answer, frees the arguments.
  const call = (name, ...args) => {
    if (!exports[name]) throw new Error(`otklik: this core was built without ${name}`);
    const spans = [];
    for (const arg of args) {
      const bytes = arg instanceof Uint8Array ? arg : encoder.encode(arg);
      const at = exports.otk_alloc(bytes.length);
      new Uint8Array(exports.memory.buffer, at, bytes.length).set(bytes);
      spans.push(at, bytes.length);
    }
    try {
      return JSON.parse(answer(exports[name](...spans)));
    } finally {
      for (let i = 0; i < spans.length; i += 2) exports.otk_free(spans[i]);
    }
  };
  return { call, redact: exports.otk_redact_run && redactor(exports, answer(exports.otk_pii_types()).split(' ')) };
}

// redact() runs once per comment, so it skips JSON and most copies (bindings.cpp, otk_redact_run): the text
// is encoded straight into a buffer of the core's kept between calls, the findings are read where they lie,
// and the redacted text is cut from the input string instead of decoded, at the findings' UTF-16 offsets,
// counted on the UTF-8 bytes still in the buffer.
function redactor(exports, types) {
  let input = 0, room = 0, bytes, words;  // views of the core's memory, made again when it has grown
  const view = () => {
    if (bytes?.buffer !== exports.memory.buffer) [bytes, words] = [new Uint8Array(exports.memory.buffer), new Uint32Array(exports.memory.buffer)];
  };
  return (text) => {
    text = String(text);
    if (text.length * 3 > room) {  // a UTF-16 unit is at most 3 UTF-8 bytes
      exports.otk_free(input);
      input = exports.otk_alloc((room = text.length * 3 + 4096));
    }
    view();
    const answer = exports.otk_redact_run(input, encoder.encodeInto(text, bytes.subarray(input, input + room)).written) >> 2;
    view();
    // The answer: the redacted text's address and size, the findings' address and count.
    const count = words[answer + 3], findings = [];
    let redacted = '', last = 0, byte = input, units = 0;
    const unitsTo = (offset) => {  // a character's first byte is one unit, or two for a 4-byte one
      for (; byte < input + offset; ++byte) units += ((bytes[byte] & 192) !== 128) + (bytes[byte] >= 240);
      return units;
    };
    for (let i = words[answer + 2] >> 2; findings.length < count; i += 3) {
      const type = types[words[i] & 255];  // a finding: type (a byte), start, end
      findings.push({ type, start: words[i + 1], end: words[i + 2] });
      redacted += `${text.slice(last, unitsTo(words[i + 1]))}[${type}]`;
      last = unitsTo(words[i + 2]);
    }
    // A lone surrogate was encoded as U+FFFD: the text is then decoded, so as to read U+FFFD there too.
    if (!text.isWellFormed?.()) redacted = decoder.decode(bytes.subarray(words[answer], words[answer] + words[answer + 1]));
    else redacted = count ? redacted + text.slice(last) : text;
    return { text: redacted, findings };
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
  loading ??= instantiate(new URL(wasmUrl)).then(({ call, redact }) => ({
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
    redact,
  }));
  return loading;
}

export default loadCore;
