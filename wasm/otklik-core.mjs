// Loads the Otklik WebAssembly core in browsers and in Node 20, and wraps its JSON-string API.
import createOtklikCore from './otklik-core-glue.mjs';

const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;

async function instantiate() {
  const wasmUrl = new URL('./otklik-core.wasm', import.meta.url);
  if (isNode) {
    // Node cannot fetch a file: URL, so the binary is handed over directly.
    const { readFile } = await import('node:fs/promises');
    return createOtklikCore({ wasmBinary: await readFile(wasmUrl) });
  }
  return createOtklikCore({ locateFile: () => wasmUrl.href });
}

// Strings and byte arrays (Uint8Array, passed to C++ as raw bytes) go as they are; objects as JSON.
const asJson = (value) =>
  typeof value === 'string' || value instanceof Uint8Array ? value : JSON.stringify(value);

let loading = null;

/**
 * Resolves to the core: validate(survey, response, locale?) -> {ok, errors, response?};
 * checkSurvey(survey, locale?) -> {ok, errors}; redact(text) -> {text, findings}.
 * Documents may be JS objects, JSON strings or UTF-8 bytes (Uint8Array).
 */
export function loadCore() {
  if (!loading) {
    loading = instantiate().then((module) => ({
      validate(survey, response, locale = 'en') {
        const result = JSON.parse(module.validate(asJson(survey), asJson(response), locale));
        if (result.survey_errors) {
          const detail = result.survey_errors.map((e) => `${e.path || '/'}: ${e.code}`).join('; ');
          throw new TypeError(`otklik: the survey is invalid: ${detail}`);
        }
        return result;
      },
      checkSurvey(survey, locale = 'en') {
        return JSON.parse(module.checkSurvey(asJson(survey), locale));
      },
      redact(text) {
        if (typeof module.redact !== 'function') throw new Error('otklik: this core was built without redaction');
        return JSON.parse(module.redact(String(text)));
      },
    }));
  }
  return loading;
}

export default loadCore;
