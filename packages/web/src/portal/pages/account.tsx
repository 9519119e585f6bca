import { applicationService, type CitizenApplication, formatDate, formatVerifyCode } from '@sabt/core';
import { LoadState } from '../components/load-state.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { getJson, postJson } from '../lib/api.ts';
import { applicationStatusLabel } from '../lib/application-status.ts';
import { useCitizen } from '../lib/citizen.tsx';
import { fill, useLocale } from '../lib/i18n.tsx';
import { Link, navigate } from '../lib/router.tsx';
import { useLoad } from '../lib/use-load.ts';
import { MyAppointments } from './appointments.tsx';

/** The signed-in citizen's page: who they are signed in as, their applications, signing out. */
export default function AccountPage() {
  const { m, locale } = useLocale();
  const a = m.account;
  const { citizen, refresh } = useCitizen();
  const applications = useLoad(
    () =>
      citizen
        ? getJson<{ items: CitizenApplication[] }>('/api/v1/portal/applications', locale)
        : Promise.resolve({ items: [] }),
    [citizen?.id],
  );

  if (citizen === undefined) return <p role="status">{m.common.loading}</p>;
  if (citizen === null)
    return (
      <>
        <PageTitle title={a.title}>{a.title}</PageTitle>
        <p>
          <Link to="/sign-in">{m.nav.signIn}</Link>
        </p>
      </>
    );

  const signOut = async () => {
    await postJson('/api/v1/portal/sign-out', undefined, locale).catch(() => undefined);
    await refresh();
    navigate('/');
  };

  return (
    <>
      <PageTitle title={a.title}>{a.title}</PageTitle>
      <p>{fill(a.signedInAs, { contact: citizen.contact })}</p>
      <h2>{a.applications}</h2>
      <p>
        <Link to="/apply">{m.apply.newApplication}</Link>
      </p>
      {applications.data ? (
        applications.data.items.length === 0 ? (
          <p>{a.noApplications}</p>
        ) : (
          <TableScroll label={a.applications}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{a.tracking}</th>
                  <th scope="col">{a.service}</th>
                  <th scope="col">{a.status}</th>
                  <th scope="col">{a.office}</th>
                </tr>
              </thead>
              <tbody>
                {applications.data.items.map((x) => (
                  <tr key={x.id}>
                    <th scope="row">
                      <Link to={`/applications/${x.id}`}>
                        {x.trackingCode ? formatVerifyCode(x.trackingCode) : a.statuses.draft} (
                        {formatDate(x.createdAt.slice(0, 10))})
                      </Link>
                    </th>
                    <td>{applicationService(x.kind).title[locale]}</td>
                    <td>{applicationStatusLabel(m, x)}</td>
                    <td>{x.office?.name[locale] ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )
      ) : (
        <LoadState state={applications} />
      )}
      <MyAppointments />
      <p>
        <button type="button" onClick={() => void signOut()}>
          {a.signOut}
        </button>
      </p>
    </>
  );
}
