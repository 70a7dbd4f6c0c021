// Shared setup of the widget's browser tests: the real collector (`otklik serve`, path from ctest) on a
// free loopback port with the test surveys and a temporary database, Debian's chromium driven by
// playwright-core, and the portal pages served by a small HTTP server on another loopback port, so that
// the widget always runs cross-origin, as on a real portal. (A routed fake origin would count as public
// and the collector as local: Chromium then drops keepalive requests at page hide, unlike on the Internet.)
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
export const webDir = join(root, 'web');
export const distDir = process.env.OTKLIK_WEB_DIST_DIR ?? join(webDir, 'dist');
const requireWeb = createRequire(join(webDir, 'package.json'));
const { chromium } = requireWeb('playwright-core');

const otklik = process.env.OTKLIK_BIN;
const chromiumPath = process.env.OTKLIK_CHROMIUM ?? '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

// Starts `otklik serve` on 127.0.0.1:0 and resolves once it prints the URL it listens on.
async function startCollector(work, surveysDir, portal) {
  if (!otklik) throw new Error('OTKLIK_BIN must name the otklik binary (ctest sets it)');
  const db = join(work, 'responses.db');
  const child = spawn(otklik, ['serve', '--db', db, '--surveys', surveysDir, '--listen', '127.0.0.1:0',
    '--allow-origin', portal, '--rate-limit', '0', '--widget', distDir, '--static', join(webDir, 'demo'),
    '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /listening on (http:\/\/\S+?)\/?\s/.exec(out);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`otklik serve exited with ${code}: ${log}`)));
  });
  return { url, db, child, log: () => log };
}

// Every stored response, through `otklik export` (the operator's view of what was delivered).
export function exported(db) {
  const text = execFileSync(otklik, ['export', '--db', db], { encoding: 'utf8' });
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

// A portal page: the one script tag of the embedding guide, plus `body` and `head` markup.
export function portalPage(collector, { attrs = {}, body = '<div data-otklik></div>', head = '', lang = 'ru' } = {}) {
  const data = { endpoint: collector, survey: 'passport-renewal', stage: 'application', channel: 'web', locale: 'ru', ...attrs };
  const tag = Object.entries(data).filter(([, v]) => v != null).map(([k, v]) => ` data-${k}="${v}"`).join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Портал госуслуг</title>${head}` +
    `<script src="${collector}/widget/otklik.js" defer${tag}></script></head>` +
    `<body><main><h1>Замена паспорта</h1>${body}</main></body></html>`;
}

// Records the widget's events and CSP violations on window.__otklik before any page script runs.
function recordEvents() {
  window.__otklik = [];
  for (const type of ['otklik:ready', 'otklik:submitted', 'otklik:error']) {
    document.addEventListener(type, (event) => {
      const { error, ...rest } = event.detail ?? {};
      window.__otklik.push({ type, detail: { ...rest, error: error && String(error) }, target: event.target.tagName, at: performance.now() });
    });
  }
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
}

// Starts a collector and a browser. `surveys`: extra survey files (name -> object) beside tests/vectors/surveys.
export async function start({ surveys = {} } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'otklik-web-'));
  const surveysDir = join(work, 'surveys');
  cpSync(join(root, 'tests', 'vectors', 'surveys'), surveysDir, { recursive: true });
  for (const name of readdirSync(join(here, 'surveys'))) cpSync(join(here, 'surveys', name), join(surveysDir, name));
  for (const [name, doc] of Object.entries(surveys)) {
    writeFileSync(join(surveysDir, `${name}.json`), JSON.stringify(doc));
  }
  // Portal pages by path: each browser context gets its own prefix, its pages and its CSP header.
  const sites = new Map();
  const server = createServer((req, res) => {
    const [, prefix, ...rest] = new URL(req.url, 'http://x').pathname.split('/');
    const site = sites.get(prefix);
    const html = site?.pages[`/${rest.join('/')}`];
    if (html == null) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
    if (site.csp) headers['Content-Security-Policy'] = site.csp;
    res.writeHead(200, headers).end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const portal = `http://127.0.0.1:${server.address().port}`;
  const collector = await startCollector(work, surveysDir, portal);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const contexts = [];

  return {
    collector: collector.url,
    db: collector.db,
    browser,
    portal,
    // A fresh browser context (own storage) whose portal pages (path -> HTML) are `pages`, served with `csp`.
    async context(pages = {}, { csp = null, viewport = { width: 1024, height: 800 }, ...options } = {}) {
      const context = await browser.newContext({ viewport, ...options });
      context.setDefaultTimeout(15000);
      contexts.push(context);
      const prefix = `site${contexts.length}`;
      sites.set(prefix, { pages, csp });
      context.portal = `${portal}/${prefix}`;
      await context.addInitScript(recordEvents);
      return context;
    },
    // Opens `path` of the context's portal and waits until the widget says it is ready.
    async open(context, path = '/', { waitReady = true } = {}) {
      const page = await context.newPage();
      await page.goto(`${context.portal}${path}`);
      if (waitReady) await page.waitForFunction(() => window.__otklik.some((e) => e.type === 'otklik:ready'));
      return page;
    },
    exported: () => exported(collector.db),
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      server.close();
      collector.child.kill('SIGTERM');
      await new Promise((resolve) => collector.child.once('exit', resolve));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

// The axe-core source, for page.evaluate (addScriptTag would be blocked by a strict CSP).
export const axeSource = () => readFileSync(requireWeb.resolve('axe-core/axe.min.js'), 'utf8');

// Events the widget dispatched so far on this page.
export const events = (page) => page.evaluate(() => window.__otklik);

// Waits for the widget's event of `type` (the n-th one, counting from 1).
export const waitEvent = (page, type, n = 1) =>
  page.waitForFunction(([t, k]) => window.__otklik.filter((e) => e.type === t).length >= k, [type, n]);
