import type { DeepPartial } from '@sabt/core';
import type { CertificateRenderInput, DocumentKind } from '../types.ts';

/**
 * A document layout is data: the blank's page size, its Tajik title and static labels, and for
 * every printed value a function from the record and a place on the blank, in millimetres from
 * the top-left corner of the sheet. 'full' mode draws everything; 'overlay' mode draws only what
 * the pre-printed blank does not carry (the values, the repeat marking, the QR code).
 */

export interface PageSize {
  widthMm: number;
  heightMm: number;
}

export const A5_PORTRAIT: PageSize = { widthMm: 148, heightMm: 210 };
export const A4_PORTRAIT: PageSize = { widthMm: 210, heightMm: 297 };

/** What a value function sees: the record's data (possibly incomplete) and the whole render input. */
export interface LayoutContext<T> {
  data: DeepPartial<T>;
  input: CertificateRenderInput;
}

export interface LayoutField<T> {
  key: string;
  /** The label printed on the blank above the value (full mode only). */
  label: string;
  /** The printed value; '' prints a dash, as on paper (no space left to fill in by hand). */
  value: (ctx: LayoutContext<T>) => string;
  /** Left edge and top of the value, and the width it must fit in, in mm. */
  x: number;
  y: number;
  width: number;
  /** How many lines the value may take (default 1); the font shrinks until it fits. */
  lines?: number;
  /** Font size in points (default 10). */
  size?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Printed by the blank's maker (the blank's series and number): drawn in full mode only. */
  preprinted?: boolean;
  /** Goes on the last page, after a flowing listing (place and date of issue, who signs). */
  lastPage?: boolean;
  /** No writing line under it in full mode (a title over a name). */
  noRule?: boolean;
}

/** Text that is part of the blank (title, headings, "Ҷ.М."): full mode only. */
export interface StaticText {
  text: string;
  x: number;
  y: number;
  width: number;
  size?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  lastPage?: boolean;
}

/** A line that is part of the blank (signature line, separators): full mode only. */
export interface StaticLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lastPage?: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
}

/** A row of a flowing listing (the archive extract): printed in both modes, it is not on the blank. */
export interface FlowRow {
  /** A heading row when `value` is absent. */
  label: string;
  value?: string;
}

export interface DocumentLayout<T = unknown> {
  document: DocumentKind;
  /** The record kinds this document may be printed for. */
  recordKinds: readonly string[];
  /** The blank's sheet; the caller may print on another size (positions stay in mm from top-left). */
  page: PageSize;
  /** Title of the document, in Tajik, as on the blank. */
  title: string;
  /** Where the state emblem placeholder and "Ҷумҳурии Тоҷикистон" go, and the title. */
  header: { emblemY: number; titleY: number };
  statics: readonly StaticText[];
  lines: readonly StaticLine[];
  fields: readonly LayoutField<T>[];
  /** The "ТАКРОРӢ" marking of a repeat issue. */
  repeatMark: Box;
  /** The QR code: left, top and side of the symbol (≥ 25 mm), the quiet zone goes around it. */
  qr: { x: number; y: number; size: number };
  /** The verify URL under the QR code; a long URL wraps and shrinks to stay inside `height` mm. */
  verifyUrl: Box & { height: number };
  /** A listing that flows down the page (and onto further pages): the archive extract's data. */
  flow?: { x: number; y: number; width: number; bottom: number; rows: (ctx: LayoutContext<T>) => FlowRow[] };
  /** Refuses a record this document must not be printed for (e.g. a birth certificate for a stillbirth). */
  check?: (ctx: LayoutContext<T>) => string | undefined;
}

/** Stores a typed layout in the registry, where data is unknown until the record is read. */
export function defineLayout<T>(layout: DocumentLayout<T>): DocumentLayout<unknown> {
  return layout as unknown as DocumentLayout<unknown>;
}
