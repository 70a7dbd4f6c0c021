// A host page with the strict Content-Security-Policy of the embedding guide (no inline script or style,
// no eval, only the collector reachable, Trusted Types required for HTML sinks): the widget renders,
// redacts in WebAssembly, submits, and causes no violation. Without 'wasm-unsafe-eval' it fails closed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, portalPage, events, waitEvent } from './harness.mjs';

const env = await start();
after(() => env.close());
const C = env.collector;
const strict = `default-src 'none'; script-src 'self' ${C} 'wasm-unsafe-eval'; style-src 'self' ${C}; ` +
  `connect-src ${C}; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'`;

// Every element with a style attribute, and every <style>, in the document and in open shadow roots.
const inlineStyles = (page) => page.evaluate(() => {
  const found = [];
  const walk = (root) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.hasAttribute('style') || node.tagName === 'STYLE') found.push(node.tagName);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document);
  return found;
});

test('under the strict CSP the inline widget redacts, submits and causes no violation', async () => {
  const context = await env.context({ '/': portalPage(C) }, { csp: strict });
  const page = await env.open(context);
  await page.getByLabel('3 Нормально').first().check();
  await page.getByLabel('Что можно улучшить?').fill('Мой СНИЛС 112-233-445 95');
  await page.locator('.privacy').filter({ hasText: 'СНИЛС' }).waitFor();
  await page.getByRole('button', { name: 'Отправить' }).click();
  await waitEvent(page, 'otklik:submitted');
  const { id } = (await events(page)).find((e) => e.type === 'otklik:submitted').detail;
  assert.equal(env.exported().find((r) => r.id === id).answers.comment, 'Мой СНИЛС [SNILS]');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(await inlineStyles(page), []);
});

test('under the strict CSP the floating button and its dialog work', async () => {
  const context = await env.context({ '/': portalPage(C, { body: '<p>Страница без места для формы.</p>' }) }, { csp: strict });
  const page = await env.open(context, '/', { waitReady: false });
  await page.getByRole('button', { name: 'Оставить отзыв' }).click();
  await waitEvent(page, 'otklik:ready');
  await page.getByRole('dialog').getByLabel('1 Очень плохо').first().check();
  await page.getByRole('dialog').getByRole('button', { name: 'Отправить' }).click();
  await waitEvent(page, 'otklik:submitted');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(await inlineStyles(page), []);
});

test("without 'wasm-unsafe-eval' the widget reports the error and sends nothing unredacted", async () => {
  const context = await env.context({ '/': portalPage(C) }, { csp: strict.replace(" 'wasm-unsafe-eval'", '') });
  const posts = [];
  context.on('request', (r) => r.method() === 'POST' && posts.push(r));
  const page = await env.open(context, '/', { waitReady: false });
  await waitEvent(page, 'otklik:error');
  assert.equal((await events(page)).find((e) => e.type === 'otklik:error').detail.reason, 'core');
  assert.ok((await page.evaluate(() => window.__csp)).some((v) => v.startsWith('script-src')), 'the violation is the one expected');
  await page.getByLabel('3 Нормально').first().check();
  await page.getByLabel('Что можно улучшить?').fill('Мой телефон +7 912 345-67-89');
  await page.getByRole('button', { name: 'Отправить' }).click();
  await waitEvent(page, 'otklik:error', 2);
  assert.equal(posts.length, 0);
  assert.ok(await page.getByRole('alert').innerText());
});
