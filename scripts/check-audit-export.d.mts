/** Types of check-audit-export.mjs (a script an inspector runs with Node alone). */
export function canonicalJson(value: unknown): string;
export function lineHash(entry: Record<string, unknown>): string;
export function checkExport(
  text: string,
  anchor?: { seq: number; hash: string } | null,
): { problems: string[]; checked: number; waiting: number; masked: number };
