// Fill and submit: the one-tag embedding renders the survey, the live privacy notice names what the
// WebAssembly core will remove, one click sends, and the collector stores exactly the redacted response.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, portalPage, events, waitEvent } from './harness.mjs';

const env = await start();
after(() => env.close());

test('a citizen fills the form with the mouse and one click on Send stores the redacted response', async () => {
  const context = await env.context({ '/': portalPage(env.collector) });
  const requests = [];
  context.on('request', (request) => requests.push(request));
  const page = await env.open(context);

  await page.getByRole('group', { name: /Насколько вы довольны услугой/ }).getByLabel('4 Хорошо').check();
  await page.getByRole('group', { name: /Время предоставления/ }).getByLabel('2 Плохо').check();
  await page.getByRole('group', { name: /Насколько легко/ }).getByLabel('3', { exact: true }).check();
  await page.getByRole('group', { name: /Порекомендуете/ }).getByLabel('9', { exact: true }).check();
  await page.getByRole('group', { name: /Удалось ли/ }).getByLabel('Частично').check();
  const comment = page.getByLabel('Что можно улучшить?');
  const typed = 'Долго ждал. Мой телефон +7 912 345-67-89, почта ivan@example.ru';
  await comment.fill(typed);

  const notice = page.locator('.privacy');
  await assert.doesNotReject(notice.filter({ hasText: 'ваш номер телефона' }).waitFor());
  assert.equal(await notice.innerText(), 'Мы не отправим ваш номер телефона и ваш адрес электронной почты.');
  assert.equal(await notice.getAttribute('aria-live'), 'polite');
  assert.match(await page.locator('.preview').innerText(), /\[PHONE\], почта \[EMAIL\]/);
  assert.equal(await page.locator('.count').innerText(), `${[...typed].length} из 2000 символов`);

  await page.getByRole('button', { name: 'Отправить' }).click();
  await waitEvent(page, 'otklik:submitted');
  const done = page.getByRole('status');
  assert.equal(await done.innerText(), 'Спасибо! Ваш отзыв отправлен.');
  assert.ok(await done.evaluate((node) => node.getRootNode().activeElement === node), 'focus moves to the confirmation');

  const submitted = (await events(page)).find((e) => e.type === 'otklik:submitted');
  assert.equal(submitted.detail.status, 'stored');
  assert.match(submitted.detail.id, /^[A-Za-z0-9_-]{16,64}$/);
  const stored = env.exported().filter((r) => r.id === submitted.detail.id);
  assert.equal(stored.length, 1);
  assert.deepEqual(stored[0].answers, {
    overall: 4, time: 2, effort: 3, recommend: 9, goal: 'partly',
    comment: 'Долго ждал. Мой телефон [PHONE], почта [EMAIL]',
  });
  assert.equal(stored[0].stage, 'application');
  assert.equal(stored[0].channel, 'web');
  assert.equal(stored[0].locale, 'ru');

  // One POST, no cookies, and nothing but the portal and the collector was contacted.
  const posts = requests.filter((r) => r.method() === 'POST');
  assert.equal(posts.length, 1);
  assert.equal(posts[0].postDataJSON().answers.comment, 'Долго ждал. Мой телефон [PHONE], почта [EMAIL]');
  assert.deepEqual(await context.cookies(), []);
  for (const r of requests) {
    const origin = new URL(r.url()).origin;
    assert.ok(origin === env.portal || origin === env.collector, `unexpected request to ${r.url()}`);
    assert.equal(r.headers().cookie, undefined);
  }
  const widgetFiles = [...new Set(requests.map((r) => new URL(r.url()).pathname))]
    .filter((path) => path.startsWith('/widget/')).sort();
  assert.deepEqual(widgetFiles, ['/widget/otklik-widget-core.wasm', '/widget/otklik-widget.ru.mjs', '/widget/otklik.js'],
    'the size budget test (size.test.mjs) measures exactly these files: the Russian module, no other language');
  assert.equal(await page.evaluate(() => localStorage.getItem('otklik.queue')), null, 'the queue is empty again');
});

test('a missing required answer is reported beside its question and nothing is sent', async () => {
  const context = await env.context({ '/': portalPage(env.collector) });
  const page = await env.open(context);
  const before = env.exported().length;
  await page.getByRole('group', { name: /Удалось ли/ }).getByLabel('Да').check();
  await page.getByRole('button', { name: 'Отправить' }).click();

  const summary = page.getByRole('alert');
  await summary.filter({ hasText: 'Проверьте ответы' }).waitFor();
  const group = page.getByRole('group', { name: /Насколько вы довольны услугой/ });
  const error = group.locator('.err');
  assert.ok(await error.isVisible());
  const described = (await group.getAttribute('aria-describedby')).split(' ');
  assert.ok(described.includes(await error.getAttribute('id')), 'the error is linked with aria-describedby');
  assert.equal(await group.getByLabel('1 Очень плохо').getAttribute('aria-invalid'), 'true');
  assert.ok(await group.getByLabel('1 Очень плохо').evaluate((n) => n.getRootNode().activeElement === n), 'focus goes to the question');
  assert.equal(env.exported().length, before);

  await group.getByLabel('5 Отлично').check();
  await page.getByRole('button', { name: 'Отправить' }).click();
  await waitEvent(page, 'otklik:submitted');
  assert.equal(env.exported().length, before + 1);
});

test('a page fetches only its own language\'s widget module; a form in the other language fetches its sentences', async () => {
  const widgetFetches = async (pages, act) => {
    const context = await env.context(pages);
    const paths = [];
    context.on('request', (r) => paths.push(new URL(r.url()).pathname));
    const page = await env.open(context, Object.keys(pages)[0]);
    if (act) await act(page);
    return paths.filter((p) => /\/widget\/(otklik-widget[^/]*\.mjs|locales\/)/.test(p)).sort();
  };
  assert.deepEqual(await widgetFetches({ '/en': portalPage(env.collector, { attrs: { locale: 'en' }, lang: 'en' }) }),
    ['/widget/otklik-widget.en.mjs']);
  assert.deepEqual(await widgetFetches({ '/de': portalPage(env.collector, { attrs: { locale: 'de' }, lang: 'de' }) }),
    ['/widget/locales/de.json', '/widget/otklik-widget.en.mjs']);
  // A Russian page (the Russian module) mounts a second form in English through window.Otklik.
  let english = '';
  const fetched = await widgetFetches({ '/': portalPage(env.collector) }, async (page) => {
    english = await page.evaluate(async () => {
      const element = document.createElement('section');
      document.body.append(element);
      const widget = await window.Otklik.mount(element, { locale: 'en', stage: 'info' });
      return widget.element.shadowRoot.querySelector('button[type=submit]').textContent;
    });
  });
  assert.equal(english, 'Send');
  assert.deepEqual(fetched, ['/widget/locales/en.json', '/widget/otklik-widget.ru.mjs']);
});

test('English and a locale file (de) are used for the widget text; survey text falls back to a survey locale', async () => {
  const context = await env.context({
    '/en': portalPage(env.collector, { attrs: { locale: 'en' }, lang: 'en' }),
    '/de': portalPage(env.collector, { attrs: { locale: 'de' }, lang: 'de' }),
  });
  const en = await env.open(context, '/en');
  assert.ok(await en.getByRole('group', { name: /How satisfied are you/ }).getByLabel('5 Excellent').isVisible());
  assert.ok(await en.getByRole('button', { name: 'Send' }).isVisible());
  const de = await env.open(context, '/de');
  assert.ok(await de.getByRole('button', { name: 'Senden' }).isVisible());
  const group = de.getByRole('group', { name: /How satisfied are you/ });
  assert.ok(await group.getByLabel('4 Gut').isVisible());
  assert.equal(await group.locator('legend span').first().getAttribute('lang'), 'en');
  await group.getByLabel('4 Gut').check();
  await de.getByRole('button', { name: 'Senden' }).click();
  await waitEvent(de, 'otklik:submitted');
  const id = (await events(de)).find((e) => e.type === 'otklik:submitted').detail.id;
  assert.equal(env.exported().find((r) => r.id === id).locale, 'en');
});
