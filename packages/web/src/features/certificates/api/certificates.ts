import type {
  Certificate,
  DocumentKind,
  Holder,
  IdDocument,
  IssueKind,
  NextBlank,
  PrintMode,
} from '@sabt/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiBlob } from '../../../lib/api.ts';

/** What this feature needs of a record (the record screen's record has it all). */
export interface CertificateRecord {
  id: string;
  kind: string;
  status: string;
  office: string;
  version: number;
  flags: readonly string[];
  data: unknown;
}

/** A certificate and its receipt as the server answers them: core's schemas, inferred. */
export type { Certificate, IdDocument, NextBlank } from '@sabt/core';

export interface Calibration {
  dxMm: number;
  dyMm: number;
}

/** What the clerk chose to print: as POST /records/:id/certificates and the preview take it. */
export interface PrintChoice {
  mode: PrintMode;
  document: DocumentKind;
  /** Which former spouse a divorce certificate is for. */
  holder?: Holder;
  /** The blank in the printer, when the clerk names it; otherwise the next free one. */
  blankNumber?: string;
  blankSeries?: string;
  calibration?: Calibration;
}

export const certificatesKey = (recordId: string) => ['certificates', 'record', recordId] as const;

export const recordCertificatesQuery = (recordId: string) =>
  queryOptions({
    queryKey: certificatesKey(recordId),
    queryFn: ({ signal }) =>
      api<{ items: Certificate[] }>(`/records/${recordId}/certificates`, { signal }).then((r) => r.items),
  });

/** The blank the next print of a document takes in the user's office; asked afresh each time. */
export const nextBlankQuery = (document: DocumentKind) =>
  queryOptions({
    queryKey: ['blanks', 'next', document],
    queryFn: ({ signal }) => api<NextBlank>('/blanks/next', { signal, query: { document } }),
    staleTime: 0,
  });

/** The PDF a print would make now, marked as a sample (nothing is taken or stored). */
export function fetchPreview(recordId: string, choice: PrintChoice, signal?: AbortSignal): Promise<Blob> {
  return apiBlob(`/records/${recordId}/certificates/preview`, {
    signal,
    query: {
      mode: choice.mode,
      document: choice.document,
      holder: choice.holder,
      blankNumber: choice.blankNumber,
      blankSeries: choice.blankSeries,
      dxMm: choice.calibration?.dxMm,
      dyMm: choice.calibration?.dyMm,
    },
  });
}

/** The signed PDF exactly as issued. */
export function fetchCertificatePdf(cert: Pick<Certificate, 'id'>, signal?: AbortSignal): Promise<Blob> {
  return apiBlob(`/certificates/${cert.id}/pdf`, { signal });
}

/** The receipt slip of a recorded hand-over, for the recipient's and the staff member's signatures. */
export function fetchReceiptSlip(cert: Pick<Certificate, 'id'>, signal?: AbortSignal): Promise<Blob> {
  return apiBlob(`/certificates/${cert.id}/receipt-slip`, { signal });
}

/** The printer test page of a blank with these offsets. */
export function fetchCalibrationPage(document: DocumentKind, offsets: Calibration): Promise<Blob> {
  return apiBlob('/certificates/calibration-page', { query: { document, ...offsets } });
}

/** After a print or a hand-over: the record's certificates and the office's blanks are read again. */
function useRefreshAfter(recordId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: certificatesKey(recordId) }),
      client.invalidateQueries({ queryKey: ['blanks'] }),
    ]);
}

export interface IssueRequest extends PrintChoice {
  /** What the clerk expects: the server refuses (409) when the registry says otherwise. */
  issue: IssueKind;
  /** The same key for a retry of the same print: the server answers once and takes one blank. */
  idempotencyKey: string;
}

export function useIssueCertificate(recordId: string) {
  const refresh = useRefreshAfter(recordId);
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: IssueRequest) =>
      api<Certificate>(`/records/${recordId}/certificates`, { method: 'POST', body, idempotencyKey }),
    onSettled: refresh,
  });
}

export interface ReceiptRequest {
  name: string;
  idDocument: IdDocument;
}

export function useRecordReceipt(recordId: string, certificateId: string) {
  const refresh = useRefreshAfter(recordId);
  return useMutation({
    mutationFn: (body: ReceiptRequest) =>
      api<Certificate>(`/certificates/${certificateId}/receipt`, { method: 'POST', body }),
    onSettled: refresh,
  });
}
