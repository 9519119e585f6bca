import { nationalRecordId } from '@sabt/core';
import { describe, expect, it } from 'vitest';
import { typedIdentifier } from './identifier.ts';

describe('a number typed into the one search box', () => {
  it('is a national record ID when it has 18 digits and a valid check digit', () => {
    const id = nationalRecordId('BIRTH', '010300', 2026, 11);
    expect(typedIdentifier(id)).toEqual({ nationalId: id });
    expect(typedIdentifier(`${id.slice(0, 6)} ${id.slice(6, 12)} ${id.slice(12)}`)).toEqual({
      nationalId: id,
    });
    // A wrong check digit is no national ID: it may still be a document number.
    const wrong = `${id.slice(0, 17)}${(Number(id[17]) + 1) % 10}`;
    expect(typedIdentifier(wrong)).toEqual({ document: wrong });
  });

  it('is an act number, with or without its year', () => {
    expect(typedIdentifier('116/1982')).toEqual({ actNumber: 116, year: 1982 });
    expect(typedIdentifier('№ 116 / 1982')).toEqual({ actNumber: 116, year: 1982 });
    expect(typedIdentifier('  42 ')).toEqual({ actNumber: 42 });
  });

  it('is an identity document when letters lead at least five digits', () => {
    expect(typedIdentifier('A 23710935')).toEqual({ document: 'A23710935' });
    expect(typedIdentifier('А-23710935')).toEqual({ document: 'A23710935' });
    expect(typedIdentifier('40254305812')).toEqual({ document: '40254305812' });
  });

  it('is not a number when a name is typed', () => {
    for (const text of ['Раҳимов Ҷамшед', 'Rakhimov', 'Раҳимов 2025', 'AB12', '']) {
      expect(typedIdentifier(text), text).toBeUndefined();
    }
  });
});
