// Where the WebAssembly core's bytes go: section sizes, the gzip -9 size without the name section, and
// the largest functions by name. Build with -DOTKLIK_WASM_NAMES=ON (build dir of your own) to get names.
// Usage: node wasm/size-report.mjs path/to/otklik-core.wasm [how-many-functions]
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const bytes = readFileSync(process.argv[2]);
const top = Number(process.argv[3] ?? 40);
let at = 8;
const uleb = () => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
};
const skipLimits = () => {
  const flags = bytes[at++];
  uleb();
  if (flags & 1) uleb();
};

const sections = [];
const bodies = [];
const names = new Map();
let imported = 0;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = uleb();
  const start = at;
  const end = at + size;
  let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id];
  if (id === 0) {
    const length = uleb();
    label = `custom:${bytes.subarray(at, at + length).toString()}`;
    at += length;
    if (label === 'custom:name') {
      while (at < end) {
        const kind = bytes[at++];
        const kindEnd = uleb() + at;
        if (kind === 1) {
          for (let n = uleb(); n > 0; n--) {
            const index = uleb();
            const length2 = uleb();
            names.set(index, bytes.subarray(at, at + length2).toString());
            at += length2;
          }
        }
        at = kindEnd;
      }
    }
  } else if (id === 2) {
    for (let n = uleb(); n > 0; n--) {
      for (let part = 0; part < 2; part++) {
        const length = uleb();
        at += length;
      }
      const kind = bytes[at++];
      if (kind === 0) { uleb(); imported++; } else if (kind === 1) { at++; skipLimits(); } else if (kind === 2) skipLimits(); else at += 2;
    }
  } else if (id === 10) {
    for (let n = uleb(); n > 0; n--) {
      const length = uleb();
      bodies.push(length);
      at += length;
    }
  }
  sections.push({ label, size, start, end });
  at = end;
}

// The size that ships: everything but custom sections (names, producers), gzip -9.
const shipped = Buffer.concat([bytes.subarray(0, 8), ...sections.filter((s) => !s.label.startsWith('custom'))
  .map((s) => bytes.subarray(s.start - 1 - lebLength(s.size), s.end))]);
function lebLength(n) {
  let count = 1;
  while (n >= 128) { n = Math.floor(n / 128); count++; }
  return count;
}
console.log(sections.map((s) => `${s.label} ${s.size}`).join(', '));
console.log(`shipped (no custom sections): ${shipped.length} B, gzip -9 ${execFileSync('gzip', ['-9', '-n', '-c'], { input: shipped }).length} B`);
const code = bodies.reduce((a, b) => a + b, 0);
console.log(`code: ${code} B in ${bodies.length} functions${names.size ? '' : ' (no names: build with -DOTKLIK_WASM_NAMES=ON)'}`);
const ranked = bodies.map((size, i) => [size, names.get(i + imported) ?? `function ${i + imported}`]).sort((a, b) => b[0] - a[0]);
for (const [size, name] of ranked.slice(0, top)) console.log(`${String(size).padStart(7)}  ${name.slice(0, 160)}`);
