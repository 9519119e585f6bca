import {
  type ActKindCode,
  type CitizenApplicationDetail,
  PORTAL_SERVICE_INFO,
  PORTAL_SERVICES,
} from '@sabt/core';
import { type FormEvent, useState } from 'react';
import { PageTitle } from '../components/page-title.tsx';
import { ProblemError, sendJson } from '../lib/api.ts';
import { useCitizen } from '../lib/citizen.tsx';
import { useLocale } from '../lib/i18n.tsx';
import { Link, navigate } from '../lib/router.tsx';

/** The services one applies for online: the acts (each with its own form). */
const ACT_SERVICES = PORTAL_SERVICES.map((s) => PORTAL_SERVICE_INFO[s]).filter(
  (s): s is typeof s & { actKind: ActKindCode } => s.actKind !== null,
);

/** Starting an application: the service chosen, a draft made, then its own page. */
export default function ApplyPage() {
  const { m, locale } = useLocale();
  const { citizen } = useCitizen();
  const [kind, setKind] = useState<ActKindCode>('BIRTH');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => crypto.randomUUID());

  if (citizen === undefined) return <p role="status">{m.common.loading}</p>;
  if (citizen === null)
    return (
      <>
        <PageTitle title={m.apply.title}>{m.apply.title}</PageTitle>
        <p>{m.apply.intro}</p>
        <p>
          {m.apply.signInFirst} <Link to="/sign-in">{m.nav.signIn}</Link>
        </p>
      </>
    );

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const made = await sendJson<CitizenApplicationDetail>(
        'POST',
        '/api/v1/portal/applications',
        { kind },
        locale,
        key,
      );
      navigate(`/applications/${made.id}`);
    } catch (err) {
      setError(err instanceof ProblemError ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title={m.apply.title}>{m.apply.title}</PageTitle>
      <p>{m.apply.intro}</p>
      <form className="form" onSubmit={(e) => void start(e)}>
        <fieldset className="field">
          <legend>{m.apply.service}</legend>
          {ACT_SERVICES.map((s) => (
            <div className="field check" key={s.slug}>
              <input
                type="radio"
                id={`kind-${s.actKind}`}
                name="kind"
                value={s.actKind}
                checked={kind === s.actKind}
                onChange={() => setKind(s.actKind)}
              />
              <label htmlFor={`kind-${s.actKind}`}>{s.title[locale]}</label>
            </div>
          ))}
        </fieldset>
        {error && (
          <p role="alert" className="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {m.apply.start}
        </button>
      </form>
    </>
  );
}
