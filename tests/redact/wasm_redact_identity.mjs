// Runs the whole labelled corpus through the WebAssembly core (web/dist/otklik-core.mjs) and through the
// native `otklik redact`, and checks that both give byte-identical redacted texts and identical findings.
//   node wasm_redact_identity.mjs --otklik BUILD/native/cli/otklik --corpus corpus.ndjson --core web/dist/otklik-core.mjs
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const args = {};
for (let i = 2; i + 1 < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const name of ['otklik', 'corpus', 'core']) {
  if (!args[name]) {
    console.error(`missing --${name}`);
    process.exit(2);
  }
}

const native = spawnSync(args.otklik, ['redact', args.corpus], { maxBuffer: 1 << 30 });
if (native.status !== 0) {
  console.error(`otklik redact failed (${native.status}): ${native.stderr}`);
  process.exit(1);
}
const nativeLines = native.stdout.toString('utf8').split('\n').filter((line) => line.length > 0);
const inputLines = readFileSync(args.corpus, 'utf8').split('\n').filter((line) => line.length > 0);
if (nativeLines.length !== inputLines.length) {
  console.error(`${inputLines.length} comments but ${nativeLines.length} native results`);
  process.exit(1);
}

const { loadCore } = await import(pathToFileURL(args.core).href);
const core = await loadCore();

let differ = 0;
for (let i = 0; i < inputLines.length; ++i) {
  const input = JSON.parse(inputLines[i]);
  const expected = JSON.parse(nativeLines[i]);
  const got = core.redact(input.text);
  const sameText = Buffer.from(got.text, 'utf8').equals(Buffer.from(expected.text, 'utf8'));
  const sameFindings = JSON.stringify(got.findings) === JSON.stringify(expected.findings);
  if (expected.id !== input.id || !sameText || !sameFindings) {
    if (++differ <= 5) {
      console.error(`comment ${input.id} differs:\n  native: ${nativeLines[i]}\n  wasm:   ${JSON.stringify({ id: input.id, ...got })}`);
    }
  }
}
console.log(`${inputLines.length} comments compared, ${differ} differ`);
process.exit(differ === 0 ? 0 : 1);
