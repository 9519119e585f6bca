import type { QuestionSummary } from '@sabt/core';
import { formatInstant } from '../../lib/dates.ts';
import { LoadState } from '../components/load-state.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { getJson } from '../lib/api.ts';
import { useCitizen } from '../lib/citizen.tsx';
import { useLocale } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import { useLoad } from '../lib/use-load.ts';

/** The signed-in citizen's questions to staff (`/questions`), latest first, and asking a new one. */
export default function QuestionsPage() {
  const { m, locale } = useLocale();
  const q = m.questions;
  const { citizen } = useCitizen();
  const list = useLoad(
    () =>
      citizen
        ? getJson<{ items: QuestionSummary[] }>('/api/v1/portal/questions', locale)
        : Promise.resolve({ items: [] }),
    [citizen?.id, locale],
  );

  if (citizen === undefined) return <p role="status">{m.common.loading}</p>;
  return (
    <>
      <PageTitle title={q.title}>{q.title}</PageTitle>
      <p>{q.intro}</p>
      {citizen === null ? (
        <p>
          {q.signIn} <Link to="/sign-in">{m.nav.signIn}</Link>
        </p>
      ) : (
        <>
          <p>
            <Link to="/questions/new" className="button-link">
              {q.ask}
            </Link>
          </p>
          {list.data ? (
            list.data.items.length === 0 ? (
              <p>{q.none}</p>
            ) : (
              <TableScroll label={q.title}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{q.subject}</th>
                      <th scope="col">{q.status}</th>
                      <th scope="col">{q.office}</th>
                      <th scope="col">{q.updated}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((x) => (
                      <tr key={x.id}>
                        <th scope="row">
                          <Link to={`/questions/${x.id}`}>{x.subject}</Link>
                        </th>
                        <td>{q.statuses[x.status]}</td>
                        <td>{x.office.name[locale]}</td>
                        <td>{formatInstant(x.updatedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )
          ) : (
            <LoadState state={list} />
          )}
        </>
      )}
    </>
  );
}
