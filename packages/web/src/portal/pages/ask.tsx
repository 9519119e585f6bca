import {
  LOCALES,
  type Locale,
  type PublicOffice,
  QUESTION_SUBJECT_MAX,
  QUESTION_TEXT_MAX,
  type QuestionThread,
} from '@sabt/core';
import { useId, useRef, useState } from 'react';
import { LoadState } from '../components/load-state.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { getJson, newWriteKey, ProblemError, postJson } from '../lib/api.ts';
import { useCitizen } from '../lib/citizen.tsx';
import { useLocale } from '../lib/i18n.tsx';
import { Link, navigate } from '../lib/router.tsx';
import { useLoad } from '../lib/use-load.ts';

const LANGUAGE_NAMES: Record<Locale, string> = { tg: 'Тоҷикӣ', ru: 'Русский', en: 'English' };

/** Asking an office a question (`/questions/new`): the office, a subject, the text, the answer's language. */
export default function AskPage() {
  const { m, locale } = useLocale();
  const q = m.questions;
  const id = useId();
  const { citizen } = useCitizen();
  const offices = useLoad(
    () => getJson<{ items: PublicOffice[] }>('/api/v1/portal/offices', locale),
    [locale],
  );
  const [office, setOffice] = useState('');
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<Locale>(locale);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  // the same content sent again (an answer lost on the way) keeps its key: one question, not two
  const key = useRef<{ sig: string; key: string } | null>(null);

  if (citizen === undefined) return <p role="status">{m.common.loading}</p>;
  if (citizen === null)
    return (
      <>
        <PageTitle title={q.askTitle}>{q.askTitle}</PageTitle>
        <p>
          {q.signIn} <Link to="/sign-in">{m.nav.signIn}</Link>
        </p>
      </>
    );

  const missing = { office: !office, subject: !subject.trim(), text: !text.trim() };
  const fieldError = (path: string) =>
    (tried && missing[path as keyof typeof missing] ? q.required : undefined) ??
    problem?.fields.find((f) => f.path === path)?.message;

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing.office || missing.subject || missing.text) return;
    const body = { office, subject, text, language };
    const sig = JSON.stringify(body);
    if (key.current?.sig !== sig) key.current = { sig, key: newWriteKey() };
    setBusy(true);
    setProblem(null);
    try {
      const thread = await postJson<QuestionThread>(
        '/api/v1/portal/questions',
        body,
        locale,
        key.current.key,
      );
      navigate(`/questions/${thread.id}`);
    } catch (err) {
      setProblem(err instanceof ProblemError ? err : new ProblemError(0, String(err)));
      setTimeout(() => errorBox.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: 'subject' | 'text' | 'office') => ({
    id: `${id}-${name}`,
    'aria-invalid': fieldError(name) ? true : undefined,
    'aria-describedby': fieldError(name) ? `${id}-${name}-error` : undefined,
  });
  const error = (name: 'subject' | 'text' | 'office') =>
    fieldError(name) && (
      <span className="error" id={`${id}-${name}-error`}>
        {fieldError(name)}
      </span>
    );

  return (
    <>
      <PageTitle title={q.askTitle}>{q.askTitle}</PageTitle>
      <p>{q.askIntro}</p>
      <p>
        <Link to="/questions">{q.back}</Link>
      </p>
      {problem && (
        <div role="alert" className="alert" tabIndex={-1} ref={errorBox}>
          <p>
            {q.problem}: {problem.message}
          </p>
        </div>
      )}
      {!offices.data ? (
        <LoadState state={offices} />
      ) : (
        <form className="form" onSubmit={(e) => void send(e)} aria-label={q.askTitle} noValidate>
          <div className="field">
            <label htmlFor={`${id}-office`}>{q.office}</label>
            <select {...field('office')} required value={office} onChange={(e) => setOffice(e.target.value)}>
              <option value="">{q.chooseOffice}</option>
              {offices.data.items.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name[locale]}
                </option>
              ))}
            </select>
            {error('office')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-subject`}>{q.subject}</label>
            <input
              {...field('subject')}
              required
              maxLength={QUESTION_SUBJECT_MAX}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
            {error('subject')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>{q.text}</label>
            <span className="hint" id={`${id}-text-hint`}>
              {q.textHint}
            </span>
            <textarea
              {...field('text')}
              aria-describedby={[`${id}-text-hint`, fieldError('text') && `${id}-text-error`]
                .filter(Boolean)
                .join(' ')}
              required
              rows={6}
              maxLength={QUESTION_TEXT_MAX}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            {error('text')}
          </div>
          <fieldset className="field">
            <legend>{q.answerLanguage}</legend>
            {LOCALES.map((l) => (
              <div className="check" key={l}>
                <input
                  type="radio"
                  id={`${id}-lang-${l}`}
                  name={`${id}-lang`}
                  checked={language === l}
                  onChange={() => setLanguage(l)}
                />
                <label htmlFor={`${id}-lang-${l}`} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="primary" disabled={busy}>
            {q.send}
          </button>
        </form>
      )}
    </>
  );
}
