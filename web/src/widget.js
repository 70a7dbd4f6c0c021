// The widget proper, loaded lazily by otklik.js (or imported as an ES module): fetches the survey, renders
// the form in an open shadow root, redacts and validates with the WebAssembly core, and hands the
// response to the offline queue. Events otklik:ready / otklik:submitted / otklik:error go to the container.
import { loadCore } from '../../wasm/otklik-core.mjs';  // bundled in: one request less
import css from './otklik.css';
import { h, setText } from './dom.js';
import { strings, fill, describe } from './locales.js';
import { renderForm } from './form.js';
import * as queue from './queue.js';

const base = new URL('./', import.meta.url);
const surveys = new Map();
let sheet = null;
let instances = 0;
// Ids unique on the page even beside another copy of this module (otklik.js's and the ES module export).
const idPrefix = `otklik${Math.random().toString(36).slice(2, 8)}-`;

// Adds the widget's stylesheet to a shadow root: a constructed sheet, so no <style> element and no style
// attribute is needed (strict CSP) and nothing leaks into the page.
function adopt(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const emit = (target, type, detail) =>
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));

const trimSlash = (url) => String(url).replace(/\/+$/, '');  // as otklik.js's prefetch, so both hit one cache entry

// The survey's JSON text (kept as text: the core caches its parse by the exact text).
function fetchSurvey(endpoint, id) {
  const url = `${trimSlash(endpoint)}/v1/surveys/${encodeURIComponent(id)}`;
  if (!surveys.has(url)) {
    const loading = fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', headers: { Accept: 'application/json' } })
      .then((answer) => {
        if (!answer.ok) throw new Error(`otklik: ${url} answered ${answer.status}`);
        return answer.text();
      });
    loading.catch(() => surveys.delete(url));
    surveys.set(url, loading);
  }
  return surveys.get(url);
}

// 22 random URL-safe characters: the idempotency key (crypto.randomUUID needs a secure context).
function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// The current hour in UTC: the collector keeps no finer time, so no finer time leaves the browser.
const hour = () => `${new Date().toISOString().slice(0, 13)}:00:00Z`;

const listOf = (names, and) => (names.length > 1 ? names.slice(0, -1).join(', ') + and + names.at(-1) : names[0]);

// Renders the survey into `place` and wires it; resolves once the form is interactive and the core is loaded.
async function render(container, place, options) {
  const { endpoint, stage } = options;
  const channel = options.channel ?? 'web';
  const locale = options.locale ?? (document.documentElement.lang || 'ru').slice(0, 2);
  queue.listen();
  queue.flush();
  const core = loadCore(new URL('otklik-widget-core.wasm', base));  // validate and redact only (wasm/CMakeLists.txt)
  core.catch(() => {});
  const t = await strings(locale, base);
  let json, survey, textLang;
  try {  // a survey that is no JSON or lacks its locales is an error event too, not a bare exception
    json = await fetchSurvey(endpoint, options.survey);
    survey = JSON.parse(json);
    textLang = survey.locales.includes(locale) ? locale : survey.locales.includes('en') ? 'en' : survey.locales[0];
  } catch (error) {
    place.append(h('p', { class: 'box err', role: 'alert' }, t.loadError));
    emit(container, 'otklik:error', { reason: 'survey', error });
    throw error;
  }
  const messagesLang = ['ru', 'en'].includes(locale) ? locale : 'en';
  const label = (text) => text?.[textLang] ?? Object.values(text ?? {})[0] ?? '';
  const uid = `${idPrefix}${++instances}`;
  let busy = false;
  let typing = 0;

  const view = renderForm({
    survey, stage, channel, t, label, uid, lang: locale, textLang,
    onComment(area, notice, preview) {
      clearTimeout(typing);
      typing = setTimeout(async () => {
        const { text, findings } = area.value ? (await core).redact(area.value) : { findings: [] };
        const names = [...new Set(findings.map((f) => f.type))].map((type) => t.pii[type] ?? type);
        setText(notice, names.length ? fill(t.removed, { list: listOf(names, t.and) }) : '', true);
        preview.replaceChildren(h('strong', {}, t.preview), ` ${text}`);
        preview.hidden = !names.length;
      }, 150);
    },
    async onSubmit(event) {
      event.preventDefault();
      if (busy) return;
      busy = true;
      view.button.setAttribute('aria-disabled', 'true');
      view.button.textContent = t.sending;
      try {
        const c = await core;
        const answers = view.answers();
        for (const q of view.questions) {
          if (q.kind === 'text' && answers[q.id]) answers[q.id] = c.redact(answers[q.id]).text;
        }
        const response = {
          format: 'otklik.response/1', id: newId(), survey: survey.id, service: survey.service.id,
          stage, channel, locale: textLang, submitted_at: hour(), answers,
        };
        if (options.region) response.region = options.region;
        const checked = c.validate(json, response, messagesLang);
        if (!checked.ok) return view.showErrors(checked.errors.map((e) => ({ ...e, message: describe(e, t) })));
        const outcome = await queue.submit(`${trimSlash(endpoint)}/v1/responses`, response.id,
          JSON.stringify(checked.response), messagesLang);
        if (outcome.status === 'rejected') {
          view.showErrors(outcome.errors, t.rejected);
          return emit(container, 'otklik:error', { reason: 'rejected', errors: outcome.errors });
        }
        const done = h('div', { class: 'box done', role: 'status', tabindex: '-1' },
          h('p', {}, outcome.status === 'queued' ? t.queued : t.thanks));
        view.form.replaceWith(done);
        done.focus();
        emit(container, 'otklik:submitted', { id: response.id, status: outcome.status, response: checked.response });
      } catch (error) {
        view.showErrors([], t.failed);
        emit(container, 'otklik:error', { reason: 'internal', error });
      } finally {
        busy = false;
        view.button.removeAttribute('aria-disabled');
        view.button.textContent = t.send;
      }
    },
  });
  view.form.lang = locale;
  place.append(view.form);
  await core.catch((error) => {
    emit(container, 'otklik:error', { reason: 'core', error });
    throw error;
  });
  emit(container, 'otklik:ready', { survey: survey.id, stage, channel, questions: view.questions.map((q) => q.id) });
  return view;
}

function checkOptions(options) {
  for (const name of ['endpoint', 'survey', 'stage']) {
    if (!options?.[name]) throw new TypeError(`otklik: the option "${name}" is required`);
  }
}

/**
 * Renders the survey inline into `container` (in an open shadow root on a child element) and resolves,
 * once the form is interactive, to {element, unmount()}.
 */
export async function mount(container, options) {
  checkOptions(options);
  const host = h('div', { 'data-otklik-host': '' });
  const root = host.attachShadow({ mode: 'open' });
  adopt(root);
  container.append(host);
  await render(container, root, options);
  return { element: host, unmount: () => host.remove() };
}

/**
 * Opens the survey in a modal dialog inside `host`'s open shadow root (the floating button's, made by
 * otklik.js); focus stays in the dialog, Escape closes it, and focus returns to `opener`.
 */
export async function openDialog(host, opener, options) {
  checkOptions(options);
  const root = host.shadowRoot;
  let dialog = root.querySelector('dialog');
  if (!dialog) {
    adopt(root);
    const t = await strings(options.locale ?? 'ru', base);
    // A modal dialog makes the page inert, but Tab can still leave it for the browser's own UI: wrap around.
    const wrapFocus = (event) => {
      if (event.key !== 'Tab') return;
      const controls = [...dialog.querySelectorAll('button, textarea, input')];
      const active = root.activeElement;
      const edge = event.shiftKey ? controls[0] : dialog.querySelector('.done') ?? controls.at(-1);
      if (active === edge || active === dialog) {
        event.preventDefault();
        (event.shiftKey ? controls.at(-1) : controls[0]).focus();
      }
    };
    dialog = h('dialog', { 'aria-label': t.open, onclose: () => opener.focus(), onkeydown: wrapFocus },
      h('button', { type: 'button', class: 'ghost', onclick: () => dialog.close() }, t.close));
    root.append(dialog);
    const view = await render(host, dialog, options).catch(() => null);  // the dialog then shows the error
    if (view) dialog.setAttribute('aria-labelledby', view.form.getAttribute('aria-labelledby'));
  }
  dialog.showModal();
  return dialog;
}

// Sends whatever the offline queue holds (the loader calls it on page load when something is queued).
export function flush() {
  queue.listen();
  return queue.flush();
}
