import { isValidNationalRecordId, normalizeDocumentNumber } from '@sabt/core';

/** What a number typed into the one search box stands for. */
export type TypedIdentifier =
  | { nationalId: string }
  | { actNumber: number; year?: number }
  | { document: string };

/**
 * Reads the one search box as a number when it is one: a national record ID (18 digits, spaces
 * allowed, a valid check digit), an act number ("116/1982", "№ 116 / 1982", or digits alone up to
 * seven), or an identity document (letters and at least five digits: "A 23710935"). A text with a
 * name in it is not a number.
 */
export function typedIdentifier(text: string): TypedIdentifier | undefined {
  const t = text.trim();
  if (!/\d/u.test(t)) return undefined;
  const digits = t.replace(/[\s-]/gu, '');
  if (/^\d{18}$/u.test(digits) && isValidNationalRecordId(digits)) return { nationalId: digits };
  const act = /^(?:№\s*)?(\d{1,7})(?:\s*\/\s*(\d{4}))?$/u.exec(t);
  if (act)
    return act[2] ? { actNumber: Number(act[1]), year: Number(act[2]) } : { actNumber: Number(act[1]) };
  const doc = normalizeDocumentNumber(t);
  if (/^[\p{L}]{0,4}\d{5,}$/u.test(doc)) return { document: doc };
  return undefined;
}
