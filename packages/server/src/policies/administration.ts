import {
  type AdminAction,
  type AdminReach,
  adminReach,
  type LocalizedText,
  mayGrantRole,
  ROLE_LABELS,
  type Role,
} from '@sabt/core';
import type { Actor } from '../auth/sessions.ts';
import { DomainError } from '../errors/domain-error.ts';

/**
 * The one gate of administration: the matrix (core ADMIN_MATRIX, GRANTABLE_ROLES), then
 * jurisdiction — a central administrator reaches every office, a head of office their own and
 * those below it (a prefix of the office's materialised path) — and never one's own account.
 */

/** How far this actor reaches for this action; refused when the role does not take it at all. */
export function assertMayAdminister(actor: Actor, action: AdminAction): AdminReach {
  const reach = adminReach(action, actor.role);
  if (!reach) throw new DomainError('forbidden', 'problem.admin.forbidden');
  return reach;
}

/** Whether an office (by its path) lies within this reach of the actor. */
export function withinReach(actor: Actor, reach: AdminReach, officePath: string): boolean {
  return reach === 'national' || officePath.startsWith(actor.officePath);
}

/** The prefix of office paths a list is limited to ('' for the whole country). */
export function reachPrefix(actor: Actor, reach: AdminReach): string {
  return reach === 'national' ? '' : actor.officePath;
}

/** An office the actor acts on (opens under, places a user in, schedules): within reach. */
export function assertOfficeInReach(
  actor: Actor,
  action: AdminAction,
  office: { path: string; names: LocalizedText },
): void {
  const reach = assertMayAdminister(actor, action);
  if (!withinReach(actor, reach, office.path))
    throw new DomainError('forbidden', 'problem.admin.outsideJurisdiction', { office: office.names });
}

/** A role the actor gives, or that a user they act on holds. */
export function assertMayGrant(actor: Actor, role: Role): void {
  if (!mayGrantRole(actor.role, role))
    throw new DomainError('forbidden', 'problem.admin.roleNotGrantable', { role: ROLE_LABELS[role] });
}

/**
 * A user the actor administers: never themselves; outside the actor's reach the user is not
 * found (as a record outside one's jurisdiction is); a role the actor may not give is refused.
 */
export function assertUserInReach(
  actor: Actor,
  action: AdminAction,
  target: { id: string; role: string; office_path: string },
): void {
  const reach = assertMayAdminister(actor, action);
  if (!withinReach(actor, reach, target.office_path))
    throw new DomainError('not-found', 'problem.admin.noSuchUser');
  if (target.id === actor.id) throw new DomainError('forbidden', 'problem.admin.ownAccount');
  assertMayGrant(actor, target.role as Role);
}

/** Whether the actor may take this action on this user (the same rules, as a yes or no). */
export function mayActOnUser(
  actor: Actor,
  action: AdminAction,
  target: { id: string; role: string; office_path: string },
): boolean {
  try {
    assertUserInReach(actor, action, target);
    return true;
  } catch {
    return false;
  }
}
