// Completion by keyboard alone, inline and in the floating button's dialog (focus stays in the dialog,
// Escape closes it, focus returns to the button), with a visible focus indicator on every control.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, portalPage, events, waitEvent } from './harness.mjs';

const env = await start();
after(() => env.close());

// The focused element, looking inside open shadow roots, and whether its focus ring is visible.
const focused = (page) => page.evaluate(() => {
  let node = document.activeElement;
  while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
  const style = getComputedStyle(node);
  return {
    tag: node.tagName.toLowerCase(), type: node.type ?? null, name: node.name ?? null, value: node.value ?? null,
    text: node.textContent.trim(), inDialog: !!node.closest('dialog'),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
});

async function tab(page, expected) {
  await page.keyboard.press('Tab');
  const now = await focused(page);
  for (const [key, value] of Object.entries(expected)) assert.equal(now[key], value, `${key} after Tab: ${JSON.stringify(now)}`);
  assert.ok(now.ring, `visible focus on ${JSON.stringify(now)}`);
  return now;
}

// Answers the passport survey at the application stage with keys only, starting before its first control.
async function answerByKeyboard(page) {
  await tab(page, { name: 'overall', type: 'radio' });
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');  // 1 -> 4
  await tab(page, { name: 'time' });
  await page.keyboard.press('ArrowRight');  // 2
  await tab(page, { name: 'staff' });
  await page.keyboard.press('Space');  // 1
  await tab(page, { name: 'effort' });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');  // 3
  await tab(page, { name: 'recommend' });
  await page.keyboard.press('ArrowLeft');  // wraps to 10
  await tab(page, { name: 'goal' });
  await page.keyboard.press('Space');  // yes
  await tab(page, { tag: 'textarea', name: 'comment' });
  await page.keyboard.type('Всё понятно, спасибо');
  await tab(page, { tag: 'button', text: 'Отправить' });
  await page.keyboard.press('Enter');
  await waitEvent(page, 'otklik:submitted');
  const { id } = (await events(page)).find((e) => e.type === 'otklik:submitted').detail;
  assert.deepEqual(env.exported().find((r) => r.id === id).answers,
    { overall: 4, time: 2, staff: 1, effort: 3, recommend: 10, goal: 'yes', comment: 'Всё понятно, спасибо' });
}

test('the inline form is completed and sent with the keyboard alone', async () => {
  const context = await env.context({ '/': portalPage(env.collector) });
  const page = await env.open(context);
  // A first Enter on Send with the required question unanswered moves focus to that question.
  await tab(page, { name: 'overall' });
  for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
  assert.equal((await focused(page)).tag, 'button');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Проверьте ответы' }).waitFor();
  assert.deepEqual([(await focused(page)).name, (await focused(page)).value], ['overall', '1']);
  await page.keyboard.press('Shift+Tab');  // back before the form, so the helper starts from the top
  await answerByKeyboard(page);
  assert.equal((await focused(page)).text, 'Спасибо! Ваш отзыв отправлен.');
});

test('the floating button opens a modal dialog that keeps focus, closes on Escape and returns focus', async () => {
  const context = await env.context({ '/': portalPage(env.collector, { body: '<p>Нет места для формы.</p>' }) });
  const page = await env.open(context, '/', { waitReady: false });
  await tab(page, { tag: 'button', text: 'Оставить отзыв' });
  await page.keyboard.press('Enter');
  await waitEvent(page, 'otklik:ready');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute('aria-labelledby') !== null, true);
  assert.ok((await focused(page)).inDialog, 'focus moves into the dialog');
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    assert.ok((await focused(page)).inDialog, `focus stays in the dialog (Tab ${i + 1})`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await focused(page)).text, 'Оставить отзыв', 'focus returns to the button');

  await page.keyboard.press('Enter');
  await dialog.waitFor();
  assert.equal((await focused(page)).text, 'Закрыть');
  await answerByKeyboard(page);
  const done = await focused(page);
  assert.ok(done.inDialog && done.text === 'Спасибо! Ваш отзыв отправлен.');
  const submitted = (await events(page)).find((e) => e.type === 'otklik:submitted');
  assert.equal(submitted.target, 'DIV', 'events are dispatched on the floating widget host');
});
