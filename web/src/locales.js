// The widget's own sentences in Russian and English (built in); other locales load from locales/*.json
// files of the same shape beside the module. Survey texts come from the survey, never from here.

// The built-in sentences (built-in.js). {n}-style placeholders are filled by fill(); `pii` names what the
// redactor removes, as an object of a sentence; `issues` holds the core's sentences
// (core/src/messages.cpp) for the issues a response made by this form can meet, as
// [sentence, what introduces the detail] (any other issue reads as `issue` with its code).
import { builtIn } from './built-in.js';

export { builtIn };

// A locale file beside the module (locales/LOCALE.json), or undefined when there is none or it is unreachable.
async function file(locale, base) {
  try {
    const answer = await fetch(new URL(`locales/${locale}.json`, base), { credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (answer.ok) return await answer.json();
  } catch {
    // Falls back below.
  }
}

// The sentences for `locale`: built in, or from locales/LOCALE.json over English (a page-language module
// without English built in fetches locales/en.json, or else uses its own language).
export async function strings(locale, base) {
  if (builtIn[locale]) return builtIn[locale];
  const english = builtIn.en ?? (await file('en', base)) ?? Object.values(builtIn)[0];
  const own = locale !== 'en' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(locale) && (await file(locale, base));
  return own ? { ...english, ...own } : english;
}

// The sentence for an issue of the widget's core ({path, code, detail}), as the core words it in `messages`.
export function describe(issue, messages) {
  const [text, intro = ''] = messages.issues[issue.code] ?? [fill(messages.issue, issue)];
  return `${text}${issue.detail ? ` (${intro}${issue.detail})` : ''}.`;
}

// Replaces {name} by values[name].
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => values[name]);
