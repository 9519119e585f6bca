import { birthKind } from '@sabt/core';
import { vi } from 'vitest';
import type { Me } from '../../../lib/auth.ts';
import { jsonResponse } from '../../../testing/render.tsx';
import type { Blank, StockReport } from '../api/blanks.ts';
import type { Certificate, CertificateRecord } from '../api/certificates.ts';

/** Test data shaped like the Sabt API's answers (taken from a real server run). */

export const RECORD_ID = '6a54b2fb-59e4-4a28-90e7-ca674db0a744';
const OFFICE = {
  id: 'DU-03-00',
  kind: 'district' as const,
  name: { tg: 'Шуъбаи САҲШ — Фирдавсӣ', ru: 'Отдел ЗАГС — Фирдавси', en: 'Civil Registry Office — Firdavsi' },
};

function user(login: string, name: string, role: Me['role'], label: Me['roleLabel']): Me {
  return { id: `u-${login}`, login, name, role, roleLabel: label, office: OFFICE };
}
export const FRONT = user('front', 'Мадина Раҳимова', 'front_office', {
  tg: 'Корманди қабул',
  ru: 'Специалист фронт-офиса',
  en: 'Front-office clerk',
});
export const HEAD = user('head', 'Зарина Саидзода', 'head_of_office', {
  tg: 'Роҳбари идора',
  ru: 'Руководитель учреждения',
  en: 'Head of office',
});

export function birthRecord(over: Partial<CertificateRecord> = {}): CertificateRecord {
  return {
    id: RECORD_ID,
    kind: 'BIRTH',
    status: 'registered',
    office: 'DU-03-00',
    version: 2,
    flags: [],
    data: structuredClone(birthKind.example),
    ...over,
  };
}

export function certificate(over: Partial<Certificate> = {}): Certificate {
  const id = over.id ?? 'c1a2b3c4-0000-4000-8000-000000000001';
  return {
    id,
    recordId: RECORD_ID,
    recordVersion: 2,
    current: true,
    office: 'DU-03-00',
    document: 'BIRTH_CERTIFICATE',
    series: 'I-ДУ',
    number: '000001',
    onBlank: true,
    blankId: 1,
    issue: 'first',
    holder: null,
    mode: 'overlay',
    calibration: null,
    status: 'valid',
    supersededBy: null,
    supersededAt: null,
    issuedBy: { login: 'front', name: 'Мадина Раҳимова' },
    issuedAt: '2026-11-23T06:50:00.000Z',
    issuedOn: '2026-11-23',
    receipt: null,
    applicant: null,
    qr: 'SABT1.x.y',
    keyId: 'k1',
    signingKeyId: 'k1',
    pdfSha256: '0'.repeat(64),
    pdf: `/api/v1/certificates/${id}/pdf`,
    verifyCode: '7KQ2M-X9D4G',
    verifyUrl: 'http://localhost:8080/verify/7KQ2M-X9D4G',
    ...over,
  };
}

export function blank(over: Partial<Blank> = {}): Blank {
  return {
    id: 11,
    batchId: 'b0000000-0000-4000-8000-000000000001',
    document: 'BIRTH_CERTIFICATE',
    series: 'I-ДУ',
    number: '000011',
    status: 'IN_STOCK',
    certificateId: null,
    recordId: null,
    spoil: null,
    updatedAt: '2026-11-23T06:40:00.000Z',
    ...over,
  };
}

export const STOCK: StockReport = {
  office: { id: 'DU-03-00', nameTg: OFFICE.name.tg, nameRu: OFFICE.name.ru, nameEn: OFFICE.name.en },
  documents: [
    {
      document: 'BIRTH_CERTIFICATE',
      counts: { IN_STOCK: 97, ISSUED: 2, SPOIL_REQUESTED: 1, SPOILED: 0, LOST: 0, WRITTEN_OFF: 0 },
      writtenOff: 0,
      total: 100,
      transferredOut: 0,
      receivedByTransfer: 0,
      ranges: [
        { series: 'I-ДУ', status: 'ISSUED', from: '000001', to: '000002', count: 2 },
        { series: 'I-ДУ', status: 'SPOIL_REQUESTED', from: '000003', to: '000003', count: 1 },
        { series: 'I-ДУ', status: 'IN_STOCK', from: '000004', to: '000100', count: 97 },
      ],
    },
  ],
};

export const OFFICES = [
  { id: 'HQ-00-00', parent: null, kind: 'central', name: { tg: 'Марказ', ru: 'Центр', en: 'Centre' } },
  { id: 'DU', parent: 'HQ-00-00', kind: 'region', name: { tg: 'Душанбе', ru: 'Душанбе', en: 'Dushanbe' } },
  { id: 'DU-03-00', parent: 'DU', kind: 'district', name: OFFICE.name },
];

export interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

type Answer = unknown | ((query: URLSearchParams) => Response | unknown);

export const pdfResponse = (text: string) =>
  new Response(`%PDF-1.7\n${text}`, { status: 200, headers: { 'content-type': 'application/pdf' } });

export const problem = (status: number, title: string, extra: Record<string, unknown> = {}) =>
  jsonResponse(status, { type: 'about:blank', title, status, ...extra }, 'application/problem+json');

/**
 * A fetch stand-in for these screens: GETs answer from `routes` (path → body, or a function of the
 * query giving a body or a Response), every request is recorded, writes are answered by `onWrite`.
 */
export function fakeApi(
  me: Me,
  routes: Record<string, Answer>,
  onWrite: (path: string, body: unknown, headers: Headers) => Response | undefined = () => undefined,
) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://sabt.test');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    sent.push({ method, path, query: url.searchParams, body, headers });
    if (method !== 'GET') return onWrite(path, body, headers) ?? jsonResponse(200, {});
    if (path === '/auth/session') return jsonResponse(200, { user: me });
    if (path === '/offices' && !(path in routes)) return jsonResponse(200, { items: OFFICES });
    if (path in routes) {
      const answer = routes[path];
      const value = typeof answer === 'function' ? answer(url.searchParams) : answer;
      return value instanceof Response ? value : jsonResponse(200, value);
    }
    return problem(404, 'Not found');
  });
  return {
    fetch,
    sent,
    writes: () => sent.filter((s) => s.method !== 'GET'),
    gets: (path: string) => sent.filter((s) => s.method === 'GET' && s.path === path),
  };
}
