import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, allowedActions, decide } from './matrix.ts';
import { OFFICE_KINDS, type OfficeKind, ROLES, type Role } from './roles.ts';
import { ACT_KINDS, type ActKindCode, STATUSES, type Status } from './statuses.ts';

/*
 * An independent oracle, written from the policy statements and not from the matrix:
 * - front_office, back_office and registrar create, edit (draft only) and submit (draft → submitted);
 * - back_office and registrar validate (submitted → validated) and reject (submitted or validated →
 *   draft, reason required);
 * - only the registrar registers (validated → registered), not while 'possible-duplicate' is set;
 * - nobody acts on registered or annulled records with these actions;
 * - on a registered record, front_office, back_office and registrar request an amendment (reason
 *   required, one pending at a time); only the registrar approves or rejects it (reason to reject);
 * - only the registrar annuls (registered → annulled, reason required), and only a registrar or
 *   back_office restores a lost record (a new draft); both only in district offices and consulates;
 * - central and region offices work with no kind; jamoats with BIRTH, DEATH, MARRIAGE and PATERNITY;
 *   district, mobile and consulate offices with all seven kinds;
 * - a draft is cancelled (draft → cancelled, reason required) by the clerk who created (or restored)
 *   it, or by the head of office; nobody acts on a cancelled record;
 * - the head of office, and only they, shortens a marriage's waiting period (reason required) while
 *   it is a draft, submitted or validated;
 * - whoever created, restored, submitted or validated a record may not register it in a district
 *   (nor central or region) office; in jamoats, mobile offices and consulates they may, and the
 *   registration marks the record 'self-registered';
 * - archivist, verifier, central_admin, statistician and auditor take none of them.
 */
const CLERKS: readonly Role[] = ['front_office', 'back_office', 'registrar'];
const CHECKERS: readonly Role[] = ['back_office', 'registrar'];
const JAMOAT_KINDS: readonly ActKindCode[] = ['BIRTH', 'DEATH', 'MARRIAGE', 'PATERNITY'];
const COURT_OFFICES: readonly OfficeKind[] = ['district', 'consulate'];
const SMALL_OFFICES: readonly OfficeKind[] = ['jamoat', 'mobile', 'consulate'];

function officeWorksWith(office: OfficeKind, kind: ActKindCode): boolean {
  switch (office) {
    case 'central':
    case 'region':
      return false;
    case 'jamoat':
      return JAMOAT_KINDS.includes(kind);
    case 'district':
    case 'mobile':
    case 'consulate':
      return true;
  }
}

interface Expected {
  allowed: boolean;
  to?: Status | undefined;
  reason?: boolean;
  marks?: readonly string[];
}

function expected(
  action: Action,
  role: Role,
  office: OfficeKind,
  kind: ActKindCode,
  status: Status | undefined,
  flags: readonly string[],
  mine: readonly string[] = [],
): Expected {
  if (!officeWorksWith(office, kind)) return { allowed: false };
  const author = mine.includes('create') || mine.includes('restore');
  const pending = flags.includes('amendment-requested');
  switch (action) {
    case 'request-amendment':
      return CLERKS.includes(role) && status === 'registered' && !pending
        ? { allowed: true, to: undefined, reason: true }
        : { allowed: false };
    case 'approve-amendment':
    case 'reject-amendment':
      return role === 'registrar' && status === 'registered' && pending
        ? { allowed: true, to: undefined, reason: action === 'reject-amendment' }
        : { allowed: false };
    case 'annul':
      return role === 'registrar' && status === 'registered' && COURT_OFFICES.includes(office)
        ? { allowed: true, to: 'annulled', reason: true }
        : { allowed: false };
    case 'resolve-duplicate':
      return CHECKERS.includes(role) &&
        (status === 'submitted' || status === 'validated' || status === 'registered') &&
        flags.includes('possible-duplicate')
        ? { allowed: true, to: undefined, reason: false }
        : { allowed: false };
    case 'cancel':
      return status === 'draft' && (role === 'head_of_office' || (CLERKS.includes(role) && author))
        ? { allowed: true, to: 'cancelled', reason: true }
        : { allowed: false };
    case 'shorten-waiting':
      return role === 'head_of_office' &&
        kind === 'MARRIAGE' &&
        (status === 'draft' || status === 'submitted' || status === 'validated')
        ? { allowed: true, to: undefined, reason: true }
        : { allowed: false };
    case 'restore':
      return CHECKERS.includes(role) && status === undefined && COURT_OFFICES.includes(office)
        ? { allowed: true, to: 'draft', reason: false }
        : { allowed: false };
  }
  if (status === 'registered' || status === 'annulled') return { allowed: false };
  switch (action) {
    case 'create':
      return CLERKS.includes(role) && status === undefined
        ? { allowed: true, to: 'draft', reason: false }
        : { allowed: false };
    case 'edit':
      return CLERKS.includes(role) && status === 'draft'
        ? { allowed: true, to: undefined, reason: false }
        : { allowed: false };
    case 'submit':
      return CLERKS.includes(role) && status === 'draft' && !flags.includes('duplicate')
        ? { allowed: true, to: 'submitted', reason: false }
        : { allowed: false };
    case 'validate':
      return CHECKERS.includes(role) && status === 'submitted'
        ? { allowed: true, to: 'validated', reason: false }
        : { allowed: false };
    case 'reject':
      return CHECKERS.includes(role) && (status === 'submitted' || status === 'validated')
        ? { allowed: true, to: 'draft', reason: true }
        : { allowed: false };
    case 'register': {
      if (role !== 'registrar' || status !== 'validated' || flags.includes('possible-duplicate'))
        return { allowed: false };
      const selfRegistration = author || mine.includes('submit') || mine.includes('validate');
      if (!selfRegistration) return { allowed: true, to: 'registered', reason: false };
      return SMALL_OFFICES.includes(office)
        ? { allowed: true, to: 'registered', reason: false, marks: ['self-registered'] }
        : { allowed: false };
    }
  }
}

const STATUS_CHOICES: readonly (Status | undefined)[] = [undefined, ...STATUSES];
const FLAG_CHOICES: readonly (readonly string[])[] = [
  [],
  ['possible-duplicate'],
  ['rejected'],
  ['amendment-requested'],
];
/** What the user did to the record before: nothing, an edit only, or one of the steps that matter. */
const MINE_CHOICES: readonly (readonly string[])[] = [
  [],
  ['edit'],
  ['create', 'edit'],
  ['restore'],
  ['submit'],
  ['validate'],
];

describe('who may do what to a record (the action matrix)', () => {
  describe.each(ACTIONS)('%s', (action) => {
    it.each(ROLES)('matches the policy for a %s in every office, kind, status and flag', (role) => {
      const mismatches: string[] = [];
      for (const office of OFFICE_KINDS)
        for (const kind of ACT_KINDS)
          for (const status of STATUS_CHOICES)
            for (const flags of FLAG_CHOICES)
              for (const mine of MINE_CHOICES) {
                const want = expected(action, role, office, kind, status, flags, mine);
                const got = decide(action, { role, officeKind: office }, { kind, status, flags, mine });
                const gotShape: Expected = got.allowed
                  ? {
                      allowed: true,
                      to: got.to,
                      reason: got.reason,
                      ...(got.marks ? { marks: got.marks } : {}),
                    }
                  : { allowed: false };
                if (JSON.stringify(gotShape) !== JSON.stringify(want)) {
                  mismatches.push(
                    `${office} ${kind} ${status ?? '(new)'} [${flags.join(',')}] mine [${mine.join(',')}]: got ${JSON.stringify(gotShape)}, want ${JSON.stringify(want)}`,
                  );
                }
              }
      expect(mismatches).toEqual([]);
    });
  });

  it('allows exactly 554 (action, role, office kind, act kind, status) combinations', () => {
    // create 3 roles × 25 office/kind pairs; edit 75; submit 75; validate 2 × 25; reject 2 × 25 × 2 statuses;
    // register 1 × 25. The 25 pairs are 7 kinds in district, mobile and consulate offices plus 4 in jamoats.
    let count = 0;
    for (const action of ACTIONS)
      for (const role of ROLES)
        for (const office of OFFICE_KINDS)
          for (const kind of ACT_KINDS)
            for (const status of STATUS_CHOICES)
              if (decide(action, { role, officeKind: office }, { kind, status, flags: [] }).allowed) count++;
    // plus request-amendment 3 × 25; annul 1 × 14 and restore 2 × 14 (district and consulate offices, 7 kinds each);
    // cancel: the head of office on 25 drafts (a clerk only on their own); shorten-waiting: the head
    // on marriages (4 office kinds) in 3 statuses
    expect(count).toBe(75 + 75 + 75 + 50 + 100 + 25 + 75 + 14 + 28 + 25 + 12);
  });

  it('says why an action is refused, so the user sees the right message', () => {
    const registrar = { role: 'registrar', officeKind: 'district' } as const;
    expect(
      decide('register', { role: 'auditor', officeKind: 'district' }, { kind: 'BIRTH', status: 'validated' }),
    ).toEqual({ allowed: false, why: 'role' });
    expect(
      decide(
        'register',
        { role: 'registrar', officeKind: 'jamoat' },
        { kind: 'DIVORCE', status: 'validated' },
      ),
    ).toEqual({ allowed: false, why: 'office-kind' });
    expect(decide('register', registrar, { kind: 'BIRTH', status: 'registered' })).toEqual({
      allowed: false,
      why: 'status',
    });
    expect(decide('create', registrar, { kind: 'BIRTH', status: 'draft' })).toEqual({
      allowed: false,
      why: 'status',
    });
    expect(
      decide('register', registrar, { kind: 'BIRTH', status: 'validated', flags: ['possible-duplicate'] }),
    ).toEqual({ allowed: false, why: 'flag', flag: 'possible-duplicate' });
  });

  it('treats a record with no flags list like one with an empty list', () => {
    const registrar = { role: 'registrar', officeKind: 'district' } as const;
    expect(decide('register', registrar, { kind: 'DEATH', status: 'validated' })).toEqual({
      allowed: true,
      to: 'registered',
      reason: false,
    });
  });
});

describe('the actions offered to a user on a record', () => {
  it('offers validate and reject to a back-office specialist on a submitted birth in a district', () => {
    expect(
      allowedActions({ role: 'back_office', officeKind: 'district' }, { kind: 'BIRTH', status: 'submitted' }),
    ).toEqual(['validate', 'reject']);
  });

  it('offers nothing to a jamoat registrar on a divorce', () => {
    for (const status of STATUSES) {
      expect(
        allowedActions({ role: 'registrar', officeKind: 'jamoat' }, { kind: 'DIVORCE', status }),
      ).toEqual([]);
    }
  });

  it('offers edit and submit (never create) to a front-office clerk on a draft', () => {
    expect(
      allowedActions({ role: 'front_office', officeKind: 'mobile' }, { kind: 'DEATH', status: 'draft' }),
    ).toEqual(['edit', 'submit']);
    expect(allowedActions({ role: 'front_office', officeKind: 'mobile' }, { kind: 'DEATH' })).toEqual([]);
  });

  it('offers a registrar reject and register on a validated record, and no registering while it may be a duplicate', () => {
    const who = { role: 'registrar', officeKind: 'consulate' } as const;
    expect(allowedActions(who, { kind: 'MARRIAGE', status: 'validated' })).toEqual(['reject', 'register']);
    expect(
      allowedActions(who, { kind: 'MARRIAGE', status: 'validated', flags: ['possible-duplicate'] }),
    ).toEqual(['reject', 'resolve-duplicate']);
  });

  it('offers only amendment and annulment on a registered record, only cancelling to a head of office, nothing to the centre', () => {
    expect(
      allowedActions({ role: 'registrar', officeKind: 'district' }, { kind: 'BIRTH', status: 'registered' }),
    ).toEqual(['request-amendment', 'annul']);
    expect(
      allowedActions(
        { role: 'registrar', officeKind: 'district' },
        { kind: 'BIRTH', status: 'registered', flags: ['amendment-requested'] },
      ),
    ).toEqual(['approve-amendment', 'reject-amendment', 'annul']);
    expect(
      allowedActions({ role: 'registrar', officeKind: 'jamoat' }, { kind: 'BIRTH', status: 'registered' }),
    ).toEqual(['request-amendment']);
    expect(
      allowedActions({ role: 'front_office', officeKind: 'district' }, { kind: 'DEATH', status: 'annulled' }),
    ).toEqual([]);
    expect(
      allowedActions({ role: 'head_of_office', officeKind: 'district' }, { kind: 'BIRTH', status: 'draft' }),
    ).toEqual(['cancel']);
    expect(
      allowedActions(
        { role: 'head_of_office', officeKind: 'district' },
        { kind: 'BIRTH', status: 'submitted' },
      ),
    ).toEqual([]);
    expect(
      allowedActions({ role: 'registrar', officeKind: 'central' }, { kind: 'BIRTH', status: 'validated' }),
    ).toEqual([]);
  });
});

describe('cancelled drafts, the waiting period and the separation of duties', () => {
  it("offers a draft's author to cancel it, not another clerk", () => {
    const front = { role: 'front_office', officeKind: 'district' } as const;
    expect(allowedActions(front, { kind: 'BIRTH', status: 'draft', mine: ['create', 'edit'] })).toEqual([
      'edit',
      'submit',
      'cancel',
    ]);
    expect(allowedActions(front, { kind: 'BIRTH', status: 'draft', mine: ['edit'] })).toEqual([
      'edit',
      'submit',
    ]);
    expect(decide('cancel', front, { kind: 'BIRTH', status: 'draft' })).toEqual({
      allowed: false,
      why: 'not-author',
    });
    expect(allowedActions(front, { kind: 'BIRTH', status: 'cancelled', mine: ['create'] })).toEqual([]);
  });

  it('offers the head of office to shorten the waiting period of a marriage only', () => {
    const head = { role: 'head_of_office', officeKind: 'jamoat' } as const;
    expect(allowedActions(head, { kind: 'MARRIAGE', status: 'validated' })).toEqual(['shorten-waiting']);
    expect(decide('shorten-waiting', head, { kind: 'BIRTH', status: 'validated' })).toEqual({
      allowed: false,
      why: 'kind',
    });
  });

  it('refuses a district registrar their own act and marks a jamoat registrar’s', () => {
    const target = { kind: 'BIRTH', status: 'validated' } as const;
    for (const step of ['create', 'submit', 'validate']) {
      expect(
        decide('register', { role: 'registrar', officeKind: 'district' }, { ...target, mine: [step] }),
      ).toEqual({ allowed: false, why: 'duties' });
      expect(
        decide('register', { role: 'registrar', officeKind: 'jamoat' }, { ...target, mine: [step] }),
      ).toEqual({ allowed: true, to: 'registered', reason: false, marks: ['self-registered'] });
    }
    expect(
      decide('register', { role: 'registrar', officeKind: 'district' }, { ...target, mine: ['edit'] }),
    ).toEqual({ allowed: true, to: 'registered', reason: false });
  });
});
