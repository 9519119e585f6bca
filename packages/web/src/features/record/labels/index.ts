import { ADMIN_UNITS, fieldLabelAt, formatDate, ITEM_LABEL, type Locale, valueLabelAt } from '@sabt/core';

const isIndex = (s: string) => /^\d+$/.test(s);

/** `birthWeightGrams` → "Birth weight grams": for a key the catalogue does not know yet. */
export function humanise(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-zа-яӣӯқғҳҷ])([A-ZА-ЯӢӮҚҒҲҶ])/gu, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of one segment of a path (the last of `segments`) in the user's language. */
export function segmentLabel(kind: string, segments: readonly string[], locale: Locale): string {
  const last = segments.at(-1) ?? '';
  if (isIndex(last)) return `${ITEM_LABEL[locale]} ${Number(last) + 1}`;
  return fieldLabelAt(kind, segments)?.[locale] ?? humanise(last);
}

export function splitPath(path: string | readonly string[]): string[] {
  const parts = typeof path === 'string' ? path.split('.') : [...path];
  // problem paths of record data start with `data`
  return parts[0] === 'data' ? parts.slice(1) : parts;
}

/** "Модар › Ҷои истиқомат › Кишвар": a readable name for a data path. */
export function pathLabel(kind: string, path: string | readonly string[], locale: Locale): string {
  const parts = splitPath(path).filter(Boolean);
  return parts.map((_, i) => segmentLabel(kind, parts.slice(0, i + 1), locale)).join(' › ');
}

/** The name of a coded value, or undefined when the value is not a known code. */
export function valueLabel(segments: readonly string[], value: string, locale: Locale): string | undefined {
  return valueLabelAt(segments, value)?.[locale];
}

/**
 * Country names in Tajik for the countries Tajik records name most: browsers' Intl data often has
 * no Tajik, and a Tajik screen then shows Russian names (Cyrillic, familiar), never English.
 */
const TAJIK_COUNTRIES: Record<string, string> = {
  TJ: 'Тоҷикистон',
  RU: 'Русия',
  UZ: 'Ӯзбекистон',
  KG: 'Қирғизистон',
  KZ: 'Қазоқистон',
  AF: 'Афғонистон',
  TM: 'Туркманистон',
  CN: 'Чин',
  IR: 'Эрон',
  TR: 'Туркия',
  PK: 'Покистон',
  IN: 'Ҳиндустон',
  US: 'Иёлоти Муттаҳидаи Амрико',
  DE: 'Олмон',
  GB: 'Британияи Кабир',
  FR: 'Фаронса',
  IT: 'Италия',
  UA: 'Украина',
  BY: 'Беларус',
  AZ: 'Озарбойҷон',
  AM: 'Арманистон',
  GE: 'Гурҷистон',
  AE: 'Аморати Муттаҳидаи Араб',
  SA: 'Арабистони Саудӣ',
  QA: 'Қатар',
  EG: 'Миср',
  KR: 'Кореяи Ҷанубӣ',
  JP: 'Ҷопон',
  PL: 'Лаҳистон',
  LT: 'Литва',
  LV: 'Латвия',
  EE: 'Эстония',
  MD: 'Молдова',
};

const regionNames = new Map<string, Intl.DisplayNames | null>();
function displayNames(locale: string): Intl.DisplayNames | null {
  if (!regionNames.has(locale)) {
    let names: Intl.DisplayNames | null = null;
    try {
      const candidate = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
      // a browser without data for the language answers in another one: do not use it then
      if (candidate.resolvedOptions().locale.split('-')[0] === locale) names = candidate;
    } catch {
      names = null;
    }
    regionNames.set(locale, names);
  }
  return regionNames.get(locale) ?? null;
}

export function countryName(code: string, locale: Locale): string {
  const own = displayNames(locale)?.of(code);
  if (own && own !== code) return own;
  if (locale === 'tg') {
    const tajik = TAJIK_COUNTRIES[code];
    if (tajik) return tajik;
    const russian = displayNames('ru')?.of(code);
    if (russian && russian !== code) return russian;
  }
  return code;
}

const UNITS = new Map(ADMIN_UNITS.map((u) => [u.code, u]));

export type ValueKind = 'date' | 'record-id' | 'plain';

/** Keys whose value is the id of another record (shown as a link). */
export function isRecordIdKey(key: string): boolean {
  return /^(recordId|duplicateOf)$|RecordIds?$/.test(key);
}

export interface FormatContext {
  locale: Locale;
  yes: string;
  no: string;
  /** The office's name for an office code, when it is one. */
  officeName?: (id: string) => string | undefined;
}

/** A leaf value of record data as people read it: dates dd.mm.yyyy, codes by name, yes/no. */
export function formatValue(segments: readonly string[], value: unknown, ctx: FormatContext): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? ctx.yes : ctx.no;
  if (typeof value === 'number') return value.toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'ru-RU');
  if (Array.isArray(value)) return value.map((v) => formatValue(segments, v, ctx)).join(', ');
  if (typeof value === 'object') {
    // a whole object as one value (e.g. a diff of a section that was added or removed)
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => formatValue([...segments, k], v, ctx))
      .filter((s) => s !== '—')
      .join(', ');
  }
  const text = String(value);
  const key = segments.filter((s) => !isIndex(s)).at(-1) ?? '';
  if (/(^date$|Date$)/.test(key)) return formatDate(text);
  if (key === 'country' || key === 'citizenship') return countryName(text, ctx.locale);
  if (key === 'unit') {
    const unit = UNITS.get(text);
    return unit ? unit[ctx.locale] : text;
  }
  if (key === 'office' || key === 'recordOffice' || key === 'officeId') return ctx.officeName?.(text) ?? text;
  return valueLabel(segments, text, ctx.locale) ?? text;
}
