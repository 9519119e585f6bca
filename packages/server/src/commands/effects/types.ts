import type { FieldIssue } from '@sabt/core';
import type { RecordRow } from '../../unit-of-work/record-store.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';

export interface Registration {
  number: number;
  year: number;
  nationalId: string;
  actionId: number;
}

/** The annulment of an act, as the records it had changed are told of it. */
export interface Annulment {
  actionId: number;
  reason: string;
  /** The annulled act, cited as notations cite acts. */
  cite: ReturnType<typeof citation> & { nationalId: string | null };
}

/**
 * What an act kind does beyond its own record: checks against the registry before it moves on
 * (an impediment to marriage, the marriage a divorce ends), and effects on earlier records once
 * registered (amendments, notations, links), as a paper registrar notes later acts on earlier ones.
 * When a court annuls the act, `revoke` undoes those effects: a mark comes off unless another act
 * in force still bears it, and amended fields return to what they were before the act.
 */
export interface KindEffects {
  check?(ctx: WriteContext, rec: RecordRow): Promise<FieldIssue[]>;
  apply?(ctx: WriteContext, rec: RecordRow, reg: Registration): Promise<void>;
  revoke?(ctx: WriteContext, rec: RecordRow, annulment: Annulment): Promise<void>;
}

/** The act just registered, as the notations it writes on earlier records cite it. */
export function registeredCitation(rec: { id: string; office_id: string }, reg: Registration) {
  return {
    recordId: rec.id,
    number: reg.number,
    year: reg.year,
    nationalId: reg.nationalId,
    officeId: rec.office_id,
  };
}

/** A short citation of a registered act, as a notation or a message shows it. */
export function citation(rec: {
  id: string;
  kind?: string;
  number: number | null;
  year: number | null;
  office_id: string;
}) {
  return { recordId: rec.id, kind: rec.kind, number: rec.number, year: rec.year, officeId: rec.office_id };
}
