import type { Locale } from '@sabt/core';
import { MESSAGES } from '../messages.ts';
import type { Catalogue, Field } from './catalogue-types.ts';
import { COMPOSITE_PARTS, walkFields } from './form-model.ts';

function partLabel(type: Field['type'], part: string, lang: Locale): string {
  const m = MESSAGES[lang];
  const table: Record<string, Record<string, unknown>> = {
    place: m.place,
    document: m.document,
    court: m.court,
  };
  const v = table[type]?.[part];
  return typeof v === 'string' ? v : part;
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
        out.set(`${path}.${part}`, `${label} — ${partLabel(f.type, part, lang)}`);
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
