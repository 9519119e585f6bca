import { expect, it } from 'vitest';
import type { RecordSummary } from '../src/acts/kind.ts';
import { checkRecordData, type DataCheck, getActKind } from '../src/acts/registry.ts';
import type { Mode } from '../src/acts/validation.ts';
import { isMessageKey } from '../src/i18n/messages.ts';

/** What the act kinds' tests share: the day they run on, each kind's example and data check. */

export const TODAY = '2025-06-01';

export function kindTestKit(code: string) {
  const kind = getActKind(code);
  if (!kind) throw new Error(`no act kind ${code}`);
  return {
    kind,
    /** A fresh, deep copy of the kind's example. */
    // biome-ignore lint/suspicious/noExplicitAny: tests build deliberately wrong data
    example: (): any => structuredClone(kind.example),
    check(data: unknown, mode: Mode = 'complete', today = TODAY): DataCheck {
      const result = checkRecordData(kind, data, mode, { today });
      // Whatever is reported must be something the user can read in their language.
      for (const issue of [...result.errors, ...result.warnings])
        expect(isMessageKey(issue.key), issue.key).toBe(true);
      return result;
    },
  };
}

/** The message keys reported at one path (`child.birthDate`). */
export const keysAt = (issues: DataCheck['errors'], path: string) =>
  issues.filter((i) => i.path.join('.') === path).map((i) => i.key);

type Kit = ReturnType<typeof kindTestKit>;

/** In a kind's describe block: its example is complete and valid, and summarised as `summary` says. */
export function exampleTests(kit: Kit, summarisedBy: string, summary: RecordSummary) {
  it('is a complete, valid record with no warnings', () => {
    expect(kit.check(kit.example())).toEqual({ ok: true, errors: [], warnings: [], flags: [] });
  });

  it(`is summarised by ${summarisedBy}`, () => {
    expect(kit.kind.summary(kit.example())).toEqual(summary);
  });
}

/**
 * In a kind's describe block: `partial` (and nothing at all) saves as a draft, and as a complete
 * record marks each of `required` as required and none of `optional`.
 */
export function draftTests(kit: Kit, partial: object, required: string[], optional: string[]) {
  it('saves a draft with only part of the data, or none', () => {
    expect(kit.check(partial, 'draft').ok).toBe(true);
    expect(kit.check({}, 'draft').ok).toBe(true);
  });

  it('refuses the same data as a complete record, marking each missing field as required', () => {
    const result = kit.check(partial, 'complete');
    expect(result.ok).toBe(false);
    for (const path of required) expect(keysAt(result.errors, path), path).toEqual(['error.required']);
    for (const path of optional) expect(keysAt(result.errors, path), path).toEqual([]);
  });
}
