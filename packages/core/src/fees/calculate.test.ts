import { describe, expect, it } from 'vitest';
import { checkFeeVersionDraft, previewFeeVersion } from './admin.ts';
import { calculateFee, type FeeQuery, feeReferenceOf } from './calculate.ts';
import { FEE_SERVICE_DEFINITIONS, FEE_SERVICES, type FeeService } from './catalogue.ts';
import { DEFAULT_FEE_VERSIONS } from './defaults.ts';
import { formatMultiple, mulDivHalfUp, parseMajor, parseMultiple } from './money.ts';
import { feeRules } from './rule-set.ts';
import type { FeeVersion, FeeVersionDraft } from './versions.ts';

const rules = feeRules();

function fee(query: Partial<FeeQuery> & { service: FeeService; applicationDate: string }, set = rules) {
  const out = calculateFee(set, query);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.fee;
}
const total = (q: Parameters<typeof fee>[0], set = rules) => fee(q, set).total.text;

/**
 * The handbook's cases (§3): every service before and after 19.07.2019 and 28.02.2025, the name-change
 * duty before and after its late-2025 rise. The amounts the handbook confirms are marked ✅.
 */
const CASES: [string, FeeService, string | null, string, string, FeeService?][] = [
  // birth: a blank (20 % PDR) until 19.07.2019; then free within 3 months; free altogether from 28.02.2025
  ['birth, 17 days old, the day before 19.07.2019', 'BIRTH_REG', '2019-07-01', '2019-07-18', '11.00'],
  [
    'birth, 18 days old, on 19.07.2019: free within 3 months ✅',
    'BIRTH_REG',
    '2019-07-01',
    '2019-07-19',
    '0.00',
  ],
  ['birth, 3 months to the day: still free', 'BIRTH_REG', '2019-05-01', '2019-08-01', '0.00'],
  ['birth, 3 months and a day: the blank', 'BIRTH_REG', '2019-05-01', '2019-08-02', '11.00'],
  ['birth, 5 months old, the day before 28.02.2025', 'BIRTH_REG', '2024-09-20', '2025-02-27', '15.00'],
  ['birth, 5 months old, on 28.02.2025: free ✅', 'BIRTH_REG', '2024-09-20', '2025-02-28', '0.00'],
  ['birth, 8 years old: late, 1–16', 'BIRTH_REG', '2010-05-05', '2019-01-01', '0.00', 'BIRTH_REG_LATE_1_16'],
  [
    'birth, 24 years old: late, over 16',
    'BIRTH_REG',
    '2000-01-01',
    '2024-06-01',
    '0.00',
    'BIRTH_REG_LATE_16',
  ],
  [
    'birth at 16 exactly: over 16',
    'BIRTH_REG_LATE_1_16',
    '2003-06-01',
    '2019-06-01',
    '0.00',
    'BIRTH_REG_LATE_16',
  ],
  // death: the blank (11 TJS in 2019 ✅) until 28.02.2025, free from then
  ['death within a year, 2019 ✅', 'DEATH_REG', '2019-03-01', '2019-05-01', '11.00'],
  ['death two years ago, 2019', 'DEATH_REG', '2017-03-01', '2019-05-01', '11.00', 'DEATH_REG_LATE'],
  ['death, the day before 28.02.2025', 'DEATH_REG', '2025-02-01', '2025-02-27', '15.00'],
  ['death, on 28.02.2025: free ✅', 'DEATH_REG', '2025-02-01', '2025-02-28', '0.00'],
  ['death a year ago, on 28.02.2025: free', 'DEATH_REG_LATE', '2023-02-01', '2025-02-28', '0.00'],
  ['adoption, 2019', 'ADOPTION_REG', null, '2019-08-01', '11.00'],
  ['adoption, the day before 28.02.2025', 'ADOPTION_REG', null, '2025-02-27', '15.00'],
  ['adoption, on 28.02.2025: free ✅', 'ADOPTION_REG', null, '2025-02-28', '0.00'],
  ['paternity, 2019: free ✅', 'PATERNITY_REG', null, '2019-07-18', '0.00'],
  ['paternity, 2025: free', 'PATERNITY_REG', null, '2025-03-01', '0.00'],
  ['marriage, 2019', 'MARRIAGE_REG', null, '2019-07-18', '11.00'],
  ['marriage, 2025', 'MARRIAGE_REG', null, '2025-02-28', '15.00'],
  ['divorce, 2019: duty 55 ✅ + blank', 'DIVORCE_REG', null, '2019-07-19', '66.00'],
  ['divorce, 2025', 'DIVORCE_REG', null, '2025-03-01', '90.00'],
  // name change: 2 PDR in 2019, 3 PDR (225 TJS in 2025 ✅), 6 PDR (450 TJS ✅) from 01.11.2025
  ['name change, 2019: duty 2 PDR', 'NAME_CHANGE_REG', null, '2019-07-18', '137.50'],
  ['name change, July 2020: duty 3 PDR', 'NAME_CHANGE_REG', null, '2020-07-29', '203.00'],
  [
    'name change, the day before the 2025 rise: 225 + 22.50 + 15',
    'NAME_CHANGE_REG',
    null,
    '2025-10-31',
    '262.50',
  ],
  ['name change, from the 2025 rise: 450 + 22.50 + 15', 'NAME_CHANGE_REG', null, '2025-11-01', '487.50'],
  ['amendment, 2020', 'RECORD_AMEND', null, '2020-03-01', '29.00'],
  ['amendment, 2025', 'RECORD_AMEND', null, '2025-03-01', '37.50'],
  ['restoration, 2019', 'RECORD_RESTORE', null, '2019-07-18', '66.00'],
  ['restoration, 2025', 'RECORD_RESTORE', null, '2025-03-01', '90.00'],
  ['annulment, 2019', 'RECORD_ANNUL', null, '2019-07-18', '0.00'],
  ['annulment, 2025', 'RECORD_ANNUL', null, '2025-03-01', '0.00'],
  ['repeat certificate, 2016: 8 TJS ✅', 'CERT_REPEAT', null, '2016-06-01', '8.00'],
  ['repeat certificate, 2017: 10 TJS ✅', 'CERT_REPEAT', null, '2017-06-01', '10.00'],
  ['repeat certificate, 2019: 11 TJS ✅', 'CERT_REPEAT', null, '2019-07-19', '11.00'],
  ['repeat certificate, 2025', 'CERT_REPEAT', null, '2025-02-28', '15.00'],
  ['new certificate after a name change, 2019', 'CERT_REISSUE_NAMECHANGE', null, '2019-07-18', '11.00'],
  ['new certificate after a name change, 2025', 'CERT_REISSUE_NAMECHANGE', null, '2025-11-01', '15.00'],
  ['new certificate after an amendment, 2025', 'CERT_REISSUE_AMEND', null, '2025-03-01', '15.00'],
  ['new birth certificate after paternity, 2025', 'CERT_REISSUE_PATERNITY', null, '2025-03-01', '15.00'],
  ['new birth certificate after adoption, 2025', 'CERT_REISSUE_ADOPTION', null, '2025-03-01', '15.00'],
  ['extract, 2019', 'EXTRACT', null, '2019-07-18', '0.00'],
  ['archive search, 2025', 'ARCHIVE_SEARCH', null, '2025-03-01', '0.00'],
  ['application blank, 2025: 5 % PDR ✅', 'APPLICATION_BLANK', null, '2025-03-01', '3.75'],
  ['application blank, 2020', 'APPLICATION_BLANK', null, '2020-03-01', '2.90'],
];

describe('the fee calculator against the handbook', () => {
  it.each(CASES)('%s', (_name, service, eventDate, applicationDate, expected, charged = service) => {
    const f = fee({ service, eventDate, applicationDate });
    expect(f.total.text).toBe(expected);
    expect(f.total.minor).toBe(f.lines.reduce((s, l) => s + l.amount.minor, 0));
    expect(f.service).toBe(charged);
  });

  it('has a case for every service', () => {
    const covered = new Set(CASES.flatMap(([, s, , , , c]) => [s, c]));
    expect(FEE_SERVICES.filter((s) => !covered.has(s))).toEqual([]);
  });

  it('names the rule version and the legal basis of every line', () => {
    const f = fee({ service: 'NAME_CHANGE_REG', applicationDate: '2025-11-01' });
    expect(f.lines.map((l) => [l.kind, l.multiple, l.amount.text, l.versionId])).toEqual([
      ['duty', '6', '450.00', 'default:line:NAME_CHANGE_REG.duty:2025-11-01'],
      ['service', '0.3', '22.50', 'default:line:NAME_CHANGE_REG.service:2016-01-01'],
      ['blank', '0.2', '15.00', 'default:line:NAME_CHANGE_REG.blank:2016-01-01'],
    ]);
    expect(f.lines[0]!.basis.ru).toContain('О государственной пошлине');
    expect(f.lines[0]!.basis.ru).toContain('1 октября 2025');
    expect(f.pdr).toMatchObject({ versionId: 'default:pdr:2025', amount: { text: '75.00' }, verified: true });
  });

  it('says which lines rest on unconfirmed values', () => {
    const f = fee({ service: 'NAME_CHANGE_REG', applicationDate: '2025-11-01' });
    expect(f.lines.map((l) => l.verified)).toEqual([true, false, false]);
    expect(f.unverified).toBe(true);
    expect(f.lines[1]!.notes[0]!.en).toContain('placeholder');
    // in 2026 the PDR itself is an estimate: the duty's amount is then unconfirmed too
    const later = fee({ service: 'NAME_CHANGE_REG', applicationDate: '2026-03-01' });
    expect(later.lines[0]!.verified).toBe(false);
    expect(later.lines[0]!.notes.map((n) => n.en).join(' ')).toContain('budget law');
    // a birth registered within 3 months is free by a confirmed exemption, whatever its lines were
    const birth = fee({ service: 'BIRTH_REG', eventDate: '2020-01-10', applicationDate: '2020-02-01' });
    expect(birth.unverified).toBe(false);
  });

  it('applies the exemption by time since the birth with its basis', () => {
    const f = fee({ service: 'BIRTH_REG', eventDate: '2020-01-10', applicationDate: '2020-02-01' });
    expect(f.exemptions).toHaveLength(1);
    expect(f.exemptions[0]).toMatchObject({ key: 'birth-within-3-months', percent: 100, verified: true });
    expect(f.exemptions[0]!.basis.ru).toContain('19.07.2019');
    const blank = f.lines.find((l) => l.kind === 'blank')!;
    expect([blank.base.text, blank.waived.text, blank.amount.text]).toEqual(['11.60', '11.60', '0.00']);
  });

  it.each([
    ['disabled', '37.50', ['duty']],
    ['veteran', '37.50', ['duty']],
    ['orphan', '15.00', ['duty', 'service']],
  ])('exempts the %s category on its lines', (category, expected, waivedLines) => {
    const f = fee({ service: 'NAME_CHANGE_REG', applicationDate: '2025-11-01', category });
    expect(f.total.text).toBe(expected);
    expect(f.lines.filter((l) => l.exemption).map((l) => l.kind)).toEqual(waivedLines);
    expect(f.exemptions[0]).toMatchObject({ percent: 100, verified: false });
    expect(f.unverified).toBe(true);
  });

  it('exempts a request of a court or state body from the duty and service fee of an extract, not others', () => {
    const asked = fee({ service: 'CERT_REPEAT', applicationDate: '2025-03-01', category: 'state_body' });
    expect(asked.exemptions.map((x) => x.key)).toEqual(['state-body-request']);
    expect(asked.total.text).toBe('15.00'); // the blank is still paid
    const marriage = fee({ service: 'MARRIAGE_REG', applicationDate: '2025-03-01', category: 'state_body' });
    expect(marriage.exemptions).toEqual([]);
    const general = fee({ service: 'NAME_CHANGE_REG', applicationDate: '2025-11-01', category: 'general' });
    expect(general.exemptions).toEqual([]);
  });

  it('applies the largest of two exemptions of one line, not both', () => {
    const half: FeeVersion = {
      id: 'v1',
      kind: 'exemption',
      key: 'disabled-half',
      validFrom: '2025-01-01',
      validTo: null,
      value: {
        labels: { tg: 'Нисф', ru: 'Половина', en: 'Half' },
        services: ['NAME_CHANGE_REG'],
        lines: ['duty', 'blank'],
        percent: 50,
        categories: ['disabled'],
        maxMonthsSinceEvent: null,
      },
      basis: { tg: 'асос', ru: 'основание', en: 'basis' },
      verified: true,
      note: null,
      source: 'stored',
      recordedAt: '2024-12-01T00:00:00.000Z',
      recordedBy: 'admin',
    };
    const f = fee(
      { service: 'NAME_CHANGE_REG', applicationDate: '2025-11-01', category: 'disabled' },
      feeRules([half]),
    );
    expect(f.lines.map((l) => [l.kind, l.exemption?.key ?? null, l.amount.text])).toEqual([
      ['duty', 'disabled-duty', '0.00'],
      ['service', null, '22.50'],
      ['blank', 'disabled-half', '7.50'],
    ]);
  });

  it('adds the consular tariff in dollars at a consulate, beside the total in somoni', () => {
    const f = fee({ service: 'MARRIAGE_REG', applicationDate: '2025-03-01', consular: true });
    expect(f.total.text).toBe('15.00');
    expect(f.consularTotal).toMatchObject({ currency: 'USD', text: '0.00' });
    expect(f.lines.at(-1)).toMatchObject({ kind: 'consular', verified: false, ruleKey: '*' });
    const tariff = stored({
      kind: 'consular',
      key: 'MARRIAGE_REG',
      validFrom: '2025-01-01',
      value: { currency: 'USD', minor: 3000 },
    });
    const abroad = fee(
      { service: 'MARRIAGE_REG', applicationDate: '2025-03-01', consular: true },
      feeRules([tariff]),
    );
    expect(abroad.consularTotal?.text).toBe('30.00');
    expect(abroad.total.text).toBe('15.00');
    expect(fee({ service: 'MARRIAGE_REG', applicationDate: '2025-03-01' }).consularTotal).toBeNull();
  });

  it('uses the tariff date when it is given', () => {
    expect(
      total({ service: 'NAME_CHANGE_REG', applicationDate: '2025-11-05', tariffDate: '2025-10-15' }),
    ).toBe('262.50');
  });

  it('refuses what it cannot compute, with the field to correct', () => {
    const issues = (q: FeeQuery) => {
      const out = calculateFee(rules, q);
      return out.ok ? [] : out.issues.map((i) => [i.path.join('.'), i.key]);
    };
    expect(issues({ service: 'BIRTH_REG', applicationDate: '2025-03-01' })).toEqual([
      ['eventDate', 'error.fees.eventDateRequired'],
    ]);
    expect(issues({ service: 'DEATH_REG', eventDate: '2025-03-02', applicationDate: '2025-03-01' })).toEqual([
      ['eventDate', 'error.fees.eventAfterApplication'],
    ]);
    expect(issues({ service: 'MARRIAGE_REG', applicationDate: '2015-12-31' })).toEqual([
      ['applicationDate', 'error.fees.noRules'],
    ]);
    expect(issues({ service: 'MARRIAGE_REG', applicationDate: '2025-03-01', category: 'pensioner' })).toEqual(
      [['category', 'error.fees.category']],
    );
    expect(issues({ service: 'MARRIAGE_REG', applicationDate: '2025-02-30' })).toEqual([
      ['applicationDate', 'error.date.invalid'],
    ]);
  });
});

let seq = 100;
function stored(
  draft: Partial<FeeVersion> & Pick<FeeVersion, 'kind' | 'key' | 'validFrom' | 'value'>,
): FeeVersion {
  seq += 1;
  return {
    validTo: null,
    basis: { tg: 'Қонун', ru: 'Закон', en: 'Law' },
    verified: true,
    note: null,
    source: 'stored',
    id: `v${seq}`,
    recordedAt: '2026-12-01T08:00:00.000Z',
    recordedBy: 'admin',
    ...draft,
  } as FeeVersion;
}

describe('fee rules with history', () => {
  const eight = stored({
    kind: 'line',
    key: 'NAME_CHANGE_REG.duty',
    validFrom: '2027-01-01',
    value: { pdr: '8' },
  });

  it('keeps the past: a new version changes the fee only from its date', () => {
    const set = feeRules([eight]);
    expect(total({ service: 'NAME_CHANGE_REG', applicationDate: '2026-12-31' }, set)).toBe('487.50');
    expect(total({ service: 'NAME_CHANGE_REG', applicationDate: '2027-01-01' }, set)).toBe('637.50');
    expect(fee({ service: 'NAME_CHANGE_REG', applicationDate: '2027-01-01' }, set).lines[0]!.versionId).toBe(
      eight.id,
    );
    for (const [, service, eventDate, applicationDate, expected] of CASES) {
      expect(total({ service, eventDate, applicationDate }, set)).toBe(expected);
    }
  });

  it('computes as the rules were known at a moment', () => {
    const set = feeRules([eight], { knownAt: '2026-11-30T00:00:00.000Z' });
    expect(total({ service: 'NAME_CHANGE_REG', applicationDate: '2027-01-01' }, set)).toBe('487.50');
  });

  it('lets a later stored version of the same day correct an earlier one, and an ended version give way', () => {
    const fix = {
      ...stored({ kind: 'line', key: 'NAME_CHANGE_REG.duty', validFrom: '2027-01-01', value: { pdr: '7' } }),
    };
    expect(total({ service: 'NAME_CHANGE_REG', applicationDate: '2027-02-01' }, feeRules([eight, fix]))).toBe(
      '562.50',
    );
    const temporary = stored({
      kind: 'line',
      key: 'NAME_CHANGE_REG.duty',
      validFrom: '2027-03-01',
      validTo: '2027-04-01',
      value: { pdr: '0' },
    });
    const set = feeRules([eight, temporary]);
    expect(total({ service: 'NAME_CHANGE_REG', applicationDate: '2027-03-31' }, set)).toBe('37.50');
    expect(total({ service: 'NAME_CHANGE_REG', applicationDate: '2027-04-01' }, set)).toBe('637.50');
  });

  it('rounds each line half up to the diram', () => {
    const pdr = stored({ kind: 'pdr', key: 'pdr', validFrom: '2027-01-01', value: { diram: 5750 } });
    const f = fee({ service: 'APPLICATION_BLANK', applicationDate: '2027-01-01' }, feeRules([pdr]));
    expect(f.total.text).toBe('2.88'); // 0.05 × 57.50 = 2.875
    expect(mulDivHalfUp(5749, 500, 10_000)).toBe(287); // 2.8745
    expect(mulDivHalfUp(1, 1, 2)).toBe(1);
  });

  it('reads and writes PDR multiples and amounts exactly', () => {
    expect(parseMultiple('0.05')).toBe(500);
    expect(parseMultiple('6')).toBe(60_000);
    expect(formatMultiple(2_500)).toBe('0.25');
    expect(formatMultiple(60_000)).toBe('6');
    expect(parseMajor('75,5')).toBe(7550);
    expect(parseMajor('1e3')).toBeNull();
  });

  it('ships a rule for every line of every service on every day it knows fees for', () => {
    for (const service of FEE_SERVICES) {
      for (const date of ['2016-01-01', '2019-07-19', '2025-02-28', '2026-12-31']) {
        const f = fee({
          service,
          applicationDate: date,
          eventDate: FEE_SERVICE_DEFINITIONS[service].needsEventDate ? date : null,
        });
        expect(f.lines.length, `${service} ${date}`).toBeGreaterThan(0);
      }
    }
    const ids = DEFAULT_FEE_VERSIONS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('a new version from the central department', () => {
  const draft: FeeVersionDraft = {
    kind: 'line',
    key: 'NAME_CHANGE_REG.duty',
    validFrom: '2027-01-01',
    validTo: null,
    value: { pdr: '8' },
    basis: { tg: 'Қонун', ru: 'Закон', en: 'Law' },
    verified: true,
    note: null,
  };

  it('takes effect today or later, ends after it starts, and names categories that exist', () => {
    expect(checkFeeVersionDraft(rules, draft, '2026-12-07')).toEqual([]);
    expect(checkFeeVersionDraft(rules, { ...draft, validFrom: '2026-12-06' }, '2026-12-07')[0]).toMatchObject(
      {
        path: ['validFrom'],
        key: 'error.fees.pastValidFrom',
      },
    );
    expect(checkFeeVersionDraft(rules, { ...draft, validTo: '2027-01-01' }, '2026-12-07')[0]?.key).toBe(
      'error.fees.validToBeforeFrom',
    );
    const exemption: FeeVersionDraft = {
      ...draft,
      kind: 'exemption',
      key: 'pensioners',
      value: {
        labels: { tg: 'Нафақахӯрон', ru: 'Пенсионеры', en: 'Pensioners' },
        services: null,
        lines: ['duty'],
        percent: 50,
        categories: ['pensioner'],
        maxMonthsSinceEvent: null,
      },
    };
    expect(checkFeeVersionDraft(rules, exemption, '2026-12-07')).toEqual([
      { path: ['value', 'categories', 0], key: 'error.fees.category' },
    ]);
  });

  it('previews what changes for which service on a sample date', () => {
    const rows = previewFeeVersion([], draft, '2027-01-01');
    const changed = rows.filter((r) => r.changed);
    // the duty rises for whoever pays it; the disabled, veterans and orphans are exempt from it
    expect(changed.map((r) => [r.service, r.category, r.consular, r.before?.text, r.after?.text])).toEqual([
      ['NAME_CHANGE_REG', 'general', false, '487.50', '637.50'],
      ['NAME_CHANGE_REG', 'general', true, '487.50', '637.50'],
      ['NAME_CHANGE_REG', 'state_body', false, '487.50', '637.50'],
      ['NAME_CHANGE_REG', 'state_body', true, '487.50', '637.50'],
    ]);
    // every service is listed for the applicant with no category, changed or not
    expect(rows.filter((r) => r.category === 'general' && !r.consular)).toHaveLength(FEE_SERVICES.length);
    // a marriage's blank changes the marriage only, for everyone
    const half = previewFeeVersion(
      [],
      {
        ...draft,
        kind: 'line',
        key: 'MARRIAGE_REG.blank',
        value: { pdr: '0.4' },
      },
      '2027-01-01',
    ).filter((r) => r.changed);
    expect(new Set(half.map((r) => r.service))).toEqual(new Set(['MARRIAGE_REG']));
    expect(half.find((r) => r.category === 'general' && !r.consular)).toMatchObject({
      before: { text: '15.00' },
      after: { text: '30.00' },
    });
  });
});

describe('a computed fee as a payment keeps it', () => {
  it('names the service, the versions and the amounts, and computes again alike with the rules known then', () => {
    const eight = stored({
      kind: 'line',
      key: 'NAME_CHANGE_REG.duty',
      validFrom: '2027-01-01',
      value: { pdr: '8' },
    });
    const asked = { service: 'NAME_CHANGE_REG' as const, applicationDate: '2027-01-05', category: 'orphan' };
    const then = feeRules([], { knownAt: '2026-11-01T00:00:00.000Z' });
    const ref = feeReferenceOf(fee(asked, then));
    expect(ref).toMatchObject({
      service: 'NAME_CHANGE_REG',
      pdrVersionId: 'default:pdr:2026',
      total: { text: '15.00' },
      query: { tariffDate: '2027-01-05', category: 'orphan', eventDate: null, consular: false },
    });
    expect(ref.lines.map((l) => [l.kind, l.versionId, l.exemptionVersionId])).toEqual([
      [
        'duty',
        'default:line:NAME_CHANGE_REG.duty:2025-11-01',
        'default:exemption:orphan-duty-service:2016-01-01',
      ],
      [
        'service',
        'default:line:NAME_CHANGE_REG.service:2016-01-01',
        'default:exemption:orphan-duty-service:2016-01-01',
      ],
      ['blank', 'default:line:NAME_CHANGE_REG.blank:2016-01-01', null],
    ]);
    // a version stored after the payment does not change what it was computed by
    const later = feeRules([eight], { knownAt: '2026-11-01T00:00:00.000Z' });
    expect(feeReferenceOf(fee({ ...ref.query }, later))).toEqual(ref);
    expect(feeReferenceOf(fee({ ...ref.query }, feeRules([eight]))).lines[0]!.versionId).toBe(eight.id);
  });
});
