// The one script tag a portal embeds. It reads its own data-* attributes, renders the survey inline into
// the first [data-otklik] element or else shows a floating button, and loads the rest of the widget
// (otklik-widget.LOCALE.mjs, its CSS and the WebAssembly core) only when needed. It also defines window.Otklik.
(() => {
  const script = document.currentScript;
  if (!script || window.Otklik) return;
  const base = new URL('./', script.src).href;
  const names = ['endpoint', 'survey', 'stage', 'channel', 'locale', 'region'];
  const defaults = { endpoint: new URL(script.src).origin, channel: 'web', locale: (document.documentElement.lang || 'ru').slice(0, 2) };
  const pick = (element) => {
    const found = {};
    for (const name of names) if (element?.dataset?.[name]) found[name] = element.dataset[name];
    return found;
  };
  let widget = null;
  const optionsFor = (element, extra) => ({ ...defaults, ...pick(script), ...pick(element), ...extra });
  // One module per page language, with only its sentences built in (Russian, else English, which other
  // locales' files complete); the first use picks it, and a later form in the other language fetches that
  // language's sentences as a file.
  const load = (locale = optionsFor().locale) =>
    (widget ??= import(`${base}otklik-widget.${locale === 'ru' ? 'ru' : 'en'}.mjs`));

  window.Otklik = {
    // Renders into `element`; `options` override the script tag's and the element's data attributes.
    mount: (element, options) => {
      const all = optionsFor(element, options);
      return load(all.locale).then((m) => m.mount(element, all));
    },
    // Loads the rest of the widget now (e.g. on hover) rather than on first use.
    load: () => load(),
  };

  // Something queued by an earlier page (offline, closed tab) is delivered now.
  try {
    if (localStorage.getItem('otklik.queue')) load().then((m) => m.flush());
  } catch {
    // Storage blocked: nothing can have been queued there.
  }

  const floating = () => {
    const options = optionsFor(null);
    const host = document.createElement('div');
    host.setAttribute('data-otklik-floating', '');
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':host([data-otklik-floating]){all:initial!important;display:block!important;visibility:visible!important;' +
      'position:fixed!important;inset:auto 1em 1em auto!important;z-index:2147483000!important}' +
      '.fab{font:600 max(1rem,16px)/1.5 var(--otklik-font,system-ui,sans-serif);margin:0;min-height:2.75em;padding:.5em 1.25em;' +
      'color:var(--otklik-accent-text,#fff);background:var(--otklik-accent,#0b57d0);border:2px solid #fff;border-radius:2em;' +
      'box-shadow:0 2px 8px rgb(0 0 0/.35);cursor:pointer}.fab:focus-visible{outline:3px solid var(--otklik-focus,#0b57d0);outline-offset:2px}');
    root.adoptedStyleSheets = [sheet];
    const aside = document.createElement('aside');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fab';
    button.setAttribute('aria-haspopup', 'dialog');
    button.textContent = options.locale === 'ru' ? 'Оставить отзыв' : 'Give feedback';
    aside.setAttribute('aria-label', button.textContent);
    const preload = () => load();  // not load(event)
    button.addEventListener('pointerenter', preload, { once: true });
    button.addEventListener('focus', preload, { once: true });
    button.addEventListener('click', () => load().then((m) => m.openDialog(host, button, options)).catch(() => {}));
    aside.append(button);
    root.append(aside);
    document.body.append(host);
  };

  // Starts the downloads the widget module will ask for, so that they overlap with the module's own
  // download; the module's identical requests are then answered by the HTTP cache.
  const prefetch = (options) => {
    const omit = { credentials: 'omit', referrerPolicy: 'no-referrer' };
    fetch(`${base}otklik-widget-core.wasm`, omit).catch(() => {});
    fetch(`${options.endpoint.replace(/\/+$/, '')}/v1/surveys/${encodeURIComponent(options.survey)}`,
      { ...omit, headers: { Accept: 'application/json' } }).catch(() => {});
  };

  const start = () => {
    const element = document.querySelector('[data-otklik]');
    if (!element) return floating();
    prefetch(optionsFor(element));
    window.Otklik.mount(element).catch(() => {});  // failures arrive as otklik:error events
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
