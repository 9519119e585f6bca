import type { OfficeKind, Role } from '../workflow/roles.ts';

/**
 * Who does what with the day's cash, the bank statements and the fee reports: the roles as data,
 * enforced only by `mayCash()` (server: fees/cash/policy.ts, which adds jurisdiction).
 */
export const CASH_ACTIONS = [
  'prepare-cash-report',
  'hand-in-cash',
  'sign-cash-report',
  'read-cash-reports',
  'import-bank-statement',
  'read-bank-statements',
  'read-fee-reports',
] as const;
export type CashAction = (typeof CASH_ACTIONS)[number];

/** The offices that take fees at a counter (those that register acts and print certificates). */
export const CASH_OFFICE_KINDS: readonly OfficeKind[] = ['district', 'jamoat', 'mobile', 'consulate'];

/** The roles that take fees at the counter: each keeps a drawer of their own. */
export const CASH_CLERK_ROLES: readonly Role[] = [
  'front_office',
  'back_office',
  'registrar',
  'head_of_office',
];

export const CASH_MATRIX: Record<
  CashAction,
  {
    roles: readonly Role[];
    /** Office kinds where the action exists (any, when omitted). */
    officeKinds?: readonly OfficeKind[];
    /**
     * own: the reports of one's own office; below: of one's office or one under it (a jamoat has
     * no head: the district's head signs); subtree for reads.
     */
    reach: 'own' | 'below';
    /** Never the one who prepared the report, nor the clerk whose report it is. */
    secondPerson?: boolean;
  }
> = {
  // a clerk prepares their own day's report; any of the office's clerks the office's report
  'prepare-cash-report': { roles: CASH_CLERK_ROLES, officeKinds: CASH_OFFICE_KINDS, reach: 'own' },
  'hand-in-cash': { roles: CASH_CLERK_ROLES, officeKinds: CASH_OFFICE_KINDS, reach: 'own' },
  'sign-cash-report': { roles: ['head_of_office'], reach: 'below', secondPerson: true },
  'read-cash-reports': {
    roles: [...CASH_CLERK_ROLES, 'central_admin', 'auditor'],
    reach: 'below',
  },
  'import-bank-statement': { roles: ['head_of_office', 'central_admin'], reach: 'below' },
  'read-bank-statements': { roles: ['head_of_office', 'central_admin', 'auditor'], reach: 'below' },
  'read-fee-reports': {
    roles: ['head_of_office', 'central_admin', 'auditor', 'statistician'],
    reach: 'below',
  },
};

/** Whether a role in an office of this kind may take a cash action (jurisdiction is the server's). */
export function mayCash(action: CashAction, who: { role: Role; officeKind: OfficeKind }): boolean {
  const row = CASH_MATRIX[action];
  if (!row.roles.includes(who.role)) return false;
  return !row.officeKinds || row.officeKinds.includes(who.officeKind);
}
