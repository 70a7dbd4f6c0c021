// Text from a survey or from a citizen is only ever inserted as text: HTML and script payloads in survey
// titles, labels and options, and in a comment, appear literally, create no element and run nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, portalPage, events, waitEvent } from './harness.mjs';

const env = await start();
after(() => env.close());

// Element tags inside the widget's shadow root(s), and whether any payload ran.
const inside = (page) => page.evaluate(() => ({
  tags: [...new Set([...document.querySelectorAll('[data-otklik-host]')].flatMap((h) =>
    [...h.shadowRoot.querySelectorAll('*')].map((n) => n.tagName.toLowerCase())))].sort(),
  pwned: window.__pwned ?? null,
}));
const allowed = ['button', 'div', 'fieldset', 'form', 'h2', 'input', 'label', 'legend', 'p', 'span', 'strong', 'textarea'];

test('markup in the survey is shown as text and creates no element', async () => {
  const context = await env.context({ '/': portalPage(env.collector, { attrs: { survey: 'markup-probe', stage: 'apply' } }) });
  const page = await env.open(context);
  const form = page.locator('form');
  assert.equal(await form.getByRole('heading').innerText(),
    `Оцените услугу «<b>Услуга</b><img src=x onerror="window.__pwned='service'">»`);
  assert.match(await form.innerText(), /Этап: <script>window.__pwned='stage'<\/script>Подача/);
  const group = form.getByRole('group', { name: /<img src=x onerror="window.__pwned='label'">Оценка &amp; <i>качество<\/i>/ });
  assert.ok(await group.isVisible());
  assert.ok(await form.getByLabel(`<a href="javascript:window.__pwned='option'">Портал</a>`).isVisible());
  assert.ok(await form.getByLabel('</label><button>Офис</button>').isVisible());
  assert.ok(await form.getByLabel(`<svg onload="window.__pwned='comment'"></svg>Комментарий`).isVisible());
  const { tags, pwned } = await inside(page);
  assert.deepEqual(tags.filter((t) => !allowed.includes(t)), []);
  assert.equal(pwned, null);
  assert.equal(await form.getByRole('button').count(), 1, 'the option label made no button');
});

test('markup in a comment stays text in the preview and is stored as typed, with personal data removed', async () => {
  const context = await env.context({ '/': portalPage(env.collector, { attrs: { survey: 'markup-probe', stage: 'apply' } }) });
  const page = await env.open(context);
  await page.getByLabel('4 Хорошо').check();
  await page.getByLabel('</label><button>Офис</button>').check();
  const comment = `<img src=x onerror="window.__pwned='typed'"><script>window.__pwned='typed'</script> звоните +7 912 345-67-89`;
  await page.locator('textarea').fill(comment);
  const preview = page.locator('.preview');
  await preview.waitFor();
  assert.equal(await preview.innerText(),
    `Будет отправлено так: <img src=x onerror="window.__pwned='typed'"><script>window.__pwned='typed'</script> звоните [PHONE]`);
  const { tags, pwned } = await inside(page);
  assert.deepEqual(tags.filter((t) => !allowed.includes(t)), []);
  assert.equal(pwned, null);
  await page.getByRole('button', { name: 'Отправить' }).click();
  await waitEvent(page, 'otklik:submitted');
  const { id } = (await events(page)).find((e) => e.type === 'otklik:submitted').detail;
  assert.deepEqual(env.exported().find((r) => r.id === id).answers, {
    overall: 4, how: 'office',
    comment: `<img src=x onerror="window.__pwned='typed'"><script>window.__pwned='typed'</script> звоните [PHONE]`,
  });
  assert.equal((await inside(page)).pwned, null);
});
