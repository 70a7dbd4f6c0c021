// The widget's size budget, in the bytes a browser downloads: the precompressed FILE.gz that `otklik serve`
// sends for each file a page needs to render and submit (loader, the widget module of its language with its
// CSS and the core's loader bundled in, WebAssembly), at most 40 KB in each built-in language, and the
// script tag's own file at most 5 KB. GNU gzip -9 of the same files is printed beside them, for reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { distDir } from './harness.mjs';

const KB = 1024;
const budget = { page: 40 * KB, loader: 5 * KB };

// What the collector sends for `name`: FILE.gz when it lies beside FILE and is not older than it
// (docs/operations.md, "Compressed static files"), otherwise FILE itself. A .gz that does not inflate to
// FILE's bytes would be served all the same, so it is reported as a build error, not measured.
function served(name) {
  const path = join(distDir, name);
  const plain = readFileSync(path);
  const gz = statSync(`${path}.gz`, { throwIfNoEntry: false });
  if (!gz?.isFile() || gz.mtimeMs < statSync(path).mtimeMs) return { bytes: plain, stale: true };
  const bytes = readFileSync(`${path}.gz`);
  return { bytes, stale: false, inflatesToFile: gunzipSync(bytes).equals(plain) };
}
const gzip9 = (name) => execFileSync('gzip', ['-9', '-n', '-c', join(distDir, name)], { maxBuffer: 1 << 24 }).length;

// The files a page fetches to render and submit, for each built-in page language (submit.test.mjs checks
// that a Russian page fetches exactly these): otklik.js picks the widget module of the page's language.
const locales = ['ru', 'en'];
const filesFor = (locale) => ['otklik.js', `otklik-widget.${locale}.mjs`, 'otklik-widget-core.wasm'];
const pages = locales.map((locale) => {
  const files = filesFor(locale).map((name) => ({ name, ...served(name), gzip9: gzip9(name) }));
  const sum = (key) => files.reduce((total, file) => total + key(file), 0);
  return { locale, files, total: sum((file) => file.bytes.length), totalGzip9: sum((file) => file.gzip9) };
});
for (const { locale, files, total, totalGzip9 } of pages) {
  const list = files.map(({ name, bytes, stale }) => `${name} ${bytes.length} B${stale ? ' (no fresh .gz: sent uncompressed)' : ''}`);
  console.log(`${locale} page, as sent (.gz in ${distDir}): ${list.join(' + ')} = ${total} B`);
  console.log(`${locale} page, gzip -9 for reference: ${files.map(({ name, gzip9: size }) => `${name} ${size} B`).join(' + ')} = ${totalGzip9} B`);
}
const largest = pages.reduce((a, b) => (b.total > a.total ? b : a));
const loader = pages[0].files[0];
console.log(`the larger page (${largest.locale}): ${largest.total} B of ${budget.page} B as sent; ${budget.page - largest.total} B left`);

test('every file a page needs has a fresh .gz that inflates to the file (npm run build after the wasm preset)', () => {
  for (const { files } of pages) {
    for (const { name, stale, inflatesToFile } of files) {
      assert.ok(!stale, `${name}.gz is missing or older than ${name}: the collector would send ${name} uncompressed`);
      assert.ok(inflatesToFile, `${name}.gz does not inflate to ${name}`);
    }
  }
});

test('the .gz files carry no name or time (the same bytes on every build)', () => {
  for (const { files } of pages) {
    for (const { name, bytes } of files.filter((file) => !file.stale)) {
      assert.equal(bytes[3], 0, `${name}.gz has header flags ${bytes[3]} (a name or comment)`);
      assert.equal(bytes.readUInt32LE(4), 0, `${name}.gz has a modification time`);
    }
  }
});

test('the script tag downloads at most 5 KB gzip', () => {
  assert.ok(loader.bytes.length <= budget.loader, `otklik.js is ${loader.bytes.length} B as sent`);
});

test('loader, widget, CSS and WebAssembly core together are at most 40 KB gzip in each built-in language', () => {
  for (const { locale, files, total } of pages) {
    const sizes = Object.fromEntries(files.map(({ name, bytes }) => [name, bytes.length]));
    assert.ok(total <= budget.page, `the ${locale} page's widget is ${total} B as sent: ${JSON.stringify(sizes)}`);
  }
});
