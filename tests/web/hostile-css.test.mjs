// Style isolation: hostile host-page CSS (resets with !important on every element type the widget uses)
// does not break the widget, and the widget's CSS does not change a single computed style of the page.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, portalPage, waitEvent } from './harness.mjs';

const env = await start();
after(() => env.close());

const hostile = `<style>
  html { font-size: 2px !important; }
  * { color: #f0f !important; background: #ff0 !important; font: 3px/1 monospace !important; letter-spacing: 6px !important;
      text-transform: uppercase !important; visibility: hidden; cursor: none !important; }
  main, h1, section, p { visibility: visible; }
  div, form, fieldset, legend, label, input, textarea, button, h2, dialog, aside, span, strong {
    display: none !important; opacity: 0 !important; position: absolute !important; left: -9999px !important;
    transform: scale(0) !important; width: 0 !important; height: 0 !important; overflow: hidden !important; }
  input[type=radio] { appearance: none !important; }
  [data-otklik-host], [data-otklik-floating] { all: unset !important; display: none !important; }
  body > div:last-child { display: none !important; }
</style>`;

test('hostile page CSS does not break the inline widget', async () => {
  const context = await env.context({ '/': portalPage(env.collector, { head: hostile, body: '<section data-otklik></section><p>Конец страницы.</p>' }) });
  const page = await env.open(context);
  const legend = page.getByText('Насколько вы довольны услугой?');
  const look = await legend.evaluate((n) => {
    const style = getComputedStyle(n);
    return { size: parseFloat(style.fontSize), color: style.color, spacing: style.letterSpacing, transform: style.textTransform };
  });
  assert.ok(look.size >= 16, `font size ${look.size}`);
  assert.notEqual(look.color, 'rgb(255, 0, 255)');
  assert.equal(look.spacing, 'normal');
  assert.equal(look.transform, 'none');
  const radio = page.getByLabel('4 Хорошо').first();
  const box = await radio.boundingBox();
  assert.ok(box && box.width >= 12 && box.x >= 0, `radio box ${JSON.stringify(box)}`);
  await radio.check();
  const send = page.getByRole('button', { name: 'Отправить' });
  assert.ok((await send.boundingBox()).width > 40);
  await send.click();
  await waitEvent(page, 'otklik:submitted');
  assert.ok(await page.getByRole('status').isVisible());
});

test('hostile page CSS does not hide the floating button or break its dialog', async () => {
  const context = await env.context({ '/': portalPage(env.collector, { head: hostile, body: '<p>Без формы.</p>' }) });
  const page = await env.open(context, '/', { waitReady: false });
  const button = page.getByRole('button', { name: 'Оставить отзыв' });
  await button.waitFor();
  const box = await button.boundingBox();
  assert.ok(box && box.width > 40 && box.x > 0, `button box ${JSON.stringify(box)}`);
  await button.click();
  await waitEvent(page, 'otklik:ready');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('5 Отлично').first().check();
  await dialog.getByRole('button', { name: 'Отправить' }).click();
  await waitEvent(page, 'otklik:submitted');
});

test("the widget's CSS leaves every computed style of the host page unchanged", async () => {
  const host = `<form class="page"><fieldset><legend>Поиск</legend><label>Запрос <input type="radio" name="q"></label>
    <textarea aria-label="Текст"></textarea><button type="button">Найти</button><p class="hint">Подсказка</p></fieldset></form>
    <dialog open><p>Окно страницы</p></dialog><div data-otklik></div>`;
  const withWidget = portalPage(env.collector, { body: host });
  const without = withWidget.replace(/<script src=[^>]+><\/script>/, '');
  const context = await env.context({ '/with': withWidget, '/without': without });
  const styles = (page) => page.evaluate(() => [...document.querySelectorAll('main *:not([data-otklik-host])')].map((n) => {
    const s = getComputedStyle(n);
    return [n.tagName, ...['color', 'background-color', 'font', 'margin', 'padding', 'border', 'outline', 'display',
      'box-sizing', 'width', 'accent-color', 'transition'].map((p) => s.getPropertyValue(p))].join('|');
  }));
  const plain = await env.open(context, '/without', { waitReady: false });
  const widget = await env.open(context, '/with');
  assert.deepEqual(await styles(widget), await styles(plain));
});
