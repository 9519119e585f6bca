import { ACT_KIND_DEFINITIONS, actKindJsonSchema, birthKind } from '@sabt/core';
import { vi } from 'vitest';
import type { RecordView } from '../../../lib/records.ts';
import { jsonResponse } from '../../../testing/render.tsx';
import type { HistoryItem, VersionItem } from '../api/record.ts';

/** Test data shaped like the Sabt API's answers (taken from a real server run). */

export const BIRTH_ID = '6a54b2fb-59e4-4a28-90e7-ca674db0a744';
export const DEATH_ID = '5ca3a16b-9f56-4900-8ce8-48faf38f96b3';
export const OTHER_ID = '0b6c7f3e-1111-4c2d-9e8f-123456789abc';

const v1 = structuredClone(birthKind.example) as unknown as Record<string, unknown> & {
  mother: { surname: string };
};
const v2 = structuredClone(v1);
v2.mother.surname = 'Каримзода';

export const KINDS = ACT_KIND_DEFINITIONS.map((k) => ({
  code: k.code,
  labels: k.labels,
  schemaVersion: k.schemaVersion,
  jsonSchema: actKindJsonSchema(k),
  example: k.example,
}));

export const OFFICES = [
  {
    id: 'DU-03-00',
    kind: 'district',
    name: {
      tg: 'Шуъбаи САҲШ — Фирдавсӣ',
      ru: 'Отдел ЗАГС — Фирдавси',
      en: 'Civil Registry Office — Firdavsi',
    },
  },
];

export function registeredBirth(overrides: Partial<RecordView> = {}): RecordView {
  return {
    id: BIRTH_ID,
    kind: 'BIRTH',
    status: 'registered',
    flags: ['certificate-reissue', 'deceased', 'late-registration'],
    office: 'DU-03-00',
    schemaVersion: 1,
    version: 2,
    revision: 7,
    number: 1,
    year: 2026,
    nationalId: '101030020260000011',
    registeredAt: '2026-11-23T06:46:23.176Z',
    createdAt: '2026-11-23T06:46:22.916Z',
    updatedAt: '2026-11-23T06:46:23.602Z',
    data: v2,
    sealed: false,
    rejection: null,
    onlineApplication: null,
    links: [
      {
        type: 'death',
        recordId: DEATH_ID,
        kind: 'DEATH',
        status: 'registered',
        number: 1,
        year: 2026,
        nationalId: '701030020260000018',
        office: 'DU-03-00',
      },
    ],
    notations: [
      {
        at: '2026-11-23T06:46:23.601Z',
        type: 'death',
        year: 2026,
        number: 1,
        officeId: 'DU-03-00',
        recordId: DEATH_ID,
        eventDate: '2025-06-02',
        nationalId: '701030020260000018',
      },
    ],
    check: null,
    cancellation: null,
    waitingPeriod: null,
    actions: ['request-amendment', 'annul'],
    versions: [
      {
        version: 1,
        at: '2026-11-23T06:46:23.174Z',
        sealed: false,
        href: `/api/v1/records/${BIRTH_ID}/versions`,
      },
      {
        version: 2,
        at: '2026-11-23T06:46:23.332Z',
        sealed: false,
        href: `/api/v1/records/${BIRTH_ID}/versions`,
      },
    ],
    ...overrides,
  };
}

export const VERSIONS: VersionItem[] = [
  {
    version: 1,
    schemaVersion: 1,
    at: '2026-11-23T06:46:23.174Z',
    by: 'registrar',
    byName: 'Registrar',
    action: 'register',
    reason: null,
    sealed: false,
    data: v1,
    changes: null,
  },
  {
    version: 2,
    schemaVersion: 1,
    at: '2026-11-23T06:46:23.332Z',
    by: 'registrar',
    byName: 'Registrar',
    action: 'amend',
    reason: 'Хатои имлоӣ дар насаби модар',
    sealed: false,
    data: v2,
    changes: [{ path: 'mother.surname', before: 'Каримова', after: 'Каримзода' }],
  },
];

const by = (login: string, name: string, role: 'front_office' | 'back_office' | 'registrar') => ({
  login,
  name,
  role,
});

export const HISTORY: HistoryItem[] = [
  {
    id: 1,
    action: 'create',
    at: '2026-11-23T06:46:22.916Z',
    by: by('front', 'Мадина Раҳимова', 'front_office'),
    office: 'DU-03-00',
    from: null,
    to: 'draft',
    revision: 1,
    reason: null,
    payload: { kind: 'BIRTH', schemaVersion: 1 },
  },
  {
    id: 4,
    action: 'register',
    at: '2026-11-23T06:46:23.176Z',
    by: by('registrar', 'Шералӣ Қодиров', 'registrar'),
    office: 'DU-03-00',
    from: 'validated',
    to: 'registered',
    revision: 4,
    reason: null,
    payload: {
      year: 2026,
      number: 1,
      nationalId: '101030020260000011',
      warnings: [{ key: 'warning.lateBirth', path: ['child', 'birthDate'] }],
    },
  },
  {
    id: 5,
    action: 'request-amendment',
    at: '2026-11-23T06:46:23.266Z',
    by: by('front', 'Мадина Раҳимова', 'front_office'),
    office: 'DU-03-00',
    from: 'registered',
    to: 'registered',
    revision: 5,
    reason: 'Хатои имлоӣ дар насаби модар',
    payload: {
      basis: { date: '2025-05-12', type: 'APPLICATION', issuer: 'Каримзода Н. С.', number: '45' },
      changes: [{ path: 'mother.surname', after: 'Каримзода', before: 'Каримова' }],
    },
  },
  {
    id: 9,
    action: 'issue-certificate',
    at: '2026-11-23T06:50:00.000Z',
    by: by('front', 'Мадина Раҳимова', 'front_office'),
    office: 'DU-03-00',
    from: 'registered',
    to: 'registered',
    revision: 8,
    reason: null,
    payload: {
      certificateId: 'c0000000-0000-4000-8000-000000000002',
      document: 'BIRTH_CERTIFICATE',
      series: 'I-ДУ',
      number: '000007',
      issue: 'reissue',
      version: 2,
    },
  },
];

export interface Sent {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
}

/**
 * A fetch stand-in for the record screens: GETs answer from `routes` (path → body), POSTs are
 * recorded and answered by `onPost` (default: the record as it is).
 */
export function fakeApi(
  routes: Record<string, unknown>,
  onPost: (path: string, body: unknown) => Response | undefined = () => undefined,
) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://sabt.test');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = init?.method ?? 'GET';
    if (method !== 'GET') {
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      sent.push({ method, path, body, headers: new Headers(init?.headers) });
      const answer = onPost(path, body);
      if (answer) return answer;
      const record = routes[path.replace(/\/[a-z-]+(\/[a-z0-9-]+)?$/, '')] as RecordView | undefined;
      return jsonResponse(200, record ?? {});
    }
    if (path === '/act-kinds') return jsonResponse(200, { items: KINDS });
    if (path === '/offices') return jsonResponse(200, { items: OFFICES });
    if (path in routes) {
      const body = routes[path];
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (body && typeof body === 'object' && 'revision' in body)
        headers.etag = `"${(body as RecordView).revision}"`;
      return new Response(JSON.stringify(body), { status: 200, headers });
    }
    return jsonResponse(
      404,
      { type: 'about:blank', title: 'Not found', status: 404 },
      'application/problem+json',
    );
  });
  return { fetch, sent, posts: () => sent.filter((s) => s.method === 'POST') };
}
