import { applicationService, type CitizenApplication, formatDate, formatVerifyCode } from '@sabt/core';
import { type FormEvent, useState } from 'react';
import { dateTextToValue } from '../../features/forms/lib/date-text.ts';
import { PageTitle } from '../components/page-title.tsx';
import { getJson, ProblemError } from '../lib/api.ts';
import { applicationStatusLabel } from '../lib/application-status.ts';
import { useLocale } from '../lib/i18n.tsx';

type Tracked = Pick<
  CitizenApplication,
  'kind' | 'status' | 'office' | 'message' | 'submittedAt' | 'updatedAt'
> & {
  trackingCode: string;
};

/** An application's status by its tracking code and the applicant's date of birth, without signing in. */
export default function TrackPage() {
  const { m, locale } = useLocale();
  const t = m.track;
  const [code, setCode] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [found, setFound] = useState<Tracked>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setFound(undefined);
    const q = new URLSearchParams({ code: code.trim(), birthDate: dateTextToValue(birthDate) ?? '' });
    try {
      setFound(await getJson<Tracked>(`/api/v1/portal/track?${q}`, locale));
    } catch (err) {
      setError(err instanceof ProblemError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const service = found && applicationService(found.kind);

  return (
    <>
      <PageTitle title={t.title}>{t.title}</PageTitle>
      <p>{t.intro}</p>
      <form className="form" onSubmit={(e) => void find(e)} noValidate>
        <div className="field">
          <label htmlFor="track-code">{t.code}</label>
          <input
            id="track-code"
            type="text"
            autoCapitalize="characters"
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="track-birth">{t.birthDate}</label>
          <input
            id="track-birth"
            type="text"
            inputMode="numeric"
            value={birthDate}
            onChange={(e) => setBirthDate(e.currentTarget.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t.find}
        </button>
      </form>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
      {found && (
        <section aria-live="polite">
          <h2>{formatVerifyCode(found.trackingCode)}</h2>
          <dl className="facts">
            <dt>{m.apply.service}</dt>
            <dd>{service?.title[locale] ?? found.kind}</dd>
            <dt>{m.apply.status}</dt>
            <dd>{applicationStatusLabel(m, found)}</dd>
            {found.office && (
              <>
                <dt>{m.apply.office}</dt>
                <dd>{found.office.name[locale]}</dd>
              </>
            )}
            {found.submittedAt && (
              <>
                <dt>{t.submittedAt}</dt>
                <dd>{formatDate(found.submittedAt.slice(0, 10))}</dd>
              </>
            )}
          </dl>
          {found.message && (
            <p className="alert">
              <strong>{m.apply.message}:</strong> {found.message}
            </p>
          )}
        </section>
      )}
    </>
  );
}
