import {
  type ActKindCode,
  applicationService,
  type CitizenApplicationDetail,
  type CitizenAttachment,
  COPY_REQUEST_LABELS,
  formatDate,
  formatVerifyCode,
  isCopyService,
  officeKindsOffering,
  type PublicOffice,
} from '@sabt/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { catalogueOf } from '../../features/forms/catalogue/index.ts';
import type { Values } from '../../features/forms/lib/catalogue-types.ts';
import { dateTextToValue } from '../../features/forms/lib/date-text.ts';
import { labelIndex, labelOf } from '../../features/forms/lib/field-labels.ts';
import { toData } from '../../features/forms/lib/form-model.ts';
import { ActForm, fieldId } from '../components/act-form.tsx';
import { AttachmentList } from '../components/attachment-list.tsx';
import { CopyForm } from '../components/copy-form.tsx';
import { LoadState } from '../components/load-state.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { getJson, ProblemError, sendJson } from '../lib/api.ts';
import { applicationStatusLabel } from '../lib/application-status.ts';
import { fill, useLocale } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import { useLoad } from '../lib/use-load.ts';
import { ApplicationVisitFacts } from './appointments.tsx';

/**
 * One of the citizen's applications: while a draft (or returned for correction) the office, the
 * form (an act's, or a request for a copy of a record), the scans and the sending; once sent its
 * tracking code and status.
 */
export default function ApplicationPage({ id }: { id: string }) {
  const { m, locale } = useLocale();
  const loaded = useLoad(
    () => getJson<CitizenApplicationDetail>(`/api/v1/portal/applications/${id}`, locale),
    [id],
  );
  if (!loaded.data) {
    if (loaded.error instanceof ProblemError && loaded.error.status === 401)
      return (
        <>
          <PageTitle title={m.apply.title}>{m.apply.title}</PageTitle>
          <p>
            {m.apply.signInFirst} <Link to="/sign-in">{m.nav.signIn}</Link>
          </p>
        </>
      );
    return <LoadState state={loaded} />;
  }
  return <Application initial={loaded.data} />;
}

function Application({ initial }: { initial: CitizenApplicationDetail }) {
  const { m, locale } = useLocale();
  const a = m.apply;
  const [app, setApp] = useState(initial);
  const [values, setValues] = useState<Values>(initial.data);
  const [office, setOffice] = useState(initial.office?.id ?? '');
  const [birthDate, setBirthDate] = useState('');
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<ProblemError>();
  const [busy, setBusy] = useState(false);
  const copy = isCopyService(app.kind) ? app.kind : null;
  const catalogue = copy ? null : catalogueOf(app.kind as ActKindCode)!;
  const service = applicationService(app.kind);
  const title = service.title[locale];
  const editable = app.status === 'draft' || app.status === 'needs-correction';
  const offices = useLoad(() => getJson<{ items: PublicOffice[] }>('/api/v1/portal/offices', locale), []);
  const offering = officeKindsOffering(service.slug);
  const choices = (offices.data?.items ?? []).filter((o) =>
    copy ? offering.includes(o.kind) : o.actKinds.includes(app.kind as ActKindCode),
  );
  const labels = useMemo(() => (catalogue ? labelIndex(catalogue, locale) : null), [catalogue, locale]);
  const fieldLabel = (path: string) =>
    labels
      ? labelOf(labels, path)
      : path === 'birthDate'
        ? a.birthDate
        : path === 'office'
          ? a.office
          : (COPY_REQUEST_LABELS[path]?.[locale] ?? path);
  const invalid = useMemo(
    () => new Set((problem?.fields ?? []).map((f) => f.path.replace(/^data\./, ''))),
    [problem],
  );
  useEffect(() => {
    if (problem) document.getElementById('problem')?.focus();
  }, [problem]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    setNotice(undefined);
    try {
      await action();
    } catch (err) {
      setProblem(err instanceof ProblemError ? err : new ProblemError(0, String(err)));
    } finally {
      setBusy(false);
    }
  };
  const url = `/api/v1/portal/applications/${app.id}`;
  const save = () =>
    sendJson<CitizenApplicationDetail>(
      'PUT',
      url,
      { office: office || null, data: catalogue ? toData(catalogue, values) : values },
      locale,
    );

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setApp(await save());
      setNotice(a.saved);
    });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await save();
      const sent = await sendJson<CitizenApplicationDetail>(
        'POST',
        `${url}/submit`,
        { birthDate: dateTextToValue(birthDate) ?? '' },
        locale,
      );
      setApp(sent);
      setNotice(fill(a.submitted, { code: formatVerifyCode(sent.trackingCode!) }));
    });
  };
  const onAttach = (file: File | undefined) => {
    if (!file) return;
    void run(async () => {
      const content = await toBase64(file);
      const added = await sendJson<CitizenAttachment>(
        'POST',
        `${url}/attachments`,
        { fileName: file.name, content },
        locale,
      );
      setApp((x) => ({ ...x, attachments: [...x.attachments, added] }));
    });
  };
  const onRemove = (fileId: string) =>
    void run(async () => {
      await sendJson('POST', `${url}/attachments/${fileId}/remove`, undefined, locale);
      setApp((x) => ({ ...x, attachments: x.attachments.filter((f) => f.id !== fileId) }));
    });

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <dl className="facts">
        <dt>{a.status}</dt>
        <dd>{applicationStatusLabel(m, app)}</dd>
        {app.trackingCode && (
          <>
            <dt>{a.trackingCode}</dt>
            <dd className="code">{formatVerifyCode(app.trackingCode)}</dd>
          </>
        )}
        {!editable && app.office && (
          <>
            <dt>{a.office}</dt>
            <dd>{app.office.name[locale]}</dd>
          </>
        )}
        {app.submittedAt && (
          <>
            <dt>{m.track.submittedAt}</dt>
            <dd>{formatDate(app.submittedAt.slice(0, 10))}</dd>
          </>
        )}
        <ApplicationVisitFacts app={app} />
      </dl>
      {app.message && (
        <div className="alert" role="note">
          <strong>{a.message}:</strong> {app.message}
        </div>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {problem && (
        <div id="problem" role="alert" className="alert" tabIndex={-1}>
          <p>{problem.message}</p>
          {problem.fields.length > 0 && (
            <ul>
              {problem.fields.map((f) => {
                const path = f.path.replace(/^data\./, '');
                return (
                  <li key={f.path}>
                    <a href={`#${path === 'attachments' ? 'f-attach' : fieldId(path)}`}>{fieldLabel(path)}</a>
                    : {f.message}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      {editable && (
        <>
          <form className="form" onSubmit={onSave} noValidate>
            <div className="field">
              <label htmlFor="f-office">{a.office}</label>
              <span className="hint" id="f-office-hint">
                {copy ? a.copyOfficeHint : a.officeHint}
              </span>
              <select
                id="f-office"
                aria-describedby="f-office-hint"
                aria-invalid={invalid.has('office') || undefined}
                value={office}
                onChange={(e) => setOffice(e.currentTarget.value)}
              >
                <option value="">{a.chooseOffice}</option>
                {choices.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name[locale]}
                  </option>
                ))}
              </select>
            </div>
            {catalogue ? (
              <>
                <h2>{a.form}</h2>
                <ActForm catalogue={catalogue} values={values} onChange={setValues} invalid={invalid} />
              </>
            ) : (
              <>
                <p>{a.copyIntro}</p>
                <CopyForm service={copy!} values={values} onChange={setValues} invalid={invalid} />
              </>
            )}
            <button type="submit" disabled={busy}>
              {a.save}
            </button>
          </form>
          <h2>{a.attachments}</h2>
          <AttachmentList
            attachments={app.attachments}
            url={url}
            empty={a.noAttachments}
            remove={{ label: a.remove, busy, onRemove }}
          />
          <div className="field">
            <label htmlFor="f-attach">{a.attach}</label>
            <span className="hint" id="f-attach-hint">
              {copy ? a.copyAttachHint : a.attachHint}
            </span>
            <input
              id="f-attach"
              type="file"
              accept="application/pdf,image/jpeg,image/png,image/tiff"
              aria-describedby="f-attach-hint"
              aria-invalid={invalid.has('attachments') || undefined}
              disabled={busy}
              onChange={(e) => {
                onAttach(e.currentTarget.files?.[0]);
                e.currentTarget.value = '';
              }}
            />
          </div>
          <h2>{a.submitTitle}</h2>
          <form className="form" onSubmit={onSubmit} noValidate>
            <div className="field">
              <label htmlFor="f-birthDate">{a.birthDate}</label>
              <span className="hint" id="f-birthDate-hint">
                {a.birthDateHint}
              </span>
              <input
                id="f-birthDate"
                type="text"
                inputMode="numeric"
                autoComplete="bday"
                aria-describedby="f-birthDate-hint"
                aria-invalid={invalid.has('birthDate') || undefined}
                value={birthDate}
                onChange={(e) => setBirthDate(e.currentTarget.value)}
              />
            </div>
            <button type="submit" className="primary" disabled={busy}>
              {a.submit}
            </button>
          </form>
        </>
      )}
      {!editable && (
        <>
          <h2>{a.attachments}</h2>
          <AttachmentList attachments={app.attachments} url={url} empty={a.noAttachments} />
        </>
      )}
      <p>
        <Link to="/account">{m.account.applications}</Link>
      </p>
    </>
  );
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
