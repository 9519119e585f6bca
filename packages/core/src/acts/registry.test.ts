import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locale.ts';
import { ACT_KINDS } from '../workflow/statuses.ts';
import {
  ACT_KIND_DEFINITIONS,
  actKindJsonSchema,
  availableKinds,
  checkRecordData,
  getActKind,
} from './registry.ts';

// ajv-formats is CommonJS; take the plugin whichever way the module loader hands it over.
const formatsModule = addFormatsModule as unknown as FormatsPlugin & { default?: FormatsPlugin };
const addFormats: FormatsPlugin = formatsModule.default ?? formatsModule;

/** The top-level sections a complete record of each kind must have (from DOMAIN.md §2.1–§2.7). */
const REQUIRED_SECTIONS: Record<string, string[]> = {
  BIRTH: ['child', 'birthBasis', 'mother', 'fatherBasis', 'applicant'],
  DEATH: ['deceased', 'death', 'cause', 'basis', 'applicant'],
  MARRIAGE: ['husband', 'wife', 'applicationDate', 'medicalExamination'],
  DIVORCE: ['marriage', 'husband', 'wife', 'basis', 'marriageEndDate', 'applicationDate'],
  ADOPTION: ['childBefore', 'childAfter', 'adoptersRecordedAsParents', 'court'],
  PATERNITY: ['childBefore', 'childAfter', 'father', 'mother', 'basis'],
  NAME_CHANGE: ['person', 'reasons', 'applicationDate'],
};

/** A JSON Schema validator like the ones API clients and form builders use. */
function jsonSchemaValidator(code: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(actKindJsonSchema(getActKind(code)!) as object);
}

describe('the act kinds Sabt registers', () => {
  it('are the seven acts of civil status, birth and death first', () => {
    expect(availableKinds()).toEqual([
      'BIRTH',
      'DEATH',
      'MARRIAGE',
      'DIVORCE',
      'ADOPTION',
      'PATERNITY',
      'NAME_CHANGE',
    ]);
    expect([...availableKinds()].sort()).toEqual([...ACT_KINDS].sort());
  });

  it('are found by their exact code only', () => {
    for (const code of ACT_KINDS) expect(getActKind(code)?.code).toBe(code);
    expect(getActKind('ANNULMENT')).toBeUndefined();
    expect(getActKind('marriage')).toBeUndefined();
    expect(getActKind('birth')).toBeUndefined();
    expect(getActKind('toString')).toBeUndefined();
  });

  it.each(ACT_KIND_DEFINITIONS.map((k) => [k.code, k] as const))(
    '%s has a name in every language',
    (_code, kind) => {
      for (const locale of LOCALES) expect(kind.labels[locale].trim(), locale).not.toBe('');
    },
  );

  it.each(ACT_KIND_DEFINITIONS.map((k) => [k.code, k] as const))(
    '%s example is a complete, valid record',
    (_code, kind) => {
      expect(checkRecordData(kind, kind.example, 'complete', { today: '2025-06-01' }).errors).toEqual([]);
    },
  );

  it('refuses data that is not an object, without failing', () => {
    for (const data of [null, [], 'birth', 42]) {
      const result = checkRecordData(getActKind('BIRTH')!, data, 'draft', { today: '2025-06-01' });
      expect(result.errors, JSON.stringify(data)).toEqual([
        { path: [], key: 'error.type', params: { expected: 'object' } },
      ]);
    }
    expect(
      checkRecordData(getActKind('BIRTH')!, undefined, 'complete', { today: '2025-06-01' }).errors,
    ).toEqual([{ path: [], key: 'error.required' }]);
  });
});

describe.each(Object.keys(REQUIRED_SECTIONS))('JSON Schema of %s', (code) => {
  const kind = getActKind(code)!;
  // biome-ignore lint/suspicious/noExplicitAny: reading an untyped JSON Schema
  const schema = actKindJsonSchema(kind) as any;
  const validate = jsonSchemaValidator(code);

  it('describes an object with its required sections and no other fields', () => {
    expect(schema.type).toBe('object');
    expect([...schema.required].sort()).toEqual([...REQUIRED_SECTIONS[code]!].sort());
    expect(schema.additionalProperties).toBe(false);
    for (const section of schema.required) expect(schema.properties[section], section).toBeDefined();
  });

  it('accepts the kind’s own example', () => {
    const ok = validate(kind.example);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('refuses the example without any one of its required sections', () => {
    for (const section of REQUIRED_SECTIONS[code]!) {
      const data = structuredClone(kind.example) as Record<string, unknown>;
      delete data[section];
      expect(validate(data), section).toBe(false);
    }
  });

  it('refuses the example with an unknown field', () => {
    expect(validate({ ...(kind.example as object), nickname: 'x' })).toBe(false);
  });
});
