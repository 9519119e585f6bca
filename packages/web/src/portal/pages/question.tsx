import { QUESTION_TEXT_MAX, type QuestionThread } from '@sabt/core';
import { useId, useRef, useState } from 'react';
import { formatInstant } from '../../lib/dates.ts';
import { LoadState } from '../components/load-state.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { getJson, newWriteKey, ProblemError, postJson } from '../lib/api.ts';
import { useCitizen } from '../lib/citizen.tsx';
import { useLocale } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import { useLoad } from '../lib/use-load.ts';

/** One of the citizen's questions (`/questions/:id`): its messages, oldest first, and writing further. */
export default function QuestionPage({ id }: { id: string }) {
  const { m, locale } = useLocale();
  const q = m.questions;
  const { citizen } = useCitizen();
  const [thread, setThread] = useState<QuestionThread | null>(null);
  const loaded = useLoad(
    () =>
      citizen
        ? getJson<QuestionThread>(`/api/v1/portal/questions/${id}`, locale).then((t) => {
            setThread(t);
            return t;
          })
        : Promise.resolve(null),
    [citizen?.id, id, locale],
  );

  if (citizen === undefined) return <p role="status">{m.common.loading}</p>;
  if (citizen === null)
    return (
      <>
        <PageTitle title={q.title}>{q.title}</PageTitle>
        <p>
          {q.signIn} <Link to="/sign-in">{m.nav.signIn}</Link>
        </p>
      </>
    );
  if (loaded.error instanceof ProblemError && loaded.error.status === 404)
    return (
      <>
        <PageTitle title={q.notFound}>{q.notFound}</PageTitle>
        <p>
          <Link to="/questions">{q.back}</Link>
        </p>
      </>
    );
  if (!thread) return <LoadState state={loaded} />;

  return (
    <>
      <PageTitle title={thread.subject}>{thread.subject}</PageTitle>
      <p>
        {thread.office.name[locale]} · {q.statuses[thread.status]}
      </p>
      <p>
        <Link to="/questions">{q.back}</Link>
      </p>
      <h2>{q.thread}</h2>
      <ol className="thread" aria-label={q.thread}>
        {thread.messages.map((msg) => (
          <li key={msg.id} className={msg.from}>
            <p className="who">
              {msg.from === 'citizen' ? q.you : q.staff},{' '}
              <time dateTime={msg.at}>{formatInstant(msg.at)}</time>
            </p>
            <p className="text">{msg.text}</p>
          </li>
        ))}
      </ol>
      {thread.status === 'closed' ? (
        <p role="status">
          {q.closed} <Link to="/questions/new">{q.ask}</Link>
        </p>
      ) : (
        <Reply thread={thread} onSent={setThread} />
      )}
    </>
  );
}

function Reply({ thread, onSent }: { thread: QuestionThread; onSent: (t: QuestionThread) => void }) {
  const { m, locale } = useLocale();
  const q = m.questions;
  const id = useId();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const key = useRef<{ sig: string; key: string } | null>(null);
  const error =
    (tried && !text.trim() ? q.required : undefined) ??
    problem?.fields.find((f) => f.path === 'text')?.message;

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!text.trim()) return;
    const sig = JSON.stringify([thread.id, text]);
    if (key.current?.sig !== sig) key.current = { sig, key: newWriteKey() };
    setBusy(true);
    setProblem(null);
    try {
      const t = await postJson<QuestionThread>(
        `/api/v1/portal/questions/${thread.id}/messages`,
        { text },
        locale,
        key.current.key,
      );
      setText('');
      setTried(false);
      key.current = null;
      onSent(t);
    } catch (err) {
      setProblem(err instanceof ProblemError ? err : new ProblemError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void send(e)} aria-label={q.reply} noValidate>
      {problem && !problem.fields.length && (
        <div role="alert" className="alert">
          <p>
            {q.problem}: {problem.message}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-text`}>{q.reply}</label>
        <textarea
          id={`${id}-text`}
          required
          rows={4}
          maxLength={QUESTION_TEXT_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-text-error` : undefined}
        />
        {error && (
          <span className="error" id={`${id}-text-error`} role="alert">
            {error}
          </span>
        )}
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {q.replySend}
      </button>
    </form>
  );
}
