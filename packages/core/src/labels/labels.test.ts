import { describe, expect, it } from 'vitest';
import { ACT_KIND_DEFINITIONS, actKindJsonSchema } from '../acts/registry.ts';
import { LOCALES } from '../i18n/locale.ts';
import { FIELD_LABELS, FIELD_OVERRIDES } from './fields.ts';
import { fieldLabelAt, ID_DOCUMENT_TYPE_LABELS, valueLabelAt } from './paths.ts';
import { VALUE_LABELS, VALUE_OVERRIDES } from './values.ts';

interface JsonSchema {
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** Every leaf of a schema with its enum values; array items as `0`. */
function leaves(s: JsonSchema, path: string[] = []): { path: string[]; values: string[] }[] {
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return variants.flatMap((v) => leaves(v, path));
  if (s.properties) return Object.entries(s.properties).flatMap(([k, v]) => leaves(v, [...path, k]));
  if (s.items) return leaves(s.items, [...path, '0']);
  return [{ path, values: (s.enum ?? []).map(String) }];
}

const KINDS = ACT_KIND_DEFINITIONS.map((d) => ({ code: d.code, schema: actKindJsonSchema(d) as JsonSchema }));

describe('the label catalogue of record data', () => {
  it.each(KINDS.map((k) => [k.code, k] as const))(
    'names every field of %s, and every coded value, in Tajik, Russian and English',
    (_, kind) => {
      const missing: string[] = [];
      for (const leaf of leaves(kind.schema)) {
        leaf.path.forEach((segment, i) => {
          if (/^\d+$/.test(segment)) return;
          const entry = fieldLabelAt(kind.code, leaf.path.slice(0, i + 1));
          for (const locale of LOCALES)
            if (!entry?.[locale]) missing.push(`${leaf.path.slice(0, i + 1).join('.')} (${locale})`);
        });
        for (const value of leaf.values) {
          const entry = valueLabelAt(leaf.path, value);
          for (const locale of LOCALES)
            if (!entry?.[locale]) missing.push(`${leaf.path.join('.')}=${value} (${locale})`);
        }
      }
      expect([...new Set(missing)]).toEqual([]);
    },
  );

  it('reads a path with the meaning a key has in its act and under its parent', () => {
    expect(fieldLabelAt('MARRIAGE', 'wife.surnameAfter')?.ru).toBe('Фамилия после заключения брака');
    expect(fieldLabelAt('DIVORCE', 'wife.surnameAfter')?.en).toBe('Surname after the divorce');
    expect(fieldLabelAt('DIVORCE', ['wife'])?.en).toBe('Former wife');
    expect(fieldLabelAt('DEATH', 'cause.lines.1.icd10')?.tg).toBe('Рамзи ТББ-10');
    expect(fieldLabelAt('DEATH', 'cause.lines.#.icd10')?.tg).toBe('Рамзи ТББ-10');
    expect(fieldLabelAt('BIRTH', 'child.favouriteColour')).toBeUndefined();
    // a request's basis document (amendments, annulments) reads as the acts' own basis does
    expect(fieldLabelAt('', 'basis.number')).toEqual(fieldLabelAt('DEATH', 'basis.number'));
    expect(fieldLabelAt('', 'basis.court.date')?.tg).toBe('Санаи қарор');
    expect(fieldLabelAt('DEATH', 'basis.type')?.en).toBe('Document type');
    expect(fieldLabelAt('DIVORCE', 'basis.type')?.en).toBe('Basis');
    expect(valueLabelAt('fatherBasis.type', 'NONE')?.en).toBe('No father recorded (dash)');
    expect(valueLabelAt(['statistics', 'attendant'], 'NONE')?.en).toBe('No one');
  });

  it('names an identity document type one way, on the record, the form, the receipt and the extract', () => {
    for (const [type, label] of Object.entries(ID_DOCUMENT_TYPE_LABELS)) {
      expect(label).toEqual(valueLabelAt('mother.idDocument.type', type));
      expect(label).toEqual(valueLabelAt('applicant.idDocument.type', type));
    }
    expect(ID_DOCUMENT_TYPE_LABELS.OTHER.tg).toBe('Ҳуҷҷати дигар');
  });

  it('has no Latin letters in Tajik and Russian texts (codes like TJ and II aside)', () => {
    const latin: string[] = [];
    for (const [key, entry] of Object.entries({
      ...FIELD_LABELS,
      ...FIELD_OVERRIDES,
      ...VALUE_LABELS,
      ...VALUE_OVERRIDES,
    })) {
      for (const locale of ['tg', 'ru'] as const)
        if (/[A-Za-z]/.test(entry[locale].replace(/\b(TJ|I|II)\b/g, '')))
          latin.push(`${key} ${locale}: ${entry[locale]}`);
    }
    expect(latin).toEqual([]);
  });
});
