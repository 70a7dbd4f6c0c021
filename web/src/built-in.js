// The built-in sentences, Russian and English (locales/ru.json, locales/en.json): all of them in
// otklik-widget.mjs; build.mjs replaces this module by one language for each page-language module
// otklik-widget.LOCALE.mjs, so that a page downloads only its own language's sentences.
import ru from './locales/ru.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

export const builtIn = { ru, en };
