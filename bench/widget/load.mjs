// Load-time benchmark of the widget in headless Chromium: from navigation (and from the script tag's
// download) to an interactive form, beside the baseline of a plain server-rendered HTML form with the
// same questions, measured in the same run, cold cache each time, with and without a slow-4G profile.
// Usage: OTKLIK_BIN=build/native/native/cli/otklik node bench/widget/load.mjs [--runs N]
// (web/dist must hold the built widget and core: the `wasm` preset and `npm run build` in web/).
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, portalPage } from '../../tests/web/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 15;
const survey = JSON.parse(readFileSync(join(here, '..', '..', 'tests', 'vectors', 'surveys', 'passport-renewal.json'), 'utf8'));
const stage = 'application';
const levels = ['Очень плохо', 'Плохо', 'Нормально', 'Хорошо', 'Отлично'];

// The baseline: the same questions as a static form (what a portal would render on its server).
function plainForm() {
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const asked = survey.questions.filter((q) => (!q.stages || q.stages.includes(stage)) && (!q.channels || q.channels.includes('web')));
  const scale = { csat: [1, 5], criterion: [1, 5], ces: [1, 7], nps: [0, 10] };
  const fields = asked.map((q) => {
    const label = escape(q.label.ru);
    if (q.kind === 'text') return `<p><label for="${q.id}">${label}</label><textarea id="${q.id}" name="${q.id}"></textarea></p>`;
    const values = q.kind === 'goal' ? [['yes', 'Да'], ['partly', 'Частично'], ['no', 'Нет']]
      : Array.from({ length: scale[q.kind][1] - scale[q.kind][0] + 1 }, (_, i) => {
        const n = scale[q.kind][0] + i;
        return [n, q.kind === 'csat' || q.kind === 'criterion' ? `${n} ${levels[n - 1]}` : String(n)];
      });
    return `<fieldset><legend>${label}</legend>${values.map(([v, t]) =>
      `<label><input type="radio" name="${q.id}" value="${v}"> ${t}</label>`).join(' ')}</fieldset>`;
  }).join('');
  return '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Портал</title>' +
    '<style>fieldset{border:0;padding:0;margin:1em 0}label{margin-right:.5em}</style></head>' +
    `<body><main><h1>Замена паспорта</h1><form method="post" action="#">${fields}<button>Отправить</button></form></main></body></html>`;
}

// Notes when the widget's form is first inserted (it may be before the core has loaded).
function watchForm() {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const root = attach.call(this, init);
    new MutationObserver((_, observer) => {
      if (root.querySelector('form')) {
        window.__formAt ??= performance.now();
        observer.disconnect();
      }
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
}

const slow4g = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

async function measure(env, path, profile) {
  const context = await env.context({ '/widget': portalPage(env.collector), '/plain': plainForm() });
  await context.addInitScript(watchForm);
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  if (profile) await (await context.newCDPSession(page)).send('Network.emulateNetworkConditions', profile);
  await page.goto(`${context.portal}${path}`);
  let result;
  if (path === '/widget') {
    await page.waitForFunction(() => window.__otklik.some((e) => e.type === 'otklik:ready'), null, { timeout: 60000 });
    result = await page.evaluate(() => {
      const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/otklik.js'));
      const ready = window.__otklik.find((e) => e.type === 'otklik:ready').at;
      return { form: window.__formAt, ready, fromScript: ready - script.responseEnd };
    });
  } else {
    await page.waitForLoadState('load');
    result = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { form: nav.domContentLoadedEventEnd, ready: nav.loadEventEnd };
    });
  }
  result.bytes = 0;  // bodies as decoded
  result.wire = 0;   // bodies as sent (compressed where the collector sent a .gz)
  const seen = new Set();  // the loader's prefetches and the module's own requests share one download
  for (const response of responses) {
    if (seen.has(response.url())) continue;
    seen.add(response.url());
    result.bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    result.wire += (await response.request().sizes().catch(() => ({ responseBodySize: 0 }))).responseBodySize;
  }
  await context.close();
  return result;
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms`;
};

const env = await start();
try {
  console.log(`widget load benchmark: ${runs} cold loads each, headless Chromium, collector and portal on loopback`);
  for (const [name, profile] of [['loopback', null], ['slow 4G (150 ms RTT, 1.6 Mbit/s)', slow4g]]) {
    const widget = [];
    const plain = [];
    for (let i = 0; i < runs; i++) {
      widget.push(await measure(env, '/widget', profile));
      plain.push(await measure(env, '/plain', profile));
    }
    console.log(`\n${name}:`);
    console.log(`  plain HTML form (baseline), navigation -> DOMContentLoaded (interactive): ${stats(plain.map((r) => r.form))}`);
    console.log(`  plain HTML form (baseline), navigation -> load:                          ${stats(plain.map((r) => r.ready))}`);
    console.log(`  widget, navigation -> form rendered:                                      ${stats(widget.map((r) => r.form))}`);
    console.log(`  widget, navigation -> otklik:ready (interactive, core loaded):            ${stats(widget.map((r) => r.ready))}`);
    console.log(`  widget, otklik.js downloaded -> otklik:ready:                             ${stats(widget.map((r) => r.fromScript))}`);
    console.log(`  bytes downloaded (page included), on the wire: widget page ${widget[0].wire}, plain page ${plain[0].wire}; ` +
                `decoded: widget page ${widget[0].bytes}, plain page ${plain[0].bytes}`);
  }
} finally {
  await env.close();
}
