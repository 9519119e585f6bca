import { CASH_MATRIX, CASH_OFFICE_KINDS, type CashAction, mayCash, type OfficeKind } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError, forbidden, notFound } from '../../errors/domain-error.ts';

/**
 * Who may do what with the day's cash, the statements and the fee reports: the roles in core
 * (CASH_MATRIX), then jurisdiction: `own` acts in one's own office only; `below` reaches one's
 * office and every office under it (reads, and the head of a district signing for a jamoat).
 */
export function assertMayCash(actor: Actor, action: CashAction): void {
  if (!mayCash(action, { role: actor.role, officeKind: actor.officeKind })) throw forbidden();
}

export interface CashOffice {
  id: string;
  kind: OfficeKind;
  path: string;
}

/** The office an action is on (the user's own when none is named), checked for the action's reach. */
export async function cashOffice(
  db: Kysely<Database>,
  actor: Actor,
  action: CashAction,
  officeId: string | undefined,
): Promise<CashOffice> {
  assertMayCash(actor, action);
  const office = await db
    .selectFrom('offices')
    .select(['id', 'kind', 'path'])
    .where('id', '=', officeId ?? actor.officeId)
    .executeTakeFirst();
  if (!office?.path.startsWith(actor.officePath)) throw notFound();
  if (CASH_MATRIX[action].reach === 'own' && office.id !== actor.officeId) {
    throw new DomainError('forbidden', 'problem.outsideOffice');
  }
  return office as CashOffice;
}

/** Cash reports exist for the offices that take fees at a counter. */
export function assertCashOffice(office: CashOffice): void {
  if (!CASH_OFFICE_KINDS.includes(office.kind)) throw new DomainError('conflict', 'problem.cash.officeKind');
}
