// The widget's size budget (gzip -9): everything a page needs to render and submit (loader, the widget
// module of its language with its CSS and the core's loader bundled in, WebAssembly) at most 40 KB in each
// built-in language, and the script tag's own file at most 5 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { distDir } from './harness.mjs';

const KB = 1024;
const gzipped = (name) => execFileSync('gzip', ['-9', '-n', '-c', join(distDir, name)], { maxBuffer: 1 << 24 }).length;

// The files a page fetches to render and submit, for each built-in page language (submit.test.mjs checks
// that a Russian page fetches exactly these): otklik.js picks the widget module of the page's language.
const locales = ['ru', 'en'];
const filesFor = (locale) => ['otklik.js', `otklik-widget.${locale}.mjs`, 'otklik-widget-core.wasm'];
const pages = locales.map((locale) => {
  const sizes = Object.fromEntries(filesFor(locale).map((name) => [name, gzipped(name)]));
  return { locale, sizes, total: Object.values(sizes).reduce((a, b) => a + b, 0) };
});
for (const { locale, sizes, total } of pages) {
  console.log(`${locale} page: ${Object.entries(sizes).map(([name, size]) => `${name} ${size} B`).join(', ')}; total ${total} B gzip -9`);
}
const largest = pages.reduce((a, b) => (b.total > a.total ? b : a));
const loader = gzipped('otklik.js');
console.log(`the larger page (${largest.locale}): ${largest.total} B of ${40 * KB} B; ${40 * KB - largest.total} B left`);

test('the script tag downloads at most 5 KB gzip', () => {
  assert.ok(loader <= 5 * KB, `otklik.js is ${loader} B gzip`);
});

test('loader, widget, CSS and WebAssembly core together are at most 40 KB gzip in each built-in language', () => {
  for (const { locale, sizes, total } of pages) {
    assert.ok(total <= 40 * KB, `the ${locale} page's widget is ${total} B gzip: ${JSON.stringify(sizes)}`);
  }
});
