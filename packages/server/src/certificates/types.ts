/**
 * The contract between certificate issuing (blanks, signing, verification) and certificate
 * documents (layouts, PDF): what a PDF is made from.
 */

import type { DocumentKind, PrintMode } from '@sabt/core';

/** Which document is printed for a record; 'full' or 'overlay' printing (the rules are in core). */
export type { DocumentKind, PrintMode };

export interface Calibration {
  /** Millimetres to shift everything right (negative: left) for this printer. */
  dxMm: number;
  /** Millimetres to shift everything down (negative: up). */
  dyMm: number;
}

export interface CertificateRenderInput {
  document: DocumentKind;
  mode: PrintMode;
  calibration: Calibration;
  record: {
    id: string;
    kind: string;
    /** The record's data as registered (the version the certificate certifies). */
    data: unknown;
    version: number;
    number: number;
    /** Registration date, YYYY-MM-DD. */
    registeredOn: string;
    nationalId: string;
    /**
     * What an extract lists after the data, oldest first: corrections and changes made after
     * registration (what changed, on which basis, when) and notations of later acts.
     */
    notes?: ExtractNote[];
  };
  /** The Tajik names of the offices the record's data cites by code (a marriage record's office …). */
  officeNames?: Record<string, string>;
  /** The issuing office: its short name, and the full official name documents print. */
  office: { id: string; nameTg: string; nameRu: string; officialNameTg: string };
  certificate: {
    /** Blank series and number, e.g. 'I-ДУ' and '000123'. */
    series: string;
    number: string;
    /** Issue date, YYYY-MM-DD. */
    issuedOn: string;
    /**
     * Who signs: the head of office or the person authorised to sign for them, as in force on the
     * issue date; `title` is the printed title line ("Муовини сардор, барои сардори шуъбаи САҲШ").
     * Never the clerk who printed it.
     */
    signatory: { title: string; fullName: string };
    /** 'first' | 'repeat' | 'reissue': repeat certificates say so on the document. */
    issue: 'first' | 'repeat' | 'reissue';
    /** Who it is issued to, where each party gets their own (divorce). */
    holder?: 'husband' | 'wife';
  };
  /** Text to encode in the QR code (the signed payload); the renderer draws it as a QR image. */
  qr: string;
  /** Where anyone can check the certificate, printed under the QR code (short: base URL and code). */
  verifyUrl: string;
  /**
   * The verification code printed under it for a check without a scanner (core verify-code.ts);
   * null in a preview, where it does not exist yet: the place says it comes with the print.
   */
  verifyCode: string | null;
}

/** A correction or change of the record after its registration, or a later act noted on it. */
export type ExtractNote =
  | {
      kind: 'amendment';
      /** When it was made, YYYY-MM-DD. */
      on: string;
      /** The fields changed: dotted paths of the data, the values before and after. */
      changes: { path: string; before: unknown; after: unknown }[];
      /** The basis document of a correction (an application, a court decision …), if any. */
      basis?: { type?: string; number?: string; date?: string; issuer?: string } | null;
      /** What made the change: 'AMENDMENT' (a request with its basis), a later act's kind, or 'ANNULMENT'. */
      cause?: string | null;
      /** The later act (or the annulled act) that made the change, cited. */
      act?: NoteAct | null;
      /** The notation the act wrote with the change ('paternity', 'adoption', 'name-change' …). */
      notation?: string | null;
    }
  | {
      kind: 'notation';
      on: string;
      /** The notation's type ('death', 'divorce', 'name-change-of-spouse' …). */
      type: string;
      act?: NoteAct | null;
      eventDate?: string | null;
    };

/** An act cited in a note: its kind, number, year and the registering office's name. */
export interface NoteAct {
  kind?: string | null;
  number?: number | null;
  year?: number | null;
  office?: string | null;
}
