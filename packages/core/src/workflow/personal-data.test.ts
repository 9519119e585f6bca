import { describe, expect, it } from 'vitest';
import { diffData } from '../acts/diff.ts';
import {
  MASKED,
  maskPersonalData,
  mayRead,
  READ_MATRIX,
  RECORD_READS,
  searchesByDocument,
} from './personal-data.ts';
import { ROLES } from './roles.ts';

const person = {
  surname: 'Раҳимов',
  name: 'Ҷамшед',
  residence: { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе', address: 'кӯчаи Рӯдакӣ 5' },
  idDocument: { type: 'PASSPORT', series: 'A', number: '23710935', issuer: 'ШВКД', issueDate: '2015-03-01' },
};

describe('the read matrix', () => {
  it('names every role and only known reads', () => {
    expect(Object.keys(READ_MATRIX).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) for (const r of READ_MATRIX[role].reads) expect(RECORD_READS).toContain(r);
  });

  it('gives the statistician no record, the auditor no list or search, archive roles no certificates', () => {
    expect(RECORD_READS.filter((r) => mayRead('statistician', r))).toEqual([]);
    expect(RECORD_READS.filter((r) => mayRead('auditor', r))).toEqual(['record', 'certificates', 'audit']);
    expect(RECORD_READS.filter((r) => mayRead('central_admin', r))).toEqual([...RECORD_READS]);
    expect(RECORD_READS.filter((r) => mayRead('archivist', r))).toEqual(['list', 'search', 'record']);
    expect(RECORD_READS.filter((r) => mayRead('registrar', r))).toEqual([
      'list',
      'search',
      'record',
      'certificates',
    ]);
    expect(ROLES.filter((r) => !searchesByDocument(r))).toEqual(['archivist', 'verifier']);
  });
});

describe('maskPersonalData', () => {
  it('masks document numbers and street addresses, keeping the shape, the type and the place', () => {
    const out = maskPersonalData({ mother: person, applicant: { type: 'MOTHER' } }, [
      'id-document',
      'address',
    ]);
    expect(out.mother.idDocument).toEqual({
      type: 'PASSPORT',
      series: MASKED,
      number: MASKED,
      issuer: MASKED,
      issueDate: MASKED,
    });
    expect(out.mother.residence).toEqual({
      country: 'TJ',
      unit: 'DU-03',
      settlement: 'Душанбе',
      address: MASKED,
    });
    expect(out.mother.surname).toBe('Раҳимов');
    expect(out.applicant).toEqual({ type: 'MOTHER' });
  });

  it('masks field differences by the path they name, and leaves everything else alone', () => {
    const before = { mother: person };
    const after = {
      mother: {
        ...person,
        surname: 'Раҳимзода',
        idDocument: { ...person.idDocument, number: '99999999' },
        residence: { ...person.residence, address: 'кӯчаи Айнӣ 1' },
      },
    };
    const changes = maskPersonalData(diffData(before, after), ['id-document', 'address']);
    expect(changes).toEqual([
      { path: 'mother.idDocument.number', before: MASKED, after: MASKED },
      { path: 'mother.residence.address', before: MASKED, after: MASKED },
      { path: 'mother.surname', before: 'Раҳимов', after: 'Раҳимзода' },
    ]);
    // a document added as a whole
    const added = maskPersonalData(diffData({}, { idDocument: person.idDocument }), ['id-document']);
    expect(JSON.stringify(added)).not.toContain('23710935');
    expect(maskPersonalData(before, [])).toBe(before);
  });
});
