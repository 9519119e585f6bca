import { describe, expect, it } from 'vitest';
import { t } from '../i18n/messages.ts';
import {
  checkFeeEntry,
  type FeeLedgerEntry,
  feeBalance,
  isOnRequest,
  mayFee,
  printFeeOf,
  serviceOfPurpose,
} from './payments.ts';

const pay = (
  id: string,
  amountMinor: number,
  kind: FeeLedgerEntry['kind'] = 'payment',
  corrects: string | null = null,
) => ({ id, kind, amountMinor, currency: 'TJS', corrects }) as FeeLedgerEntry;
const charge = { totalMinor: 9000, consularMinor: null };

describe('the balance of a charge', () => {
  it('goes from due to partly paid to paid', () => {
    expect(feeBalance(charge, [])).toMatchObject({
      status: 'due',
      settled: false,
      somoni: { outstanding: 9000 },
    });
    expect(feeBalance(charge, [pay('a', 4000)])).toMatchObject({ status: 'partly-paid', settled: false });
    expect(feeBalance(charge, [pay('a', 4000), pay('b', 5000)])).toMatchObject({
      status: 'paid',
      settled: true,
      somoni: { paid: 9000, outstanding: 0 },
    });
  });
  it('is free when nothing is due, waived when an exemption covers it', () => {
    expect(feeBalance({ totalMinor: 0, consularMinor: null }, [])).toMatchObject({
      status: 'free',
      settled: true,
    });
    expect(feeBalance(charge, [pay('w', 9000, 'waiver')])).toMatchObject({ status: 'waived', settled: true });
  });
  it('a refund makes money due again, a correction takes the entry it names out of the sums', () => {
    const refunded = feeBalance(charge, [pay('a', 9000), pay('r', 9000, 'refund')]);
    expect(refunded).toMatchObject({
      status: 'due',
      settled: false,
      somoni: { refunded: 9000, outstanding: 9000 },
    });
    const corrected = feeBalance(charge, [pay('a', 9000), pay('c', 9000, 'correction', 'a')]);
    expect(corrected).toMatchObject({
      status: 'due',
      somoni: { paid: 0, corrected: 9000, outstanding: 9000 },
    });
  });
  it('is overpaid when more came in than is due', () => {
    expect(feeBalance({ totalMinor: 5000, consularMinor: null }, [pay('a', 9000)])).toMatchObject({
      status: 'overpaid',
      settled: true,
      somoni: { outstanding: -4000 },
    });
  });
  it('abroad, both the somoni and the consular dollars must be paid', () => {
    const abroad = { totalMinor: 1500, consularMinor: 2000 };
    const somoniOnly = feeBalance(abroad, [pay('a', 1500)]);
    expect(somoniOnly).toMatchObject({ status: 'due', settled: false, dollars: { outstanding: 2000 } });
    const both = feeBalance(abroad, [pay('a', 1500), { ...pay('b', 2000), currency: 'USD' }]);
    expect(both).toMatchObject({ status: 'paid', settled: true });
  });
});

describe('the service of a record operation', () => {
  it('registration by act kind (the calculator picks the late bucket), operations by purpose', () => {
    expect(serviceOfPurpose('registration', 'BIRTH')).toBe('BIRTH_REG');
    expect(serviceOfPurpose('registration', 'NAME_CHANGE')).toBe('NAME_CHANGE_REG');
    expect(serviceOfPurpose('amendment', 'BIRTH')).toBe('RECORD_AMEND');
    expect(serviceOfPurpose('restoration', 'DEATH')).toBe('RECORD_RESTORE');
    expect(serviceOfPurpose('certificate', 'BIRTH')).toBe('CERT_REPEAT');
    expect(serviceOfPurpose('certificate', 'BIRTH', 'CERT_REISSUE_AMEND')).toBe('CERT_REISSUE_AMEND');
    expect(serviceOfPurpose('certificate', 'BIRTH', 'NAME_CHANGE_REG')).toBe('CERT_REPEAT');
    expect(serviceOfPurpose('extract', 'MARRIAGE')).toBe('EXTRACT');
  });
});

describe('who may', () => {
  it('clerks take payments; refunds, waivers and corrections are the head of office’s', () => {
    expect(mayFee('payment', 'front_office', 'district')).toBe(true);
    expect(mayFee('payment', 'statistician', 'district')).toBe(false);
    expect(mayFee('payment', 'front_office', 'region')).toBe(false);
    for (const a of ['refund', 'waiver', 'correction'] as const) {
      expect(mayFee(a, 'registrar', 'district')).toBe(false);
      expect(mayFee(a, 'head_of_office', 'district')).toBe(true);
    }
  });
});

describe('the checks of a new entry', () => {
  const ledgerOf = (entries: FeeLedgerEntry[]) => ({ entries, balance: feeBalance(charge, entries) });
  const keys = (issues: { path: (string | number)[]; key: string }[]) =>
    issues.map((i) => `${i.path.join('.')}:${i.key}`);

  it('a payment needs a method, a positive amount not over what is outstanding, and a reference by terminal or transfer', () => {
    expect(checkFeeEntry({ kind: 'payment', amountMinor: 9000, method: 'cash' }, ledgerOf([]))).toEqual([]);
    expect(keys(checkFeeEntry({ kind: 'payment', amountMinor: 0 }, ledgerOf([])))).toEqual([
      'method:error.required',
      'amountMinor:error.fees.entry.amount',
    ]);
    expect(
      keys(checkFeeEntry({ kind: 'payment', amountMinor: 100, method: 'terminal' }, ledgerOf([]))),
    ).toEqual(['externalReference:error.fees.entry.reference']);
    const over = checkFeeEntry({ kind: 'payment', amountMinor: 9001, method: 'cash' }, ledgerOf([]));
    expect(over).toEqual([
      { path: ['amountMinor'], key: 'error.fees.entry.overOutstanding', params: { max: '90.00' } },
    ]);
    expect(
      keys(checkFeeEntry({ kind: 'payment', amountMinor: 1, method: 'cash' }, ledgerOf([pay('a', 9000)]))),
    ).toEqual(['amountMinor:error.fees.entry.nothingDue']);
  });
  it('a refund needs a reason and no more than was paid', () => {
    expect(
      keys(checkFeeEntry({ kind: 'refund', amountMinor: 9500, method: 'cash' }, ledgerOf([pay('a', 9000)]))),
    ).toEqual(['reason:error.fees.entry.reason', 'amountMinor:error.fees.entry.overPaid']);
  });
  it('a correction undoes one entry of the charge, once', () => {
    const ledger = ledgerOf([pay('a', 9000), pay('c', 9000, 'correction', 'a')]);
    expect(keys(checkFeeEntry({ kind: 'correction', corrects: 'a', reason: 'x' }, ledger))).toEqual([
      'corrects:error.fees.entry.alreadyCorrected',
    ]);
    expect(keys(checkFeeEntry({ kind: 'correction', corrects: 'c', reason: 'x' }, ledger))).toEqual([
      'corrects:error.fees.entry.corrects',
    ]);
    expect(keys(checkFeeEntry({ kind: 'correction', corrects: 'zz', reason: 'x' }, ledger))).toEqual([
      'corrects:error.fees.entry.corrects',
    ]);
    expect(
      checkFeeEntry({ kind: 'correction', corrects: 'a', reason: 'typed twice' }, ledgerOf([pay('a', 9000)])),
    ).toEqual([]);
  });
  it('every message exists in the three languages', () => {
    for (const key of [
      'error.fees.entry.reference',
      'error.fees.entry.overOutstanding',
      'problem.fees.unsettled',
    ]) {
      for (const l of ['tg', 'ru', 'en'] as const) expect(t(key, l)).not.toBe(key);
    }
  });
});

describe('what a print is charged as', () => {
  it('a first certificate is the registration’s; a repeat, a new one after a change and an extract are paid on request', () => {
    expect(printFeeOf('BIRTH_CERTIFICATE', 'first')).toBeNull();
    expect(printFeeOf('STILLBIRTH_REFERENCE', 'first')).toBeNull();
    expect(printFeeOf('BIRTH_CERTIFICATE', 'repeat')).toEqual({
      purpose: 'certificate',
      service: 'CERT_REPEAT',
    });
    expect(printFeeOf('STILLBIRTH_REFERENCE', 'repeat')).toEqual({ purpose: 'extract', service: 'EXTRACT' });
    // an archive extract, whichever print of it
    expect(printFeeOf('ARCHIVE_EXTRACT', 'first')).toEqual({ purpose: 'extract', service: 'EXTRACT' });
    expect(isOnRequest('certificate') && isOnRequest('amendment') && !isOnRequest('registration')).toBe(true);
  });

  it('a new certificate by what changed the record last', () => {
    const reissue = (cause: string | null) => printFeeOf('BIRTH_CERTIFICATE', 'reissue', cause)?.service;
    expect(reissue('PATERNITY')).toBe('CERT_REISSUE_PATERNITY');
    expect(reissue('ADOPTION')).toBe('CERT_REISSUE_ADOPTION');
    expect(reissue('NAME_CHANGE')).toBe('CERT_REISSUE_NAMECHANGE');
    expect(printFeeOf('MARRIAGE_CERTIFICATE', 'reissue', 'name-change-of-spouse')?.service).toBe(
      'CERT_REISSUE_NAMECHANGE',
    );
    expect(reissue('AMENDMENT')).toBe('CERT_REISSUE_AMEND');
    expect(reissue(null)).toBe('CERT_REISSUE_AMEND');
  });
});
