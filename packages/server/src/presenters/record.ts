import {
  type ActKindCode,
  allowedActions,
  checkRecordData,
  diffData,
  getActKind,
  type Locale,
  marriageRegistrationDay,
  mergePatch,
  type Status,
  type WaitingShortening,
  waitingPeriod,
} from '@sabt/core';
import type { Actor } from '../auth/sessions.ts';
import { renderIssues } from '../http/problem.ts';
import { personalView } from '../policies/records.ts';
import {
  actionHidden,
  dataHidden,
  NOT_SEALED,
  type SealInfo,
  versionHidden,
  versionSealed,
} from '../policies/sealing.ts';
import type { recordActions, recordLinks, recordVersions } from '../queries/records.ts';
import type { RecordRow } from '../unit-of-work/record-store.ts';
import { recordHead } from './list-row.ts';

type Actions = Awaited<ReturnType<typeof recordActions>>;
type Links = Awaited<ReturnType<typeof recordLinks>>;
type Versions = Awaited<ReturnType<typeof recordVersions>>;

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
  const hidden = dataHidden(seal);
  const def = getActKind(rec.kind);
  // the check is shown while a record is worked on; a closed record's is not run
  const open = rec.status !== 'registered' && rec.status !== 'annulled' && rec.status !== 'cancelled';
  const check = def && !hidden && open ? checkRecordData(def, rec.data, 'complete', { today }) : undefined;
  const lastReject = [...actions].reverse().find((a) => a.action === 'reject');
  const cancel = rec.status === 'cancelled' ? actions.findLast((a) => a.action === 'cancel') : undefined;
  const created = actions.find((a) => a.action === 'create')?.payload as
    | { onlineApplication?: { id: string; trackingCode: string } }
    | undefined;
  const canAct = rec.office_id === actor.officeId;
  const mine = [...new Set(actions.filter((a) => a.actor_id === actor.id).map((a) => a.action))];
  return {
    ...recordHead(rec),
    nationalId: rec.national_id,
    schemaVersion: rec.schema_version,
    version: rec.version,
    revision: rec.revision,
    registeredAt: iso(rec.registered_at),
    createdAt: iso(rec.created_at),
    updatedAt: iso(rec.updated_at),
    /** Null when the data is sealed and this user may not see it; personal fields masked as the read policy says. */
    data: hidden ? null : personalView(actor, rec.data),
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
    /** Who cancelled the draft, when and why (a cancelled record only). */
    cancellation: cancel
      ? { reason: cancel.reason, at: iso(cancel.at), by: cancel.login, byName: cancel.full_name }
      : null,
    /** The citizen's online application the draft was made from, if it was. */
    onlineApplication: created?.onlineApplication ?? null,
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
      .map((a) => ({ at: iso(a.at), ...personalView(actor, a.payload as Record<string, unknown>) })),
    check: check
      ? {
          complete: check.ok,
          errors: renderIssues(check.errors, locale, ['data']),
          warnings: renderIssues(check.warnings, locale, ['data']),
        }
      : null,
    actions: canAct
      ? allowedActions(
          { role: actor.role, officeKind: actor.officeKind },
          { kind: rec.kind as ActKindCode, status: rec.status as Status, flags: rec.flags, mine },
        )
      : [],
    waitingPeriod: rec.kind === 'MARRIAGE' && !hidden ? presentWaiting(rec, today, actions) : null,
  };
}

/**
 * A marriage's month between application and registration: from when it may be registered,
 * whether that day has come, and the head of office's decision that shortened it (who, why, basis).
 */
function presentWaiting(rec: RecordRow, today: string, actions: Actions) {
  const data = (rec.data ?? {}) as { applicationDate?: unknown; registrationDate?: unknown };
  const decisions = actions.filter((a) => a.action === 'shorten-waiting');
  const period = waitingPeriod(
    data.applicationDate,
    decisions.map((a) => a.payload as WaitingShortening),
  );
  if (!period) return null;
  const standing = period.shortening && decisions.findLast((a) => a.payload === period.shortening);
  return {
    applicationDate: period.applicationDate,
    earliest: period.earliest,
    allowedFrom: period.allowedFrom,
    /** The registration day (the ceremony day, else today) is on or after `allowedFrom`. */
    met:
      rec.status === 'registered' ||
      marriageRegistrationDay(data.registrationDate, today) >= period.allowedFrom,
    shortening:
      period.shortening && standing
        ? {
            allowedFrom: period.shortening.allowedFrom,
            ground: period.shortening.ground,
            basis: period.shortening.basis ?? null,
            reason: standing.reason,
            at: iso(standing.at),
            by: standing.login,
            byName: standing.full_name,
          }
        : null,
  };
}

/**
 * The action log; payloads that carry sealed data are withheld from users who may not see it.
 * With `combine`, consecutive edits (the form's autosaves) by one person are one entry with the
 * combined difference, before → after, and how many saves it holds; every save stays in the log.
 */
export function presentHistory(actions: Actions, seal: SealInfo = NOT_SEALED, combine = false) {
  const hidden = (a: Actions[number]) => actionHidden(seal, Number(a.id));
  const entry = (a: Actions[number]) => ({
    id: Number(a.id),
    action: a.action,
    at: iso(a.at),
    by: a.login ? { login: a.login, name: a.full_name, role: a.actor_role } : null,
    office: a.office_id,
    from: a.from_status,
    to: a.to_status,
    revision: a.revision,
    reason: a.reason,
    payload: hidden(a) ? { sealed: true } : a.payload,
  });
  if (!combine) return actions.map(entry);
  const out: ReturnType<typeof entry>[] = [];
  let data: unknown = {};
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i]!;
    const p = (a.payload ?? {}) as { data?: unknown; patch?: unknown };
    if (a.action !== 'edit') {
      if ((a.action === 'create' || a.action === 'restore') && p.data !== undefined) data = p.data;
      out.push(entry(a));
      continue;
    }
    // the run of edits by this person, up to the next entry of anything else or anyone else
    let j = i;
    while (actions[j + 1]?.action === 'edit' && actions[j + 1]?.actor_id === a.actor_id) j++;
    const run = actions.slice(i, j + 1);
    const before = data;
    for (const e of run) data = mergePatch(data, (e.payload as { patch?: unknown } | null)?.patch ?? {});
    const last = run.at(-1)!;
    out.push({
      ...entry(last),
      id: Number(a.id),
      payload: run.some(hidden)
        ? { sealed: true }
        : {
            autosaves: run.length,
            firstAt: iso(a.at),
            fromRevision: a.revision - 1,
            changes: diffData(before, data),
            entries: run.map((e) => Number(e.id)),
          },
    });
    i = j;
  }
  return out;
}

/** Every registered version with what changed from the one before; sealed versions only for those allowed. */
export function presentVersions(versions: Versions, seal: SealInfo = NOT_SEALED) {
  return versions.map((v, i) => {
    const hidden = versionHidden(seal, v.version);
    const prev = versions[i - 1];
    const prevHidden = prev && versionHidden(seal, prev.version);
    return {
      version: v.version,
      schemaVersion: v.schema_version,
      at: iso(v.created_at),
      by: v.login,
      /** The person's full name, where `by` is their login. */
      byName: v.full_name ?? null,
      action: v.action,
      reason: v.reason,
      sealed: versionSealed(seal, v.version),
      data: hidden ? null : v.data,
      changes: hidden || prevHidden || !prev ? null : diffData(prev.data, v.data),
    };
  });
}
