import {
  allowedActions,
  type ActKindCode,
  checkRecordData,
  getActKind,
  type Locale,
  type Status,
} from '@sabt/core';
import type { Actor } from '../auth/sessions.ts';
import type { RecordRow } from '../commands/record-store.ts';
import { renderIssues } from '../http/problem.ts';
import type { recordActions, recordLinks } from '../queries/records.ts';

type Actions = Awaited<ReturnType<typeof recordActions>>;
type Links = Awaited<ReturnType<typeof recordLinks>>;

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
) {
  const def = getActKind(rec.kind);
  const check = def ? checkRecordData(def, rec.data, 'complete', { today }) : undefined;
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
    data: rec.data,
    rejection:
      rec.flags.includes('rejected') && lastReject
        ? { reason: lastReject.reason, at: iso(lastReject.at), by: lastReject.login }
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
        ? { complete: check.ok, errors: renderIssues(check.errors, locale, ['data']), warnings: renderIssues(check.warnings, locale, ['data']) }
        : null,
    actions: canAct
      ? allowedActions(
          { role: actor.role, officeKind: actor.officeKind },
          { kind: rec.kind as ActKindCode, status: rec.status as Status, flags: rec.flags },
        )
      : [],
  };
}

export function presentHistory(actions: Actions) {
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
    payload: a.payload,
  }));
}
