// Accessibility: axe-core (every rule it runs by default, WCAG 2.1 A/AA and best practices) finds no
// violation in any state of the widget; the form reflows at 320 CSS px (400 % zoom) and 640 CSS px
// (200 % zoom) without horizontal scrolling; prefers-reduced-motion turns transitions off.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, portalPage, waitEvent, axeSource } from './harness.mjs';

const env = await start();
after(() => env.close());
const axe = axeSource();

async function violations(page) {
  await page.evaluate(axe);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe finds no violation in the form, its errors, the privacy notice and the confirmation', async () => {
  const context = await env.context({ '/': portalPage(env.collector), '/en': portalPage(env.collector, { attrs: { locale: 'en' }, lang: 'en' }) });
  const page = await env.open(context);
  assert.deepEqual(await violations(page), [], 'fresh form');
  await page.getByRole('button', { name: 'Отправить' }).click();
  await page.getByRole('alert').filter({ hasText: 'Проверьте' }).waitFor();
  assert.deepEqual(await violations(page), [], 'form with errors');
  await page.getByLabel('Что можно улучшить?').fill('Мой email ivan@example.ru');
  await page.locator('.preview').waitFor();
  assert.deepEqual(await violations(page), [], 'privacy notice and preview');
  await page.getByLabel('5 Отлично').first().check();
  await page.getByRole('button', { name: 'Отправить' }).click();
  await waitEvent(page, 'otklik:submitted');
  assert.deepEqual(await violations(page), [], 'confirmation');
  const en = await env.open(context, '/en');
  assert.deepEqual(await violations(en), [], 'English form');
});

test('axe finds no violation with the floating button and in the open dialog', async () => {
  const context = await env.context({ '/': portalPage(env.collector, { body: '<p>Текст страницы.</p>' }) });
  const page = await env.open(context, '/', { waitReady: false });
  await page.getByRole('button', { name: 'Оставить отзыв' }).waitFor();
  assert.deepEqual(await violations(page), [], 'floating button');
  await page.getByRole('button', { name: 'Оставить отзыв' }).click();
  await waitEvent(page, 'otklik:ready');
  await page.getByRole('dialog').waitFor();
  assert.deepEqual(await violations(page), [], 'dialog');
});

for (const width of [320, 640]) {
  test(`at ${width} CSS px the whole form fits the width and can be sent`, async () => {
    const context = await env.context({ '/': portalPage(env.collector) }, { viewport: { width, height: 640 } });
    const page = await env.open(context);
    const overflow = await page.evaluate(() => {
      const host = document.querySelector('[data-otklik-host]');
      const wide = [...host.shadowRoot.querySelectorAll('*')].filter((n) => n.getBoundingClientRect().right > innerWidth + 0.5);
      return { page: document.documentElement.scrollWidth > innerWidth, wide: wide.map((n) => n.tagName) };
    });
    assert.deepEqual(overflow, { page: false, wide: [] });
    const font = await page.getByText('Насколько вы довольны услугой?').evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
    assert.ok(font >= 16, `text stays readable (${font}px)`);
    await page.getByLabel('2 Плохо').first().check();
    await page.getByRole('button', { name: 'Отправить' }).click();
    await waitEvent(page, 'otklik:submitted');
    assert.deepEqual(await violations(page), []);
  });
}

test('transitions run only when the citizen has not asked for reduced motion', async () => {
  const context = await env.context({ '/': portalPage(env.collector) });
  const page = await env.open(context);
  const duration = () => page.locator('button[type=submit]').evaluate((n) => getComputedStyle(n).transitionDuration);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  assert.notEqual(await duration(), '0s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await duration(), '0s');
});
