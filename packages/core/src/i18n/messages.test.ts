import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES, pickLocale } from './locale.ts';
import { isMessageKey, localizeParams, MESSAGES, t } from './messages.ts';

const ENTRIES = Object.entries(MESSAGES);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages shown to users', () => {
  it.each(ENTRIES)('%s has a text in Tajik, Russian and English', (_key, entry) => {
    for (const locale of LOCALES) expect(entry[locale].trim(), locale).not.toBe('');
  });

  it.each(ENTRIES)('%s has the same placeholders in all three languages', (_key, entry) => {
    expect(placeholders(entry.ru)).toEqual(placeholders(entry.tg));
    expect(placeholders(entry.en)).toEqual(placeholders(entry.tg));
  });

  it.each(ENTRIES)('%s is really translated', (_key, entry) => {
    expect(entry.tg).not.toBe(entry.en);
    expect(entry.tg).not.toBe(entry.ru);
    // Tajik and Russian are written in Cyrillic, English is not.
    expect(entry.tg).toMatch(/[а-яёӣқӯҳҷғ]/i);
    expect(entry.ru).toMatch(/[а-яё]/i);
    expect(entry.en).not.toMatch(/[\u0400-\u04FF]/);
  });

  it('uses no letters in Tajik that the 1998 reform removed (ц, щ, ы, ь): a sign of Russian text', () => {
    const suspicious = ENTRIES.filter(([, e]) => /[цщыь]/i.test(e.tg)).map(([k]) => k);
    expect(suspicious).toEqual([]);
  });

  it('has a message for every key the data checks can report', () => {
    const keys = [
      'error.required',
      'error.type',
      'error.tooLong',
      'error.tooShort',
      'error.tooSmall',
      'error.tooBig',
      'error.tooMany',
      'error.choice',
      'error.format',
      'error.uuid',
      'error.unknownField',
      'error.time',
      'error.country',
      'error.unit',
      'error.date.invalid',
      'error.date.partialInvalid',
      'error.date.future',
      'error.date.beforeBirth',
      'error.date.beforeEvent',
      'error.age.implausible',
      'error.birthOrder',
      'error.father.notExpected',
      'error.father.required',
      'error.icd10',
      'warning.lateBirth',
      'warning.lateDeath',
      'warning.name.russianSurnameSuffix',
      'warning.name.russianPatronymic',
      'warning.name.title',
    ];
    expect(keys.filter((k) => !isMessageKey(k))).toEqual([]);
  });

  it('does not mistake inherited object properties for message keys', () => {
    expect(isMessageKey('toString')).toBe(false);
    expect(isMessageKey('__proto__')).toBe(false);
    expect(isMessageKey('constructor')).toBe(false);
  });
});

describe('rendering a message', () => {
  it('fills a name given in every language in the language of the message, never a code', () => {
    const document = {
      tg: 'Шаҳодатнома дар бораи таваллуд',
      ru: 'Свидетельство о рождении',
      en: 'Birth certificate',
    };
    expect(t('problem.blank.noneInStock', 'tg', { document })).toContain('«Шаҳодатнома дар бораи таваллуд»');
    expect(t('problem.blank.noneInStock', 'ru', { document })).toContain('«Свидетельство о рождении»');
    expect(t('problem.blank.noneInStock', 'en', { document })).toContain('“Birth certificate”');
    expect(localizeParams({ office: { tg: 'Идора', ru: 'Отдел', en: 'Office' }, number: 3 }, 'ru')).toEqual({
      office: 'Отдел',
      number: 3,
    });
    const husband = { tg: 'шавҳар', ru: 'муж', en: 'husband' };
    expect(localizeParams({ options: [husband, 'x'] }, 'en')).toEqual({ options: ['husband', 'x'] });
    expect(t('error.choice', 'tg', { options: [husband] })).toContain(': шавҳар.');
  });

  it('fills placeholders from the parameters', () => {
    expect(t('error.tooLong', 'en', { max: 100 })).toBe('Too long: at most 100 characters.');
    expect(t('error.tooLong', 'tg', { max: 100 })).toBe('Матн дароз аст: на зиёда аз 100 аломат.');
    expect(t('error.age.implausible', 'ru', { age: 8, min: 10, max: 65 })).toBe(
      'Неправдоподобный возраст (8): проверьте даты (от 10 до 65).',
    );
  });

  it('lists the choices separated by commas', () => {
    expect(t('error.choice', 'en', { options: ['M', 'F'] })).toBe('Choose one of the allowed values: M, F.');
  });

  it('leaves a placeholder visible when its parameter is missing', () => {
    expect(t('error.tooLong', 'en')).toBe('Too long: at most {max} characters.');
  });

  it('fills in a zero, which is a real value', () => {
    expect(t('error.tooSmall', 'en', { min: 0 })).toBe('Too small: at least 0.');
  });

  it('shows the key itself for an unknown message rather than failing', () => {
    expect(t('error.noSuchThing', 'tg')).toBe('error.noSuchThing');
    expect(t('toString', 'en')).toBe('toString');
  });
});

describe('choosing the language from the browser’s Accept-Language', () => {
  it('uses Tajik when the browser says nothing', () => {
    expect(DEFAULT_LOCALE).toBe('tg');
    expect(pickLocale(undefined)).toBe('tg');
    expect(pickLocale(null)).toBe('tg');
    expect(pickLocale('')).toBe('tg');
  });

  it('uses Tajik when no language the browser asks for is supported', () => {
    expect(pickLocale('fr-FR, de;q=0.8, *;q=0.5')).toBe('tg');
  });

  it('takes the first supported language, matching regional variants', () => {
    expect(pickLocale('ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ru');
    expect(pickLocale('fr, en-GB;q=0.9, ru;q=0.8')).toBe('en');
    expect(pickLocale('TG-TJ')).toBe('tg');
  });

  it('follows the q values, not the order written', () => {
    expect(pickLocale('en;q=0.5, ru;q=0.9')).toBe('ru');
    expect(pickLocale('en-US;q=0.8, tg; q=0.9')).toBe('tg');
    expect(pickLocale('ru;q=0.2, en')).toBe('en');
  });

  it('keeps the written order between languages of equal weight', () => {
    expect(pickLocale('en, ru')).toBe('en');
    expect(pickLocale('ru, en')).toBe('ru');
  });

  it('ignores languages the browser refuses with q=0 or a q it cannot read', () => {
    expect(pickLocale('en;q=0')).toBe('tg');
    expect(pickLocale('ru;q=0, en;q=0.1')).toBe('en');
    expect(pickLocale('ru;q=abc, en;q=0.1')).toBe('en');
  });
});
