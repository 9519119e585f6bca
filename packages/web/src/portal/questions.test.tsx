// @vitest-environment happy-dom
import type { PublicOffice, QuestionThread } from '@sabt/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Portal } from './app.tsx';
import { LANGUAGE_KEY } from './lib/i18n.tsx';

/** The portal's questions: asking an office, my questions, a thread and writing further, by a citizen. */

const FIRDAVSI: PublicOffice = {
  id: 'DU-03-00',
  parent: null,
  kind: 'district',
  region: 'DU',
  name: { tg: 'Шуъбаи Фирдавсӣ', ru: 'Отдел Фирдавси', en: 'Firdavsi office' },
  address: null,
  phone: null,
  hours: null,
  actKinds: [],
};
const CITIZEN = {
  id: 'c1',
  channel: 'email',
  contact: 'nigora@example.tj',
  language: 'en',
  since: '2026-12-01T08:00:00Z',
};
const ID = '0f4b1a62-2a57-4d3e-9c4b-6a0f3c1e2d55';
const thread = (over: Partial<QuestionThread> = {}): QuestionThread => ({
  id: ID,
  subject: 'Birth certificate',
  status: 'answered',
  language: 'en',
  office: { id: FIRDAVSI.id, name: FIRDAVSI.name },
  application: null,
  createdAt: '2026-12-01T08:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
  waitingSince: null,
  closedAt: null,
  messages: [
    {
      id: 'm1',
      from: 'citizen',
      text: 'What do I bring?\nThe child is 2 months old.',
      at: '2026-12-01T08:00:00Z',
      staff: null,
      cannedAnswer: null,
    },
    {
      id: 'm2',
      from: 'staff',
      text: 'Bring the medical certificate.',
      at: '2026-12-01T09:00:00Z',
      staff: null,
      cannedAnswer: null,
    },
  ],
  ...over,
});

interface Sent {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
}
let sent: Sent[];
let signedIn: boolean;
let answer: (s: Sent) => { status: number; body: unknown } | undefined;

beforeEach(() => {
  localStorage.clear();
  localStorage.setItem(LANGUAGE_KEY, 'en');
  sent = [];
  signedIn = true;
  answer = () => undefined;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const s: Sent = {
        method: init?.method ?? 'GET',
        path: new URL(String(input), 'http://sabt.test').pathname,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        headers: new Headers(init?.headers),
      };
      sent.push(s);
      const given = answer(s);
      const { status, body } = given ?? {
        status: 200,
        body:
          s.path === '/api/v1/portal/session'
            ? { citizen: signedIn ? CITIZEN : null }
            : s.path === '/api/v1/portal/offices'
              ? { items: [FIRDAVSI] }
              : { items: [] },
      };
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

const open = (path: string) => {
  window.history.replaceState(null, '', path);
  return render(<Portal />);
};

describe('questions to staff on the portal', () => {
  it('asks a signed-out visitor to sign in first, and offers no questions in the menu', async () => {
    signedIn = false;
    open('/portal/questions/new');
    expect(await screen.findByText('Sign in to ask a question.')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: /menu/i });
    expect(within(nav).queryByRole('link', { name: 'My questions' })).toBeNull();
    expect(sent.some((s) => s.path.startsWith('/api/v1/portal/questions'))).toBe(false);
  });

  it('asks an office a question: says what is missing, then sends it once with a key and opens the thread', async () => {
    answer = (s) =>
      s.method === 'POST' && s.path === '/api/v1/portal/questions'
        ? { status: 201, body: thread({ status: 'open', messages: [thread().messages[0]!] }) }
        : s.path === `/api/v1/portal/questions/${ID}`
          ? { status: 200, body: thread({ status: 'open', messages: [thread().messages[0]!] }) }
          : undefined;
    open('/portal/questions/new');
    await screen.findByRole('heading', { level: 1, name: 'A question to an office' });
    const form = await screen.findByRole('form', { name: 'A question to an office' });
    await userEvent.click(within(form).getByRole('button', { name: 'Send' }));
    expect(within(form).getAllByText('Fill this in.')).toHaveLength(3);
    expect(within(form).getByLabelText('Subject').getAttribute('aria-invalid')).toBe('true');
    expect(sent.some((s) => s.method === 'POST')).toBe(false);

    await userEvent.selectOptions(within(form).getByLabelText('Office'), 'DU-03-00');
    await userEvent.type(within(form).getByLabelText('Subject'), 'Birth certificate');
    await userEvent.type(within(form).getByLabelText('Your question'), 'What do I bring?');
    await userEvent.click(within(form).getByRole('radio', { name: 'Русский' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Send' }));

    await screen.findByRole('heading', { level: 1, name: 'Birth certificate' });
    const posted = sent.filter((s) => s.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toEqual({
      office: 'DU-03-00',
      subject: 'Birth certificate',
      text: 'What do I bring?',
      language: 'ru',
    });
    expect(posted[0]!.headers.get('idempotency-key')).toBeTruthy();
    expect(window.location.pathname).toBe(`/portal/questions/${ID}`);
  });

  it('shows the server’s refusal of a field beside it', async () => {
    answer = (s) =>
      s.method === 'POST'
        ? {
            status: 400,
            body: {
              type: 'about:blank',
              title: 'The request is not valid',
              status: 400,
              errors: [
                { path: 'subject', key: 'error.invalidCharacters', message: 'Characters not allowed' },
              ],
            },
          }
        : undefined;
    open('/portal/questions/new');
    const form = await screen.findByRole('form', { name: 'A question to an office' });
    await userEvent.selectOptions(within(form).getByLabelText('Office'), 'DU-03-00');
    await userEvent.type(within(form).getByLabelText('Subject'), 'Hello');
    await userEvent.type(within(form).getByLabelText('Your question'), 'Text');
    await userEvent.click(within(form).getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Characters not allowed')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The request is not valid');
  });

  it('lists my questions and shows a thread, the office answering, and writing further in it', async () => {
    answer = (s) => {
      if (s.path === '/api/v1/portal/questions' && s.method === 'GET') {
        const { messages: _, ...summary } = thread();
        return { status: 200, body: { items: [{ ...summary, messages: 2 }] } };
      }
      if (s.path === `/api/v1/portal/questions/${ID}`) return { status: 200, body: thread() };
      if (s.path === `/api/v1/portal/questions/${ID}/messages`)
        return {
          status: 201,
          body: thread({
            status: 'open',
            messages: [
              ...thread().messages,
              {
                id: 'm3',
                from: 'citizen',
                text: 'Copies too?',
                at: '2026-12-01T10:00:00Z',
                staff: null,
                cannedAnswer: null,
              },
            ],
          }),
        };
      return undefined;
    };
    open('/portal/questions');
    const nav = await screen.findByRole('navigation', { name: /menu/i });
    expect(within(nav).getByRole('link', { name: 'My questions' }).getAttribute('aria-current')).toBe('page');
    const row = await screen.findByRole('row', { name: /Birth certificate/ });
    expect(row.textContent).toContain('Answered');
    expect(row.textContent).toContain('Firdavsi office');
    await userEvent.click(within(row).getByRole('link', { name: 'Birth certificate' }));

    await screen.findByRole('heading', { level: 1, name: 'Birth certificate' });
    const items = within(screen.getByRole('list', { name: 'Messages' })).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.who')?.textContent?.split(',')[0])).toEqual([
      'You',
      'Office staff',
    ]);
    expect(items[0]!.textContent).toContain('The child is 2 months old.');

    const reply = screen.getByRole('form', { name: 'New message' });
    await userEvent.type(within(reply).getByLabelText('New message'), 'Copies too?');
    await userEvent.click(within(reply).getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Copies too?')).toBeTruthy();
    const post = sent.find((s) => s.method === 'POST')!;
    expect(post.body).toEqual({ text: 'Copies too?' });
    expect(post.headers.get('idempotency-key')).toBeTruthy();
    expect(screen.getByText(/Waiting for an answer/)).toBeTruthy();
  });

  it('tells that a closed question takes no more messages, and that another’s question is not there', async () => {
    answer = (s) =>
      s.path === `/api/v1/portal/questions/${ID}`
        ? { status: 200, body: thread({ status: 'closed', closedAt: '2026-12-02T08:00:00Z' }) }
        : s.path.startsWith('/api/v1/portal/questions/')
          ? { status: 404, body: { type: 'about:blank', title: 'There is no such question.', status: 404 } }
          : undefined;
    open(`/portal/questions/${ID}`);
    expect(await screen.findByText(/This question is closed/)).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'New message' })).toBeNull();
    cleanup();
    open('/portal/questions/11111111-2222-4333-8444-555555555555');
    expect(await screen.findByRole('heading', { level: 1, name: 'There is no such question.' })).toBeTruthy();
  });
});
