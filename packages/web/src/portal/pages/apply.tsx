import {
  type ActKindCode,
  type ApplicationKind,
  applicationService,
  type CitizenApplicationDetail,
  COPY_SERVICES,
  PORTAL_SERVICE_INFO,
  PORTAL_SERVICES,
} from '@sabt/core';
import { type FormEvent, useState } from 'react';
import { PageTitle } from '../components/page-title.tsx';
import { ProblemError, sendJson } from '../lib/api.ts';
import { useCitizen } from '../lib/citizen.tsx';
import { useLocale } from '../lib/i18n.tsx';
import { Link, navigate } from '../lib/router.tsx';

/** The services one applies for online: the acts (each with its own form), and a copy of a record. */
const ACT_KINDS_ONLINE = PORTAL_SERVICES.map((s) => PORTAL_SERVICE_INFO[s].actKind).filter(
  (k): k is ActKindCode => k !== null,
);
const GROUPS = [
  { id: 'acts', kinds: ACT_KINDS_ONLINE },
  { id: 'copies', kinds: COPY_SERVICES },
] as const;

/** Starting an application: the service chosen, a draft made, then its own page. */
export default function ApplyPage() {
  const { m, locale } = useLocale();
  const { citizen } = useCitizen();
  const [kind, setKind] = useState<ApplicationKind>('BIRTH');
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
          {GROUPS.map((g) => (
            <fieldset className="field" key={g.id}>
              <legend>{m.apply[g.id]}</legend>
              {g.kinds.map((k) => (
                <div className="field check" key={k}>
                  <input
                    type="radio"
                    id={`kind-${k}`}
                    name="kind"
                    value={k}
                    checked={kind === k}
                    onChange={() => setKind(k)}
                  />
                  <label htmlFor={`kind-${k}`}>{applicationService(k).title[locale]}</label>
                </div>
              ))}
            </fieldset>
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
