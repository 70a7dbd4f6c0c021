// The widget's core reports issues by code and detail, and the widget words them (web/src/locales.js):
// for every issue a response made by the widget's form can meet, that wording must be the full core's
// sentence exactly, in Russian and English, on the same responses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const vectorsDir = process.env.OTKLIK_VECTORS_DIR;
const distDir = process.env.OTKLIK_WEB_DIST_DIR;
assert.ok(vectorsDir && distDir, 'OTKLIK_VECTORS_DIR and OTKLIK_WEB_DIST_DIR must be set (ctest sets them)');

// Two instances of the loader module, so that each keeps its own core.
const loader = (tag) => import(`${pathToFileURL(join(distDir, 'otklik-core.mjs'))}?${tag}`);
const full = await (await loader('full')).loadCore(pathToFileURL(join(distDir, 'otklik-core.wasm')));
const widget = await (await loader('widget')).loadCore(pathToFileURL(join(distDir, 'otklik-widget-core.wasm')));
const { builtIn, describe } = await import(pathToFileURL(join(import.meta.dirname, '../../web/src/locales.js')));

const survey = readFileSync(join(vectorsDir, 'surveys', 'passport-renewal.json'), 'utf8');
const response = (changes, answers) => ({
  format: 'otklik.response/1', id: 'f3b1c9e2-7a4d-4c1e-9b7a-2d5e8f0a1c33', survey: 'passport-renewal',
  service: 'passport-renewal', stage: 'application', channel: 'web', locale: 'ru',
  submitted_at: '2026-11-27T10:00:00Z', answers: answers ?? { overall: 4 }, ...changes,
});
// One response per wording the widget carries (a required answer missing, a comment too long after
// redaction, and what a misconfigured page can send: stage, channel, region).
const cases = {
  required: response({}, { time: 3 }),
  too_long: response({}, { overall: 4, comment: 'я'.repeat(5000) }),
  unknown_stage: response({ stage: 'nowhere' }),
  invalid_value: response({ channel: 'fax' }),
  invalid_region: response({ region: 'Moscow' }),
  invalid_id: response({ stage: 'No Stage' }),
};

test('the widget carries a wording for each of these codes and for nothing else', () => {
  for (const lang of ['ru', 'en']) assert.deepEqual(Object.keys(builtIn[lang].issues).sort(), Object.keys(cases).sort());
});

for (const [code, doc] of Object.entries(cases)) {
  for (const lang of ['ru', 'en']) {
    test(`${code} in ${lang}: the widget's wording is the full core's sentence`, () => {
      const expected = full.validate(survey, doc, lang);
      const got = widget.validate(survey, doc, lang);
      assert.ok(expected.errors.some((e) => e.code === code), JSON.stringify(expected.errors));
      assert.deepEqual(got.errors.map((e) => [e.path, e.code]), expected.errors.map((e) => [e.path, e.code]));
      assert.deepEqual(got.errors.map((e) => describe(e, builtIn[lang])), expected.errors.map((e) => e.message));
    });
  }
}

test('any other issue reads as a generic sentence naming its code', () => {
  assert.equal(describe({ code: 'duplicate_field', detail: '' }, builtIn.en), 'The answer could not be checked (duplicate_field).');
});
