import { ACT_KIND_DEFINITIONS, actKindJsonSchema, fieldLabelAt, valueLabelAt } from '@sabt/core';
import { describe, expect, it } from 'vitest';
import type { Catalogue, Field } from '../lib/catalogue-types.ts';
import { COMPOSITE_PARTS, walkFields } from '../lib/form-model.ts';
import { CATALOGUES } from './index.ts';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  $ref?: string;
  anyOf?: Schema[];
};

/** Every leaf of a JSON Schema as a dotted path; array items as `#`. */
function schemaLeaves(root: Schema): Map<string, Schema> {
  const defs = (root as { $defs?: Record<string, Schema> }).$defs ?? {};
  const out = new Map<string, Schema>();
  const walk = (node: Schema, path: string) => {
    if (node.$ref) node = defs[node.$ref.replace('#/$defs/', '')] ?? node;
    if (node.anyOf) {
      const inner = node.anyOf.find((s) => s.type !== 'null');
      if (inner) node = inner;
    }
    if (node.properties) {
      for (const [k, v] of Object.entries(node.properties)) walk(v, path ? `${path}.${k}` : k);
      return;
    }
    if (node.items) {
      walk(node.items, `${path}.#`);
      return;
    }
    out.set(path, node);
  };
  walk(root, '');
  return out;
}

/** Every data path the catalogue has an input for, with the field that covers it. */
function catalogueLeaves(c: Catalogue): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const s of c.sections)
    walkFields(s.fields, (f, path) => {
      if (f.type === 'group' || f.type === 'list') return;
      const parts = COMPOSITE_PARTS[f.type];
      if (parts) for (const p of parts) out.set(`${path}.${p}`, f);
      else if (f.type === 'recordList') out.set(`${path}.#`, f);
      else out.set(path, f);
    });
  return out;
}

const TYPES: Record<string, string[]> = {
  text: ['string'],
  date: ['string'],
  partialDate: ['string'],
  time: ['string'],
  select: ['string'],
  country: ['string'],
  lookup: ['string'],
  recordList: ['string'],
  checkbox: ['boolean'],
  yesno: ['boolean'],
  number: ['integer', 'number'],
  place: ['string'],
  document: ['string'],
  court: ['string'],
};

describe('field catalogue', () => {
  it('has a form for every act kind', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(ACT_KIND_DEFINITIONS.map((d) => d.code).sort());
  });

  for (const def of ACT_KIND_DEFINITIONS) {
    const catalogue = CATALOGUES[def.code];
    const schema = schemaLeaves(actKindJsonSchema(def) as Schema);
    const covered = catalogueLeaves(catalogue);

    it(`${def.code}: every schema field has an input`, () => {
      const missing = [...schema.keys()].filter((p) => !covered.has(p));
      expect(missing).toEqual([]);
    });

    it(`${def.code}: every input stands for a schema field`, () => {
      const stale = [...covered.keys()].filter((p) => !schema.has(p));
      expect(stale).toEqual([]);
    });

    it(`${def.code}: inputs match the schema's types and choices`, () => {
      for (const [path, field] of covered) {
        const node = schema.get(path);
        if (!node) continue;
        const type = Array.isArray(node.type) ? node.type : [node.type ?? 'string'];
        expect(
          TYPES[field.type]?.some((t) => type.includes(t)),
          `${path}: ${field.type} vs ${type}`,
        ).toBe(true);
        if (field.type === 'select') {
          expect(field.options.map((o) => o.value).sort(), path).toEqual([...(node.enum ?? [])].sort());
        }
      }
    });

    it(`${def.code}: every label is in Tajik, Russian and English`, () => {
      for (const s of catalogue.sections) {
        for (const t of [s.title, s.hint].filter(Boolean))
          expect(Object.values(t!).every((x) => x.trim())).toBe(true);
        walkFields(s.fields, (f) => {
          for (const t of [f.label, f.hint].filter(Boolean)) {
            expect(Object.keys(t!).sort(), f.path).toEqual(['en', 'ru', 'tg']);
            expect(
              Object.values(t!).every((x) => x.trim()),
              f.path,
            ).toBe(true);
            // Tajik labels are Cyrillic (no English left in a Tajik screen).
            expect(/[a-z]{3,}/i.test(t!.tg.replace(/ICD|ID|TJ/g, '')), `${f.path}: ${t!.tg}`).toBe(false);
          }
          if (f.type === 'select')
            for (const o of f.options) expect(o.label.tg.trim() && o.label.ru.trim()).toBeTruthy();
        });
      }
    });
  }
});

describe('applicant labels', () => {
  it('spell the police as Tajik spells it (Милитсия), as the record screen does', () => {
    const applicant = CATALOGUES.BIRTH.sections.find((s) => s.id === 'applicant');
    const type = applicant?.fields.find((f) => f.path === 'applicant.type');
    const options = type?.type === 'select' ? type.options : [];
    expect(options.find((o) => o.value === 'POLICE')?.label).toMatchObject({ tg: 'Милитсия' });
  });
});

describe('the forms’ labels', () => {
  it.each(ACT_KIND_DEFINITIONS.map((d) => [d.code] as const))(
    'of %s are core’s: every field, section and option of a data path is named as the record screen names it',
    (code) => {
      const own: string[] = [];
      for (const s of CATALOGUES[code].sections) {
        if (s.path && s.title !== fieldLabelAt(code, s.path)) own.push(`section ${s.path}: ${s.title.en}`);
        walkFields(s.fields, (f, path) => {
          if (f.label !== fieldLabelAt(code, path)) own.push(`${path}: ${f.label.en}`);
          if (f.type === 'select')
            for (const o of f.options)
              if (o.label !== valueLabelAt(path, o.value)) own.push(`${path}=${o.value}: ${o.label.en}`);
        });
      }
      expect(own).toEqual([]);
    },
  );

  it('fails a field that writes its own label for a data path', async () => {
    const { withCoreLabels } = await import('./labels.ts');
    const own = { tg: 'Ном', ru: 'Имя', en: 'Name' };
    const c = withCoreLabels({
      kind: 'BIRTH',
      sections: [{ id: 'child', path: 'child', fields: [{ type: 'text', path: 'child.name', label: own }] }],
    });
    expect(c.sections[0]?.fields[0]?.label).not.toBe(fieldLabelAt('BIRTH', 'child.name'));
    expect(() =>
      withCoreLabels({
        kind: 'BIRTH',
        sections: [{ id: 'x', title: own, fields: [{ type: 'text', path: 'child.colour' }] }],
      }),
    ).toThrow('BIRTH: no label for child.colour');
  });

  it("offers in a choice the codes the act's schema allows there, and refuses a choice on an uncoded field", async () => {
    const { withCoreLabels } = await import('./labels.ts');
    const c = withCoreLabels({
      kind: 'DEATH',
      sections: [{ id: 'cause', path: 'cause', fields: [{ type: 'select', path: 'cause.manner' }] }],
    });
    const manner = c.sections[0]?.fields[0];
    expect(manner?.type === 'select' && manner.options.map((o) => o.value)).toEqual([
      'DISEASE',
      'ACCIDENT',
      'SELF_HARM',
      'ASSAULT',
      'LEGAL_INTERVENTION',
      'WAR',
      'PENDING',
      'UNKNOWN',
    ]);
    expect(() =>
      withCoreLabels({
        kind: 'DEATH',
        sections: [{ id: 'x', path: 'deceased', fields: [{ type: 'select', path: 'deceased.surname' }] }],
      }),
    ).toThrow('DEATH: deceased.surname is not a coded field');
  });
});

describe('the parts of a place, a document and a court decision', () => {
  it('are named by core, as the record screen names them under any parent', async () => {
    const { partLabel } = await import('../lib/field-labels.ts');
    for (const [type, parent] of [
      ['place', 'mother.residence'],
      ['document', 'mother.idDocument'],
      ['court', 'birthBasis.court'],
    ] as const)
      for (const part of COMPOSITE_PARTS[type] ?? [])
        expect(partLabel(type, part)).toEqual(fieldLabelAt('BIRTH', `${parent}.${part}`));
    expect(partLabel('court', 'date').tg).toBe('Санаи қарор');
  });
});
