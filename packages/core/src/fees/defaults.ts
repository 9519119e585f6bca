import type { LocalizedText } from '../i18n/locale.ts';
import { FEE_LINE_KINDS, type FeeLineKind, type FeeService } from './catalogue.ts';
import { e, LEGAL_BASES, NOTES } from './legal-bases.ts';
import { CONSULAR_ANY, type ExemptionValue, type FeeVersion, lineKey } from './versions.ts';

/**
 * The fee rules Sabt ships, dated (handbook §3: the fee table, the PDR by year, the 2019 and 2025
 * changes, the 2025 name-change duty). What the handbook does not confirm from a published source
 * is a placeholder here with `verified: false`, which the calculator shows on the line; the central
 * department replaces it by a stored version from a date on.
 */

/** The first day Sabt knows fees for (the earliest PDR the handbook gives). */
export const FEES_KNOWN_FROM = '2016-01-01';
/** Birth registration within 3 months free (2019 amendment). */
export const FREE_BIRTH_FROM = '2019-07-19';
/** Registration of birth, death and adoption free. */
export const FREE_REGISTRATION_FROM = '2025-02-28';
/** The name-change duty of 6 PDR: one month after the publication of the amendment signed on 1 Oct 2025 (day not confirmed). */
export const NAME_CHANGE_6_PDR_FROM = '2025-11-01';
/** The name-change duty of 3 PDR (known in July 2020; the day it rose from 2 PDR is not known). */
export const NAME_CHANGE_3_PDR_FROM = '2020-01-01';

type Mark = { verified: boolean; note?: LocalizedText | null };
const V: Mark = { verified: true };
const U: Mark = { verified: false, note: NOTES.placeholder };
const DERIVED: Mark = { verified: false, note: NOTES.derived };

const basisOf = (kind: FeeLineKind): LocalizedText =>
  kind === 'duty' ? LEGAL_BASES.stateDuty : kind === 'service' ? LEGAL_BASES.decree430 : LEGAL_BASES.blanks;

const versions: FeeVersion[] = [];
const shipped = { source: 'default' as const, recordedAt: null, recordedBy: null };

function line(
  service: FeeService,
  kind: FeeLineKind,
  validFrom: string,
  pdr: string,
  mark: Mark,
  basis: LocalizedText = basisOf(kind),
) {
  const key = lineKey(service, kind);
  versions.push({
    id: `default:line:${key}:${validFrom}`,
    kind: 'line',
    key,
    validFrom,
    validTo: null,
    value: { pdr },
    basis,
    verified: mark.verified,
    note: mark.note ?? null,
    ...shipped,
  });
}

/** The three lines of a service from a date: duty, service fee, blank. */
function lines(
  service: FeeService,
  validFrom: string,
  values: [string, string, string],
  marks: [Mark, Mark, Mark],
) {
  FEE_LINE_KINDS.forEach((kind, i) => {
    line(service, kind, validFrom, values[i]!, marks[i]!);
  });
}

// —— the PDR by year (handbook §3.1) ——
const PDR: [number, number, Mark][] = [
  [2016, 40, DERIVED],
  [2017, 50, DERIVED],
  [2018, 50, { verified: false, note: NOTES.pdrPlaceholder }],
  [2019, 55, DERIVED],
  [2020, 58, DERIVED],
  [2021, 60, { verified: false, note: NOTES.pdrPlaceholder }],
  [2022, 64, { verified: false, note: NOTES.pdrPlaceholder }],
  [2023, 68, { verified: false, note: NOTES.pdrPlaceholder }],
  [2024, 72, { verified: false, note: NOTES.pdrPlaceholder }],
  [2025, 75, V],
  [2026, 75, { verified: false, note: NOTES.pdrPlaceholder }],
];
for (const [year, somoni, mark] of PDR) {
  versions.push({
    id: `default:pdr:${year}`,
    kind: 'pdr',
    key: 'pdr',
    validFrom: `${year}-01-01`,
    validTo: null,
    value: { diram: somoni * 100 },
    basis: LEGAL_BASES.budget,
    verified: mark.verified,
    note: mark.note ?? null,
    ...shipped,
  });
}

// —— the fee table (handbook §3.3), from the first day Sabt knows fees for ——
const D = FEES_KNOWN_FROM;
const F25 = FREE_REGISTRATION_FROM;
const FREE_SCOPE: Mark = { verified: false, note: NOTES.freeScope };

lines('BIRTH_REG', D, ['0', '0', '0.2'], [U, U, DERIVED]);
lines('BIRTH_REG_LATE_1_16', D, ['0', '0', '0'], [V, U, U]);
lines('BIRTH_REG_LATE_16', D, ['0', '0', '0'], [V, U, U]);
lines('DEATH_REG', D, ['0', '0', '0.2'], [V, U, DERIVED]);
lines('DEATH_REG_LATE', D, ['0', '0', '0.2'], [V, U, DERIVED]);
lines('ADOPTION_REG', D, ['0', '0', '0.2'], [U, U, U]);
// free since 28.02.2025: birth (also late: not confirmed), death, adoption
for (const s of ['BIRTH_REG', 'DEATH_REG', 'DEATH_REG_LATE', 'ADOPTION_REG'] as const) {
  for (const kind of FEE_LINE_KINDS)
    line(s, kind, F25, '0', kind === 'blank' ? FREE_SCOPE : V, LEGAL_BASES.free2025);
}
for (const s of ['BIRTH_REG_LATE_1_16', 'BIRTH_REG_LATE_16'] as const) {
  for (const kind of FEE_LINE_KINDS) line(s, kind, F25, '0', FREE_SCOPE, LEGAL_BASES.free2025);
}
lines('PATERNITY_REG', D, ['0', '0', '0'], [V, V, V]);
lines('MARRIAGE_REG', D, ['0', '0', '0.2'], [U, U, DERIVED]);
lines('DIVORCE_REG', D, ['1', '0', '0.2'], [{ verified: false, note: NOTES.divorcePerSpouse }, U, DERIVED]);
lines('NAME_CHANGE_REG', D, ['2', '0.3', '0.2'], [U, U, DERIVED]);
line('NAME_CHANGE_REG', 'duty', NAME_CHANGE_3_PDR_FROM, '3', { verified: false, note: NOTES.nameChange3 });
line(
  'NAME_CHANGE_REG',
  'duty',
  NAME_CHANGE_6_PDR_FROM,
  '6',
  { verified: true, note: NOTES.nameChangeDate },
  LEGAL_BASES.stateDuty2025,
);
lines('RECORD_AMEND', D, ['0', '0.3', '0.2'], [U, U, DERIVED]);
lines('RECORD_RESTORE', D, ['1', '0', '0.2'], [U, U, DERIVED]);
lines('RECORD_ANNUL', D, ['0', '0', '0'], [U, U, U]);
for (const s of [
  'CERT_REPEAT',
  'CERT_REISSUE_NAMECHANGE',
  'CERT_REISSUE_AMEND',
  'CERT_REISSUE_PATERNITY',
  'CERT_REISSUE_ADOPTION',
] as const) {
  lines(s, D, ['0', '0', '0.2'], [U, U, DERIVED]);
}
lines('EXTRACT', D, ['0', '0', '0'], [U, U, U]);
lines('ARCHIVE_SEARCH', D, ['0', '0', '0'], [U, U, U]);
line('APPLICATION_BLANK', 'blank', D, '0.05', V);

// —— applicant categories and exemptions ——
const CATEGORIES: [string, LocalizedText][] = [
  [
    'disabled',
    e(
      'Шахсони дорои маъюбии гурӯҳҳои I ва II',
      'Лица с инвалидностью I и II групп',
      'Persons with disabilities (groups I and II)',
    ),
  ],
  [
    'veteran',
    e('Иштирокчиён ва собиқадорони ҷанг', 'Участники и ветераны войны', 'War participants and veterans'),
  ],
  [
    'orphan',
    e(
      'Ятимон ва кӯдакони бе парастории волидон',
      'Сироты и дети, оставшиеся без попечения родителей',
      'Orphans and children left without parental care',
    ),
  ],
  [
    'state_body',
    e(
      'Судҳо ва мақомоти давлатӣ бо дархости расмӣ',
      'Суды и государственные органы по официальному запросу',
      'Courts and state bodies on official request',
    ),
  ],
];
for (const [key, labels] of CATEGORIES) {
  versions.push({
    id: `default:category:${key}`,
    kind: 'category',
    key,
    validFrom: D,
    validTo: null,
    value: { labels, active: true },
    basis: LEGAL_BASES.stateDuty,
    verified: false,
    note: NOTES.category,
    ...shipped,
  });
}

function exemption(key: string, validFrom: string, value: ExemptionValue, basis: LocalizedText, mark: Mark) {
  versions.push({
    id: `default:exemption:${key}:${validFrom}`,
    kind: 'exemption',
    key,
    validFrom,
    validTo: null,
    value,
    basis,
    verified: mark.verified,
    note: mark.note ?? null,
    ...shipped,
  });
}

exemption(
  'birth-within-3-months',
  FREE_BIRTH_FROM,
  {
    labels: e(
      'Бақайдгирии таваллуд дар давоми 3 моҳ ройгон',
      'Регистрация рождения в течение 3 месяцев бесплатно',
      'Birth registration within 3 months free',
    ),
    services: ['BIRTH_REG'],
    lines: ['duty', 'service', 'blank'],
    percent: 100,
    categories: null,
    maxMonthsSinceEvent: 3,
  },
  LEGAL_BASES.freeBirth2019,
  V,
);
const CATEGORY_MARK: Mark = { verified: false, note: NOTES.category };
exemption(
  'disabled-duty',
  D,
  {
    labels: e(
      'Озод аз боҷи давлатӣ: шахсони дорои маъюбӣ',
      'Освобождение от госпошлины: лица с инвалидностью',
      'State duty exemption: persons with disabilities',
    ),
    services: null,
    lines: ['duty'],
    percent: 100,
    categories: ['disabled'],
    maxMonthsSinceEvent: null,
  },
  LEGAL_BASES.stateDuty,
  CATEGORY_MARK,
);
exemption(
  'veteran-duty',
  D,
  {
    labels: e(
      'Озод аз боҷи давлатӣ: иштирокчиён ва собиқадорони ҷанг',
      'Освобождение от госпошлины: участники и ветераны войны',
      'State duty exemption: war participants and veterans',
    ),
    services: null,
    lines: ['duty'],
    percent: 100,
    categories: ['veteran'],
    maxMonthsSinceEvent: null,
  },
  LEGAL_BASES.stateDuty,
  CATEGORY_MARK,
);
exemption(
  'orphan-duty-service',
  D,
  {
    labels: e(
      'Озод аз боҷ ва ҳаққи хизматрасонӣ: ятимон',
      'Освобождение от пошлины и платы за услугу: сироты',
      'Duty and service fee exemption: orphans',
    ),
    services: null,
    lines: ['duty', 'service'],
    percent: 100,
    categories: ['orphan'],
    maxMonthsSinceEvent: null,
  },
  LEGAL_BASES.stateDuty,
  CATEGORY_MARK,
);
exemption(
  'state-body-request',
  D,
  {
    labels: e(
      'Дархости суд ё мақоми давлатӣ ройгон',
      'Запрос суда или государственного органа бесплатно',
      'A request of a court or state body is free',
    ),
    services: ['CERT_REPEAT', 'EXTRACT', 'ARCHIVE_SEARCH'],
    lines: ['duty', 'service'],
    percent: 100,
    categories: ['state_body'],
    maxMonthsSinceEvent: null,
  },
  LEGAL_BASES.stateDuty,
  CATEGORY_MARK,
);

// —— consular tariff: not known for civil registration (a passport abroad: USD 50 + 3 PDR) ——
versions.push({
  id: `default:consular:${CONSULAR_ANY}`,
  kind: 'consular',
  key: CONSULAR_ANY,
  validFrom: D,
  validTo: null,
  value: { currency: 'USD', minor: 0 },
  basis: LEGAL_BASES.consular,
  verified: false,
  note: NOTES.placeholder,
  ...shipped,
});

/** Every shipped version. */
export const DEFAULT_FEE_VERSIONS: readonly FeeVersion[] = versions;
