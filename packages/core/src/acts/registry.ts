import { z } from 'zod';
import type { ActKindCode } from '../workflow/statuses.ts';
import { adoptionKind } from './adoption.ts';
import { birthKind } from './birth.ts';
import { futureDateIssues } from './common.ts';
import { deathKind } from './death.ts';
import { divorceKind } from './divorce.ts';
import type { ActKindDefinition, RuleContext } from './kind.ts';
import { marriageKind } from './marriage.ts';
import { nameChangeKind } from './name-change.ts';
import { paternityKind } from './paternity.ts';
import { type FieldIssue, type Mode, RuleReport, toFieldIssues } from './validation.ts';

/** The act kinds Sabt registers today. Adding a kind is adding a definition here. */
export const ACT_KIND_DEFINITIONS: readonly ActKindDefinition<unknown>[] = [
  birthKind as ActKindDefinition<unknown>,
  deathKind as ActKindDefinition<unknown>,
  marriageKind as ActKindDefinition<unknown>,
  divorceKind as ActKindDefinition<unknown>,
  adoptionKind as ActKindDefinition<unknown>,
  paternityKind as ActKindDefinition<unknown>,
  nameChangeKind as ActKindDefinition<unknown>,
];

const byCode = new Map<string, ActKindDefinition<unknown>>(ACT_KIND_DEFINITIONS.map((k) => [k.code, k]));

export function getActKind(code: string): ActKindDefinition<unknown> | undefined {
  return byCode.get(code);
}

export function availableKinds(): ActKindCode[] {
  return ACT_KIND_DEFINITIONS.map((k) => k.code);
}

/** Rule errors that only say something is missing: a draft may still lack it. */
const MISSING_KEYS = new Set(['error.required', 'error.father.required', 'error.adoption.noAdopter']);

export interface DataCheck {
  ok: boolean;
  errors: FieldIssue[];
  warnings: FieldIssue[];
  flags: string[];
}

/**
 * Checks a record's data against its kind: the schema (with no date field in the future, see
 * futureDateIssues), then the kind's rules. A draft may be
 * incomplete (missing values are not errors) but never wrong; a complete record must be both
 * whole and right.
 */
export function checkRecordData(
  def: ActKindDefinition<unknown>,
  data: unknown,
  mode: Mode,
  ctx: RuleContext,
): DataCheck {
  const parsed = def.schema.safeParse(data);
  const errors = parsed.success ? [] : toFieldIssues(parsed.error, data, mode);
  const wrong = new Set(errors.map((e) => e.path.join('.')));
  for (const e of futureDateIssues(def.schema, data, ctx.today)) {
    if (!wrong.has(e.path.join('.'))) errors.push(e);
    wrong.add(e.path.join('.'));
  }
  const report = new RuleReport();
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    def.rules(data as never, ctx, report);
  }
  const ruleErrors = report.errors.filter((e) => mode === 'complete' || !MISSING_KEYS.has(e.key));
  const seen = new Set(errors.map((e) => e.path.join('.')));
  for (const e of ruleErrors) if (!seen.has(e.path.join('.'))) errors.push(e);
  return { ok: errors.length === 0, errors, warnings: report.warnings, flags: [...report.flags] };
}

/** JSON Schema of an act kind's data, for the API and for clients building forms. */
export function actKindJsonSchema(def: ActKindDefinition<unknown>): unknown {
  return z.toJSONSchema(def.schema as z.ZodType, { io: 'input', unrepresentable: 'any' });
}
