// Runs the shared vectors (tests/vectors) against the WebAssembly core in web/dist, under node's test
// runner. The native runner (tests/vectors) checks the same files, so both builds must agree exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const vectorsDir = process.env.OTKLIK_VECTORS_DIR;
const distDir = process.env.OTKLIK_WEB_DIST_DIR;
assert.ok(vectorsDir && distDir, 'OTKLIK_VECTORS_DIR and OTKLIK_WEB_DIST_DIR must be set (ctest sets them)');

// OTKLIK_CORE_WASM picks the build: otklik-core.wasm (default, the full core) or otklik-widget-core.wasm,
// which has no checkSurvey and expands no templates (the collector serves surveys with their questions):
// the cases that need either do not apply to it.
const wasmName = process.env.OTKLIK_CORE_WASM ?? 'otklik-core.wasm';
const full = wasmName === 'otklik-core.wasm';
const { loadCore } = await import(join(distDir, 'otklik-core.mjs'));
const core = await loadCore(pathToFileURL(join(distDir, wasmName)));

const surveys = new Map();
for (const name of readdirSync(join(vectorsDir, 'surveys')).filter((n) => n.endsWith('.json'))) {
  const text = readFileSync(join(vectorsDir, 'surveys', name), 'utf8');
  surveys.set(JSON.parse(text).id, text);
}

function input(c) {
  if (c.input !== undefined) return Buffer.from(c.input, 'utf8');
  if (c.input_hex !== undefined) return Buffer.from(c.input_hex, 'hex');
  const g = c.input_generate;
  return Buffer.from(g.repeat.repeat(g.count) + (g.suffix ?? ''), 'utf8');
}
const bytes = (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
const pairs = (errors) => errors.map((e) => ({ path: e.path, code: e.code }));

const responses = JSON.parse(readFileSync(join(vectorsDir, 'responses.json'), 'utf8')).cases;
const surveyCases = JSON.parse(readFileSync(join(vectorsDir, 'surveys.json'), 'utf8')).cases;

test('the vector files have enough cases', () => {
  assert.ok(responses.length >= 40);
  assert.ok(surveyCases.length >= 20);
});

const listsQuestions = (id) => JSON.parse(surveys.get(id)).questions !== undefined;

for (const c of responses) {
  if (!full && !listsQuestions(c.survey)) {
    test(`response: ${c.name} (widget core: the survey lists no questions, which it reports)`, () => {
      assert.throws(() => core.validate(surveys.get(c.survey), bytes(input(c)), 'ru'), /\/questions: missing_field/);
    });
    continue;
  }
  test(`response: ${c.name}`, () => {
    const result = core.validate(surveys.get(c.survey), bytes(input(c)), 'ru');
    assert.equal(result.ok, c.ok);
    assert.deepEqual(pairs(result.errors), c.errors);
    for (const e of result.errors) assert.ok(full ? e.message.length > 0 : typeof e.detail === 'string');
    if (c.ok && c.canonical !== undefined) assert.equal(JSON.stringify(result.response), c.canonical);
  });
}

// The survey vectors: the full core checks every survey rule exactly as the native build does. The
// widget's core trusts its survey (its collector checked it and re-validates every response; docs/formats.md,
// "WebAssembly API") and has no checkSurvey: there each survey, valid or not, must give a result or the
// survey's error value (a TypeError naming stable codes), never a trap, a crash or a hang.
const someResponse = JSON.stringify({
  format: 'otklik.response/1', id: 'vector-survey-robustness', survey: 's', stage: 'a', channel: 'web',
  locale: 'ru', submitted_at: '2026-11-28T12:00:00Z', answers: { overall: 5 },
});
for (const c of surveyCases) {
  if (!full) {
    test(`survey (widget core, trusted): ${c.name}`, () => {
      let result;
      try {
        result = core.validate(bytes(input(c)), someResponse, 'ru');
      } catch (error) {
        assert.ok(error instanceof TypeError, `not an error value: ${error}`);
        assert.match(error.message, /^otklik: the survey is invalid: (\/[^:]*|\/): [a-z_]+(; |$)/);
        return;
      }
      assert.equal(typeof result.ok, 'boolean');
      assert.ok(Array.isArray(result.errors));
      for (const e of result.errors) assert.ok(typeof e.code === 'string' && typeof e.detail === 'string');
    });
    continue;
  }
  test(`survey: ${c.name}`, () => {
    const result = core.checkSurvey(bytes(input(c)));
    assert.equal(result.ok, c.ok);
    assert.deepEqual(pairs(result.errors), c.errors);
  });
}

test('the core answers after every survey vector (no trap left it broken)', () => {
  const survey = surveys.get('passport-renewal');
  const c = responses.find((r) => r.survey === 'passport-renewal' && r.ok);
  assert.equal(core.validate(survey, bytes(input(c)), 'ru').ok, true);
});

test('JS objects and JSON strings are accepted alike', () => {
  const survey = surveys.get('passport-renewal');
  const doc = JSON.parse(responses[0].input);
  assert.deepEqual(core.validate(JSON.parse(survey), doc), core.validate(survey, JSON.stringify(doc)));
});

test('an invalid survey throws a TypeError naming the issue', () => {
  assert.throws(() => core.validate('{}', '{}'), /otklik: the survey is invalid: \/format: missing_field/);
});
