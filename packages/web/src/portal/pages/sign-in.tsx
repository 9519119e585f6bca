import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { PageTitle } from '../components/page-title.tsx';
import { ProblemError, postJson } from '../lib/api.ts';
import { useCitizen } from '../lib/citizen.tsx';
import { fill, useLocale } from '../lib/i18n.tsx';
import { navigate } from '../lib/router.tsx';

type Channel = 'email' | 'phone';
interface Sent {
  challenge: string;
  expiresAt: string;
  to: string;
}

/**
 * Signing in with a one-time code: the citizen gives an e-mail address or a phone number, the
 * server sends a code there, the citizen types it. The server's refusals are shown as it words
 * them, in the citizen's language, at the field they concern.
 */
export default function SignInPage() {
  const { m, locale } = useLocale();
  const s = m.signIn;
  const { refresh } = useCitizen();
  const id = useId();
  const [channel, setChannel] = useState<Channel>('email');
  const [contact, setContact] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sent) codeInput.current?.focus();
  }, [sent]);
  useEffect(() => {
    if (error) errorBox.current?.focus();
  }, [error]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(
        e instanceof ProblemError
          ? [e.message, ...e.fields.map((f) => f.message)].filter(Boolean).join(' ')
          : m.common.loadError,
      );
    } finally {
      setBusy(false);
    }
  };

  const ask = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const to = channel === 'email' ? { email: contact } : { phone: contact };
      const answer = await postJson<{ challenge: string; expiresAt: string }>(
        '/api/v1/portal/sign-in/code',
        { to, language: locale },
        locale,
      );
      setSent({ ...answer, to: contact.trim() });
      setCode('');
    });
  };

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (!sent) return;
    void run(async () => {
      await postJson('/api/v1/portal/sign-in', { challenge: sent.challenge, code: code.trim() }, locale);
      await refresh();
      navigate('/account');
    });
  };

  const minutes = sent ? Math.max(1, Math.round((Date.parse(sent.expiresAt) - Date.now()) / 60_000)) : 0;
  return (
    <>
      <PageTitle title={s.title}>{s.title}</PageTitle>
      <p>{s.intro}</p>
      {error && (
        <div role="alert" className="alert" tabIndex={-1} ref={errorBox} id={`${id}-error`}>
          {error}
        </div>
      )}
      {!sent ? (
        <form className="form" onSubmit={ask} aria-label={s.title} noValidate>
          <fieldset className="field">
            <legend>{s.by}</legend>
            {(['email', 'phone'] as const).map((c) => (
              <div className="check" key={c}>
                <input
                  type="radio"
                  id={`${id}-${c}`}
                  name={`${id}-channel`}
                  checked={channel === c}
                  onChange={() => {
                    setChannel(c);
                    setContact('');
                  }}
                />
                <label htmlFor={`${id}-${c}`}>{c === 'email' ? s.byEmail : s.byPhone}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-contact`}>{channel === 'email' ? s.email : s.phone}</label>
            {channel === 'phone' && (
              <span className="hint" id={`${id}-contact-hint`}>
                {s.phoneHint}
              </span>
            )}
            <input
              id={`${id}-contact`}
              type={channel === 'email' ? 'email' : 'tel'}
              autoComplete={channel === 'email' ? 'email' : 'tel'}
              required
              value={contact}
              onChange={(e) => setContact(e.target.value)}
              aria-describedby={channel === 'phone' ? `${id}-contact-hint` : undefined}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {s.send}
          </button>
        </form>
      ) : (
        <form className="form" onSubmit={confirm} aria-label={s.confirm} noValidate>
          <p role="status">{fill(s.sentTo, { to: sent.to, minutes })}</p>
          <div className="field">
            <label htmlFor={`${id}-code`}>{s.code}</label>
            <input
              id={`${id}-code`}
              ref={codeInput}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {s.confirm}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setSent(null);
              setError(null);
            }}
          >
            {s.another}
          </button>
        </form>
      )}
    </>
  );
}
