import type { SearchMessages } from './messages.ts';

const lookup = (table: object, key: string | undefined): string | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? (table as Record<string, string>)[key] : undefined;

/**
 * One reason code of GET /search in plain words: `surname:match-key` → "surname: same spelling key
 * (…)", `as-mother` → "found as mother", `earlier-name` → "earlier name". A code this screen does not
 * know yet still gets words ("other match"), never the raw code.
 */
export function describeReason(code: string, m: SearchMessages): string | null {
  const [part, how] = code.split(':');
  if (how !== undefined) {
    const partLabel = lookup(m.reasonParts, part);
    if (how === 'none') return null;
    const howLabel = lookup(m.reasonHow, how) ?? m.reasons.other;
    return partLabel ? `${partLabel}: ${howLabel}` : howLabel;
  }
  if (code.startsWith('as-')) {
    const role = code.slice(3);
    if (role === 'subject') return null;
    return lookup(m.reasonAs, role) ?? m.reasons.other;
  }
  return lookup(m.reasons, code) ?? m.reasons.other;
}

/** The reasons of one hit in words, each said once, in the server's order. */
export function describeReasons(codes: readonly string[], m: SearchMessages): string[] {
  const out: string[] = [];
  for (const code of new Set(codes)) {
    const text = describeReason(code, m);
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}
