// The widget's own sentences in Russian and English (built in); other locales load from locales/*.json
// files of the same shape beside the module. Survey texts come from the survey, never from here.

// {n}-style placeholders are filled by fill(); `pii` names what the redactor removes, as an object of a sentence.
export const builtIn = {
  ru: {
    title: 'Оцените услугу «{service}»',
    stage: 'Этап: {stage}',
    required: '(обязательно)',
    send: 'Отправить',
    sending: 'Отправляем…',
    thanks: 'Спасибо! Ваш отзыв отправлен.',
    queued: 'Спасибо! Отзыв сохранён на этом устройстве и будет отправлен, когда появится связь.',
    rejected: 'Не удалось принять отзыв. Проверьте ответы.',
    loadError: 'Не удалось загрузить опрос. Попробуйте позже.',
    failed: 'Не удалось отправить отзыв: эта страница не даёт запустить защиту личных данных.',
    check: 'Проверьте ответы, отмеченные ниже: {n}.',
    counter: '{n} из {max} символов',
    privacy: 'Личные данные из комментария удаляются до отправки.',
    removed: 'Мы не отправим {list}.',
    preview: 'Будет отправлено так:',
    and: ' и ',
    open: 'Оставить отзыв',
    close: 'Закрыть',
    levels: ['Очень плохо', 'Плохо', 'Нормально', 'Хорошо', 'Отлично'],
    agree: ['Совсем не согласен', 'Не согласен', 'Ни да, ни нет', 'Согласен', 'Полностью согласен'],
    ces: '1 — очень легко, 7 — очень трудно',
    nps: '0 — точно нет, 10 — обязательно порекомендую',
    goal: { yes: 'Да', partly: 'Частично', no: 'Нет' },
    // The core's sentences (core/src/messages.cpp) for the issues a response made by this form can meet:
    // [sentence, what introduces the detail]. Any other issue reads as `issue` with its code.
    issues: {
      required: ['Ответ на этот вопрос обязателен'],
      too_long: ['Текст слишком длинный', 'максимум символов: '],
      unknown_stage: ['Такого этапа нет в опросе', 'этапы: '],
      invalid_value: ['Недопустимое значение', 'допустимо: '],
      invalid_region: ['Неверный код региона', 'ожидается: '],
      invalid_id: ['Недопустимый идентификатор', 'допустимо: '],
    },
    issue: 'Ответ не прошёл проверку ({code})',
    pii: {
      EMAIL: 'ваш адрес электронной почты', PHONE: 'ваш номер телефона', SNILS: 'ваш СНИЛС', INN: 'ваш ИНН',
      OGRN: 'номер ОГРН', PASSPORT: 'данные паспорта', OMS: 'номер полиса ОМС', CARD: 'номер банковской карты',
      IBAN: 'номер счёта', IP: 'IP-адрес', URL: 'ссылку', PLATE: 'номер автомобиля', DATE_OF_BIRTH: 'дату рождения',
      PERSON: 'имя', ADDRESS: 'адрес',
    },
  },
  en: {
    title: 'Rate the service “{service}”',
    stage: 'Stage: {stage}',
    required: '(required)',
    send: 'Send',
    sending: 'Sending…',
    thanks: 'Thank you! Your feedback has been sent.',
    queued: 'Thank you! Your feedback is saved on this device and will be sent when you are back online.',
    rejected: 'Your feedback could not be accepted. Please check the answers.',
    loadError: 'The survey could not be loaded. Please try again later.',
    failed: 'Your feedback cannot be sent: this page does not allow the personal data protection to run.',
    check: 'Please check the answers marked below: {n}.',
    counter: '{n} of {max} characters',
    privacy: 'Personal data is removed from your comment before it is sent.',
    removed: 'We will not send {list}.',
    preview: 'It will be sent as:',
    and: ' and ',
    open: 'Give feedback',
    close: 'Close',
    levels: ['Very poor', 'Poor', 'Fair', 'Good', 'Excellent'],
    agree: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
    ces: '1 — very easy, 7 — very difficult',
    nps: '0 — not at all likely, 10 — extremely likely',
    goal: { yes: 'Yes', partly: 'Partly', no: 'No' },
    issues: {
      required: ['This question requires an answer'],
      too_long: ['The text is too long', 'maximum characters: '],
      unknown_stage: ['The survey has no such stage', 'stages: '],
      invalid_value: ['The value is not allowed', 'allowed: '],
      invalid_region: ['Invalid region code', 'expected: '],
      invalid_id: ['Invalid identifier', 'allowed: '],
    },
    issue: 'The answer could not be checked ({code})',
    pii: {
      EMAIL: 'your email address', PHONE: 'your phone number', SNILS: 'your SNILS number', INN: 'your tax number (INN)',
      OGRN: 'the OGRN number', PASSPORT: 'your passport details', OMS: 'your health insurance number',
      CARD: 'your bank card number', IBAN: 'your bank account number', IP: 'the IP address', URL: 'the link',
      PLATE: 'the vehicle number', DATE_OF_BIRTH: 'your date of birth', PERSON: 'the name', ADDRESS: 'the address',
    },
  },
};

// The sentences for `locale`: built in, or fetched from `base`locales/LOCALE.json, else English.
export async function strings(locale, base) {
  if (builtIn[locale]) return builtIn[locale];
  if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(locale)) {
    try {
      const answer = await fetch(new URL(`locales/${locale}.json`, base), { credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (answer.ok) return { ...builtIn.en, ...(await answer.json()) };
    } catch {
      // An unreachable locale file falls back to English below.
    }
  }
  return builtIn.en;
}

// The sentence for an issue of the widget's core ({path, code, detail}), as the core words it in `messages`.
export function describe(issue, messages) {
  const [text, intro = ''] = messages.issues[issue.code] ?? [fill(messages.issue, issue)];
  return `${text}${issue.detail ? ` (${intro}${issue.detail})` : ''}.`;
}

// Replaces {name} by values[name].
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => values[name]);
