// Benchmark (not a test): the WebAssembly redactor (web/dist, through loadCore().redact) beside a JavaScript
// RegExp pipeline of the same detectors (the patterns of bench_redact.cpp's RE2 pipeline, with the same
// checksum checks in JS), on the same comments in the same run. Prints MB/s for both and the ratio, by wall clock and by CPU time,
// and how much of redact()'s time is the core's call and how much the loader's glue.
//   node bench/redact/bench_redact_wasm.mjs --comments comments.ndjson [--core web/dist/otklik-core.mjs] [--rounds 5]
//     [--wasm FILE.wasm (default: otklik-core.wasm beside the loader)]
// comments.ndjson comes from `otklik_redact_corpus_tool bench-text --mb 64 --out comments.ndjson`.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const args = { core: new URL('../../web/dist/otklik-core.mjs', import.meta.url).pathname, rounds: '5' };
for (let i = 2; i + 1 < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
if (!args.comments) {
  console.error('usage: bench_redact_wasm.mjs --comments comments.ndjson [--core otklik-core.mjs] [--wasm FILE.wasm] [--rounds N]');
  process.exit(2);
}

const comments = readFileSync(args.comments, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l).text);
const bytes = comments.reduce((sum, c) => sum + Buffer.byteLength(c, 'utf8'), 0);

// ---- The JavaScript RegExp pipeline: one RegExp per detector, run over each comment ----

const plateLetters = 'АВЕКМНОРСТУХABEKMHOPCTYXавекмнорстухaekmhopctyx';
const detectors = [
  /[A-Za-z0-9._%+\-\p{Script=Cyrillic}]+@[A-Za-z0-9\-\p{Script=Cyrillic}]+(?:\.[A-Za-z0-9\-\p{Script=Cyrillic}]+)+/gu,
  /(?:https?:\/\/|www\.)[^\s<>"«»]+/gu,
  /\b(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\b|\b(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?/gu,
  /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/gu,
  new RegExp(`(?:^|[^\\p{L}\\d])[${plateLetters}] ?\\d{3} ?[${plateLetters}]{2}(?: ?\\d{2,3})?`, 'gu'),
  /(?:\+7|\b8)[ \-]?\(?\d{3}\)?[ \-]?\d{3}[ \-]?\d{2}[ \-]?\d{2}\b|\+\d{1,3}[ \-]?\(?\d{1,4}\)?(?:[ \-]?\d{2,4}){2,4}|\(\d{3}\) ?\d{3}-\d{2}-\d{2}|\b\d{3}-\d{2}-\d{2}\b/gu,
  /\b\d{3}[\- ]\d{3}[\- ]\d{3}[\- ]\d{2}\b/gu,
  /\b\d{4}[ \-]\d{4}[ \-]\d{4}[ \-]\d{1,4}(?:[ \-]\d{1,3})?\b|\b\d{4} \d{6} \d{4,5}\b/gu,
  /\b\d{2} \d{2} \d{6}\b|(?:[Пп]аспорт\S*|[Сс]ери[яи])\s+\d{2} ?\d{2}\s*(?:№|номер)?\s*\d{6}/gu,
  /\b(?:\d{1,3}\.){3}\d{1,3}\b/gu,
  /(?:[Дд]ата рождения|д\.р\.|[Рр]одил(?:ся|ась)|[Bb]orn|DOB|[Dd]ate of birth)\P{L}{0,3}(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2} \p{L}+ \d{4}|\p{L}+ \d{1,2}, \d{4})|\b\d{4} г\.р\./gu,
  /(?:\p{Lu}\p{Ll}+ )?\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}*(?:вич|вн|ичн|ьич)\p{Ll}{0,3}(?: \p{Lu}\p{Ll}+)?|\p{Lu}\p{Ll}+ \p{Lu}\. ?\p{Lu}\.|\p{Lu}\. ?\p{Lu}\. ?\p{Lu}\p{Ll}+|(?:[Мм]еня зовут|[Mm]y name is|ФИО:?|[Rr]egards,|[Сс] уважением,)\s+\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}/gu,
  /(?:ул\.|улица|проспект|пр-т|пер\.|переулок|бульвар|б-р|наб\.|мкр\.)\s*\p{Lu}[\p{L}\- ]{1,40}?,?\s*(?:д\.|дом)?\s*\d+[\p{L}\/\d]*(?:,?\s*(?:корп\.|стр\.|кв\.|квартира)\s*\d+)*|\b\d{1,5}[A-Z]? (?:[A-Z][a-z]+ ){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Drive|Boulevard|Blvd|Way|Place|Court)\b/gu,
  /\b\d{10,19}\b/gu,
];

const luhn = (d) => {
  let sum = 0;
  for (let i = d.length - 1, twice = false; i >= 0; --i, twice = !twice) {
    let v = d.charCodeAt(i) - 48;
    if (twice) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return sum % 10 === 0;
};
const weighted = (d, w) => w.reduce((s, x, i) => s + x * (d.charCodeAt(i) - 48), 0) % 11 % 10;
const innOk = (d) =>
  d.length === 10
    ? weighted(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === d.charCodeAt(9) - 48
    : weighted(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d.charCodeAt(10) - 48 && weighted(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d.charCodeAt(11) - 48;
const snilsOk = (d) => {
  let sum = 0;
  for (let i = 0; i < 9; ++i) sum += (d.charCodeAt(i) - 48) * (9 - i);
  let check = sum > 101 ? sum % 101 : sum;
  if (check === 100 || check === 101) check = 0;
  return check === Number(d.slice(9));
};
const ogrnOk = (d) => Number(BigInt(d.slice(0, -1)) % (d.length === 13 ? 11n : 13n) % 10n) === d.charCodeAt(d.length - 1) - 48;
const checksummed = (d) => {
  switch (d.length) {
    case 10: return innOk(d) || d[0] === '9';
    case 11: return snilsOk(d) || ((d[0] === '7' || d[0] === '8') && d[1] === '9');
    case 12: return innOk(d);
    case 13: case 15: return ogrnOk(d) || luhn(d);
    default: return luhn(d);
  }
};

function regexpRedact(text) {
  const spans = [];
  for (let i = 0; i < detectors.length; ++i) {
    const re = detectors[i];
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)) !== null; ) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (i === detectors.length - 1 && !checksummed(m[0])) continue;
      if (i === 1 && !m[0].includes('?') && !m[0].includes('@')) continue;
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  let out = '', at = 0;
  const findings = [];
  for (const [s, e] of spans) {
    if (e <= at) continue;
    out += text.slice(at, Math.max(s, at)) + '[X]';
    findings.push({ start: s, end: e });
    at = e;
  }
  return { text: out + text.slice(at), findings };
}

const { loadCore } = await import(pathToFileURL(args.core).href);
// --wasm picks the .wasm (default: otklik-core.wasm beside the loader), for the loader and the split alike.
const wasmUrl = args.wasm ? pathToFileURL(args.wasm) : new URL('./otklik-core.wasm', pathToFileURL(args.core));
const core = await loadCore(wasmUrl);

// The split of loadCore().redact's time: the same .wasm on an instance of its own, called directly on texts
// encoded beforehand (each copied into its input buffer, the answer left unread). The rest is the loader's
// glue: encoding, reading the findings, cutting the redacted text.
const coreAlone = await (async () => {
  const module = await WebAssembly.compile(readFileSync(wasmUrl));
  const imports = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) (imports[from] ??= {})[name] = () => {};
  const { exports } = await WebAssembly.instantiate(module, imports);
  exports._initialize();
  if (!exports.otk_redact_run) return null;  // a core from before the binding had it: no split
  const encoded = comments.map((c) => new TextEncoder().encode(c));
  const input = exports.otk_alloc(encoded.reduce((most, e) => Math.max(most, e.length), 1));
  return () => {
    for (const e of encoded) {
      new Uint8Array(exports.memory.buffer, input, e.length).set(e);
      exports.otk_redact_run(input, e.length);
    }
  };
})();

const mb = bytes / 1e6;
console.log(`input: ${mb.toFixed(1)} MB in ${comments.length} comments`);
// One untimed warm-up pass of each over an eighth of the comments (the JIT tiers up, the core builds its
// lexicon); the rounds alternate them so that all see the same machine load.
for (const c of comments.slice(0, comments.length >> 3)) {
  core.redact(c);
  regexpRedact(c);
}
coreAlone?.();
// Wall-clock and CPU seconds (user + system of the whole process) of one pass.
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const timed = (pass) => {
  const wall = performance.now(), cpu = cpuSeconds();
  const findings = pass();
  return { wall: (performance.now() - wall) / 1000, cpu: cpuSeconds() - cpu, findings };
};
const times = { wasm: [], js: [], alone: [] };
for (let round = 0; round < Number(args.rounds); ++round) {
  const wasm = timed(() => comments.reduce((n, c) => n + core.redact(c).findings.length, 0));
  const js = timed(() => comments.reduce((n, c) => n + regexpRedact(c).findings.length, 0));
  const alone = coreAlone ? timed(coreAlone) : { wall: NaN, cpu: NaN };
  times.wasm.push(wasm);
  times.js.push(js);
  times.alone.push(alone);
  console.log(`round ${round + 1}: WebAssembly ${(mb / wasm.wall).toFixed(1)} MB/s (${wasm.findings} findings) | ` +
              `JS RegExp ${(mb / js.wall).toFixed(1)} MB/s (${js.findings} findings)` +
              (coreAlone ? ` | core call alone ${(mb / alone.wall).toFixed(1)} MB/s` : ''));
}
const best = (v) => Math.min(...v);
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const clock of ['wall', 'cpu']) {
  const [w, j, a] = ['wasm', 'js', 'alone'].map((name) => times[name].map((t) => t[clock]));
  const share = median(a.map((alone, round) => alone / w[round])) * 100;  // per round, the two passes being adjacent
  console.log(`${clock === 'wall' ? 'wall clock' : 'CPU time  '}: ` +
              `WebAssembly redact best ${(mb / best(w)).toFixed(1)} MB/s, median ${(mb / median(w)).toFixed(1)} MB/s | ` +
              `JS RegExp pipeline best ${(mb / best(j)).toFixed(1)} MB/s, median ${(mb / median(j)).toFixed(1)} MB/s | ` +
              `ratio best ${(best(j) / best(w)).toFixed(1)}x, median ${(median(j) / median(w)).toFixed(1)}x | ` +
              (coreAlone ? `split: core call ${share.toFixed(0)} %, loader glue ${(100 - share).toFixed(0)} % (median of the rounds)`
                         : 'no split (this core has no otk_redact_run)'));
}
