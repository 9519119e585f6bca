import { type Locale, todayIn } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { personalView } from '../policies/records.ts';
import { sealedShown, sealInfo, versionSealed } from '../policies/sealing.ts';
import { findRecord, findRecordWhole, recordActions, recordVersions } from '../queries/records.ts';
import { presentHistory, presentRecord, presentVersions } from './record.ts';

/** A record as this user may see it, and whether sealed data was shown (to audit it). */
export async function recordView(
  db: Kysely<Database>,
  config: Config,
  actor: Actor,
  locale: Locale,
  id: string,
) {
  const { rec, actions, links, versions } = await findRecordWhole(db, actor, id);
  const seal = await sealInfo(db, actor, rec);
  const body = {
    ...presentRecord(rec, actor, locale, todayIn(config.timeZone), actions, links, seal),
    versions: versions.map((v) => ({
      version: v.version,
      at: new Date(v.created_at).toISOString(),
      sealed: versionSealed(seal, v.version),
      href: `/api/v1/records/${id}/versions`,
    })),
  };
  return { body, sealedShown: sealedShown(seal, 'record') };
}

/** The action log (personal fields masked as the read policy says); `combineAutosaves` shows a person's consecutive edits as one entry. */
export async function historyView(db: Kysely<Database>, actor: Actor, id: string, combineAutosaves = true) {
  const rec = await findRecord(db, actor, id);
  const seal = await sealInfo(db, actor, rec);
  const actions = await recordActions(db, id);
  return {
    rec,
    items: personalView(actor, presentHistory(actions, seal, combineAutosaves)),
    sealedShown: sealedShown(seal),
  };
}

export async function versionsView(db: Kysely<Database>, actor: Actor, id: string) {
  const rec = await findRecord(db, actor, id);
  const seal = await sealInfo(db, actor, rec);
  const versions = await recordVersions(db, id);
  return { rec, items: personalView(actor, presentVersions(versions, seal)), sealedShown: sealedShown(seal) };
}
