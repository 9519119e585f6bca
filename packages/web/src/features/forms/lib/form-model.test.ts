import { birthKind, checkRecordData } from '@sabt/core';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../catalogue/index.ts';
import { anchorFor, anchorPaths, toData } from './form-model.ts';
import { withoutInvalid } from './issues.ts';
import { mergePatchDiff } from './paths.ts';

const birthCatalogue = CATALOGUES.BIRTH;
const deathCatalogue = CATALOGUES.DEATH;

describe('form values → record data', () => {
  it('is empty while nothing is typed (defaults alone are no data)', () => {
    expect(toData(birthCatalogue, {})).toEqual({});
    expect(
      toData(birthCatalogue, { father: { citizenship: '' }, mother: { residence: { address: '  ' } } }),
    ).toEqual({});
  });

  it('fills defaults next to what is typed, trims text, and leaves out hidden fields', () => {
    const data = toData(birthCatalogue, {
      child: { surname: ' Раҳимзода ', birthPlace: { unit: 'DU-03' } },
      mother: { surname: 'Каримова' },
      fatherBasis: { type: 'NONE' },
      father: { surname: 'Раҳимов' },
    });
    expect(data).toEqual({
      child: {
        surname: 'Раҳимзода',
        liveBorn: true,
        plurality: 1,
        birthPlace: { country: 'TJ', unit: 'DU-03' },
      },
      mother: { surname: 'Каримова', citizenship: 'TJ' },
      fatherBasis: { type: 'NONE' },
    });
    expect(checkRecordData(birthKind, data, 'draft', { today: '2025-04-01' }).ok).toBe(true);
  });

  it('keeps list rows in place and drops the empty last ones', () => {
    const data = toData(deathCatalogue, {
      cause: { lines: [{ text: 'Инфаркт' }, {}, { text: 'Диабет', line: 'II' }, {}] },
    });
    expect(data).toEqual({
      cause: { lines: [{ line: 'a', text: 'Инфаркт' }, { line: 'b' }, { line: 'II', text: 'Диабет' }] },
    });
  });

  it('sends the server only what is right, keeping wrong fields on this computer', () => {
    const data = toData(birthCatalogue, { child: { surname: 'Раҳимзода', birthDate: '2023-02-29' } });
    const { data: sent, left } = withoutInvalid(birthKind, data, '2025-04-01');
    expect(sent).toEqual({ child: { surname: 'Раҳимзода', liveBorn: true, plurality: 1 } });
    expect(left.map((e) => e.key)).toEqual(['error.date.invalid']);
  });

  it('places an error at the deepest field that stands for it', () => {
    const anchors = anchorPaths(deathCatalogue);
    expect(anchorFor(anchors, ['cause', 'lines', 1, 'icd10'])).toBe('cause.lines.1.icd10');
    expect(anchorFor(anchors, ['deceased', 'birthPlace', 'unit'])).toBe('deceased.birthPlace.unit');
    expect(anchorFor(anchors, ['basis', 'court'])).toBe('basis.court');
    expect(anchorFor(anchors, ['nothing'])).toBeUndefined();
  });
});

describe('merge patch', () => {
  it('sends changed leaves and null for removed keys', () => {
    expect(
      mergePatchDiff(
        { child: { surname: 'А', name: 'Б' }, father: { name: 'В' } },
        { child: { surname: 'А', name: 'Г' }, mother: { name: 'Д' } },
      ),
    ).toEqual({ child: { name: 'Г' }, father: null, mother: { name: 'Д' } });
    expect(mergePatchDiff({ a: 1 }, { a: 1 })).toBeUndefined();
  });
});

describe('where "required" shows', () => {
  it('at each required field of a missing person, and on a missing place as a whole', async () => {
    const { actKindJsonSchema, birthKind: def } = await import('@sabt/core');
    const { expandRequired, placeIssues } = await import('./issues.ts');
    const { objectPaths } = await import('./form-model.ts');
    const objects = objectPaths(birthCatalogue);
    const issues = expandRequired(
      [{ path: ['mother'], key: 'error.required' }],
      actKindJsonSchema(def),
      objects.laidOut,
      objects.defaulted,
    );
    expect(issues.map((i) => i.path.join('.')).sort()).toEqual([
      'mother.birthDate',
      'mother.name',
      'mother.residence',
      'mother.surname',
    ]);
    const { byPath } = placeIssues(
      anchorPaths(birthCatalogue),
      issues,
      'error',
      new Map(),
      [],
      objects.composite,
    );
    expect(byPath.get('mother.residence')?.[0]?.key).toBe('forms.partRequired');
    expect(byPath.get('mother.surname')?.[0]?.key).toBe('error.required');
  });
});
