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

const asJson = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

let loading = null;

/**
 * Resolves to the core: validate(survey, response, locale?) -> {ok, errors, response?};
 * redact(text) -> {text, findings}. Arguments may be JS objects or JSON strings.
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
      redact(text) {
        if (typeof module.redact !== 'function') throw new Error('otklik: this core was built without redaction');
        return JSON.parse(module.redact(String(text)));
      },
    }));
  }
  return loading;
}

export default loadCore;
