import { codedValuesAt, fieldLabelAt, getActKind, type LocalizedText, valueLabelAt } from '@sabt/core';
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
 * catalogue (labels/); a choice offers the codes the act's schema allows at its path, in the
 * schema's order, each by the name core gives the coded value. A label or a choice core does not
 * know is an error at once, not an empty caption.
 */
export function withCoreLabels(spec: CatalogueSpec): Catalogue {
  const { kind } = spec;
  const schema = getActKind(kind)?.schema;
  if (!schema) throw new Error(`${kind}: no such act kind`);
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
      case 'select': {
        const codes = codedValuesAt(schema, path);
        if (!codes) throw new Error(`${kind}: ${path} is not a coded field`);
        return {
          ...f,
          label,
          options: codes.map((value) => {
            const name = valueLabelAt(path, value);
            if (!name) throw new Error(`${kind}: no name for ${path} = ${value}`);
            return { value, label: name };
          }),
        };
      }
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
