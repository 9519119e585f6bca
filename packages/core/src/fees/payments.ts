import type { FieldIssue } from '../acts/validation.ts';
import type { DocumentKind, IssueKind } from '../workflow/certificate-documents.ts';
import type { OfficeKind, Role } from '../workflow/roles.ts';
import type { ActKindCode } from '../workflow/statuses.ts';
import { FEE_SERVICE_DEFINITIONS, type FeeService } from './catalogue.ts';
import { formatMinor } from './money.ts';
import type { FeePaymentMethod } from './receipts.ts';

/**
 * Fees at the front office (handbook §3): what a charge's ledger adds up to, which service a
 * record operation is charged as, who may take, give back, waive and correct money, and the checks
 * of a new ledger entry. The tables are migration 028 (fee_charges, fee_payments): a charge is what
 * a service costs for one application, the ledger is append-only (a refund or a correction is a new
 * entry, never an edit).
 */

/** What a charge is for on its record (fee_charges.purpose). */
export const FEE_PURPOSES = [
  'registration',
  'amendment',
  'restoration',
  'annulment',
  'certificate',
  'extract',
  'archive-search',
  'application-blank',
] as const;
export type FeePurpose = (typeof FEE_PURPOSES)[number];

/** The kinds of ledger entry (fee_payments.kind): amounts are positive, the kind says which way they go. */
export const FEE_ENTRY_KINDS = ['payment', 'refund', 'waiver', 'correction'] as const;
export type FeeEntryKind = (typeof FEE_ENTRY_KINDS)[number];

/** Methods whose bank's or terminal's reference must be written down (a transfer is matched by it). */
export const METHODS_WITH_REFERENCE: readonly FeePaymentMethod[] = ['terminal', 'bank-transfer'];

export const FEE_CURRENCIES = ['TJS', 'USD'] as const;
export type FeeCurrency = (typeof FEE_CURRENCIES)[number];

/** The largest single entry, in diram (or cents): a typing slip of a few zeros is refused. */
export const MAX_ENTRY_MINOR = 10_000_000;

/**
 * The service a record operation is charged as. A registration is its act's family (the calculator
 * picks the late-registration bucket from the event date); the certificate services are the repeat
 * certificate and the reissues after a change.
 */
export const REGISTRATION_SERVICE: Record<ActKindCode, FeeService> = {
  BIRTH: 'BIRTH_REG',
  DEATH: 'DEATH_REG',
  MARRIAGE: 'MARRIAGE_REG',
  DIVORCE: 'DIVORCE_REG',
  ADOPTION: 'ADOPTION_REG',
  PATERNITY: 'PATERNITY_REG',
  NAME_CHANGE: 'NAME_CHANGE_REG',
};

const PURPOSE_SERVICE: Record<Exclude<FeePurpose, 'registration'>, FeeService> = {
  amendment: 'RECORD_AMEND',
  restoration: 'RECORD_RESTORE',
  annulment: 'RECORD_ANNUL',
  certificate: 'CERT_REPEAT',
  extract: 'EXTRACT',
  'archive-search': 'ARCHIVE_SEARCH',
  'application-blank': 'APPLICATION_BLANK',
};

/** The services a certificate may be charged as (a repeat certificate unless a reissue is named). */
export const CERTIFICATE_FEE_SERVICES: readonly FeeService[] = [
  'CERT_REPEAT',
  'CERT_REISSUE_NAMECHANGE',
  'CERT_REISSUE_AMEND',
  'CERT_REISSUE_PATERNITY',
  'CERT_REISSUE_ADOPTION',
];

/** The service charged for a purpose on a record of this kind; `asked` picks a certificate's reissue. */
export function serviceOfPurpose(
  purpose: FeePurpose,
  kind: ActKindCode,
  asked?: FeeService | null,
): FeeService {
  if (purpose === 'registration') return REGISTRATION_SERVICE[kind];
  if (purpose === 'certificate' && asked && CERTIFICATE_FEE_SERVICES.includes(asked)) return asked;
  return PURPOSE_SERVICE[purpose];
}

/**
 * The purposes paid on request, one operation each: a charge for a repeat or new certificate, an
 * extract or an amendment is spent by the certificate printed or the amendment made with it (the
 * next one is charged again). A registration's charge is the record's own, never spent.
 */
export const ON_REQUEST_PURPOSES = [
  'certificate',
  'extract',
  'amendment',
] as const satisfies readonly FeePurpose[];
export type OnRequestPurpose = (typeof ON_REQUEST_PURPOSES)[number];

export const isOnRequest = (purpose: FeePurpose): purpose is OnRequestPurpose =>
  (ON_REQUEST_PURPOSES as readonly string[]).includes(purpose);

/**
 * The service of a new certificate after a change, by what changed the record last: the cause of
 * its latest version (a later act: PATERNITY, ADOPTION, NAME_CHANGE; else an amendment) or the
 * notation that asked for one (a spouse's or a parent's change of name).
 */
export function reissueServiceOf(cause: string | null): FeeService {
  if (cause === 'PATERNITY') return 'CERT_REISSUE_PATERNITY';
  if (cause === 'ADOPTION') return 'CERT_REISSUE_ADOPTION';
  if (cause === 'NAME_CHANGE' || cause?.startsWith('name-change')) return 'CERT_REISSUE_NAMECHANGE';
  return 'CERT_REISSUE_AMEND';
}

/**
 * What a print is charged as. A record's first certificate (or stillbirth reference) is none: the
 * registration's fee has its blank line. A repeat certificate, a new one after a change and every
 * archive extract are services on request (handbook §1.3, §3.3), paid before they are printed;
 * a repeat of a reference is an extract.
 */
export function printFeeOf(
  document: DocumentKind,
  issue: IssueKind,
  cause: string | null = null,
): { purpose: OnRequestPurpose; service: FeeService } | null {
  if (document === 'ARCHIVE_EXTRACT') return { purpose: 'extract', service: 'EXTRACT' };
  if (issue === 'first') return null;
  if (document === 'STILLBIRTH_REFERENCE') return { purpose: 'extract', service: 'EXTRACT' };
  return { purpose: 'certificate', service: issue === 'repeat' ? 'CERT_REPEAT' : reissueServiceOf(cause) };
}

/** Whether the fee depends on the event date (the registration buckets, exemptions by time since the event). */
export const needsEventDate = (service: FeeService) => FEE_SERVICE_DEFINITIONS[service].needsEventDate;

/** What a role may do with fees. */
export const FEE_ACTIONS = ['charge', 'payment', 'refund', 'waiver', 'correction'] as const;
export type FeeAction = (typeof FEE_ACTIONS)[number];

/** Offices that take applications, and so money. */
export const FEE_OFFICE_KINDS: readonly OfficeKind[] = ['district', 'jamoat', 'mobile', 'consulate'];

/**
 * Who computes charges and records ledger entries, in their own office (as data; enforced only by
 * mayFee, server fees/payments/). Money given back, an amount not asked for and an entry undone
 * are the head of office's decisions.
 */
export const FEE_MATRIX: Record<FeeAction, { roles: readonly Role[]; officeKinds: readonly OfficeKind[] }> = {
  charge: {
    roles: ['front_office', 'back_office', 'registrar', 'head_of_office'],
    officeKinds: FEE_OFFICE_KINDS,
  },
  payment: {
    roles: ['front_office', 'back_office', 'registrar', 'head_of_office'],
    officeKinds: FEE_OFFICE_KINDS,
  },
  refund: { roles: ['head_of_office'], officeKinds: FEE_OFFICE_KINDS },
  waiver: { roles: ['head_of_office'], officeKinds: FEE_OFFICE_KINDS },
  correction: { roles: ['head_of_office'], officeKinds: FEE_OFFICE_KINDS },
};

export function mayFee(action: FeeAction, role: Role, officeKind: OfficeKind): boolean {
  const row = FEE_MATRIX[action];
  return row.roles.includes(role) && row.officeKinds.includes(officeKind);
}

/** A ledger entry as the balance reads it. */
export interface FeeLedgerEntry {
  id: string;
  kind: FeeEntryKind;
  amountMinor: number;
  currency: FeeCurrency;
  /** The entry a correction undoes. */
  corrects: string | null;
}

export const FEE_STATUSES = ['free', 'due', 'partly-paid', 'paid', 'waived', 'overpaid'] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];

/** One currency's sums of a charge. */
export interface FeeCurrencyBalance {
  currency: FeeCurrency;
  due: number;
  paid: number;
  refunded: number;
  waived: number;
  /** Entries undone by corrections (their amounts, whatever their kind). */
  corrected: number;
  /** due − (paid − refunded) − waived; below zero: money to give back. */
  outstanding: number;
}

export interface FeeBalance {
  status: FeeStatus;
  /** Paid or waived in full (or nothing due): what the block before registration and hand-over asks. */
  settled: boolean;
  somoni: FeeCurrencyBalance;
  /** The consular tariff in dollars, when one is due or was paid. */
  dollars: FeeCurrencyBalance | null;
}

function sums(currency: FeeCurrency, due: number, entries: readonly FeeLedgerEntry[]): FeeCurrencyBalance {
  const undone = new Set(entries.filter((e) => e.kind === 'correction').map((e) => e.corrects));
  const b: FeeCurrencyBalance = {
    currency,
    due,
    paid: 0,
    refunded: 0,
    waived: 0,
    corrected: 0,
    outstanding: 0,
  };
  for (const e of entries) {
    if (e.currency !== currency || e.kind === 'correction') continue;
    if (undone.has(e.id)) {
      b.corrected += e.amountMinor;
      continue;
    }
    if (e.kind === 'payment') b.paid += e.amountMinor;
    else if (e.kind === 'refund') b.refunded += e.amountMinor;
    else b.waived += e.amountMinor;
  }
  b.outstanding = due - (b.paid - b.refunded) - b.waived;
  return b;
}

function statusOf(b: FeeCurrencyBalance): FeeStatus {
  const net = b.paid - b.refunded;
  if (b.outstanding < 0) return 'overpaid';
  if (b.due === 0 && net === 0 && b.waived === 0) return 'free';
  if (b.outstanding === 0) return net === 0 ? 'waived' : 'paid';
  return net > 0 || b.waived > 0 ? 'partly-paid' : 'due';
}

const ORDER: readonly FeeStatus[] = ['due', 'partly-paid', 'overpaid', 'waived', 'paid', 'free'];

/**
 * The balance of a charge from its entries: what was paid, given back, waived and undone, what is
 * still outstanding, and its status. A correction takes the entry it names out of the sums.
 * With a consular tariff, both currencies must be settled; the status is the less settled one.
 */
export function feeBalance(
  charge: { totalMinor: number; consularMinor: number | null },
  entries: readonly FeeLedgerEntry[],
): FeeBalance {
  const somoni = sums('TJS', charge.totalMinor, entries);
  const hasDollars = charge.consularMinor !== null || entries.some((e) => e.currency === 'USD');
  const dollars = hasDollars ? sums('USD', charge.consularMinor ?? 0, entries) : null;
  const statuses = [statusOf(somoni), ...(dollars ? [statusOf(dollars)] : [])];
  const status = ORDER.find((s) => statuses.includes(s)) ?? 'free';
  const settled = somoni.outstanding <= 0 && (dollars === null || dollars.outstanding <= 0);
  return { status, settled, somoni, dollars };
}

/** A new ledger entry as the clerk gives it. */
export interface FeeEntryDraft {
  kind: FeeEntryKind;
  amountMinor?: number | undefined;
  currency?: FeeCurrency | undefined;
  method?: FeePaymentMethod | null | undefined;
  externalReference?: string | null | undefined;
  payerName?: string | null | undefined;
  reason?: string | null | undefined;
  corrects?: string | null | undefined;
}

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/**
 * The checks of a new entry against the charge's ledger so far, as field issues: the amount (whole,
 * positive, not more than is outstanding for a payment or a waiver, nor than was paid for a
 * refund), the method (money taken or given back), the reference of a terminal or a bank transfer,
 * the reason (refund, waiver, correction), and a correction names an entry of this charge, not a
 * correction, not undone already.
 */
export function checkFeeEntry(
  draft: FeeEntryDraft,
  ledger: { balance: FeeBalance; entries: readonly FeeLedgerEntry[] },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const currency = draft.currency ?? 'TJS';
  const sumsOf = currency === 'USD' ? ledger.balance.dollars : ledger.balance.somoni;
  const moves = draft.kind === 'payment' || draft.kind === 'refund';
  if (moves && !draft.method) issues.push({ path: ['method'], key: 'error.required' });
  if (!moves && draft.method) issues.push({ path: ['method'], key: 'error.fees.entry.noMethod' });
  if (draft.method && METHODS_WITH_REFERENCE.includes(draft.method) && blank(draft.externalReference)) {
    issues.push({ path: ['externalReference'], key: 'error.fees.entry.reference' });
  }
  if (draft.externalReference && draft.externalReference.trim().length > 80) {
    issues.push({ path: ['externalReference'], key: 'error.tooLong', params: { max: 80 } });
  }
  if (draft.payerName && draft.payerName.trim().length > 200) {
    issues.push({ path: ['payerName'], key: 'error.tooLong', params: { max: 200 } });
  }
  if (draft.kind !== 'payment' && blank(draft.reason)) {
    issues.push({ path: ['reason'], key: 'error.fees.entry.reason' });
  }
  if (draft.reason && draft.reason.trim().length > 500) {
    issues.push({ path: ['reason'], key: 'error.tooLong', params: { max: 500 } });
  }
  if (draft.kind === 'correction') {
    const target = ledger.entries.find((e) => e.id === draft.corrects);
    if (!draft.corrects) issues.push({ path: ['corrects'], key: 'error.required' });
    else if (!target || target.kind === 'correction') {
      issues.push({ path: ['corrects'], key: 'error.fees.entry.corrects' });
    } else if (ledger.entries.some((e) => e.kind === 'correction' && e.corrects === target.id)) {
      issues.push({ path: ['corrects'], key: 'error.fees.entry.alreadyCorrected' });
    }
    return issues;
  }
  if (draft.corrects) issues.push({ path: ['corrects'], key: 'error.fees.entry.corrects' });
  const amount = draft.amountMinor;
  if (amount === undefined || !Number.isInteger(amount) || amount <= 0 || amount > MAX_ENTRY_MINOR) {
    issues.push({ path: ['amountMinor'], key: 'error.fees.entry.amount' });
    return issues;
  }
  if (!sumsOf) {
    issues.push({ path: ['currency'], key: 'error.fees.entry.currency' });
    return issues;
  }
  const outstanding = Math.max(0, sumsOf.outstanding);
  if (draft.kind === 'payment' || draft.kind === 'waiver') {
    if (outstanding === 0) issues.push({ path: ['amountMinor'], key: 'error.fees.entry.nothingDue' });
    else if (amount > outstanding) {
      issues.push({
        path: ['amountMinor'],
        key: 'error.fees.entry.overOutstanding',
        params: { max: formatMinor(outstanding) },
      });
    }
  }
  if (draft.kind === 'refund') {
    const net = sumsOf.paid - sumsOf.refunded;
    if (amount > net)
      issues.push({
        path: ['amountMinor'],
        key: 'error.fees.entry.overPaid',
        params: { max: formatMinor(net) },
      });
  }
  return issues;
}
