import type { ActKindCode, LocalizedText } from '@sabt/core';

/**
 * The field catalogue: what the form of each act kind shows, as data. A field's `path` is the
 * dotted path of its value in the record's data (`child.birthDate`); list items use paths
 * relative to the item. Labels are in the three interface languages.
 *
 * The act kinds' catalogues are written as specs (CatalogueSpec): a field of a data path and a
 * coded value carry no label there; catalogue/labels.ts takes them from core's label catalogue
 * (labels/), the one place they are written. A spec writes only what is the form's own: hints,
 * headings of sections that stand for no data path, the words of buttons and rows.
 */

/** The form's values: the record's data as typed (may hold invalid text, and values of hidden fields). */
export type Values = Record<string, unknown>;

/** Whether a field or section applies, given what has been typed so far. */
export type Condition = (values: Values) => boolean;

export interface Option {
  value: string;
  label: LocalizedText;
}

interface FieldBase {
  path: string;
  label: LocalizedText;
  hint?: LocalizedText;
  when?: Condition;
  /** Marked as required (the schema decides; this only draws the asterisk). */
  required?: boolean;
  /** Takes the whole row of the section's grid. */
  wide?: boolean;
}

export interface TextField extends FieldBase {
  type: 'text';
  multiline?: boolean;
  maxLength?: number;
  /** Upper-case letters and digits (document series, ICD-10 codes). */
  upper?: boolean;
}
export interface DateField extends FieldBase {
  type: 'date';
}
/** dd.mm.yyyy, mm.yyyy or yyyy (death dates, a deceased's birth date). */
export interface PartialDateField extends FieldBase {
  type: 'partialDate';
}
export interface TimeField extends FieldBase {
  type: 'time';
}
export interface SelectField extends FieldBase {
  type: 'select';
  options: Option[];
  default?: string;
}
export interface CheckboxField extends FieldBase {
  type: 'checkbox';
  default: boolean;
}
/** Yes / no / not said: a boolean the clerk must choose explicitly. */
export interface YesNoField extends FieldBase {
  type: 'yesno';
}
export interface NumberField extends FieldBase {
  type: 'number';
  integer: boolean;
  min?: number;
  max?: number;
  default?: number;
}
export interface CountryField extends FieldBase {
  type: 'country';
  default?: string;
}
/** Country (TJ by default) → region → district or city → settlement → address. */
export interface PlaceField extends FieldBase {
  type: 'place';
}
/** An identity document: type, series, number, issuer, date of issue. */
export interface DocumentField extends FieldBase {
  type: 'document';
}
/** A court decision: court, case number, date, date in force. */
export interface CourtField extends FieldBase {
  type: 'court';
}
/** A link to another record found by search; choosing one may fill other fields. */
export interface LookupField extends FieldBase {
  type: 'lookup';
  lookup: LookupSpec;
}
/** Several records of one kind (record ids). */
export interface RecordListField extends FieldBase {
  type: 'recordList';
  kind: ActKindCode;
  max: number;
}
/** Repeated rows of fields (item paths are relative to the row). */
export interface ListField extends FieldBase {
  type: 'list';
  item: Field[];
  max: number;
  addLabel: LocalizedText;
  itemLabel: LocalizedText;
  /** Values of a new row, from its position. */
  newItem?: (index: number) => Values;
}
/** A titled group of fields inside a section (paths are absolute). */
export interface GroupField extends FieldBase {
  type: 'group';
  fields: Field[];
}

export type Field =
  | TextField
  | DateField
  | PartialDateField
  | TimeField
  | SelectField
  | CheckboxField
  | YesNoField
  | NumberField
  | CountryField
  | PlaceField
  | DocumentField
  | CourtField
  | LookupField
  | RecordListField
  | ListField
  | GroupField;

export type FieldType = Field['type'];

/** A record found by a look-up, as GET /records/{id} returns it. */
export interface FoundRecord {
  id: string;
  kind: ActKindCode;
  status: string;
  office: string;
  number: number | null;
  year: number | null;
  registeredAt: string | null;
  data: Record<string, unknown> | null;
}

export interface LookupSpec {
  /** The kind of record to look for (it may depend on a choice made in the form). */
  kind: ActKindCode | ((values: Values) => ActKindCode);
  /** What the search form starts with, from what is typed already. */
  prefill?: (values: Values) => { surname?: string; name?: string };
  /** The values the chosen record fills in (merged into the form). */
  fill: (record: FoundRecord, values: Values) => Values;
}

export interface Section {
  id: string;
  title: LocalizedText;
  hint?: LocalizedText;
  /** The data path the section stands for (errors about the whole object show at the section). */
  path?: string;
  when?: Condition;
  fields: Field[];
  /** Buttons that copy a person from another section (applicant = mother …). */
  copyFrom?: CopySpec[];
}

export interface CopySpec {
  label: LocalizedText;
  /** Shown only when this is true (e.g. applicant type is MOTHER). */
  when?: Condition;
  copy: (values: Values) => Values;
}

export interface Catalogue {
  kind: ActKindCode;
  sections: Section[];
}

/**
 * A field as a catalogue writes it: the label of its data path, and a choice's options with their
 * names, come from core (the codes the act's schema allows there).
 */
export type FieldSpec = Field extends infer F
  ? F extends GroupField
    ? Omit<F, 'label' | 'fields'> & { label?: LocalizedText; fields: FieldSpec[] }
    : F extends ListField
      ? Omit<F, 'label' | 'item'> & { label?: LocalizedText; item: FieldSpec[] }
      : F extends SelectField
        ? Omit<F, 'label' | 'options'> & { label?: LocalizedText }
        : F extends Field
          ? Omit<F, 'label'> & { label?: LocalizedText }
          : never
  : never;

/** A section as a catalogue writes it: the title of a data path (`path`) comes from core. */
export interface SectionSpec extends Omit<Section, 'title' | 'fields'> {
  title?: LocalizedText;
  fields: FieldSpec[];
}

export interface CatalogueSpec {
  kind: ActKindCode;
  sections: SectionSpec[];
}
