import { fieldLabelAt, type LocalizedText, valueLabelAt } from '@sabt/core';
import type {
  Catalogue,
  CatalogueSpec,
  Field,
  FieldSpec,
  Section,
  SectionSpec,
} from '../lib/catalogue-types.ts';

/**
 * A catalogue with its labels: every field and section of a data path is named by core's label
 * catalogue (labels/), and every option by the name core gives the coded value. A label the
 * catalogue neither has nor names in the spec is an error at once, not an empty caption.
 */
export function withCoreLabels(spec: CatalogueSpec): Catalogue {
  const { kind } = spec;
  const named = (path: string, own: LocalizedText | undefined): LocalizedText => {
    const label = own ?? fieldLabelAt(kind, path);
    if (!label) throw new Error(`${kind}: no label for ${path}`);
    return label;
  };
  const field = (f: FieldSpec, prefix: string): Field => {
    const path = prefix ? `${prefix}.${f.path}` : f.path;
    const label = named(path, f.label);
    switch (f.type) {
      case 'group':
        return { ...f, label, fields: f.fields.map((x) => field(x, prefix)) };
      case 'list':
        return { ...f, label, item: f.item.map((x) => field(x, `${path}.#`)) };
      case 'select':
        return {
          ...f,
          label,
          options: f.options.map((value) => {
            const name = valueLabelAt(path, value);
            if (!name) throw new Error(`${kind}: no name for ${path} = ${value}`);
            return { value, label: name };
          }),
        };
      default:
        return { ...f, label } as Field;
    }
  };
  const section = (s: SectionSpec): Section => ({
    ...s,
    title: s.title ?? named(s.path ?? s.id, undefined),
    fields: s.fields.map((f) => field(f, '')),
  });
  return { kind, sections: spec.sections.map(section) };
}
