import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { personName } from './common.ts';
import { ACT_KIND_DEFINITIONS, checkRecordData } from './registry.ts';
import { schemaLeaves, unwrapSchema } from './schema-walk.ts';
import type { Path } from './validation.ts';

/**
 * Every free-text field of every act kind, found by walking the kinds' schemas, against a corpus of
 * control, bidirectional and mixed-script text; every date field against the far future.
 */

const TODAY = '2025-06-01';

/** Characters no text field may hold, each put inside an ordinary word. */
const CONTROL = ['\u0000', '\u0007', '\u001b', '\u001b[31m', '\t', '\r', '\u007f', '\u0085', '\u009b'];
const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];
const INVISIBLE = ['\u200b', '\u2060', '\ufeff', '\u00ad'];
const FORBIDDEN = [...CONTROL, ...BIDI, ...INVISIBLE];

/** Names with a Latin (or Greek) look-alike inside a Cyrillic word. */
const MIXED = ['Aлиев', 'Раҳимоv', 'Сaидов', 'Xуҷаев', 'Οлимов', 'Абдулло-Ҷoн'];
/** Names with no letter, or a word that starts with an accent alone. */
const NO_LETTER = ['\u0301', '\u0301\u0301', "'", '- -', 'Али \u0301'];
/** Names that are right. */
const GOOD_NAMES = ['Ҷӯраев', "O'Neil", 'Абдулло-Ҷон', 'Саъдӣ', 'Müller', 'Jose\u0301', 'Мария Anna'];

interface Field {
  kind: string;
  path: Path;
  schema: z.ZodType;
}

const leaves: Field[] = ACT_KIND_DEFINITIONS.flatMap((def) =>
  schemaLeaves(def.schema as z.ZodType).map((l) => ({ kind: def.code, ...l })),
);
/** A free-text field takes an ordinary word; coded fields (dates, codes, choices) do not. */
const textFields = leaves.filter((f) => f.schema.safeParse('Абвгд').success);
const nameFields = textFields.filter((f) => unwrapSchema(f.schema) === unwrapSchema(personName));
/** A date field takes a date and no word. */
const dateFields = leaves.filter(
  (f) => f.schema.safeParse('2020-01-01').success && !f.schema.safeParse('Абвгд').success,
);

/** The kind's example with `value` put at `path` (made where the example has no such part). */
function withValue(kind: string, path: Path, value: unknown): unknown {
  const def = ACT_KIND_DEFINITIONS.find((d) => d.code === kind)!;
  const data = structuredClone(def.example) as Record<string | number, unknown>;
  let cur = data;
  path.forEach((p, i) => {
    if (i === path.length - 1) cur[p] = value;
    else {
      if (cur[p] === null || typeof cur[p] !== 'object') cur[p] = typeof path[i + 1] === 'number' ? [] : {};
      cur = cur[p] as Record<string | number, unknown>;
    }
  });
  return data;
}

function keysAt(kind: string, path: Path, value: unknown, mode: 'draft' | 'complete' = 'draft'): string[] {
  const def = ACT_KIND_DEFINITIONS.find((d) => d.code === kind)!;
  const check = checkRecordData(def, withValue(kind, path, value), mode, { today: TODAY });
  return check.errors.filter((e) => e.path.join('.') === path.join('.')).map((e) => e.key);
}

const where = (f: Field) => `${f.kind} ${f.path.join('.')}`;

describe('the free-text fields of every act', () => {
  it('are found in all seven kinds, names among them', () => {
    expect(new Set(textFields.map((f) => f.kind)).size).toBe(7);
    expect(textFields.length).toBeGreaterThan(100);
    expect(nameFields.length).toBeGreaterThan(30);
    expect(textFields.map(where)).toEqual(
      expect.arrayContaining([
        'BIRTH mother.residence.address',
        'DEATH cause.lines.0.text',
        'BIRTH child.name',
      ]),
    );
  });

  it('each refuses control, bidirectional and invisible characters inside a word', () => {
    const passed: string[] = [];
    for (const f of textFields)
      for (const ch of FORBIDDEN) {
        const keys = keysAt(f.kind, f.path, `Абв${ch}где`);
        if (!keys.includes('error.invalidCharacters'))
          passed.push(`${where(f)} ${JSON.stringify(ch)}: ${keys}`);
      }
    expect(passed).toEqual([]);
  });

  it('a line break only in a multi-line field (the reasons for a change of name)', () => {
    const takesLines = textFields.filter((f) => keysAt(f.kind, f.path, 'Абв\nгде').length === 0).map(where);
    expect(takesLines).toEqual(['NAME_CHANGE reasons']);
    expect(keysAt('NAME_CHANGE', ['reasons'], 'Абв\u202eгде')).toEqual(['error.invalidCharacters']);
  });

  it('a name refuses mixed scripts within a word and must contain a letter', () => {
    const passed: string[] = [];
    for (const f of nameFields) {
      for (const name of MIXED)
        if (!keysAt(f.kind, f.path, name).includes('error.name.mixedScripts'))
          passed.push(`${where(f)} ${name}`);
      for (const name of NO_LETTER)
        if (
          !keysAt(f.kind, f.path, name, 'complete').some(
            (k) => k === 'error.name.letters' || k === 'error.required',
          )
        )
          passed.push(`${where(f)} ${JSON.stringify(name)}`);
      for (const name of GOOD_NAMES)
        if (keysAt(f.kind, f.path, name).length > 0) passed.push(`${where(f)} refused ${name}`);
    }
    expect(passed).toEqual([]);
  });

  it('a lone accent is not a name', () => {
    expect(keysAt('BIRTH', ['child', 'name'], '\u0301')).toEqual(['error.name.letters']);
  });
});

describe('the date fields of every act', () => {
  /** The one date an act may hold ahead of today: a marriage ceremony is fixed for a later day. */
  const MAY_BE_FUTURE = ['MARRIAGE registrationDate'];

  it('are found in all seven kinds, the father’s basis record among them', () => {
    expect(new Set(dateFields.map((f) => f.kind)).size).toBe(7);
    expect(dateFields.length).toBeGreaterThan(40);
    expect(dateFields.map(where)).toEqual(
      expect.arrayContaining([
        'BIRTH fatherBasis.recordDate',
        'DEATH death.date',
        'MARRIAGE registrationDate',
      ]),
    );
  });

  it('each refuses a day after today (2200, 9999), except a marriage’s ceremony', () => {
    const passed: string[] = [];
    for (const f of dateFields)
      for (const date of ['2025-06-02', '2200-01-01', '9999-12-31']) {
        const keys = keysAt(f.kind, f.path, date);
        const refused = keys.includes('error.date.future');
        if (refused === MAY_BE_FUTURE.includes(where(f))) passed.push(`${where(f)} ${date}: ${keys}`);
      }
    expect(passed).toEqual([]);
  });

  it('a partial date is in the future when its first day is', () => {
    expect(keysAt('DEATH', ['death', 'date'], '2026')).toEqual(['error.date.future']);
    expect(keysAt('DEATH', ['death', 'date'], '2025')).not.toContain('error.date.future');
    expect(keysAt('DEATH', ['deceased', 'birthDate'], '2025-07')).toEqual(['error.date.future']);
  });

  it('today itself is not the future', () => {
    expect(keysAt('BIRTH', ['fatherBasis', 'recordDate'], TODAY)).not.toContain('error.date.future');
  });
});
