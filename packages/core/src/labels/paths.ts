import { ID_DOCUMENT_TYPES } from '../acts/common.ts';
import type { LocalizedText } from '../i18n/locale.ts';
import { FIELD_OVERRIDES, fieldLabelOf } from './fields.ts';
import { VALUE_OVERRIDES, valueLabelOf } from './values.ts';

/**
 * The catalogue read by data path: the one place the forms, the record screen and the certificate
 * extract take the name of a field or of a coded value from. A path is dotted (`mother.residence.country`)
 * or a list of segments; list indexes (`cause.lines.0.icd10`) and the form's row marker `#` are skipped.
 */

const isIndex = (s: string) => /^(\d+|#)$/.test(s);

function namedSegments(path: string | readonly string[]): string[] {
  const parts = typeof path === 'string' ? path.split('.') : [...path];
  return parts.filter((s) => s !== '' && !isIndex(s));
}

/** The label of the last field of `path` in an act of `kind`, with the overrides the key has there. */
export function fieldLabelAt(kind: string, path: string | readonly string[]): LocalizedText | undefined {
  const named = namedSegments(path);
  const key = named.at(-1);
  if (!key) return undefined;
  const parent = named.at(-2);
  return (
    FIELD_OVERRIDES[`${kind}:${named.join('.')}`] ??
    (parent ? FIELD_OVERRIDES[`${parent}.${key}`] : undefined) ??
    fieldLabelOf(key)
  );
}

/** The name of a coded value of the field at `path`, or undefined when it is not a known code. */
export function valueLabelAt(path: string | readonly string[], value: string): LocalizedText | undefined {
  const named = namedSegments(path);
  const key = named.at(-1) ?? '';
  const parent = named.at(-2);
  return (
    (parent ? VALUE_OVERRIDES[`${parent}.${key}:${value}`] : undefined) ??
    VALUE_OVERRIDES[`${key}:${value}`] ??
    valueLabelOf(value)
  );
}

/** The types of identity document by name, as every identity document's `type` names them. */
export const ID_DOCUMENT_TYPE_LABELS = Object.fromEntries(
  ID_DOCUMENT_TYPES.map((t) => [t, valueLabelAt('idDocument.type', t)]),
) as Record<(typeof ID_DOCUMENT_TYPES)[number], LocalizedText>;
