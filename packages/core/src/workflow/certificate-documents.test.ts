import { describe, expect, it } from 'vitest';
import {
  BLANK_DOCUMENTS,
  documentChoices,
  documentFor,
  holdersOf,
  issueKindOf,
} from './certificate-documents.ts';

describe('which issue a print is', () => {
  const valid = (v: number) => ({ status: 'valid', record_version: v });
  it('is the first when nothing was printed, or only spoiled prints', () => {
    expect(issueKindOf(1, [])).toBe('first');
    expect(issueKindOf(1, [{ status: 'spoiled', record_version: 1 }])).toBe('first');
    expect(issueKindOf(2, [], true)).toBe('first');
  });
  it('is a repeat while a valid certificate tells the record as it is', () => {
    expect(issueKindOf(1, [valid(1)])).toBe('repeat');
    expect(issueKindOf(2, [{ status: 'superseded', record_version: 1 }, valid(2)])).toBe('repeat');
  });
  it('is a new certificate after a change of the record, or when a later act asks for one', () => {
    expect(issueKindOf(2, [valid(1)])).toBe('reissue');
    expect(issueKindOf(1, [valid(1)], true)).toBe('reissue');
    expect(issueKindOf(1, [{ status: 'superseded', record_version: 1 }])).toBe('reissue');
  });
});

describe('which document a record gets', () => {
  it('follows the act, and a stillborn child gets a reference', () => {
    expect(documentFor({ kind: 'BIRTH', data: { child: { liveBorn: true } } })).toBe('BIRTH_CERTIFICATE');
    expect(documentFor({ kind: 'BIRTH', data: { child: { liveBorn: false } } })).toBe('STILLBIRTH_REFERENCE');
    expect(documentFor({ kind: 'BIRTH', data: {} })).toBe('BIRTH_CERTIFICATE');
    expect(documentFor({ kind: 'DEATH', data: {} })).toBe('DEATH_CERTIFICATE');
    expect(documentFor({ kind: 'MARRIAGE', data: {} })).toBe('MARRIAGE_CERTIFICATE');
    expect(documentFor({ kind: 'DIVORCE', data: {} })).toBe('DIVORCE_CERTIFICATE');
    expect(documentFor({ kind: 'ADOPTION', data: {} })).toBe('ADOPTION_CERTIFICATE');
    expect(documentFor({ kind: 'PATERNITY', data: {} })).toBe('PATERNITY_CERTIFICATE');
    expect(documentFor({ kind: 'NAME_CHANGE', data: {} })).toBe('NAME_CHANGE_CERTIFICATE');
  });
});

describe('what a clerk may print for a record', () => {
  it("is the record's own document or an archive extract; only certificates go on blanks", () => {
    expect(documentChoices({ kind: 'DEATH', data: {} })).toEqual(['DEATH_CERTIFICATE', 'ARCHIVE_EXTRACT']);
    expect(documentChoices({ kind: 'BIRTH', data: { child: { liveBorn: false } } })).toEqual([
      'STILLBIRTH_REFERENCE',
      'ARCHIVE_EXTRACT',
    ]);
    expect(BLANK_DOCUMENTS).not.toContain('STILLBIRTH_REFERENCE');
    expect(BLANK_DOCUMENTS).not.toContain('ARCHIVE_EXTRACT');
    expect(BLANK_DOCUMENTS).toHaveLength(7);
  });
});

describe('who a certificate is issued to', () => {
  it('gives each former spouse a divorce certificate of their own, and every other record one certificate', () => {
    expect(holdersOf('DIVORCE_CERTIFICATE')).toEqual(['husband', 'wife']);
    for (const d of BLANK_DOCUMENTS.filter((x) => x !== 'DIVORCE_CERTIFICATE'))
      expect(holdersOf(d)).toEqual([]);
    expect(holdersOf('ARCHIVE_EXTRACT')).toEqual([]);
  });
});
