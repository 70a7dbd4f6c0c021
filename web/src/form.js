// Renders one survey as a native HTML form (fieldset + legend + radios per rating question, a labelled
// textarea per comment) and reads the answers back. Survey texts are inserted only as text (dom.js).
import { h, setText } from './dom.js';
import { fill } from './locales.js';

// Whether a question is asked at this stage on this channel (formats.md: absent means everywhere).
export const applies = (question, stage, channel) =>
  (!question.stages?.length || question.stages.includes(stage)) &&
  (!question.channels?.length || question.channels.includes(channel));

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// The radio choices of a question as [value, visible label] pairs, and the hint that explains the scale.
function choices(question, survey, t, label) {
  switch (question.kind) {
    case 'csat':
    case 'criterion': {
      const names = survey.template === 'a11' ? t.agree : t.levels;
      return [range(1, 5).map((n) => [n, `${n} ${names[n - 1]}`])];
    }
    case 'ces': return [range(1, 7).map((n) => [n, String(n)]), t.ces];
    case 'nps': return [range(0, 10).map((n) => [n, String(n)]), t.nps];
    case 'goal': return [['yes', 'partly', 'no'].map((word) => [word, t.goal[word]])];
    default: return [(question.options ?? []).map((option) => [option.id, label(option.label)])];
  }
}

// ctx: {survey, stage, channel, t (sentences), label(text) -> string, lang, uid, onComment(textarea), onSubmit(event)}.
export function renderForm(ctx) {
  const { survey, t, label, uid } = ctx;
  const questions = survey.questions.filter((q) => applies(q, ctx.stage, ctx.channel));
  const stage = survey.stages.find((s) => s.id === ctx.stage);
  const errors = new Map();  // question id -> its error element
  const textLang = ctx.textLang !== ctx.lang ? ctx.textLang : null;  // survey text in another language

  const summary = h('p', { class: 'err', role: 'alert', id: `${uid}-summary` });
  const button = h('button', { type: 'submit' }, t.send);
  const form = h('form', { novalidate: true, 'aria-labelledby': `${uid}-title`, onsubmit: ctx.onSubmit },
    h('h2', { id: `${uid}-title` }, fill(t.title, { service: label(survey.service.title) })),
    stage && h('p', { class: 'sub' }, fill(t.stage, { stage: label(stage.title) })),
    summary,
    questions.map((q) => {
      const id = `${uid}-${q.id}`;
      const error = h('p', { class: 'err', id: `${id}-error`, hidden: true });
      errors.set(q.id, error);
      const required = q.required && h('span', { class: 'req' }, ` ${t.required}`);
      if (q.kind === 'text') {
        const max = q.max_length ?? 2000;
        const count = h('p', { class: 'count', id: `${id}-count` }, fill(t.counter, { n: 0, max }));
        const notice = h('p', { class: 'privacy', id: `${id}-privacy`, 'aria-live': 'polite' });
        const preview = h('p', { class: 'preview', hidden: true });
        const area = h('textarea', {
          id, name: q.id, rows: 4, maxlength: max, required: q.required,
          'aria-describedby': `${id}-count ${id}-note ${id}-privacy`,
          oninput: () => {
            setText(count, fill(t.counter, { n: [...area.value].length, max }));
            ctx.onComment(area, notice, preview);
          },
        });
        return h('div', { class: 'text', 'data-question': q.id },
          h('label', { class: 'lbl', for: id }, h('span', { lang: textLang }, label(q.label)), required),
          area, count, h('p', { class: 'note', id: `${id}-note` }, t.privacy), notice, preview, error);
      }
      const [options, hint] = choices(q, survey, t, label);
      return h('fieldset', { 'data-question': q.id, 'aria-describedby': hint ? `${id}-hint` : null },
        h('legend', {}, h('span', { lang: textLang }, label(q.label)), required),
        hint && h('p', { class: 'hint', id: `${id}-hint` }, hint),
        h('div', { class: 'opts' }, options.map(([value, text], i) =>
          h('label', { class: 'opt', for: `${id}-${i}` },
            h('input', { type: 'radio', id: `${id}-${i}`, name: q.id, value, required: q.required }),
            h('span', {}, text)))),
        error);
    }),
    button);

  return {
    form,
    button,
    questions,
    // The answers as the response format wants them: numbers for scales, words for goal and choice.
    answers() {
      const answers = {};
      for (const q of questions) {
        const name = CSS.escape(q.id);
        const value = form.querySelector(q.kind === 'text' ? `textarea[name="${name}"]` : `input[name="${name}"]:checked`)?.value;
        if (value == null || value === '') continue;
        answers[q.id] = ['csat', 'criterion', 'ces', 'nps'].includes(q.kind) ? Number(value) : value;
      }
      return answers;
    },
    // Shows the core's or the collector's issues beside their questions and announces a summary.
    showErrors(issues, headline) {
      for (const [id, node] of errors) {
        setText(node, '');
        const group = node.closest('[data-question]');
        const described = (group.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== node.id);
        group.setAttribute('aria-describedby', described.join(' '));
        for (const input of group.querySelectorAll('input, textarea')) input.removeAttribute('aria-invalid');
        if (!described.length) group.removeAttribute('aria-describedby');
      }
      let first = null;
      for (const issue of issues) {
        const id = /^\/answers\/([^/]+)/.exec(issue.path)?.[1];
        const node = errors.get(id);
        if (!node) continue;
        setText(node, node.textContent ? `${node.textContent} ${issue.message}` : issue.message);
        const group = node.closest('[data-question]');
        group.setAttribute('aria-describedby', `${group.getAttribute('aria-describedby') ?? ''} ${node.id}`.trim());
        for (const input of group.querySelectorAll('input, textarea')) input.setAttribute('aria-invalid', 'true');
        first ??= group.querySelector('input, textarea');
      }
      const loose = issues.filter((issue) => !errors.has(/^\/answers\/([^/]+)/.exec(issue.path)?.[1]));
      const lines = issues.length || headline ? [headline ?? fill(t.check, { n: issues.length }), ...loose.map((i) => i.message)] : [];
      setText(summary, lines.join(' '), true);
      first?.focus();
    },
  };
}
