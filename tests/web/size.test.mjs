// The widget's size budget (gzip -9): everything needed to render and submit (loader, widget module with
// its CSS and the core's loader bundled in, WebAssembly) at most 40 KB, and the script tag's own file at most 5 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { distDir } from './harness.mjs';

const KB = 1024;
const gzipped = (name) => execFileSync('gzip', ['-9', '-n', '-c', join(distDir, name)], { maxBuffer: 1 << 24 }).length;

// The files a page fetches to render and submit (submit.test.mjs checks that it fetches exactly these).
const files = ['otklik.js', 'otklik-widget.mjs', 'otklik-widget-core.wasm'];
const sizes = Object.fromEntries(files.map((name) => [name, gzipped(name)]));
const total = Object.values(sizes).reduce((a, b) => a + b, 0);
console.log(Object.entries(sizes).map(([name, size]) => `${name} ${size} B`).join(', '), `; total ${total} B gzip -9`);
console.log(`room left for otklik-widget-core.wasm within 40 KB: ${40 * 1024 - total + sizes['otklik-widget-core.wasm']} B`);

test('the script tag downloads at most 5 KB gzip', () => {
  assert.ok(sizes['otklik.js'] <= 5 * KB, `otklik.js is ${sizes['otklik.js']} B gzip`);
});

test('loader, widget, CSS and WebAssembly core together are at most 40 KB gzip', () => {
  assert.ok(total <= 40 * KB, `the widget is ${total} B gzip: ${JSON.stringify(sizes)}`);
});
