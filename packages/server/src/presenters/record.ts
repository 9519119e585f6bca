import {
  type ActKindCode,
  allowedActions,
  checkRecordData,
  diffData,
  getActKind,
  type Locale,
  type Status,
} from '@sabt/core';
import type { Actor } from '../auth/sessions.ts';
import type { RecordRow } from '../commands/record-store.ts';
import { renderIssues } from '../http/problem.ts';
import type { recordActions, recordLinks, recordVersions } from '../queries/records.ts';
import type { SealInfo } from '../queries/sealing.ts';

type Actions = Awaited<ReturnType<typeof recordActions>>;
type Links = Awaited<ReturnType<typeof recordLinks>>;
type Versions = Awaited<ReturnType<typeof recordVersions>>;

const NOT_SEALED: SealInfo = {
  sealed: false,
  whole: false,
  versions: new Set(),
  untilActionId: 0,
  canSee: true,
};

export function etag(revision: number): string {
  return `"${revision}"`;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A record as staff see it: data, status and flags, numbers, links and notations, and what they may do next. */
export function presentRecord(
  rec: RecordRow,
  actor: Actor,
  locale: Locale,
  today: string,
  actions: Actions,
  links: Links,
  seal: SealInfo = NOT_SEALED,
) {
  const hidden = seal.whole && !seal.canSee;
  const def = getActKind(rec.kind);
  const check = def && !hidden ? checkRecordData(def, rec.data, 'complete', { today }) : undefined;
  const lastReject = [...actions].reverse().find((a) => a.action === 'reject');
  const canAct = rec.office_id === actor.officeId;
  return {
    id: rec.id,
    kind: rec.kind,
    status: rec.status,
    flags: rec.flags,
    office: rec.office_id,
    schemaVersion: rec.schema_version,
    version: rec.version,
    revision: rec.revision,
    number: rec.number,
    year: rec.year,
    nationalId: rec.national_id,
    registeredAt: iso(rec.registered_at),
    createdAt: iso(rec.created_at),
    updatedAt: iso(rec.updated_at),
    /** Null when the data is sealed and this user may not see it. */
    data: hidden ? null : rec.data,
    sealed: seal.sealed,
    rejection:
      rec.flags.includes('rejected') && lastReject
        ? {
            reason: lastReject.reason,
            at: iso(lastReject.at),
            by: lastReject.login,
            byName: lastReject.full_name,
          }
        : null,
    links: links.map((l) => ({
      type: l.type,
      recordId: l.linked_record_id,
      kind: l.kind,
      status: l.status,
      number: l.number,
      year: l.year,
      nationalId: l.national_id,
      office: l.office_id,
    })),
    notations: actions
      .filter((a) => a.action === 'notation')
      .map((a) => ({ at: iso(a.at), ...(a.payload as Record<string, unknown>) })),
    check:
      check && rec.status !== 'registered' && rec.status !== 'annulled'
        ? {
            complete: check.ok,
            errors: renderIssues(check.errors, locale, ['data']),
            warnings: renderIssues(check.warnings, locale, ['data']),
          }
        : null,
    actions: canAct
      ? allowedActions(
          { role: actor.role, officeKind: actor.officeKind },
          { kind: rec.kind as ActKindCode, status: rec.status as Status, flags: rec.flags },
        )
      : [],
  };
}

/** The action log; payloads that carry sealed data are withheld from users who may not see it. */
export function presentHistory(actions: Actions, seal: SealInfo = NOT_SEALED) {
  return actions.map((a) => ({
    id: Number(a.id),
    action: a.action,
    at: iso(a.at),
    by: a.login ? { login: a.login, name: a.full_name, role: a.actor_role } : null,
    office: a.office_id,
    from: a.from_status,
    to: a.to_status,
    revision: a.revision,
    reason: a.reason,
    payload: seal.sealed && !seal.canSee && Number(a.id) <= seal.untilActionId ? { sealed: true } : a.payload,
  }));
}

/** Every registered version with what changed from the one before; sealed versions only for those allowed. */
export function presentVersions(versions: Versions, seal: SealInfo = NOT_SEALED) {
  return versions.map((v, i) => {
    const hidden = (seal.whole || seal.versions.has(v.version)) && !seal.canSee;
    const prev = versions[i - 1];
    const prevHidden = prev && (seal.whole || seal.versions.has(prev.version)) && !seal.canSee;
    return {
      version: v.version,
      schemaVersion: v.schema_version,
      at: iso(v.created_at),
      by: v.login,
      /** The person's full name, where `by` is their login. */
      byName: v.full_name ?? null,
      action: v.action,
      reason: v.reason,
      sealed: seal.whole || seal.versions.has(v.version),
      data: hidden ? null : v.data,
      changes: hidden || prevHidden || !prev ? null : diffData(prev.data, v.data),
    };
  });
}
