import { fieldLabelAt, type Locale, type LocalizedText } from '@sabt/core';
import type { Catalogue, Field } from './catalogue-types.ts';
import { COMPOSITE_PARTS, walkFields } from './form-model.ts';

/** The data key a composite input's parts are named under in core's label catalogue. */
const PART_PARENT: Partial<Record<Field['type'], string>> = {
  place: 'place',
  document: 'idDocument',
  court: 'court',
};

/** The label of a part of a composite input (a place's country, a document's number), from core. */
export function partLabel(type: Field['type'], part: string): LocalizedText {
  const parent = PART_PARENT[type];
  return (parent ? fieldLabelAt('', [parent, part]) : undefined) ?? { tg: part, ru: part, en: part };
}

/** The words a clerk sees for a path: "Mother — Date of birth", "Child — Place of birth — District or city". */
export function labelIndex(catalogue: Catalogue, lang: Locale): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of catalogue.sections) {
    const section = s.title[lang];
    if (s.path) out.set(s.path, section);
    walkFields(s.fields, (f: Field, path) => {
      const label = `${section} — ${f.label[lang]}`;
      out.set(path, label);
      for (const part of COMPOSITE_PARTS[f.type] ?? [])
        out.set(`${path}.${part}`, `${label} — ${partLabel(f.type, part)[lang]}`);
    });
  }
  return out;
}

/** The label of an actual path (list rows numbered). */
export function labelOf(index: Map<string, string>, path: string): string {
  const rows = path.split('.').filter((p) => /^\d+$/.test(p));
  const pattern = path
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? '#' : p))
    .join('.');
  const label = index.get(pattern) ?? path;
  return rows.length ? `${label} (${rows.map((r) => Number(r) + 1).join(', ')})` : label;
}

export interface SummaryItem {
  path: string;
  label: string;
  message: string;
  domId: string;
}
