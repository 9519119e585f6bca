import type { FieldIssue } from '@sabt/core';
import type { RecordRow } from '../record-store.ts';
import type { WriteContext } from '../write.ts';

export interface Registration {
  number: number;
  year: number;
  nationalId: string;
  actionId: number;
}

/**
 * What an act kind does beyond its own record: checks against the registry before it moves on
 * (an impediment to marriage, the marriage a divorce ends), and effects on earlier records once
 * registered (amendments, notations, links), as a paper registrar notes later acts on earlier ones.
 */
export interface KindEffects {
  check?(ctx: WriteContext, rec: RecordRow): Promise<FieldIssue[]>;
  apply?(ctx: WriteContext, rec: RecordRow, reg: Registration): Promise<void>;
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
