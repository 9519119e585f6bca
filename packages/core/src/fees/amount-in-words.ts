import type { Locale } from '../i18n/locale.ts';
import { MINOR_PER_MAJOR } from './money.ts';

/**
 * An amount as a receipt writes it out: the whole somoni (or dollars) in words, the diram (or
 * cents) in two figures, as in "Чорсаду панҷоҳ сомонию 00 дирам",
 * "Четыреста пятьдесят сомони 00 дирамов", "Four hundred fifty somoni 00 diram".
 *
 * Tajik: the parts of a compound numeral are joined by the connective -у after a consonant and
 * -ю after a vowel ("бисту як", "сию ду", "саду бист", "ду ҳазору панҷсад"); a noun after a
 * numeral stays singular ("панҷ дирам"); the somoni and the diram are joined the same way
 * ("сомонию 00 дирам").
 * Russian: thousands are feminine ("одна тысяча", "две тысячи"); a noun after a number takes the
 * singular after 1 (21, 101 …), the genitive singular after 2–4 (22, 104 …) and the genitive
 * plural after 0, 5–20 and 11–14 of any hundred ("тысяча / тысячи / тысяч", "дирам / дирама /
 * дирамов"); "сомони" does not change.
 */

/** The largest whole amount written out: below a trillion. */
export const MAX_WORDS_MAJOR = 999_999_999_999;

type Gender = 'm' | 'f';

// ---- Russian -------------------------------------------------------------------------------

const RU_UNITS_M = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_UNITS_F = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const RU_TENS = [
  '',
  '',
  'двадцать',
  'тридцать',
  'сорок',
  'пятьдесят',
  'шестьдесят',
  'семьдесят',
  'восемьдесят',
  'девяносто',
];
const RU_HUNDREDS = [
  '',
  'сто',
  'двести',
  'триста',
  'четыреста',
  'пятьсот',
  'шестьсот',
  'семьсот',
  'восемьсот',
  'девятьсот',
];

/** The Russian noun form after a number: [1, 2–4, 5–20 and 0]. */
export function russianPlural(n: number, forms: readonly [string, string, string]): string {
  const last2 = n % 100;
  const last = n % 10;
  if (last2 >= 11 && last2 <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

function ruTriad(n: number, gender: Gender): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) words.push(RU_HUNDREDS[h]!);
  if (rest >= 10 && rest < 20) words.push(RU_TEENS[rest - 10]!);
  else {
    if (rest >= 20) words.push(RU_TENS[Math.floor(rest / 10)]!);
    if (rest % 10) words.push((gender === 'f' ? RU_UNITS_F : RU_UNITS_M)[rest % 10]!);
  }
  return words;
}

const RU_SCALES: { value: number; gender: Gender; forms: [string, string, string] }[] = [
  { value: 1_000_000_000, gender: 'm', forms: ['миллиард', 'миллиарда', 'миллиардов'] },
  { value: 1_000_000, gender: 'm', forms: ['миллион', 'миллиона', 'миллионов'] },
  { value: 1_000, gender: 'f', forms: ['тысяча', 'тысячи', 'тысяч'] },
];

function russian(n: number, gender: Gender): string {
  if (n === 0) return 'ноль';
  const words: string[] = [];
  let rest = n;
  for (const scale of RU_SCALES) {
    const count = Math.floor(rest / scale.value);
    rest %= scale.value;
    if (!count) continue;
    words.push(...ruTriad(count, scale.gender), russianPlural(count, scale.forms));
  }
  words.push(...ruTriad(rest, gender));
  return words.join(' ');
}

// ---- Tajik ---------------------------------------------------------------------------------

const TG_UNITS = ['', 'як', 'ду', 'се', 'чор', 'панҷ', 'шаш', 'ҳафт', 'ҳашт', 'нӯҳ'];
const TG_TEENS = [
  'даҳ',
  'ёздаҳ',
  'дувоздаҳ',
  'сенздаҳ',
  'чордаҳ',
  'понздаҳ',
  'шонздаҳ',
  'ҳабдаҳ',
  'ҳаждаҳ',
  'нуздаҳ',
];
const TG_TENS = ['', '', 'бист', 'сӣ', 'чил', 'панҷоҳ', 'шаст', 'ҳафтод', 'ҳаштод', 'навад'];
const TG_HUNDREDS = [
  '',
  'сад',
  'дусад',
  'сесад',
  'чорсад',
  'панҷсад',
  'шашсад',
  'ҳафтсад',
  'ҳаштсад',
  'нӯҳсад',
];

/** A word with the connective: -ю after a vowel (a final -ӣ becomes -и: "сӣ" → "сию"), -у after a consonant. */
export function tajikConnective(word: string): string {
  if (word.endsWith('ӣ')) return `${word.slice(0, -1)}ию`;
  return /[аеёиоуӯэюяӣ]$/i.test(word) ? `${word}ю` : `${word}у`;
}

/** The parts of a number below a thousand: "чорсад", "панҷоҳ" (joined later). */
function tgTriad(n: number): string[] {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) parts.push(TG_HUNDREDS[h]!);
  if (rest >= 10 && rest < 20) parts.push(TG_TEENS[rest - 10]!);
  else {
    if (rest >= 20) parts.push(TG_TENS[Math.floor(rest / 10)]!);
    if (rest % 10) parts.push(TG_UNITS[rest % 10]!);
  }
  return parts;
}

const TG_SCALES: { value: number; word: string }[] = [
  { value: 1_000_000_000, word: 'миллиард' },
  { value: 1_000_000, word: 'миллион' },
  { value: 1_000, word: 'ҳазор' },
];

/** Joins the parts with the connective on every part but the last. */
function tgJoin(parts: string[]): string {
  return parts.map((p, i) => (i < parts.length - 1 ? tajikConnective(p) : p)).join(' ');
}

function tajik(n: number): string {
  if (n === 0) return 'сифр';
  // each scale group is one part ("ду ҳазор", "сесаду чилу панҷ ҳазор"); the connective joins the groups
  const parts: string[] = [];
  let rest = n;
  for (const scale of TG_SCALES) {
    const count = Math.floor(rest / scale.value);
    rest %= scale.value;
    if (count) parts.push(`${tgJoin(tgTriad(count))} ${scale.word}`);
  }
  parts.push(...tgTriad(rest));
  return tgJoin(parts);
}

// ---- English -------------------------------------------------------------------------------

const EN_UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function enTriad(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) words.push(EN_UNITS[h]!, 'hundred');
  if (rest >= 10 && rest < 20) words.push(EN_TEENS[rest - 10]!);
  else if (rest >= 20) {
    const tens = EN_TENS[Math.floor(rest / 10)]!;
    words.push(rest % 10 ? `${tens}-${EN_UNITS[rest % 10]}` : tens);
  } else if (rest) words.push(EN_UNITS[rest]!);
  return words;
}

const EN_SCALES: { value: number; word: string }[] = [
  { value: 1_000_000_000, word: 'billion' },
  { value: 1_000_000, word: 'million' },
  { value: 1_000, word: 'thousand' },
];

function english(n: number): string {
  if (n === 0) return 'zero';
  const words: string[] = [];
  let rest = n;
  for (const scale of EN_SCALES) {
    const count = Math.floor(rest / scale.value);
    rest %= scale.value;
    if (count) words.push(...enTriad(count), scale.word);
  }
  words.push(...enTriad(rest));
  return words.join(' ');
}

// ---- amounts -------------------------------------------------------------------------------

/** A whole number in words (Russian: masculine unless told). */
export function numberInWords(n: number, locale: Locale, gender: Gender = 'm'): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_WORDS_MAJOR) {
    throw new Error(`not a whole number from 0 to ${MAX_WORDS_MAJOR}: ${n}`);
  }
  if (locale === 'tg') return tajik(n);
  if (locale === 'ru') return russian(n, gender);
  return english(n);
}

const capitalise = (s: string) => (s ? s[0]!.toLocaleUpperCase() + s.slice(1) : s);

/**
 * An amount in minor units (diram, or cents of a consular tariff in dollars) as a receipt writes
 * it: the major units in words, capitalised, the minor units in two figures.
 */
export function amountInWords(minor: number, locale: Locale, currency: 'TJS' | 'USD' = 'TJS'): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new Error(`not an amount in minor units: ${minor}`);
  const major = Math.floor(minor / MINOR_PER_MAJOR);
  const cents = minor % MINOR_PER_MAJOR;
  const figures = String(cents).padStart(2, '0');
  const words = numberInWords(major, locale);
  if (locale === 'tg') {
    return currency === 'TJS'
      ? capitalise(`${words} ${tajikConnective('сомонӣ')} ${figures} дирам`)
      : capitalise(`${words} доллари ИМА ва ${figures} сент`);
  }
  if (locale === 'ru') {
    return currency === 'TJS'
      ? capitalise(`${words} сомони ${figures} ${russianPlural(cents, ['дирам', 'дирама', 'дирамов'])}`)
      : capitalise(
          `${words} ${russianPlural(major, ['доллар', 'доллара', 'долларов'])} США ${figures} ${russianPlural(cents, ['цент', 'цента', 'центов'])}`,
        );
  }
  return currency === 'TJS'
    ? capitalise(`${words} somoni ${figures} diram`)
    : capitalise(
        `${words} US ${major === 1 ? 'dollar' : 'dollars'} ${figures} ${cents === 1 ? 'cent' : 'cents'}`,
      );
}
