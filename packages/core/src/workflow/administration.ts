import type { OfficeKind, Role } from './roles.ts';
import { ROLES } from './roles.ts';

/**
 * Administration of users and offices: who may do what, as data. Enforced in one place on the
 * server (policies/administration.ts: the matrix, then jurisdiction); the web app offers screens
 * and buttons by the same functions.
 */
export const ADMIN_ACTIONS = [
  // users
  'read-users',
  'create-user',
  'change-user',
  'disable-user',
  'unlock-user',
  'reset-password',
  'revoke-sessions',
  'reset-two-factor',
  // offices
  'open-office',
  'close-office',
  'rename-office',
  'move-office',
  'schedule-visits',
  'publish-office-details',
  'publish-appointment-slots',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/**
 * How far an administrator reaches: `national`, every office; `subtree`, their own office and the
 * offices below it.
 */
export type AdminReach = 'national' | 'subtree';

export const ADMIN_MATRIX: Record<AdminAction, Partial<Record<Role, AdminReach>>> = {
  'read-users': { central_admin: 'national', head_of_office: 'subtree' },
  'create-user': { central_admin: 'national', head_of_office: 'subtree' },
  'change-user': { central_admin: 'national', head_of_office: 'subtree' },
  'disable-user': { central_admin: 'national', head_of_office: 'subtree' },
  'unlock-user': { central_admin: 'national', head_of_office: 'subtree' },
  'reset-password': { central_admin: 'national', head_of_office: 'subtree' },
  'revoke-sessions': { central_admin: 'national', head_of_office: 'subtree' },
  // a lost authenticator: the user enrols again at the next sign-in
  'reset-two-factor': { central_admin: 'national', head_of_office: 'subtree' },
  // the office tree is the central department's: it follows the administrative units and the
  // ministry's orders; a head of office plans where their mobile office goes
  'open-office': { central_admin: 'national' },
  'close-office': { central_admin: 'national' },
  'rename-office': { central_admin: 'national' },
  'move-office': { central_admin: 'national' },
  'schedule-visits': { central_admin: 'national', head_of_office: 'subtree' },
  // what the citizen portal shows of an office (address, telephone, hours): its head knows them best
  'publish-office-details': { central_admin: 'national', head_of_office: 'subtree' },
  // the times citizens may book at an office, and closing one of them
  'publish-appointment-slots': { central_admin: 'national', head_of_office: 'subtree' },
};

/**
 * The roles each administrator may give (and so the users they may administer at all): the
 * central administrator every role; a head of office the staff of an office, never another head,
 * a central administrator, a statistician or an auditor (who answer to the central department).
 */
export const GRANTABLE_ROLES: Partial<Record<Role, readonly Role[]>> = {
  central_admin: ROLES,
  head_of_office: ['front_office', 'back_office', 'registrar', 'archivist', 'verifier'],
};

/** How far this role reaches for this action; null: not at all. */
export function adminReach(action: AdminAction, role: Role): AdminReach | null {
  return ADMIN_MATRIX[action][role] ?? null;
}

/** Whether this role may take this action anywhere (jurisdiction is the server's to check). */
export function mayAdminister(action: AdminAction, role: Role): boolean {
  return adminReach(action, role) !== null;
}

/** Whether an administrator of role `by` may give role `role` (or act on a user who holds it). */
export function mayGrantRole(by: Role, role: Role): boolean {
  return GRANTABLE_ROLES[by]?.includes(role) ?? false;
}

/** The kinds of office that may be opened, and the kind of office each is opened under. */
export const OPENABLE_OFFICE_KINDS = ['jamoat', 'mobile', 'consulate'] as const;
export type OpenableOfficeKind = (typeof OPENABLE_OFFICE_KINDS)[number];
export const PARENT_KIND: Record<OpenableOfficeKind, OfficeKind> = {
  jamoat: 'district',
  mobile: 'district',
  consulate: 'central',
};

/** Offices that move to another parent of the same kind (a jamoat or mobile office to another district). */
export const MOVABLE_OFFICE_KINDS: readonly OfficeKind[] = ['jamoat', 'mobile'];

/** The shortest and longest password that may be set (server auth/password-policy.ts, the web's change screen). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** How many of a user's last passwords a new one may not repeat (the current one included). */
export const PASSWORD_HISTORY_DEPTH = 5;
