import { DUPLICATE_RULES, type DuplicateRule, nameKeys } from '@sabt/core';
import { describe, expect, it } from 'vitest';
import { comparePerson, surnameMayFit } from './find-duplicates.ts';

const SURNAMES = [
  'Раҷабова',
  'Рачабова',
  'Раджабова',
  'Rajabova',
  'Раҳимова',
  'Раҳимзода',
  'Рахимова',
  'Каримова',
  'Кримова',
  'Қурбонова',
  'Курбанова',
  'Ғафурова',
  'Гафурова',
  'Ғаффорова',
  'Саидова',
  'Содиқова',
];

const stored = (surname: string) => {
  const k = nameKeys(surname);
  return {
    id: 1,
    role: 'subject',
    historical: false,
    surname_key: k.matchKey,
    surname_loose: k.looseKey,
    surname_stem: k.stemKey,
  };
};

describe('the surname filter of the duplicate check', () => {
  const rules: [string, DuplicateRule][] = [
    ['BIRTH', DUPLICATE_RULES.BIRTH!],
    ['DEATH', DUPLICATE_RULES.DEATH!],
    ['a looser rule', { persons: 'subject', nameSimilarity: 0.7, birthDateWindowDays: 0 }],
  ];
  it.each(rules)('never drops a surname the full comparison accepts (%s)', (_, rule) => {
    let accepted = 0;
    for (const a of SURNAMES)
      for (const b of SURNAMES) {
        const full = comparePerson(
          rule,
          { role: 'subject', surname: a, name: 'Шабнам', birthDate: '2025-06-02' },
          { record_id: 'r', role: 'subject', surname: b, given_name: 'Шабнам', birth_date: '2025-06-02' },
        );
        if (!full) continue;
        accepted++;
        expect(surnameMayFit(rule, nameKeys(a), stored(b)), `${a} → ${b}`).toBe(true);
      }
    expect(accepted).toBeGreaterThan(SURNAMES.length);
  });

  it('drops a different surname before the full rows are read', () => {
    const rule = DUPLICATE_RULES.BIRTH!;
    expect(surnameMayFit(rule, nameKeys('Раҷабова'), stored('Рачабова'))).toBe(true);
    expect(surnameMayFit(rule, nameKeys('Раҷабова'), stored('Раҳимова'))).toBe(false);
    expect(surnameMayFit(rule, nameKeys('Қурбонова'), stored('Саидова'))).toBe(false);
  });
});
