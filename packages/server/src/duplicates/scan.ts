import { DUPLICATE_RULES, type DuplicateRule } from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../audit/audit-log.ts';
import { hashedAction } from '../audit/record-hashes.ts';
import type { Database } from '../db/schema.ts';
import { comparePerson } from './find-duplicates.ts';

interface PairRow {
  a_id: string;
  b_id: string;
  a_surname: string | null;
  a_name: string | null;
  a_birth: string | null;
  b_surname: string | null;
  b_name: string | null;
  b_birth: string | null;
  b_registered: Date | null;
  a_registered: Date | null;
}

export interface ScanResult {
  kind: string;
  pairsCompared: number;
  duplicates: number;
}

/**
 * Looks for duplicates across the whole registry: registered records of a kind are blocked on the
 * loose keys of surname and given name and the year of birth, and each pair is judged by the
 * kind's rule. The later-registered record of a pair is flagged for the back office.
 */
export async function scanDuplicates(
  db: Kysely<Database>,
  opts: { kind?: string | undefined; onProgress?: (kind: string, done: number, total: number) => void } = {},
): Promise<ScanResult[]> {
  const kinds = (Object.keys(DUPLICATE_RULES) as (keyof typeof DUPLICATE_RULES)[]).filter(
    (k) => !opts.kind || k === opts.kind,
  );
  const results: ScanResult[] = [];
  for (const kind of kinds) {
    const rule = DUPLICATE_RULES[kind] as DuplicateRule;
    const roles = rule.persons === 'subject' ? ['subject'] : ['spouse'];
    const pairs = await sql<PairRow>`
      SELECT a.record_id AS a_id, b.record_id AS b_id,
             a.surname AS a_surname, a.given_name AS a_name, a.birth_date AS a_birth,
             b.surname AS b_surname, b.given_name AS b_name, b.birth_date AS b_birth,
             ra.registered_at AS a_registered, rb.registered_at AS b_registered
      FROM record_persons a
      JOIN record_persons b
        ON b.surname_loose = a.surname_loose AND b.name_loose = a.name_loose
       AND b.birth_year = a.birth_year AND b.role = a.role AND b.record_id > a.record_id
      JOIN records ra ON ra.id = a.record_id
      JOIN records rb ON rb.id = b.record_id
      WHERE ra.kind = ${kind} AND rb.kind = ${kind}
        AND ra.status = 'registered' AND rb.status = 'registered'
        AND a.role IN (${sql.join(roles)}) AND NOT a.historical AND NOT b.historical
        AND NOT EXISTS (SELECT 1 FROM duplicate_candidates d
                        WHERE (d.record_id = b.record_id AND d.candidate_id = a.record_id)
                           OR (d.record_id = a.record_id AND d.candidate_id = b.record_id))`.execute(db);
    let found = 0;
    let done = 0;
    for (const p of pairs.rows) {
      done += 1;
      if (done % 1000 === 0) opts.onProgress?.(kind, done, pairs.rows.length);
      const hit = comparePerson(
        rule,
        {
          role: 'subject',
          surname: p.a_surname ?? undefined,
          name: p.a_name ?? undefined,
          birthDate: p.a_birth ?? undefined,
        },
        {
          record_id: p.b_id,
          role: 'subject',
          surname: p.b_surname,
          given_name: p.b_name,
          birth_date: p.b_birth,
        },
      );
      if (!hit) continue;
      found += 1;
      const aFirst =
        (p.a_registered ? new Date(p.a_registered).getTime() : 0) <=
        (p.b_registered ? new Date(p.b_registered).getTime() : 0);
      const [later, earlier] = aFirst ? [p.b_id, p.a_id] : [p.a_id, p.b_id];
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('duplicate_candidates')
          .values({
            record_id: later,
            candidate_id: earlier,
            score: Math.round(hit.score * 1000) / 1000,
            reasons: JSON.stringify([...hit.reasons, 'batch-scan']),
            status: 'open',
            decided_by: null,
            decided_at: null,
            decision_reason: null,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        const rec = await trx
          .selectFrom('records')
          .select(['flags', 'revision', 'status'])
          .where('id', '=', later)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (rec.flags.includes('possible-duplicate')) return;
        const revision = rec.revision + 1;
        await trx
          .updateTable('records')
          .set({ flags: [...rec.flags, 'possible-duplicate'].sort(), revision, updated_at: new Date() })
          .where('id', '=', later)
          .execute();
        await trx
          .insertInto('record_actions')
          .values(
            hashedAction({
              record_id: later,
              action: 'duplicate-found',
              actor_id: null,
              actor_role: 'system',
              office_id: null,
              at: new Date(),
              from_status: rec.status,
              to_status: rec.status,
              revision,
              reason: null,
              payload: {
                candidates: [{ candidateId: earlier, score: hit.score, reasons: hit.reasons }],
                scan: true,
              },
            }),
          )
          .execute();
      });
    }
    results.push({ kind, pairsCompared: pairs.rows.length, duplicates: found });
  }
  await db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, [{ event: 'duplicates.scan', actorLogin: 'system', detail: { results } }]),
    );
  return results;
}
