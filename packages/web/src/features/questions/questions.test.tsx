// @vitest-environment happy-dom
import {
  type CannedAnswer,
  type Inbox,
  type Me,
  ROLE_LABELS,
  type Role,
  type StaffQuestion,
} from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Suspense } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppHeader } from '../../app/components/app-header.tsx';
import { en as shellEn } from '../../i18n/en.ts';
import { i18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import CannedPage from './canned-page.tsx';
import InboxPage from './inbox-page.tsx';
import { en } from './messages/en.ts';
import QuestionPage from './question-page.tsx';

const OFFICE = {
  id: 'DU-03-00',
  kind: 'district' as const,
  name: { tg: 'Фирдавсӣ', ru: 'Фирдавси', en: 'Firdavsi' },
};
const me = (role: Role): Me => ({
  id: `u-${role}`,
  login: role,
  name: `Name of ${role}`,
  role,
  roleLabel: ROLE_LABELS[role],
  office: OFFICE,
});
const ID = '0f4b1a62-2a57-4d3e-9c4b-6a0f3c1e2d55';
const summary = (id: string, subject: string, waitingSince: string) => ({
  id,
  subject,
  status: 'open' as const,
  language: 'ru' as const,
  office: { id: OFFICE.id, name: OFFICE.name },
  application: null,
  createdAt: waitingSince,
  updatedAt: waitingSince,
  waitingSince,
  messages: 1,
});
const INBOX: Inbox = {
  items: [
    summary(ID, 'Свидетельство о рождении', '2026-12-01T04:00:00Z'),
    summary('q2', 'Брак', '2026-12-02T04:00:00Z'),
  ],
  counts: { open: 2, answered: 5, closed: 1 },
  next: null,
};
const THREAD: StaffQuestion = {
  canAnswer: true,
  canClose: true,
  thread: {
    ...summary(ID, 'Свидетельство о рождении', '2026-12-01T04:00:00Z'),
    closedAt: null,
    messages: [
      {
        id: 'm1',
        from: 'citizen',
        text: 'Какие документы нужны?',
        at: '2026-12-01T04:00:00Z',
        staff: null,
        cannedAnswer: null,
      },
    ],
  },
};
const CANNED: CannedAnswer = {
  id: 'c0a1b2c3-0000-4000-8000-000000000001',
  title: 'Documents for a birth',
  text: { tg: 'Маълумотномаро биёред.', ru: 'Принесите справку.', en: 'Bring the certificate.' },
  office: { id: OFFICE.id, name: OFFICE.name },
  active: true,
  updatedAt: '2026-12-01T04:00:00Z',
};

interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

function stubApi(who: Me, handle: (s: Sent) => Response | undefined = () => undefined) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://sabt.test');
      const s: Sent = {
        method: init?.method ?? 'GET',
        path: url.pathname.replace(/^\/api\/v1/, ''),
        query: url.searchParams,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        headers: new Headers(init?.headers),
      };
      sent.push(s);
      if (s.path === '/auth/session') return jsonResponse(200, { user: who });
      const given = handle(s);
      if (given) return given;
      if (s.path === '/questions') return jsonResponse(200, INBOX);
      if (s.path === `/questions/${ID}`) return jsonResponse(200, THREAD);
      if (s.path === '/canned-answers')
        return jsonResponse(200, { items: [CANNED], canManage: who.role === 'head_of_office' });
      if (s.path === '/offices') return jsonResponse(200, { items: [] });
      return jsonResponse(
        404,
        { type: 'about:blank', title: 'Not found', status: 404 },
        'application/problem+json',
      );
    }),
  );
  return { sent, writes: () => sent.filter((s) => s.method !== 'GET') };
}

function renderAt(who: Me, at: string) {
  const Shell = () => (
    <>
      <AppHeader me={who} />
      <Outlet />
    </>
  );
  const router = createMemoryRouter(
    [
      {
        path: '/',
        Component: Shell,
        children: [
          { index: true, Component: () => <h1>home</h1> },
          { path: 'questions', Component: InboxPage },
          { path: 'questions/canned', Component: CannedPage },
          { path: 'questions/:id', Component: QuestionPage },
        ],
      },
    ],
    { initialEntries: [at] },
  );
  renderWithProviders(
    <Suspense fallback={<p>loading</p>}>
      <RouterProvider router={router} />
    </Suspense>,
  );
  return router;
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const navLinks = () =>
  [...screen.getByRole('navigation', { name: shellEn.shell.mainNav }).querySelectorAll('a')].map((a) =>
    a.getAttribute('href'),
  );

describe('citizens’ questions in the workspace', () => {
  it.each([
    ['front_office', true],
    ['registrar', true],
    ['head_of_office', true],
    ['central_admin', true],
    ['archivist', false],
    ['auditor', false],
  ] as const)('the menu offers the questions to %s: %s', async (role, offered) => {
    stubApi(me(role));
    renderAt(me(role), '/');
    await screen.findByRole('heading', { name: 'home' });
    expect(navLinks().includes('/questions')).toBe(offered);
  });

  it('tells a role that answers no questions why, and asks the server nothing', async () => {
    const api = stubApi(me('archivist'));
    renderAt(me('archivist'), '/questions');
    expect(await screen.findByRole('heading', { level: 1, name: en.common.notForRole })).toBeTruthy();
    expect(api.sent.some((s) => s.path.startsWith('/questions'))).toBe(false);
  });

  it('shows the open questions in the order the server gives (oldest waiting first), with the counts, and another status on asking', async () => {
    const api = stubApi(me('front_office'));
    renderAt(me('front_office'), '/questions');
    await screen.findByRole('heading', { level: 1, name: en.inbox.title });
    const rows = await screen.findAllByRole('row');
    expect(rows.slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
      'Свидетельство о рождении',
      'Брак',
    ]);
    expect(rows[1]!.textContent).toContain('Russian');
    expect(screen.getByText(`${en.statuses.answered} (5)`)).toBeTruthy();
    expect(api.sent.find((s) => s.path === '/questions')!.query.get('status')).toBe('open');
    // a clerk sees their own office's inbox: no office asked
    expect(api.sent.find((s) => s.path === '/questions')!.query.get('office')).toBeNull();
    await userEvent.click(screen.getByText(`${en.statuses.answered} (5)`));
    await waitFor(() =>
      expect(api.sent.some((s) => s.path === '/questions' && s.query.get('status') === 'answered')).toBe(
        true,
      ),
    );
  });

  it('fills the answer from a canned answer in the question’s language and sends it as that canned answer', async () => {
    const api = stubApi(me('front_office'), (s) =>
      s.method === 'POST' && s.path === `/questions/${ID}/answers` ? jsonResponse(201, THREAD) : undefined,
    );
    renderAt(me('front_office'), `/questions/${ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Свидетельство о рождении' });
    expect(screen.getByText('Какие документы нужны?')).toBeTruthy();
    const answerBox = screen.getByRole('textbox', { name: en.thread.answer });
    const picker = screen.getByRole('combobox', { name: new RegExp(en.thread.pickCanned) });
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(2));
    await userEvent.selectOptions(picker, CANNED.id);
    await waitFor(() => expect((answerBox as HTMLTextAreaElement).value).toBe('Принесите справку.'));
    await userEvent.click(screen.getByRole('button', { name: en.thread.send }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]!.body).toEqual({ cannedAnswer: CANNED.id });
    expect(api.writes()[0]!.headers.get('idempotency-key')).toBeTruthy();
  });

  it('sends a changed text as free text, and says when the answer is empty', async () => {
    const api = stubApi(me('registrar'), (s) =>
      s.method === 'POST' && s.path === `/questions/${ID}/answers` ? jsonResponse(201, THREAD) : undefined,
    );
    renderAt(me('registrar'), `/questions/${ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Свидетельство о рождении' });
    await userEvent.click(screen.getByRole('button', { name: en.thread.send }));
    expect(await screen.findByText(en.thread.required)).toBeTruthy();
    expect(api.writes()).toHaveLength(0);
    await userEvent.type(screen.getByRole('textbox', { name: en.thread.answer }), 'Паспорт родителей.');
    await userEvent.click(screen.getByRole('button', { name: en.thread.send }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]!.body).toEqual({ text: 'Паспорт родителей.' });
  });

  it('lets the head of office keep a canned answer in three languages; a clerk only reads them', async () => {
    const api = stubApi(me('head_of_office'), (s) =>
      s.method === 'POST' && s.path === '/canned-answers' ? jsonResponse(201, CANNED) : undefined,
    );
    renderAt(me('head_of_office'), '/questions/canned');
    await screen.findByRole('heading', { level: 1, name: en.canned.title });
    expect(await screen.findByText('Принесите справку.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: en.canned.add }));
    const form = screen.getByRole('form', { name: en.canned.add });
    await userEvent.click(within(form).getByRole('button', { name: en.canned.save }));
    expect(within(form).getAllByText(en.canned.required)).toHaveLength(4);
    expect(api.writes()).toHaveLength(0);
    await userEvent.type(within(form).getByRole('textbox', { name: en.canned.heading }), 'Hours');
    await userEvent.type(within(form).getByRole('textbox', { name: en.canned.textTg }), 'Соати 8 то 17');
    await userEvent.type(within(form).getByRole('textbox', { name: en.canned.textRu }), 'С 8 до 17');
    await userEvent.type(within(form).getByRole('textbox', { name: en.canned.textEn }), '8 to 17');
    await userEvent.click(within(form).getByRole('button', { name: en.canned.save }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]!.body).toEqual({
      title: 'Hours',
      text: { tg: 'Соати 8 то 17', ru: 'С 8 до 17', en: '8 to 17' },
      active: true,
      office: OFFICE.id,
    });

    cleanup();
    stubApi(me('front_office'));
    renderAt(me('front_office'), '/questions/canned');
    await screen.findByText(en.canned.introReadOnly);
    expect(screen.queryByRole('button', { name: en.canned.add })).toBeNull();
    expect(screen.queryByRole('button', { name: `${en.canned.edit}: ${CANNED.title}` })).toBeNull();
  });
});
