import { describe, expect, it } from 'vitest';
import { displayDate, maskDate, parseDisplayDate, positionAfterDigits } from './dates.ts';
import { apiQueryFromSearch, draftFromSearch, EMPTY_DRAFT, searchFromDraft } from './params.ts';

describe('dates typed as dd.mm.yyyy', () => {
  it.each([
    ['1', '1'],
    ['14', '14'],
    ['140', '14.0'],
    ['1403', '14.03'],
    ['14032025', '14.03.2025'],
    ['140320251', '14.03.2025'],
    ['14.03.2025', '14.03.2025'],
    ['14.', '14.'],
    ['4.3.2025', '04.03.2025'],
    ['4/3/2025', '04.03.2025'],
    ['14-03-2025', '14.03.2025'],
    ['2025-03-14', '14.03.2025'],
    ['ab14x03', '14.03'],
    ['', ''],
  ])('%s → %s', (raw, masked) => {
    expect(maskDate(raw)).toBe(masked);
  });

  it('converts to and from the API form', () => {
    expect(parseDisplayDate('14.03.2025')).toEqual({ ok: true, iso: '2025-03-14' });
    expect(parseDisplayDate('')).toEqual({ ok: true, iso: null });
    expect(parseDisplayDate('14.03.20')).toEqual({ ok: false, error: 'dateIncomplete' });
    expect(parseDisplayDate('29.02.2023')).toEqual({ ok: false, error: 'dateInvalid' });
    expect(parseDisplayDate('29.02.2024')).toEqual({ ok: true, iso: '2024-02-29' });
    expect(displayDate('2025-03-14')).toBe('14.03.2025');
  });

  it('keeps the caret after the same digit', () => {
    expect(positionAfterDigits('14.03.2025', 2)).toBe(3);
    expect(positionAfterDigits('14.03.2025', 3)).toBe(4);
    expect(positionAfterDigits('14.03.2025', 8)).toBe(10);
  });
});

describe('the search in the address', () => {
  it('turns the form into the address and back', () => {
    const { search, errors } = searchFromDraft({
      ...EMPTY_DRAFT,
      q: ' Раҳимов  ',
      birthDate: '14.03.2025',
      from: '01.01.2025',
      to: '31.12.2025',
      broad: true,
    });
    expect(errors).toEqual({});
    expect(search?.toString()).toBe(
      new URLSearchParams({
        q: 'Раҳимов',
        birthDate: '2025-03-14',
        from: '2025-01-01',
        to: '2025-12-31',
        mode: 'broad',
      }).toString(),
    );
    const back = draftFromSearch(search!);
    expect(back).toMatchObject({ q: 'Раҳимов', birthDate: '14.03.2025', to: '31.12.2025', broad: true });
  });

  it('refuses what the server would refuse or ignore', () => {
    expect(searchFromDraft({ ...EMPTY_DRAFT, mother: 'Нигина' }).errors).toEqual({ q: 'nothing' });
    expect(searchFromDraft({ ...EMPTY_DRAFT, q: 'x', from: '02.01.2025', to: '01.01.2025' }).errors).toEqual({
      to: 'period',
    });
    expect(searchFromDraft({ ...EMPTY_DRAFT, q: 'x', year: '2025' }).errors).toEqual({
      year: 'yearNeedsNumber',
    });
    expect(searchFromDraft({ ...EMPTY_DRAFT, actNumber: '5x', birthYear: '25' }).errors).toEqual({
      actNumber: 'number',
      birthYear: 'year',
    });
  });

  it('asks the API only with something to look for, and only with known values', () => {
    expect(apiQueryFromSearch(new URLSearchParams('kind=BIRTH'))).toBeNull();
    expect(apiQueryFromSearch(new URLSearchParams('q=Rahimov&kind=NOPE&limit=50&mode=broad&x=1'))).toEqual({
      q: 'Rahimov',
      mode: 'broad',
      limit: '50',
    });
  });
});
