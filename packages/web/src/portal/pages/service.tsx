import {
  FEE_SERVICE_DEFINITIONS,
  formatDate,
  isPortalService,
  officeKindsOffering,
  PORTAL_SERVICE_INFO,
} from '@sabt/core';
import { FeeTotal } from '../components/amount.tsx';
import { LoadState } from '../components/load-state.tsx';
import { NotFound, PageTitle } from '../components/page-title.tsx';
import { feeOn, loadFeeRules, today } from '../lib/fees.ts';
import { useLocale } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import { useLoad } from '../lib/use-load.ts';

/** One service: who may apply, what to bring, the deadline, how long it takes, what it costs today, where. */
export default function ServicePage({ slug }: { slug: string }) {
  const { m, locale } = useLocale();
  const rules = useLoad(() => loadFeeRules(locale), []);
  if (!isPortalService(slug)) return <NotFound />;
  const info = PORTAL_SERVICE_INFO[slug];
  const s = m.services;
  const on = today();
  const kinds = officeKindsOffering(slug).filter(
    (k): k is keyof typeof m.offices.kinds => k in m.offices.kinds,
  );
  return (
    <>
      <p className="crumbs">
        <Link to="/services">{s.allServices}</Link>
      </p>
      <PageTitle title={info.title[locale]}>{info.title[locale]}</PageTitle>
      <p className="lead">{info.summary[locale]}</p>

      <h2>{s.who}</h2>
      <ul>
        {info.who.map((w) => (
          <li key={w.en}>{w[locale]}</li>
        ))}
      </ul>

      <h2>{s.documents}</h2>
      <ul>
        {info.documents.map((d) => (
          <li key={d.en}>{d[locale]}</li>
        ))}
      </ul>

      <h2>{s.deadline}</h2>
      <p>{info.deadline[locale]}</p>

      <h2>{s.duration}</h2>
      <p>{info.duration[locale]}</p>

      <h2>
        {s.cost} ({formatDate(on)})
      </h2>
      {rules.data ? (
        <ul className="prices">
          {info.fees.map((code) => {
            const fee = feeOn(rules.data!, code, on);
            return (
              <li key={code} data-service={code}>
                {FEE_SERVICE_DEFINITIONS[code].labels[locale]}: {fee ? <FeeTotal fee={fee} /> : '—'}
              </li>
            );
          })}
        </ul>
      ) : (
        <LoadState state={rules} />
      )}
      <p>
        <Link to={`/fees?service=${info.fees[0]}`}>{s.calculatorLink}</Link>
      </p>

      <h2>{s.where}</h2>
      <p>{kinds.map((k) => m.offices.kinds[k]).join(', ')}</p>
      <p>
        <Link to={`/offices?service=${slug}`}>{s.officesLink}</Link>
      </p>
    </>
  );
}
