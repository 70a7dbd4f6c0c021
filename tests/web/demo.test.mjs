// The demo portal (web/demo, served by `otklik serve --static`): a three-stage journey with the widget at
// each stage, under the portal's own CSP, accessible, asking only each stage's questions.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, waitEvent, events, axeSource } from './harness.mjs';

const env = await start();
after(() => env.close());

test('each stage page of the demo journey shows the widget with that stage\'s questions', async () => {
  const context = await env.context();
  const page = await context.newPage();
  await page.goto(`${env.collector}/`);
  await page.getByRole('link', { name: 'первого шага' }).click();
  const expected = {
    info: ['overall', 'time', 'info', 'effort', 'recommend', 'goal', 'comment'],
    application: ['overall', 'time', 'staff', 'effort', 'recommend', 'goal', 'comment'],
  };
  for (const [stage, link] of [['info', null], ['application', '2. Заявление']]) {
    if (link) await page.getByRole('link', { name: link }).click();
    await waitEvent(page, 'otklik:ready');
    assert.deepEqual((await events(page)).find((e) => e.type === 'otklik:ready').detail.questions, expected[stage]);
    await page.evaluate(axeSource());
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(violations.map((v) => v.id), [], stage);
  }
  await page.getByRole('link', { name: '3. Результат' }).click();
  await page.getByRole('button', { name: 'Оставить отзыв' }).click();
  await waitEvent(page, 'otklik:ready');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('5 Отлично').first().check();
  await dialog.getByRole('button', { name: 'Отправить' }).click();
  await waitEvent(page, 'otklik:submitted');
  const { id } = (await events(page)).find((e) => e.type === 'otklik:submitted').detail;
  const stored = env.exported().find((r) => r.id === id);
  assert.equal(stored.stage, 'result');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
});
