import { expect } from 'vitest';
import { isMessageKey } from '../i18n/messages.ts';
import { checkRecordData, type DataCheck, getActKind } from './registry.ts';
import type { Mode } from './validation.ts';

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
