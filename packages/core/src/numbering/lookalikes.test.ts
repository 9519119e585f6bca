import { describe, expect, it } from 'vitest';
import { normalizeDocumentNumber } from '../acts/persons.ts';
import { foldSeries } from './lookalikes.ts';

const SERIES = /^[IVXLC]{1,4}-[А-ЯЁӢҚӮҲҶҒ]{2}$/u;

describe('look-alike letters', () => {
  it('read a blank series as the format wants it, on whichever keyboard it was typed', () => {
    expect(foldSeries('I-ДУ', SERIES)).toBe('I-ДУ');
    expect(foldSeries('І-ДУ', SERIES)).toBe('I-ДУ'); // Cyrillic І
    expect(foldSeries('ХІV-ДY', SERIES)).toBe('XIV-ДУ');
    expect(foldSeries(' ii — ду ', SERIES)).toBe('II-ДУ');
    expect(foldSeries('I-DU', SERIES)).toBeNull();
    expect(foldSeries('', SERIES)).toBeNull();
  });
  it('read a document number’s Cyrillic І as the Latin I', () => {
    expect(normalizeDocumentNumber('І-ДУ 123')).toBe(normalizeDocumentNumber('I-ДУ 123'));
  });
});
