/** The JSON Schema shapes GET /act-kinds sends (zod's toJSONSchema), as far as this feature reads them. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
}

export type FieldType =
  | 'text'
  | 'date'
  | 'partial-date'
  | 'time'
  | 'enum'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'record-id'
  | 'country'
  | 'unit';

/** One leaf of an act kind's data that an amendment can set. */
export interface SchemaField {
  path: string[];
  type: FieldType;
  options?: string[];
  /** Required where its parent object exists: it cannot be removed. */
  required: boolean;
}

const DATE_KEY = /(^date$|Date$)/;

function fieldType(key: string, s: JsonSchema): { type: FieldType; options?: string[] } {
  if (s.enum) return { type: 'enum', options: s.enum.map(String) };
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t === 'boolean') return { type: 'boolean' };
  if (t === 'integer') return { type: 'integer' };
  if (t === 'number') return { type: 'number' };
  if (s.format === 'uuid') return { type: 'record-id' };
  if (s.format === 'date') return { type: 'date' };
  if (DATE_KEY.test(key)) return { type: 'partial-date' };
  if (key === 'country' || key === 'citizenship') return { type: 'country' };
  if (key === 'unit') return { type: 'unit' };
  if (key === 'time' || key === 'birthTime') return { type: 'time' };
  return { type: 'text' };
}

/**
 * Every leaf field of an act kind's schema, in schema order. Arrays are left out: a merge patch
 * replaces an array whole, which the small amendment editor does not offer.
 */
export function schemaFields(schema: unknown, path: string[] = [], required = true): SchemaField[] {
  const s = schema as JsonSchema | null | undefined;
  if (!s || typeof s !== 'object') return [];
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    const objectVariant = variants.find((v) => v.properties);
    if (objectVariant) return schemaFields(objectVariant, path, required);
    const nonNull = variants.find((v) => v.type !== 'null');
    return nonNull ? schemaFields(nonNull, path, required) : [];
  }
  if (s.properties) {
    return Object.entries(s.properties).flatMap(([key, child]) =>
      schemaFields(child, [...path, key], s.required?.includes(key) ?? false),
    );
  }
  if (s.type === 'array' || s.items) return [];
  const key = path.at(-1) ?? '';
  return [{ path, required, ...fieldType(key, s) }];
}
