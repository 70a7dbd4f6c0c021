// loadCore().redact reads its answer straight from the core's memory (bindings.cpp, otk_redact_run); the
// full core also keeps the JSON answer (otk_redact). Both cores' redact() must give exactly what that JSON
// gives: on the labelled corpus, on empty text, with multi-byte characters on every side of a finding and at
// every buffer boundary, with lone surrogates, and on texts larger than the reused buffer and than memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const distDir = process.env.OTKLIK_WEB_DIST_DIR;
const corpusFile = process.env.OTKLIK_REDACT_CORPUS;
assert.ok(distDir && corpusFile, 'OTKLIK_WEB_DIST_DIR and OTKLIK_REDACT_CORPUS must be set (ctest sets them)');

// The loader keeps one core per module instance: a second import (another URL) loads the widget's core.
const loader = pathToFileURL(join(distDir, 'otklik-core.mjs'));
const full = await (await import(loader.href)).loadCore(pathToFileURL(join(distDir, 'otklik-core.wasm')));
const widget = await (await import(`${loader.href}?widget`)).loadCore(pathToFileURL(join(distDir, 'otklik-widget-core.wasm')));

// The JSON answer of the full core, called on an instance of its own (as the loader called it before).
const jsonRedact = await (async () => {
  const module = await WebAssembly.compile(readFileSync(join(distDir, 'otklik-core.wasm')));
  const imports = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    imports[from] ??= {};
    imports[from][name] = () => {};
  }
  const { exports } = await WebAssembly.instantiate(module, imports);
  exports._initialize();
  return (text) => {
    const bytes = new TextEncoder().encode(text);
    const at = exports.otk_alloc(bytes.length);
    new Uint8Array(exports.memory.buffer, at, bytes.length).set(bytes);
    const size = exports.otk_redact(at, bytes.length);
    exports.otk_free(at);
    return JSON.parse(new TextDecoder().decode(new Uint8Array(exports.memory.buffer, exports.otk_output(), size)));
  };
})();

// Exactly the same: the same strings (code unit by code unit) and the same findings in the same key order.
function same(text, label) {
  const expected = jsonRedact(text);
  for (const [name, core] of [['full', full], ['widget', widget]]) {
    const got = core.redact(text);
    assert.deepStrictEqual(Object.keys(got), ['text', 'findings'], `${label} (${name} core)`);
    assert.ok(got.text === expected.text, `${label} (${name} core): redacted text differs`);
    assert.equal(JSON.stringify(got.findings), JSON.stringify(expected.findings), `${label} (${name} core)`);
  }
  return expected;
}

test('the whole labelled corpus', () => {
  const lines = readFileSync(corpusFile, 'utf8').split('\n').filter((line) => line.length > 0);
  assert.ok(lines.length >= 1500);
  let findings = 0;
  for (const line of lines) {
    const { id, text } = JSON.parse(line);
    findings += same(text, `comment ${id}`).findings.length;
  }
  assert.ok(findings > lines.length, `only ${findings} findings in ${lines.length} comments`);
});

test('empty text and text without findings', () => {
  assert.deepStrictEqual(same('', 'empty'), { text: '', findings: [] });
  assert.equal(same('Очень долго ждал 😀', 'no findings').findings.length, 0);
  assert.equal(same(12345, 'a number').text, '12345');  // redact(String(x)) as before
});

test('multi-byte characters on every side of a finding and at every offset', () => {
  const wide = ['é', 'ж', '€', '😀', '\u0000', '"', '\\'];
  const pii = ['ivan.petrov@mail.ru', '+7 916 123-45-67', 'СНИЛС 112-233-445 95'];
  let checked = 0;
  for (const left of wide) {
    for (const right of wide) {
      for (const p of pii) {
        for (let pad = 0; pad < 4; ++pad) {
          const text = `${'a'.repeat(pad)}${left} ${p} ${right}${left.repeat(pad)}`;
          const result = same(text, JSON.stringify(text));
          assert.equal(result.findings.length, 1, JSON.stringify(text));
          ++checked;
        }
      }
    }
  }
  assert.equal(checked, wide.length * wide.length * pii.length * 4);
});

test('lone surrogates are encoded as U+FFFD by both paths', () => {
  for (const text of ['\uD800', 'a\uDC00b', 'почта ivan@mail.ru \uD83D', '\uDE00 Очень долго ждал']) {
    const result = same(text, JSON.stringify(text));
    assert.ok(result.text.includes('\uFFFD'));
  }
});

test('texts larger than the reused buffer and than the initial memory, then small ones again', () => {
  const line = 'Звоните 8 916 123-45-67, пишите ivan.petrov@mail.ru 😀. Очень долго ждал! ';
  for (const repeat of [1, 100, 10, 5000, 3, 60000, 1]) {  // 60000 lines are about 6 MB: the memory grows
    const text = line.repeat(repeat);
    assert.equal(same(text, `${repeat} lines`).findings.length, 2 * repeat);
  }
});

test('texts about the size of the first input buffer, mostly 3-byte characters', async () => {
  const fresh = await (await import(`${loader.href}?fresh`)).loadCore(pathToFileURL(join(distDir, 'otklik-core.wasm')));
  const tail = ' ivan@mail.ru €';
  for (let units = 1360; units < 1370; ++units) {  // about the first buffer's 4096 bytes
    const text = '€'.repeat(units - tail.length) + tail;
    const got = fresh.redact(text), expected = jsonRedact(text);
    assert.ok(got.text === expected.text, `${units} units`);
    assert.equal(JSON.stringify(got.findings), JSON.stringify(expected.findings), `${units} units`);
    assert.equal(got.findings.length, 1);
  }
});
