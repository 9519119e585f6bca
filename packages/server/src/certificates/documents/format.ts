import { ADMIN_UNITS, DOCUMENTS, formatDate } from '@sabt/core';
import type { CertificateRenderInput } from '../types.ts';

/** How values are written on Tajik certificates: names, dates, places, citizenship, references. */

export interface NameParts {
  surname?: string | undefined;
  name?: string | undefined;
  patronymic?: string | undefined;
}

const clean = (v: unknown): string => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '');

/** "Насаб Ном Номи падар", skipping missing parts. */
export function fullName(p: NameParts | undefined): string {
  if (!p) return '';
  return [p.surname, p.name, p.patronymic].map(clean).filter(Boolean).join(' ');
}

/** dd.mm.yyyy (partial dates keep their precision: mm.yyyy, yyyy). */
export function date(value: string | undefined | null): string {
  const v = clean(value);
  return v ? formatDate(v) : '';
}

const UNITS = new Map(ADMIN_UNITS.map((u) => [u.code, u]));
const CITY_OF_REGION = new Map(ADMIN_UNITS.filter((u) => u.code.endsWith('-00')).map((u) => [u.region, u]));

const norm = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/^(ш|н|ш\.|н\.)\s+/u, '')
    .trim();

/** The district or city in Tajik with its kind: "ш. Хуҷанд", "н. Айнӣ", "н. Фирдавсӣ, ш. Душанбе". */
export function unitName(code: string | undefined): string {
  const u = code ? UNITS.get(code) : undefined;
  if (!u) return clean(code);
  if (u.kind === 'city') return `ш. ${u.tg}`;
  if (u.kind === 'city-district') {
    const city = CITY_OF_REGION.get(u.region);
    return city ? `н. ${u.tg}, ш. ${city.tg}` : `н. ${u.tg}`;
  }
  return `н. ${u.tg}`;
}

interface PlaceParts {
  country?: string | undefined;
  unit?: string | undefined;
  settlement?: string | undefined;
}

/**
 * A place as certificates write it: the district or city, then the settlement when it adds
 * something ("н. Данғара, деҳаи Лоҷувар"); abroad, the settlement and the country.
 */
export function place(p: PlaceParts | undefined): string {
  if (!p) return '';
  const settlement = clean(p.settlement);
  const country = clean(p.country);
  if (country && country !== 'TJ') return [settlement, countryName(country)].filter(Boolean).join(', ');
  if (!p.unit) return [settlement, country ? countryName(country) : ''].filter(Boolean).join(', ');
  const unit = unitName(p.unit);
  const u = UNITS.get(p.unit);
  const known = [u?.tg, u && CITY_OF_REGION.get(u.region)?.tg].filter(Boolean).map((s) => norm(s!));
  if (!settlement || known.includes(norm(settlement))) return unit;
  return `${unit}, ${settlement}`;
}

/** Country names in Tajik for the citizenships and places Sabt meets most; others print their ISO code. */
const COUNTRIES: Record<string, string> = {
  TJ: 'Ҷумҳурии Тоҷикистон',
  RU: 'Федератсияи Россия',
  UZ: 'Ҷумҳурии Ӯзбекистон',
  KZ: 'Ҷумҳурии Қазоқистон',
  KG: 'Ҷумҳурии Қирғизистон',
  TM: 'Туркманистон',
  AF: 'Афғонистон',
  IR: 'Ҷумҳурии Исломии Эрон',
  CN: 'Ҷумҳурии Мардумии Чин',
  TR: 'Ҷумҳурии Туркия',
  BY: 'Ҷумҳурии Беларус',
  UA: 'Украина',
  AZ: 'Ҷумҳурии Озарбойҷон',
  AM: 'Ҷумҳурии Арманистон',
  GE: 'Гурҷистон',
  PK: 'Ҷумҳурии Исломии Покистон',
  IN: 'Ҷумҳурии Ҳиндустон',
  DE: 'Ҷумҳурии Федеративии Олмон',
  US: 'Иёлоти Муттаҳидаи Амрико',
  GB: 'Подшоҳии Муттаҳида',
  AE: 'Аморати Муттаҳидаи Араб',
  SA: 'Подшоҳии Арабистони Саудӣ',
  KR: 'Ҷумҳурии Корея',
};

export function countryName(code: string | undefined): string {
  const c = clean(code).toUpperCase();
  return COUNTRIES[c] ?? c;
}

/** Citizenship as certificates print it: the state's name. */
export function citizenship(code: string | undefined): string {
  return countryName(code);
}

export function sexOfChild(sex: string | undefined): string {
  return sex === 'M' ? 'писар' : sex === 'F' ? 'духтар' : '';
}

export function sexOfAdult(sex: string | undefined): string {
  return sex === 'M' ? 'мард' : sex === 'F' ? 'зан' : '';
}

/** "№ 17 аз 20.03.2025": the act record as the certificate cites it. */
export function recordRef(input: CertificateRenderInput): string {
  return `№ ${input.record.number} аз ${date(input.record.registeredOn)}`;
}

/**
 * "I-ДУ № 000123": the blank's series and number. A document on plain paper carries the office's
 * own number ("№ 2026/000017"): the office is named in words elsewhere on it, never by its code.
 */
export function blankNumber(input: {
  document: CertificateRenderInput['document'];
  certificate: { series: string; number: string };
}): string {
  const number = `№ ${clean(input.certificate.number)}`;
  const series = DOCUMENTS[input.document].blank ? clean(input.certificate.series) : '';
  return series ? `${series} ${number}` : number;
}

/** A date written in the record plus its time, when there is one: "14.03.2025, соати 06:40". */
export function dateAndTime(d: string | undefined, time: string | undefined): string {
  const day = date(d);
  return day && clean(time) ? `${day}, соати ${clean(time)}` : day;
}

/** Whether a value is a Sabt office code (DU-03-00, RA-13-01, CN-RU-01). */
export const isOfficeCode = (v: string) => /^[A-Z]{2}-[A-Z0-9]{2}-\d{2}$/.test(v);

/**
 * An office as records cite it: a Sabt code becomes the office's name (from `names`, the registry's
 * offices the record cites, else from the district's name); older names print as written.
 */
export function officeName(ref: string | undefined, names: Readonly<Record<string, string>> = {}): string {
  const r = clean(ref);
  if (names[r]) return names[r];
  const m = /^([A-Z]{2}-\d{2})-(\d{2})$/.exec(r);
  const u = m ? UNITS.get(m[1]!) : undefined;
  if (!m || !u) return r;
  return m[2] === '00' ? `Шуъбаи САҲШ — ${u.tg}` : `${r} (${u.tg})`;
}

/** An earlier act record as cited: "№ 305 аз 18.08.2012, Шуъбаи САҲШ — Хуҷанд". */
export function actRef(
  ref: { number?: string; date?: string; office?: string } | undefined,
  names: Readonly<Record<string, string>> = {},
): string {
  if (!ref) return '';
  const parts = [
    clean(ref.number) ? `№ ${clean(ref.number)}` : '',
    date(ref.date) ? `аз ${date(ref.date)}` : '',
  ].filter(Boolean);
  const office = officeName(ref.office, names);
  return [parts.join(' '), office].filter(Boolean).join(', ');
}
