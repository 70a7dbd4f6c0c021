// Never lose a submission: offline submissions are queued on the device and delivered exactly once when
// the browser is online again, or on the next page load; a failed send is retried; a keepalive send hands the
// queue over when the page goes away, and the collector's "duplicate" answer counts as delivered.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, portalPage, events, waitEvent } from './harness.mjs';

const env = await start();
after(() => env.close());
const queued = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('otklik.queue') ?? '[]'));
const storedWith = (id) => env.exported().filter((r) => r.id === id);

async function submitOnce(page, rating) {
  const n = (await events(page)).filter((e) => e.type === 'otklik:submitted').length + 1;
  await page.getByLabel(rating).first().check();
  await page.getByRole('button', { name: 'Отправить' }).click();
  await waitEvent(page, 'otklik:submitted', n);
  return (await events(page)).filter((e) => e.type === 'otklik:submitted').at(-1).detail;
}

test('offline, then online: delivered exactly once', async () => {
  const context = await env.context({ '/': portalPage(env.collector) });
  const page = await env.open(context);
  await context.setOffline(true);
  const { id, status } = await submitOnce(page, '2 Плохо');
  assert.equal(status, 'queued');
  assert.match(await page.getByRole('status').innerText(), /будет отправлен, когда появится связь/);
  assert.deepEqual((await queued(page)).map((item) => item.id), [id]);
  assert.equal(storedWith(id).length, 0);

  await context.setOffline(false);  // the online event triggers the retry
  await page.waitForFunction(() => localStorage.getItem('otklik.queue') === null);
  assert.equal(storedWith(id).length, 1);
  await page.reload();
  await waitEvent(page, 'otklik:ready');
  await page.waitForTimeout(300);  // a second delivery, if any, would happen now
  assert.equal(storedWith(id).length, 1);
});

test('a submission left in the queue (say, by a crashed tab) is delivered by the next page load', async () => {
  const floating = portalPage(env.collector, { body: '<p>Страница без формы.</p>' });
  const context = await env.context({ '/blank': '<!doctype html><title>blank</title>', '/': floating });
  const fetched = [];
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  // Without anything queued, a page with the floating button loads only the loader.
  const idle = await env.open(context, '/', { waitReady: false });
  await idle.getByRole('button', { name: 'Оставить отзыв' }).waitFor();
  await idle.waitForTimeout(200);
  assert.deepEqual(fetched.filter((p) => p.startsWith('/widget/')), ['/widget/otklik.js']);
  await idle.close();

  const id = `crashed-tab-${Date.now()}`;
  const response = {
    format: 'otklik.response/1', id, survey: 'passport-renewal', service: 'passport-renewal', stage: 'info',
    channel: 'web', locale: 'ru', submitted_at: '2026-11-27T10:00:00Z', answers: { overall: 5 },
  };
  const blank = await env.open(context, '/blank', { waitReady: false });
  await blank.evaluate(([url, body, key]) => localStorage.setItem('otklik.queue', JSON.stringify([{ url, id: key, body, locale: 'ru', due: 0 }])),
    [`${env.collector}/v1/responses`, JSON.stringify(response), id]);
  await blank.close();
  assert.equal(storedWith(id).length, 0);

  const next = await env.open(context, '/', { waitReady: false });
  await next.waitForFunction(() => localStorage.getItem('otklik.queue') === null);
  assert.equal(storedWith(id).length, 1);
});

test('a failed send is retried with backoff, and the page-hide send delivers what is left', async () => {
  const context = await env.context({ '/': portalPage(env.collector) });
  const page = await env.open(context);
  let refused = 0;
  await context.route(`${env.collector}/v1/responses`, (route) => {
    refused += 1;
    return route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' });
  });
  const { id, status } = await submitOnce(page, '4 Хорошо');
  assert.equal(status, 'queued');
  const [item] = await queued(page);
  assert.equal(item.tries, 1);
  assert.ok(item.due > Date.now() - 5000, 'the retry is scheduled in the future');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('otklik.queue'))[0].tries >= 2, null, { timeout: 10000 });
  assert.ok(refused >= 2, 'the queue retried by itself');
  assert.equal(storedWith(id).length, 0);

  await context.unroute(`${env.collector}/v1/responses`);
  await Promise.all([page.waitForEvent('close'), page.close({ runBeforeUnload: true })]);  // pagehide -> keepalive send
  for (let i = 0; i < 50 && storedWith(id).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(storedWith(id).length, 1, 'the page-hide send delivered it');

  // The queue still held it (nobody reads the page-hide answer): the next load sends it again, the collector says
  // "duplicate", and that counts as delivered.
  const next = await env.open(context);
  await next.waitForFunction(() => localStorage.getItem('otklik.queue') === null);
  assert.equal(storedWith(id).length, 1);
});

test('a response the collector already has is answered "duplicate" and leaves the queue', async () => {
  const context = await env.context({ '/': portalPage(env.collector) });
  const page = await env.open(context);
  const first = await submitOnce(page, '3 Нормально');
  assert.equal(first.status, 'stored');
  const again = await page.evaluate(async (body) => {
    const { flush } = await import(document.querySelector('script[src$="otklik.js"]').src.replace('otklik.js', 'otklik-widget.mjs'));
    localStorage.setItem('otklik.queue', JSON.stringify([{ url: body.url, id: body.id, body: body.json, locale: 'ru', due: 0 }]));
    const before = performance.getEntriesByType('resource').length;
    await flush();
    return { queue: localStorage.getItem('otklik.queue'), sent: performance.getEntriesByType('resource').length - before };
  }, { url: `${env.collector}/v1/responses`, id: first.id, json: JSON.stringify(first.response) });
  assert.deepEqual(again, { queue: null, sent: 1 });
  assert.equal(storedWith(first.id).length, 1);
});
