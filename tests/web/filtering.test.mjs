// Stage and channel filtering (only the questions asked at this stage on this channel are shown and
// accepted), and the JS API: Otklik.mount, the ES module export, events, several widgets on one page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, portalPage, events, waitEvent } from './harness.mjs';

const env = await start();
after(() => env.close());

const shown = (page) => page.locator('[data-question]').evaluateAll((nodes) => nodes.map((n) => n.dataset.question));

test('each stage and channel shows exactly the questions that apply to it', async () => {
  const cases = [
    ['info', 'web', ['overall', 'time', 'info', 'effort', 'recommend', 'goal', 'comment']],
    ['application', 'web', ['overall', 'time', 'staff', 'effort', 'recommend', 'goal', 'comment']],
    ['application', 'office', ['overall', 'time', 'queue', 'staff', 'effort', 'recommend', 'goal', 'comment']],
    ['result', 'kiosk', ['overall', 'time', 'staff', 'effort', 'recommend', 'goal', 'comment']],
  ];
  const pages = Object.fromEntries(cases.map(([stage, channel]) =>
    [`/${stage}-${channel}`, portalPage(env.collector, { attrs: { stage, channel } })]));
  const context = await env.context(pages);
  for (const [stage, channel, expected] of cases) {
    const page = await env.open(context, `/${stage}-${channel}`);
    assert.deepEqual(await shown(page), expected, `${stage}/${channel}`);
    const ready = (await events(page)).find((e) => e.type === 'otklik:ready');
    assert.deepEqual(ready.detail, { survey: 'passport-renewal', stage, channel, questions: expected, error: undefined });
    await page.close();
  }
});

test('an answer to a question asked only in the office is accepted from the office', async () => {
  const context = await env.context({ '/': portalPage(env.collector, { attrs: { stage: 'result', channel: 'office' } }) });
  const page = await env.open(context);
  await page.getByRole('group', { name: /Насколько вы довольны/ }).getByLabel('3 Нормально').check();
  await page.getByRole('group', { name: /Время ожидания в очереди/ }).getByLabel('1 Очень плохо').check();
  await page.getByRole('button', { name: 'Отправить' }).click();
  await waitEvent(page, 'otklik:submitted');
  const { id } = (await events(page)).find((e) => e.type === 'otklik:submitted').detail;
  const stored = env.exported().find((r) => r.id === id);
  assert.deepEqual(stored.answers, { overall: 3, queue: 1 });
  assert.equal(stored.channel, 'office');
  assert.equal(stored.stage, 'result');
});

test('a choice question limited to web and mobile is hidden at a kiosk; the a11 template uses agreement levels', async () => {
  const context = await env.context({
    '/web': portalPage(env.collector, { attrs: { survey: 'benefits-a11', stage: 'decision', channel: 'web', locale: 'en' }, lang: 'en' }),
    '/kiosk': portalPage(env.collector, { attrs: { survey: 'benefits-a11', stage: 'apply', channel: 'kiosk', locale: 'en' }, lang: 'en' }),
  });
  const web = await env.open(context, '/web');
  assert.deepEqual(await shown(web), ['satisfaction', 'ease', 'equity', 'how', 'note']);
  assert.ok(await web.getByRole('group', { name: /treated fairly/ }).getByLabel('5 Strongly agree').isVisible());
  assert.ok(await web.getByRole('group', { name: /How did you apply/ }).getByLabel('Mobile app').isVisible());
  const kiosk = await env.open(context, '/kiosk');
  assert.deepEqual(await shown(kiosk), ['satisfaction', 'ease', 'note']);
});

test('Otklik.mount, the ES module export and the events work, with two widgets on one page', async () => {
  const api = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API</title>
    <script src="${env.collector}/widget/otklik.js" defer data-survey="passport-renewal" data-stage="info" data-locale="en"></script>
    <script type="module">
      import { mount } from '${env.collector}/widget/otklik-widget.mjs';
      window.viaModule = mount(document.getElementById('second'),
        { endpoint: '${env.collector}', survey: 'driving-licence', stage: 'exam', locale: 'en' });
      document.getElementById('first').addEventListener('otklik:ready', () => { window.firstReady = true; });
    </script></head>
    <body><main><h1>Two widgets</h1><section id="first" data-otklik data-stage="application"></section>
    <section id="second"></section></main></body></html>`;
  const context = await env.context({ '/': api });
  const page = await env.open(context);
  await waitEvent(page, 'otklik:ready', 2);
  assert.equal(await page.evaluate(() => window.firstReady), true, 'otklik:ready is dispatched on the container');
  const targets = (await events(page)).filter((e) => e.type === 'otklik:ready').map((e) => e.detail.survey).sort();
  assert.deepEqual(targets, ['driving-licence', 'passport-renewal']);
  // The element's data-stage overrides the script tag's.
  assert.deepEqual(await page.locator('#first [data-question]').evaluateAll((n) => n.map((x) => x.dataset.question)),
    ['overall', 'time', 'staff', 'effort', 'recommend', 'goal', 'comment']);
  // Ids are unique across the two shadow roots' forms.
  const ids = await page.evaluate(() => [...document.querySelectorAll('[data-otklik-host]')]
    .flatMap((h) => [...h.shadowRoot.querySelectorAll('[id]')].map((n) => n.id)));
  assert.equal(new Set(ids).size, ids.length);

  // Otklik.mount with options in JS, resolving to {element, unmount}.
  const third = await page.evaluate(async () => {
    const el = document.createElement('section');
    document.querySelector('main').append(el);
    const widget = await window.Otklik.mount(el, { survey: 'passport-renewal', stage: 'result', channel: 'office' });
    const questions = [...widget.element.shadowRoot.querySelectorAll('[data-question]')].map((n) => n.dataset.question);
    widget.unmount();
    return { questions, left: el.children.length };
  });
  assert.deepEqual(third.questions, ['overall', 'time', 'queue', 'staff', 'effort', 'recommend', 'goal', 'comment']);
  assert.equal(third.left, 0);

  const second = page.locator('#second');
  await second.locator('fieldset').first().locator('input[value="5"]').check();
  await second.getByRole('button', { name: 'Send' }).click();
  await waitEvent(page, 'otklik:submitted');
  const submitted = (await events(page)).find((e) => e.type === 'otklik:submitted');
  assert.equal(submitted.detail.response.survey, 'driving-licence');
  assert.ok(env.exported().some((r) => r.id === submitted.detail.id));
});

test('an unknown survey is reported with otklik:error and a visible message', async () => {
  const context = await env.context({ '/': portalPage(env.collector, { attrs: { survey: 'no-such-survey' } }) });
  const page = await env.open(context, '/', { waitReady: false });
  await waitEvent(page, 'otklik:error');
  assert.equal((await events(page)).find((e) => e.type === 'otklik:error').detail.reason, 'survey');
  assert.equal(await page.getByRole('alert').innerText(), 'Не удалось загрузить опрос. Попробуйте позже.');
});
