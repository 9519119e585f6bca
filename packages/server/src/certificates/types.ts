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
    /** Notations shown on an extract (later acts noted on the record). */
    notations?: { type: string; number?: number | null; year?: number | null; eventDate?: string | null }[];
  };
  office: { id: string; nameTg: string; nameRu: string };
  certificate: {
    /** Blank series and number, e.g. 'I-ДУ' and '000123'. */
    series: string;
    number: string;
    /** Issue date, YYYY-MM-DD. */
    issuedOn: string;
    registrarName: string;
    /** 'first' | 'repeat' | 'reissue': repeat certificates say so on the document. */
    issue: 'first' | 'repeat' | 'reissue';
    /** Who it is issued to, where each party gets their own (divorce). */
    holder?: 'husband' | 'wife';
  };
  /** Text to encode in the QR code (the signed payload); the renderer draws it as a QR image. */
  qr: string;
  /** Where anyone can check the certificate, printed under the QR code. */
  verifyUrl: string;
}
