import { describe, expect, it } from 'vitest';
import { marriageEarliestDate, marriageRegistrationDay, waitingPeriod } from './waiting-period.ts';

describe('the month a marriage waits after its application', () => {
  it('ends on the same day of the next month, or the last day of a shorter month', () => {
    expect(marriageEarliestDate('2026-03-15')).toBe('2026-04-15');
    expect(marriageEarliestDate('2026-01-31')).toBe('2026-02-28');
    expect(marriageEarliestDate('2028-01-31')).toBe('2028-02-29');
    expect(marriageEarliestDate('2026-12-20')).toBe('2027-01-20');
  });

  it('is shortened by the latest decision made for the same application date only', () => {
    const decisions = [
      { applicationDate: '2026-03-15', allowedFrom: '2026-04-01', ground: 'OTHER' as const },
      { applicationDate: '2026-03-15', allowedFrom: '2026-03-20', ground: 'PREGNANCY' as const },
      { applicationDate: '2026-03-10', allowedFrom: '2026-03-10', ground: 'THREAT_TO_LIFE' as const },
    ];
    expect(waitingPeriod('2026-03-15', decisions)).toMatchObject({
      earliest: '2026-04-15',
      allowedFrom: '2026-03-20',
      shortening: { ground: 'PREGNANCY' },
    });
    expect(waitingPeriod('2026-03-16', decisions)).toMatchObject({
      allowedFrom: '2026-04-16',
      shortening: null,
    });
    expect(waitingPeriod(undefined, decisions)).toBeNull();
    expect(waitingPeriod('2026-03', decisions)).toBeNull();
  });

  it('counts the ceremony day when it is set and not after today', () => {
    expect(marriageRegistrationDay('2026-04-01', '2026-04-10')).toBe('2026-04-01');
    expect(marriageRegistrationDay('2026-04-20', '2026-04-10')).toBe('2026-04-10');
    expect(marriageRegistrationDay(undefined, '2026-04-10')).toBe('2026-04-10');
  });
});
