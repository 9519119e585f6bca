import type { LocalizedText } from '../i18n/locale.ts';
import type { OfficeKind, Role } from './roles.ts';

/**
 * Certificates and their strict-accountability blanks: who may do what. Kept apart from the record
 * matrix (ACTION_MATRIX) because these actions work on certificates and blanks, not on a record's
 * status; they are enforced only by `mayCertificate()` (server: certificates/policy.ts).
 */
export const CERTIFICATE_ACTIONS = [
  'issue-certificate',
  'record-receipt',
  'receive-blanks',
  'transfer-blanks',
  'report-spoiled-blank',
  'confirm-spoiled-blank',
  'read-blank-stock',
  'set-signatory',
] as const;
export type CertificateAction = (typeof CERTIFICATE_ACTIONS)[number];

/** Offices that register acts keep blanks and print certificates; the central department and regions do not. */
export const CERTIFICATE_OFFICE_KINDS: readonly OfficeKind[] = ['district', 'jamoat', 'mobile', 'consulate'];

/**
 * Offices that keep a stock of blanks: those that print, and a region, which receives blanks and
 * hands them down to its districts. (The central department works on any office's stock through
 * its administrators.)
 */
export const BLANK_STOCK_OFFICE_KINDS: readonly OfficeKind[] = ['region', ...CERTIFICATE_OFFICE_KINDS];

export const CERTIFICATE_MATRIX: Record<
  CertificateAction,
  {
    roles: readonly Role[];
    /** Office kinds where the action exists (any, when omitted). */
    officeKinds?: readonly OfficeKind[];
    /** A second person must do it: never the one who did the step before. */
    secondPerson?: boolean;
  }
> = {
  'issue-certificate': {
    roles: ['front_office', 'back_office', 'registrar'],
    officeKinds: CERTIFICATE_OFFICE_KINDS,
  },
  'record-receipt': {
    roles: ['front_office', 'back_office', 'registrar'],
    officeKinds: CERTIFICATE_OFFICE_KINDS,
  },
  'receive-blanks': { roles: ['head_of_office', 'central_admin'] },
  // blanks received by a district go on to the jamoats and mobile offices under it, which have no
  // head to receive them: the head of the sending office hands them over (the central department
  // for any office it sees)
  'transfer-blanks': { roles: ['head_of_office', 'central_admin'] },
  'report-spoiled-blank': {
    roles: ['front_office', 'back_office', 'registrar', 'head_of_office'],
    officeKinds: CERTIFICATE_OFFICE_KINDS,
  },
  'confirm-spoiled-blank': { roles: ['head_of_office'], secondPerson: true },
  'read-blank-stock': {
    roles: ['front_office', 'back_office', 'registrar', 'head_of_office', 'central_admin', 'auditor'],
  },
  // who signs the office's certificates: the head of office, or the central department for any office
  'set-signatory': { roles: ['head_of_office', 'central_admin'] },
};

/** A blank's statuses by name, for messages. */
export const BLANK_STATUS_LABELS: Record<string, LocalizedText> = {
  IN_STOCK: { tg: 'дар анбор', ru: 'на складе', en: 'in stock' },
  ISSUED: { tg: 'истифода шуд', ru: 'использован', en: 'used' },
  SPOIL_REQUESTED: { tg: 'интизори тасдиқ', ru: 'ожидает подтверждения', en: 'awaiting confirmation' },
  SPOILED: { tg: 'вайрон', ru: 'испорчен', en: 'spoiled' },
  LOST: { tg: 'гумшуда', ru: 'утерян', en: 'lost' },
  WRITTEN_OFF: { tg: 'аз ҳисоб бароварда шуд', ru: 'списан', en: 'written off' },
};

/** Whether a role in an office of this kind may take a certificate action (jurisdiction is checked by the server). */
export function mayCertificate(
  action: CertificateAction,
  who: { role: Role; officeKind: OfficeKind },
): boolean {
  const row = CERTIFICATE_MATRIX[action];
  if (!row.roles.includes(who.role)) return false;
  return !row.officeKinds || row.officeKinds.includes(who.officeKind);
}
