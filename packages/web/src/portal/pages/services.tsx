import { formatDate, PORTAL_SERVICE_INFO, PORTAL_SERVICES } from '@sabt/core';
import { FeeTotal } from '../components/amount.tsx';
import { LoadState } from '../components/load-state.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { feeOn, loadFeeRules, today } from '../lib/fees.ts';
import { fill, useLocale } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import { useLoad } from '../lib/use-load.ts';

/** Every service: what it is and what it costs today (its first fee service, by core's calculator). */
export default function ServicesPage() {
  const { m, locale } = useLocale();
  const rules = useLoad(() => loadFeeRules(locale), []);
  const on = today();
  return (
    <>
      <PageTitle title={m.services.title}>{m.services.title}</PageTitle>
      <p>{fill(m.services.intro, { date: formatDate(on) })}</p>
      {!rules.data && <LoadState state={rules} />}
      <ul className="cards services">
        {PORTAL_SERVICES.map((slug) => {
          const info = PORTAL_SERVICE_INFO[slug];
          const fee = rules.data ? feeOn(rules.data, info.fees[0]!, on) : null;
          return (
            <li key={slug}>
              <Link to={`/services/${slug}`}>{info.title[locale]}</Link>
              <p>{info.summary[locale]}</p>
              {fee && (
                <p className="price">
                  {m.services.cost}: <FeeTotal fee={fee} />
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
