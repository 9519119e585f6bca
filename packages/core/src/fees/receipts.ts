import type { LocalizedText } from '../i18n/locale.ts';
import type { Role } from '../workflow/roles.ts';

const e = (tg: string, ru: string, en: string): LocalizedText => ({ tg, ru, en });

/**
 * Receipts of the fee ledger (handbook §3): a payment and a refund each get one (numbered
 * "<office numeric code>-<year>-<n>", with a verification code); a waiver and a correction do not.
 */

/** The ledger entries that have a receipt. */
export const RECEIPT_ENTRY_KINDS = ['payment', 'refund'] as const;
export type ReceiptEntryKind = (typeof RECEIPT_ENTRY_KINDS)[number];

/** How money is paid at the front office. */
export const FEE_PAYMENT_METHODS = ['cash', 'terminal', 'bank-transfer'] as const;
export type FeePaymentMethod = (typeof FEE_PAYMENT_METHODS)[number];

export const FEE_PAYMENT_METHOD_LABELS: Record<FeePaymentMethod, LocalizedText> = {
  cash: e('Нақд дар идора', 'Наличными в учреждении', 'Cash at the office'),
  terminal: e('Терминали пардохт', 'Платёжный терминал', 'Payment terminal'),
  'bank-transfer': e('Интиқоли бонкӣ', 'Банковский перевод', 'Bank transfer'),
};

/**
 * Who prints a receipt: the office's staff and those above it (the head of office, the central
 * department), in their jurisdiction. Archivists, verifiers, statisticians and auditors take no
 * money and print none.
 */
export const RECEIPT_ROLES: readonly Role[] = [
  'front_office',
  'back_office',
  'registrar',
  'head_of_office',
  'central_admin',
];

export function mayPrintReceipt(role: Role): boolean {
  return RECEIPT_ROLES.includes(role);
}

/**
 * What the public check says of a receipt: it stands; the money was given back (a refund on its
 * charge); the entry was undone as recorded by mistake (a correction names it).
 */
export const RECEIPT_STATUSES = ['valid', 'refunded', 'corrected'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
