import { fieldLabelAt, getActKind, valueLabelAt } from '@sabt/core';
import type { CertificateRenderInput, ExtractNote, NoteAct } from '../../types.ts';
import { citizenship, countryName, date, fullName, officeName, place, unitName } from '../format.ts';
import type { FlowRow } from '../layout-types.ts';

/**
 * The archive extract lists the record's data as registered, in Tajik: every group becomes a
 * heading and every value a row. Internal links (record ids), the statistical block and the
 * medical cause of death are left out: they are not part of an extract handed to a person.
 */

/**
 * The extract names a field and a coded value as the label catalogue does (core labels/, read by
 * data path and act kind); its own words are only the document's formulas (the name line, the
 * headings of the notes). Coded values are printed in lower case, inside a sentence.
 */
function fieldText(kind: string, path: readonly string[]): string {
  return fieldLabelAt(kind, path)?.tg ?? path.at(-1) ?? '';
}
function valueText(path: readonly string[], code: string): string {
  const label = valueLabelAt(path, code);
  return label ? lowerFirst(label.tg) : code;
}

function lowerFirst(s: string): string {
  return s ? s[0]!.toLocaleLowerCase('tg') + s.slice(1) : s;
}

const SKIP = new Set([
  'statistics',
  'cause',
  'recordId',
  'birthRecordId',
  'marriageRecordId',
  'childrenBirthRecordIds',
]);

const isPlace = (k: string) => k === 'birthPlace' || k === 'residence' || k === 'place';
const isDateKey = (k: string) => /date$/i.test(k) || k === 'date';

function idDocumentText(v: Record<string, unknown>): string {
  const type = typeof v.type === 'string' ? valueText(['idDocument', 'type'], v.type) : '';
  const no = [v.series, v.number].filter((x) => typeof x === 'string' && x).join(' ');
  const issued = [
    typeof v.issuer === 'string' ? v.issuer : '',
    typeof v.issueDate === 'string' ? date(v.issueDate) : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [type, no, issued].filter(Boolean).join(', ');
}

function placeText(v: Record<string, unknown>): string {
  const p = place(v as Parameters<typeof place>[0]);
  const address = typeof v.address === 'string' ? v.address.trim() : '';
  return [p, address].filter(Boolean).join(', ');
}

type Sex = 'M' | 'F' | undefined;

/** The sex a group's person has: their own `sex`, else what their part in the act says (a wife, a father). */
const SEX_OF_GROUP: Record<string, Sex> = {
  husband: 'M',
  wife: 'F',
  mother: 'F',
  father: 'M',
  birthMother: 'F',
  birthFather: 'M',
  adoptiveMother: 'F',
  adoptiveFather: 'M',
};

/** Values that depend on the person's sex: a widower is "бевамард", a widow "бевазан". */
const GENDERED: Record<string, Record<'M' | 'F', string>> = {
  WIDOWED: { M: 'бевамард', F: 'бевазан' },
};

function scalar(path: readonly string[], v: unknown, sex?: Sex): string {
  const key = path.at(-1) ?? '';
  if (typeof v === 'boolean') return v ? 'ҳа' : 'не';
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return '';
  if (key === 'citizenship') return citizenship(v);
  if (key === 'country') return countryName(v);
  if (key === 'unit') return unitName(v);
  if (key === 'office' || key === 'recordOffice') return officeName(v);
  if (isDateKey(key)) return date(v);
  if (sex && GENDERED[v]) return GENDERED[v][sex];
  return valueText(path, v);
}

const NAME_PARTS = ['surname', 'name', 'patronymic'];

function walk(
  kind: string,
  obj: Record<string, unknown>,
  rows: FlowRow[],
  at: readonly string[],
  inherited?: Sex,
): void {
  // A person's name reads as one line, as everywhere in the registry: "Насаб Ном Номи падар".
  const hasName = NAME_PARTS.some((k) => typeof obj[k] === 'string' && obj[k]);
  const sex: Sex = obj.sex === 'M' || obj.sex === 'F' ? obj.sex : inherited;
  let nameDone = false;
  for (const [key, v] of Object.entries(obj)) {
    if (SKIP.has(key) || v === undefined || v === null || v === '') continue;
    if (hasName && NAME_PARTS.includes(key)) {
      if (!nameDone) rows.push({ label: 'Насаб, ном, номи падар', value: fullName(obj as never) });
      nameDone = true;
      continue;
    }
    const path = [...at, key];
    const label = fieldText(kind, path);
    if (Array.isArray(v)) {
      rows.push({ label, value: v.map((x) => scalar(path, x, sex)).join('; ') });
    } else if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (key === 'idDocument') rows.push({ label, value: idDocumentText(o) });
      else if (isPlace(key)) rows.push({ label, value: placeText(o) });
      else if (at.length > 4) continue;
      else {
        rows.push({ label });
        walk(kind, o, rows, path, SEX_OF_GROUP[key] ?? sex);
      }
    } else {
      rows.push({ label, value: scalar(path, v, sex) });
    }
  }
}

/** Data rows, then the corrections and notations since registration. */
export function extractRows(input: CertificateRenderInput): FlowRow[] {
  const rows: FlowRow[] = [];
  const data = withOfficeNames(input.record.data, input.officeNames ?? {});
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const top: Record<string, unknown> = {};
    const groups: [string, unknown][] = [];
    for (const [k, v] of Object.entries(data)) {
      if (v && typeof v === 'object' && !Array.isArray(v) && k !== 'idDocument' && !isPlace(k))
        groups.push([k, v]);
      else top[k] = v;
    }
    for (const [k, v] of groups) walk(input.record.kind, { [k]: v }, rows, []);
    const before = rows.length;
    walk(input.record.kind, top, rows, []);
    if (rows.length > before) rows.splice(before, 0, { label: 'Маълумоти дигар' });
  }
  rows.push({ label: 'Ислоҳот, тағйирот ва қайдҳо' });
  const notes = input.record.notes ?? [];
  if (notes.length === 0) rows.push({ label: 'Ислоҳот, тағйирот ва қайдҳо', value: 'нест' });
  for (const n of notes) rows.push(...noteRows(input.record.kind, n, sexOfRecord(data)));
  return rows;
}

/** The data with every office the record cites by code written by its name. */
function withOfficeNames(v: unknown, names: Readonly<Record<string, string>>, key = ''): unknown {
  if (typeof v === 'string') return key === 'office' || key === 'recordOffice' ? officeName(v, names) : v;
  if (Array.isArray(v)) return v.map((x) => withOfficeNames(x, names, key));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withOfficeNames(x, names, k)]));
  return v;
}

/** Tajik names of notations, as the record screen shows them. */
const NOTATIONS: Record<string, string> = {
  death: 'Вафоти шахс ба қайд гирифта шуд',
  'marriage-ended-by-death': 'Ақди никоҳ бо вафоти ҳамсар қатъ шуд',
  divorce: 'Ақди никоҳ бекор карда шуд',
  adoption: 'Фарзандхондӣ ба қайд гирифта шуд',
  paternity: 'Падарӣ муқаррар карда шуд',
  'name-change': 'Ном иваз карда шуд',
  'name-change-of-spouse': 'Ҳамсар номашро иваз кард',
  'name-change-of-parent': 'Волид номашро иваз кард',
  'death-annulled': 'Сабти вафот бо қарори суд бекор карда шуд',
  'marriage-end-annulled': 'Сабте, ки ақди никоҳро қатъ карда буд, бо қарори суд бекор карда шуд',
  'amendment-annulled': 'Сабте, ки ин сабтро тағйир дода буд, бо қарори суд бекор карда шуд',
  'name-change-annulled': 'Ивази ном бо қарори суд бекор карда шуд',
};

/** "сабти санади муқаррар намудани падарӣ № 3, соли 2026, Шуъбаи САҲШ — Фирдавсӣ". */
function actText(act: NoteAct | null | undefined): string {
  if (!act) return '';
  const label = act.kind ? getActKind(act.kind)?.labels.tg : undefined;
  return [
    label ? `сабти санади ${lowerFirst(label)}` : 'сабти санад',
    act.number != null ? `№ ${act.number}` : '',
  ]
    .filter(Boolean)
    .join(' ')
    .concat(act.year != null ? `, соли ${act.year}` : '', act.office ? `, ${act.office}` : '');
}

/** "ариза № 45 аз 12.01.2026, Каримзода Н. С.": the basis document of a correction. */
function basisText(b: Extract<ExtractNote, { kind: 'amendment' }>['basis']): string {
  if (!b) return '';
  const type = b.type ? valueText(['basis', 'type'], b.type) : 'ҳуҷҷат';
  const no = [b.number ? `№ ${b.number}` : '', b.date ? `аз ${date(b.date)}` : ''].filter(Boolean).join(' ');
  return [[type, no].filter(Boolean).join(' '), b.issuer?.trim() ?? ''].filter(Boolean).join(', ');
}

/** "Падар — Насаб": a changed field by its place in the record. */
function pathLabel(kind: string, path: string): string {
  const named = path.split('.').filter((seg) => !/^\d+$/.test(seg));
  return named.map((_, i) => fieldText(kind, named.slice(0, i + 1))).join(' — ');
}

function changeValue(path: string, v: unknown, sex: Sex): string {
  const named = path.split('.').filter((seg) => !/^\d+$/.test(seg));
  const key = named.at(-1) ?? '';
  const group = path.split('.')[0] ?? '';
  const s = SEX_OF_GROUP[group] ?? sex;
  if (v === null || v === undefined || v === '') return 'нест';
  if (Array.isArray(v)) return v.map((x) => scalar(named, x, s)).join('; ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (key === 'idDocument') return idDocumentText(o);
    if (isPlace(key)) return placeText(o);
    return fullName(o as never) || JSON.stringify(o);
  }
  return scalar(named, v, s) || String(v);
}

function sexOfRecord(data: unknown): Sex {
  const d = (data ?? {}) as Record<string, { sex?: unknown } | undefined>;
  const sex = d.deceased?.sex ?? d.child?.sex ?? d.person?.sex;
  return sex === 'M' || sex === 'F' ? sex : undefined;
}

/** One correction or notation: when and what, what changed, and on which basis. */
function noteRows(kind: string, n: ExtractNote, sex: Sex): FlowRow[] {
  const when = date(n.on);
  if (n.kind === 'notation') {
    const what = NOTATIONS[n.type] ?? 'Қайд';
    const value = [actText(n.act), n.eventDate ? `санаи ҳодиса ${date(n.eventDate)}` : '']
      .filter(Boolean)
      .join(', ');
    return [{ label: `${when} — ${what}`, value: value || what }];
  }
  const what = n.notation
    ? (NOTATIONS[n.notation] ?? 'Тағйирот')
    : n.cause === 'ANNULMENT'
      ? NOTATIONS['amendment-annulled']!
      : 'Ислоҳ ва тағйир дар сабт';
  const changed = n.changes
    .map(
      (c) =>
        `${pathLabel(kind, c.path)}: ${changeValue(c.path, c.before, sex)} → ${changeValue(c.path, c.after, sex)}`,
    )
    .join('; ');
  const basis = n.cause === 'AMENDMENT' || !n.act ? basisText(n.basis) : actText(n.act);
  return [
    { label: `${when} — ${what}`, value: changed || what },
    { label: 'Асос', value: basis || 'нест' },
  ];
}
