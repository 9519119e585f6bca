import { randomUUID } from 'node:crypto';
import { BLANK_STOCK_OFFICE_KINDS } from '@sabt/core';
import { sql } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { assertMay, stockOffice } from '../policy.ts';
import { certDb } from '../tables.ts';
import type { DocumentKind } from '../types.ts';
import { rangeIssues } from './blank-numbers.ts';

export interface BatchInput {
  officeId?: string | undefined;
  document: DocumentKind;
  series: string;
  from: string;
  to: string;
  note?: string | undefined;
}

/** Receives a batch of blanks into an office's stock: one row per blank, all IN_STOCK. */
export async function receiveBatch(ctx: WriteContext, input: BatchInput) {
  assertMay(ctx.actor, 'receive-blanks');
  const office = await stockOffice(ctx.trx, ctx.actor, input.officeId, BLANK_STOCK_OFFICE_KINDS);
  const digits = ctx.config.blankNumberDigits;
  const { issues, series } = rangeIssues(input, ctx.config);
  if (issues.length > 0) throw new DomainError('invalid', 'problem.validation', {}, issues);
  const from = Number(input.from);
  const to = Number(input.to);
  const db = certDb(ctx.trx);
  const taken = await db
    .selectFrom('blanks')
    .select('id')
    .where('document', '=', input.document)
    .where('series', '=', series)
    .where('number', '>=', from)
    .where('number', '<=', to)
    .limit(1)
    .executeTakeFirst();
  const rangeTaken = () =>
    new DomainError('conflict', 'problem.blank.rangeTaken', {
      series,
      from: input.from,
      to: input.to,
    });
  if (taken) throw rangeTaken();
  const id = randomUUID();
  await db
    .insertInto('blank_batches')
    .values({
      id,
      office_id: office.id,
      document: input.document,
      series,
      number_from: from,
      number_to: to,
      digits,
      note: input.note ?? null,
      received_by: ctx.actor.id,
      received_at: ctx.now,
    })
    .execute();
  try {
    await sql`
      INSERT INTO blanks (batch_id, office_id, document, series, number, digits, status, updated_at)
      SELECT ${id}, ${office.id}, ${input.document}, ${series}, n, ${digits}, 'IN_STOCK', ${ctx.now}
      FROM generate_series(${from}::int, ${to}::int) AS n
    `.execute(ctx.trx);
  } catch (err) {
    // a batch of the same numbers received at the same moment by someone else
    if ((err as { code?: string }).code === '23505') throw rangeTaken();
    throw err;
  }
  ctx.audit.push({
    event: 'blanks.receive',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: office.id,
    detail: { batchId: id, document: input.document, series, from: input.from, to: input.to },
  });
  return { id, officeId: office.id, count: to - from + 1 };
}
