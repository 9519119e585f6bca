import { describe, expect, it } from 'vitest';
import { HEAD_TITLES, signatoryTitle } from './signatories.ts';

describe('the title line over the signature', () => {
  it("is the head's own title when the head signs", () => {
    expect(signatoryTitle({ basis: 'head', fullName: 'Зарина Саидзода', title: 'Сардори шуъбаи САҲШ' })).toBe(
      'Сардори шуъбаи САҲШ',
    );
  });

  it('says for whom an authorised person signs', () => {
    expect(
      signatoryTitle({
        basis: 'authorised',
        fullName: 'Нигина Каримова',
        title: 'Муовини сардори шуъбаи САҲШ',
        headTitle: HEAD_TITLES.district.tg,
      }),
    ).toBe('Муовини сардори шуъбаи САҲШ, барои сардори шуъбаи САҲШ');
    expect(
      signatoryTitle({
        basis: 'authorised',
        fullName: 'А',
        title: 'Котиби ҷамоат',
        headTitle: 'Раиси ҷамоат',
      }),
    ).toBe('Котиби ҷамоат, барои раиси ҷамоат');
  });
});
