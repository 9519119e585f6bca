// @vitest-environment happy-dom
import type { CitizenApplicationDetail, PublicOffice } from '@sabt/core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Portal } from './app.tsx';
import { LANGUAGE_KEY } from './lib/i18n.tsx';

/** The portal's online applications: starting one, filling it in, attaching, sending, tracking. */

const office = (
  id: string,
  kind: PublicOffice['kind'],
  en: string,
  actKinds: PublicOffice['actKinds'],
): PublicOffice => ({
  id,
  parent: null,
  kind,
  region: 'DU',
  name: { tg: `${en} tg`, ru: `${en} ru`, en },
  address: null,
  phone: null,
  hours: null,
  actKinds,
});
const OFFICES = [
  office('DU-03-00', 'district', 'Firdavsi office', ['BIRTH', 'DIVORCE']),
  office('RA-13-01', 'jamoat', 'Chimteppa jamoat', ['DEATH']),
];
const ID = '7b3f6d7e-2a59-4c1e-9a57-5d1c3c0e8f10';
const draft = (over: Partial<CitizenApplicationDetail> = {}): CitizenApplicationDetail => ({
  id: ID,
  kind: 'BIRTH',
  trackingCode: null,
  status: 'draft',
  office: null,
  message: null,
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
  submittedAt: null,
  data: {},
  attachments: [],
  appointment: null,
  ...over,
});

interface Call {
  method: string;
  path: string;
  search: string;
  body: unknown;
  key: string | null;
}
let calls: Call[];
let signedIn: boolean;
let answer: (call: Call) => [number, unknown] | undefined;

beforeEach(() => {
  localStorage.clear();
  localStorage.setItem(LANGUAGE_KEY, 'en');
  calls = [];
  signedIn = true;
  answer = () => undefined;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://sabt.test');
      const headers = new Headers(init?.headers);
      const call: Call = {
        method: init?.method ?? 'GET',
        path: url.pathname,
        search: url.search,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        key: headers.get('idempotency-key'),
      };
      calls.push(call);
      const [status, body] =
        answer(call) ??
        (call.path === '/api/v1/portal/session'
          ? [
              200,
              {
                citizen: signedIn
                  ? { id: 'c1', channel: 'email', contact: 'a@b.tj', language: 'en', since: '' }
                  : null,
              },
            ]
          : call.path === '/api/v1/portal/offices'
            ? [200, { items: OFFICES }]
            : [200, { items: [] }]);
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
      });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A page's code is loaded when it is first opened. */
const LAZY = { timeout: 5000 };

const open = (path: string) => {
  window.history.replaceState(null, '', path);
  return render(<Portal />);
};

describe('applying online', () => {
  it('asks to sign in first', async () => {
    signedIn = false;
    open('/portal/apply');
    await screen.findByText('Sign in first to apply.', { exact: false });
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it('starts a draft for the service chosen and opens it', async () => {
    answer = (c) =>
      c.method === 'POST' && c.path === '/api/v1/portal/applications'
        ? [201, draft({ kind: 'DIVORCE' })]
        : undefined;
    open('/portal/apply');
    await userEvent.click(await screen.findByRole('radio', { name: 'Divorce registration' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(window.location.pathname).toBe(`/portal/applications/${ID}`));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ kind: 'DIVORCE' });
    expect(post.key).toBeTruthy();
  });

  it('fills the staff form’s fields, offers only the offices of the kind, saves, attaches and sends', async () => {
    answer = (c) => {
      if (c.path === `/api/v1/portal/applications/${ID}` && c.method === 'GET') return [200, draft()];
      if (c.method === 'PUT')
        return [200, draft({ office: { id: 'DU-03-00', name: OFFICES[0]!.name }, data: c.body as never })];
      if (c.path.endsWith('/attachments'))
        return [
          201,
          { id: 'f1', fileName: 'medical.pdf', contentType: 'application/pdf', size: 2048, createdAt: '' },
        ];
      if (c.path.endsWith('/submit'))
        return [
          200,
          draft({ status: 'received', trackingCode: '7KQ2MX9D4G', submittedAt: '2026-12-07T11:00:00.000Z' }),
        ];
      return undefined;
    };
    open(`/portal/applications/${ID}`);
    const officeSelect = await screen.findByLabelText('Office', {}, LAZY);
    await waitFor(() => expect(within(officeSelect).getAllByRole('option')).toHaveLength(2));
    expect(within(officeSelect).queryByRole('option', { name: 'Chimteppa jamoat' })).toBeNull();
    await userEvent.selectOptions(officeSelect, 'DU-03-00');

    const child = screen.getByRole('group', { name: 'Child' });
    await userEvent.type(within(child).getByLabelText(/^Surname/), 'Раҳимов');
    await userEvent.type(within(child).getByLabelText(/^Date of birth/), '14.03.2026');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('The draft has been saved.');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toMatchObject({
      office: 'DU-03-00',
      data: { child: { surname: 'Раҳимов', birthDate: '2026-03-14' } },
    });

    const file = new File([new Uint8Array([37, 80, 68, 70])], 'medical.pdf', { type: 'application/pdf' });
    await userEvent.upload(screen.getByLabelText('Attach a file'), file);
    await screen.findByRole('link', { name: 'medical.pdf' });
    expect(calls.find((c) => c.path.endsWith('/attachments'))!.body).toEqual({
      fileName: 'medical.pdf',
      content: 'JVBERg==',
    });

    await userEvent.type(screen.getByLabelText('Your date of birth (dd.mm.yyyy)'), '12.04.1990');
    await userEvent.click(screen.getByRole('button', { name: 'Send the application' }));
    await screen.findByText('The application has been sent. Your tracking code: 7KQ2M-X9D4G');
    expect(calls.find((c) => c.path.endsWith('/submit'))!.body).toEqual({ birthDate: '1990-04-12' });
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('shows what the office refused, each error linked to its field', async () => {
    answer = (c) => {
      if (c.method === 'GET' && c.path === `/api/v1/portal/applications/${ID}`) return [200, draft()];
      if (c.method === 'PUT')
        return [
          422,
          {
            title: 'The data is incomplete.',
            errors: [{ path: 'data.child.birthDate', message: 'Required.' }],
          },
        ];
      return undefined;
    };
    open(`/portal/applications/${ID}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }, LAZY));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The data is incomplete.');
    const link = within(alert).getByRole('link', { name: /Date of birth/ });
    expect(link.getAttribute('href')).toBe('#f-child-birthDate');
    expect(document.getElementById('f-child-birthDate')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows an application returned with the office’s message', async () => {
    answer = (c) =>
      c.path === `/api/v1/portal/applications/${ID}`
        ? [
            200,
            draft({
              status: 'needs-correction',
              trackingCode: '7KQ2MX9D4G',
              message: 'Attach the passport.',
            }),
          ]
        : undefined;
    open(`/portal/applications/${ID}`);
    await screen.findByText('Attach the passport.', { exact: false }, LAZY);
    expect(screen.getByText('Needs correction')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send the application' })).toBeTruthy();
  });

  it('shows a sent application’s scans, each opening as it was sent, and one the office closed', async () => {
    const scan = {
      id: '0f0e0d0c-0b0a-4908-8706-050403020100',
      fileName: 'medical.pdf',
      contentType: 'application/pdf',
      size: 2048,
      createdAt: '2026-12-07T10:00:00.000Z',
    };
    answer = (c) =>
      c.path === `/api/v1/portal/applications/${ID}`
        ? [200, draft({ status: 'closed', trackingCode: '7KQ2MX9D4G', attachments: [scan] })]
        : undefined;
    open(`/portal/applications/${ID}`);
    const link = await screen.findByRole('link', { name: 'medical.pdf' }, LAZY);
    expect(link.getAttribute('href')).toBe(`/api/v1/portal/applications/${ID}/attachments/${scan.id}`);
    expect(screen.getByText('Closed by the office')).toBeTruthy();
    // sent: nothing to remove, nothing to send
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send the application' })).toBeNull();
  });
});

describe('tracking and the account', () => {
  it('finds the status by code and date of birth without signing in, and says when nothing matches', async () => {
    signedIn = false;
    answer = (c) =>
      c.path === '/api/v1/portal/track'
        ? new URLSearchParams(c.search).get('birthDate') === '1990-04-12'
          ? [
              200,
              {
                trackingCode: '7KQ2MX9D4G',
                kind: 'BIRTH',
                status: 'registered',
                office: null,
                message: null,
                submittedAt: null,
                updatedAt: '',
              },
            ]
          : [404, { title: 'No application was found with this code and date of birth.' }]
        : undefined;
    open('/portal/track');
    await userEvent.type(await screen.findByLabelText('Tracking code'), '7kq2m-x9d4g');
    await userEvent.type(screen.getByLabelText('Applicant’s date of birth (dd.mm.yyyy)'), '13.04.1990');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    await screen.findByText('No application was found with this code and date of birth.');
    await userEvent.clear(screen.getByLabelText('Applicant’s date of birth (dd.mm.yyyy)'));
    await userEvent.type(screen.getByLabelText('Applicant’s date of birth (dd.mm.yyyy)'), '12.04.1990');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    await screen.findByText('Registered');
    expect(screen.getByText('Birth registration')).toBeTruthy();
    expect(new URLSearchParams(calls.at(-1)!.search).get('code')).toBe('7kq2m-x9d4g');
  });

  it('tells an extract ready as an extract, a certificate as a certificate', async () => {
    signedIn = false;
    let kind = 'EXTRACT';
    answer = (c) =>
      c.path === '/api/v1/portal/track'
        ? [
            200,
            {
              trackingCode: '7KQ2MX9D4G',
              kind,
              status: 'ready-for-collection',
              office: null,
              message: null,
              submittedAt: null,
              updatedAt: '',
            },
          ]
        : undefined;
    open('/portal/track');
    await userEvent.type(await screen.findByLabelText('Tracking code'), '7KQ2MX9D4G');
    await userEvent.type(screen.getByLabelText('Applicant’s date of birth (dd.mm.yyyy)'), '12.04.1990');
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    await screen.findByText('Extract ready');
    kind = 'BIRTH';
    await userEvent.click(screen.getByRole('button', { name: 'Find' }));
    await screen.findByText('Certificate ready');
  });

  it('lists the citizen’s applications, each opening its page', async () => {
    answer = (c) =>
      c.path === '/api/v1/portal/applications'
        ? [
            200,
            {
              items: [
                draft({
                  status: 'waiting-for-visit',
                  trackingCode: '7KQ2MX9D4G',
                  office: { id: 'DU-03-00', name: OFFICES[0]!.name },
                }),
              ],
            },
          ]
        : undefined;
    open('/portal/account');
    const link = await screen.findByRole('link', { name: /7KQ2M-X9D4G/ }, LAZY);
    expect(link.getAttribute('href')).toBe(`/portal/applications/${ID}`);
    expect(screen.getByText('Waiting for your visit')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'New application' })).toBeTruthy();
  });
});

describe('a request for a repeat certificate or an extract', () => {
  it('is chosen on the apply page beside the acts', async () => {
    answer = (c) =>
      c.method === 'POST' && c.path === '/api/v1/portal/applications'
        ? [201, draft({ kind: 'CERT_REPEAT' })]
        : undefined;
    open('/portal/apply');
    const copies = await screen.findByRole('group', { name: 'A copy of a registered record' });
    expect(within(copies).getByRole('radio', { name: 'References and extracts' })).toBeTruthy();
    await userEvent.click(within(copies).getByRole('radio', { name: 'Repeat certificate' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(window.location.pathname).toBe(`/portal/applications/${ID}`));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ kind: 'CERT_REPEAT' });
  });

  it('asks whose record and what is known of it, the offices that issue copies, and saves the request', async () => {
    answer = (c) => {
      if (c.method === 'GET' && c.path === `/api/v1/portal/applications/${ID}`)
        return [200, draft({ kind: 'EXTRACT' })];
      if (c.method === 'PUT')
        return [200, draft({ kind: 'EXTRACT', data: (c.body as { data: never }).data })];
      return undefined;
    };
    open(`/portal/applications/${ID}`);
    const officeSelect = await screen.findByLabelText('Office', {}, LAZY);
    await waitFor(() => expect(within(officeSelect).getAllByRole('option')).toHaveLength(2));
    expect(within(officeSelect).queryByRole('option', { name: 'Chimteppa jamoat' })).toBeNull();
    await userEvent.selectOptions(officeSelect, 'DU-03-00');

    expect(screen.queryByLabelText(/^Date of death/)).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText(/^Kind of record/), 'DEATH');
    await userEvent.click(screen.getByRole('radio', { name: 'My deceased relative' }));
    await userEvent.type(screen.getByLabelText(/^Surname/), 'Қурбонов');
    await userEvent.type(screen.getByLabelText(/^Name/), 'Абдулло');
    await userEvent.type(screen.getByLabelText(/^Date of birth/), '02.05.1941');
    await userEvent.type(screen.getByLabelText(/^Date of death/), '10.01.2020');
    await userEvent.type(screen.getByLabelText(/^What it is needed for/), 'Барои мерос');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('The draft has been saved.');
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      office: 'DU-03-00',
      data: {
        actKind: 'DEATH',
        relationship: 'deceased-relative',
        person: { surname: 'Қурбонов', name: 'Абдулло', birthDate: '1941-05-02' },
        deathDate: '2020-01-10',
        purpose: 'Барои мерос',
      },
    });
  });

  it('shows what the office refused with the request’s labels, the scans’ error at the file input', async () => {
    answer = (c) => {
      if (c.method === 'GET' && c.path === `/api/v1/portal/applications/${ID}`)
        return [200, draft({ kind: 'CERT_REPEAT' })];
      if (c.method === 'PUT') return [200, draft({ kind: 'CERT_REPEAT' })];
      if (c.path.endsWith('/submit'))
        return [
          422,
          {
            title: 'The data is incomplete.',
            errors: [
              { path: 'data.relationship', message: 'A copy of a death record is given to the relatives.' },
              { path: 'attachments', message: 'Attach your identity document.' },
              { path: 'birthDate', message: 'Required.' },
            ],
          },
        ];
      return undefined;
    };
    open(`/portal/applications/${ID}`);
    await userEvent.type(
      await screen.findByLabelText('Your date of birth (dd.mm.yyyy)', {}, LAZY),
      '12.04.1990',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send the application' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('link', { name: 'Whose record' }).getAttribute('href')).toBe(
      '#f-relationship',
    );
    expect(within(alert).getByRole('link', { name: 'Attached documents' }).getAttribute('href')).toBe(
      '#f-attach',
    );
    expect(screen.getByLabelText('Attach a file').getAttribute('aria-invalid')).toBe('true');
    expect(
      within(alert).getByRole('link', { name: 'Your date of birth (dd.mm.yyyy)' }).getAttribute('href'),
    ).toBe('#f-birthDate');
  });

  it('is listed in the account with its service', async () => {
    answer = (c) =>
      c.path === '/api/v1/portal/applications'
        ? [
            200,
            {
              items: [draft({ kind: 'EXTRACT', status: 'ready-for-collection', trackingCode: '7KQ2MX9D4G' })],
            },
          ]
        : undefined;
    open('/portal/account');
    await screen.findByRole('link', { name: /7KQ2M-X9D4G/ }, LAZY);
    expect(screen.getByText('References and extracts')).toBeTruthy();
    expect(screen.getByText('Extract ready')).toBeTruthy();
  });
});
