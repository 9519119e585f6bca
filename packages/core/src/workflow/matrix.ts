import type { OfficeKind, Role } from './roles.ts';
import { ACT_KINDS, type ActKindCode, type Flag, type Status } from './statuses.ts';

/** The verbs a user can apply to a record. `create` starts one; the rest move or change one. */
export const ACTIONS = [
  'create',
  'edit',
  'submit',
  'validate',
  'reject',
  'register',
  'request-amendment',
  'approve-amendment',
  'reject-amendment',
  'annul',
  'restore',
  'resolve-duplicate',
  'cancel',
  'shorten-waiting',
] as const;
export type Action = (typeof ACTIONS)[number];

interface Row {
  action: Action;
  /** Statuses the record may be in; `null` for create (no record yet). */
  from: readonly Status[] | null;
  /** Status after the action (unchanged when omitted). */
  to?: Status;
  roles: readonly Role[];
  /** Flags that forbid the action while set. */
  blockedBy?: readonly Flag[];
  /** Flags that must be set for the action. */
  requires?: readonly Flag[];
  /** Office kinds where the action exists (all that work with the act kind when omitted). */
  officeKinds?: readonly OfficeKind[];
  /** The action needs a written reason. */
  reason?: boolean;
  /** Act kinds the action exists for (all when omitted). */
  kinds?: readonly ActKindCode[];
  /** Roles that may take the action only on a record they created themselves. */
  authorOnly?: readonly Role[];
}

/**
 * The action matrix as data: which role may take which action from which status.
 * Which act kinds an office registers is in OFFICE_ACT_KINDS; both are enforced only by `decide()`.
 */
export const ACTION_MATRIX: readonly Row[] = [
  { action: 'create', from: null, to: 'draft', roles: ['front_office', 'back_office', 'registrar'] },
  { action: 'edit', from: ['draft'], roles: ['front_office', 'back_office', 'registrar'] },
  {
    action: 'submit',
    from: ['draft'],
    to: 'submitted',
    roles: ['front_office', 'back_office', 'registrar'],
    blockedBy: ['duplicate'],
  },
  { action: 'validate', from: ['submitted'], to: 'validated', roles: ['back_office', 'registrar'] },
  {
    action: 'reject',
    from: ['submitted', 'validated'],
    to: 'draft',
    roles: ['back_office', 'registrar'],
    reason: true,
  },
  {
    action: 'register',
    from: ['validated'],
    to: 'registered',
    roles: ['registrar'],
    blockedBy: ['possible-duplicate'],
  },
  {
    action: 'request-amendment',
    from: ['registered'],
    roles: ['front_office', 'back_office', 'registrar'],
    blockedBy: ['amendment-requested'],
    reason: true,
  },
  {
    action: 'approve-amendment',
    from: ['registered'],
    roles: ['registrar'],
    requires: ['amendment-requested'],
  },
  {
    action: 'reject-amendment',
    from: ['registered'],
    roles: ['registrar'],
    requires: ['amendment-requested'],
    reason: true,
  },
  {
    action: 'annul',
    from: ['registered'],
    to: 'annulled',
    roles: ['registrar'],
    reason: true,
    officeKinds: ['district', 'consulate'],
  },
  {
    action: 'resolve-duplicate',
    from: ['submitted', 'validated', 'registered'],
    roles: ['back_office', 'registrar'],
    requires: ['possible-duplicate'],
  },
  {
    action: 'restore',
    from: null,
    to: 'draft',
    roles: ['back_office', 'registrar'],
    officeKinds: ['district', 'consulate'],
  },
  {
    // a mistaken or abandoned draft is withdrawn, never deleted: its author or the head of office
    action: 'cancel',
    from: ['draft'],
    to: 'cancelled',
    roles: ['front_office', 'back_office', 'registrar', 'head_of_office'],
    authorOnly: ['front_office', 'back_office', 'registrar'],
    reason: true,
  },
  {
    // Family Code: the head of office may shorten (or waive) the month between application and marriage
    action: 'shorten-waiting',
    from: ['draft', 'submitted', 'validated'],
    roles: ['head_of_office'],
    kinds: ['MARRIAGE'],
    reason: true,
  },
];

/** Earlier steps on a record that make its registration a self-registration (four eyes: the one who took the application or checked it is not the one who registers). */
export const REGISTRATION_CONFLICTS: readonly Action[] = ['create', 'restore', 'submit', 'validate'];

/**
 * Separation of duties per office kind, as data: `refused` — whoever created, submitted or
 * validated a record may not register it (offices with a front and a back office); `flagged` —
 * small offices where one registrar may do it all, but the act is flagged `self-registered` and
 * shown to the head of office.
 */
export const SELF_REGISTRATION: Record<OfficeKind, 'refused' | 'flagged'> = {
  central: 'refused',
  region: 'refused',
  district: 'refused',
  consulate: 'flagged',
  mobile: 'flagged',
  jamoat: 'flagged',
};

/** Which act kinds each kind of office works with. Jamoats register four acts only. */
export const OFFICE_ACT_KINDS: Record<OfficeKind, readonly ActKindCode[]> = {
  central: [],
  region: [],
  district: ACT_KINDS,
  mobile: ACT_KINDS,
  consulate: ACT_KINDS,
  jamoat: ['BIRTH', 'DEATH', 'MARRIAGE', 'PATERNITY'],
};

export interface Subject {
  role: Role;
  officeKind: OfficeKind;
}

export interface Target {
  kind: ActKindCode;
  /** Undefined for create. */
  status?: Status;
  flags?: readonly string[];
  /** What this user did to the record so far (its action log's entries by them); none when omitted. */
  mine?: readonly string[];
}

export type Decision =
  | {
      allowed: true;
      to: Status | undefined;
      reason: boolean;
      /** Flags the action sets on the record (a self-registration is marked). */
      marks?: readonly Flag[];
    }
  | {
      allowed: false;
      why: 'role' | 'status' | 'office-kind' | 'kind' | 'flag' | 'missing-flag' | 'not-author' | 'duties';
      flag?: string;
    };

/** The one place that says whether an action is allowed. */
export function decide(action: Action, who: Subject, target: Target): Decision {
  const row = ACTION_MATRIX.find((r) => r.action === action);
  if (!row) return { allowed: false, why: 'role' };
  if (!row.roles.includes(who.role)) return { allowed: false, why: 'role' };
  if (!OFFICE_ACT_KINDS[who.officeKind].includes(target.kind)) return { allowed: false, why: 'office-kind' };
  if (row.kinds && !row.kinds.includes(target.kind)) return { allowed: false, why: 'kind' };
  if (row.officeKinds && !row.officeKinds.includes(who.officeKind))
    return { allowed: false, why: 'office-kind' };
  if (row.from === null ? target.status !== undefined : !target.status || !row.from.includes(target.status)) {
    return { allowed: false, why: 'status' };
  }
  const flag = row.blockedBy?.find((f) => target.flags?.includes(f));
  if (flag) return { allowed: false, why: 'flag', flag };
  const missing = row.requires?.find((f) => !target.flags?.includes(f));
  if (missing) return { allowed: false, why: 'missing-flag', flag: missing };
  const mine = target.mine ?? [];
  if (row.authorOnly?.includes(who.role) && !mine.includes('create') && !mine.includes('restore'))
    return { allowed: false, why: 'not-author' };
  if (action === 'register' && REGISTRATION_CONFLICTS.some((a) => mine.includes(a))) {
    if (SELF_REGISTRATION[who.officeKind] === 'refused') return { allowed: false, why: 'duties' };
    return { allowed: true, to: row.to, reason: row.reason === true, marks: ['self-registered'] };
  }
  return { allowed: true, to: row.to, reason: row.reason === true };
}

/** The actions a user could take on a record now (for the UI and the API's `actions` list). */
export function allowedActions(who: Subject, target: Target): Action[] {
  return ACTIONS.filter((a) => a !== 'create' && a !== 'restore' && decide(a, who, target).allowed);
}

/**
 * Whether a role starts records at all (some office kind lets it create one): the roles that take
 * the citizens' online applications to their office.
 */
export function startsRecords(role: string | undefined): boolean {
  return ACTION_MATRIX.some((r) => r.action === 'create' && r.roles.includes(role as Role));
}
