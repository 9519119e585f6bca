import { DomainError } from '../../errors/domain-error.ts';
import { officeNames } from '../../offices/office-names.ts';
import { otherMarriagesOfSpouses } from '../../queries/find-person.ts';
import { stillLinkedInForce } from '../../queries/links.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { notate } from '../links.ts';
import type { Annulment } from './types.ts';

/**
 * Takes a mark (such as 'deceased') off a record when the act that set it is annulled, unless
 * another act in force still bears it (through the same kind of back link); the record is told by
 * a notation either way, which says whether the mark came off.
 */
export async function liftMark(
  ctx: WriteContext,
  recordId: string,
  a: Annulment,
  mark: { flag: string; backLink: string; notation: string },
) {
  const borne = await stillLinkedInForce(ctx, recordId, mark.backLink, a.cite.recordId);
  await notate(
    ctx,
    recordId,
    { type: mark.notation, ...a.cite, markLifted: !borne },
    [],
    borne ? [] : [mark.flag],
  );
}

/**
 * A marriage whose end (by death or divorce) is annulled is in force again, unless another act in
 * force also ended it. Refused while either spouse is in a later marriage: that marriage must be
 * dealt with first, or the registry would show a person married twice.
 */
export async function restoreMarriage(
  ctx: WriteContext,
  marriageId: string,
  a: Annulment,
  end: { flag: 'ended' | 'dissolved'; backLink: string },
) {
  const borne = await stillLinkedInForce(ctx, marriageId, end.backLink, a.cite.recordId);
  if (!borne) {
    const m = await ctx.trx
      .selectFrom('records')
      .select('status')
      .where('id', '=', marriageId)
      .executeTakeFirstOrThrow();
    const [later] = m.status === 'registered' ? await otherMarriagesOfSpouses(ctx.trx, marriageId) : [];
    if (later) {
      throw new DomainError('conflict', 'problem.annul.spouseMarriedAgain', {
        number: later.number,
        year: later.year,
        office: await officeNames(ctx.trx, later.office_id),
      });
    }
  }
  await notate(
    ctx,
    marriageId,
    { type: 'marriage-end-annulled', ...a.cite, markLifted: !borne },
    [],
    borne ? [] : [end.flag],
  );
}
