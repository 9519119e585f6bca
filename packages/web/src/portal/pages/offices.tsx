import {
  formatDate,
  isPortalService,
  type OfficeHours,
  PORTAL_SERVICE_INFO,
  PORTAL_SERVICES,
  type PortalService,
  type PublicOffice,
  type PublicVisit,
  REGIONS,
  servicesAt,
  WEEKDAY_LABELS,
} from '@sabt/core';
import { useId } from 'react';
import { LoadState } from '../components/load-state.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { getJson } from '../lib/api.ts';
import { fill, useLocale } from '../lib/i18n.tsx';
import { navigate, useLocation } from '../lib/router.tsx';
import { useLoad } from '../lib/use-load.ts';

const CONSULATES = 'CN';

/**
 * The offices citizens apply at: address, telephone, opening hours and the services each offers
 * (core's servicesAt: jamoats the four acts they register), filtered by region and service (kept
 * in the address); then the mobile offices' schedule.
 */
export default function OfficesPage() {
  const { m, locale } = useLocale();
  const o = m.offices;
  const { query } = useLocation();
  const id = useId();
  const offices = useLoad(() => getJson<{ items: PublicOffice[] }>('/api/v1/portal/offices', locale), []);
  const visits = useLoad(() => getJson<{ items: PublicVisit[] }>('/api/v1/portal/visits', locale), []);
  const region = query.get('region') ?? '';
  const askedService = query.get('service') ?? '';
  const service: PortalService | '' = isPortalService(askedService) ? askedService : '';

  const choose = (name: 'region' | 'service', value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    const text = next.toString();
    navigate(`/offices${text ? `?${text}` : ''}`, { replace: true });
  };

  const shown = (offices.data?.items ?? []).filter(
    (office) =>
      (!region || office.region === region) && (!service || servicesAt(office.kind).includes(service)),
  );
  const regionName = (code: string | null) =>
    code === CONSULATES ? o.kinds.consulate : (REGIONS.find((r) => r.code === code)?.[locale] ?? '');

  return (
    <>
      <PageTitle title={o.title}>{o.title}</PageTitle>
      <p>{o.intro}</p>
      <form className="form filters" aria-label={o.title} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-region`}>{o.region}</label>
          <select id={`${id}-region`} value={region} onChange={(e) => choose('region', e.target.value)}>
            <option value="">{o.allRegions}</option>
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>
                {r[locale]}
              </option>
            ))}
            <option value={CONSULATES}>{o.kinds.consulate}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-service`}>{o.service}</label>
          <select id={`${id}-service`} value={service} onChange={(e) => choose('service', e.target.value)}>
            <option value="">{o.anyService}</option>
            {PORTAL_SERVICES.map((s) => (
              <option key={s} value={s}>
                {PORTAL_SERVICE_INFO[s].title[locale]}
              </option>
            ))}
          </select>
        </div>
      </form>

      {offices.data ? (
        <>
          <p role="status">{fill(o.count, { n: shown.length })}</p>
          <ul className="offices">
            {shown.map((office) => (
              <OfficeCard key={office.id} office={office} regionName={regionName(office.region)} />
            ))}
          </ul>
        </>
      ) : (
        <LoadState state={offices} />
      )}

      <h2 id={`${id}-visits`}>{o.visitsTitle}</h2>
      <p>{o.visitsIntro}</p>
      {visits.data ? (
        visits.data.items.length ? (
          <TableScroll label={o.visitsTitle}>
            <table aria-labelledby={`${id}-visits`}>
              <thead>
                <tr>
                  <th scope="col">{o.date}</th>
                  <th scope="col">{o.time}</th>
                  <th scope="col">{o.place}</th>
                  <th scope="col">{o.office}</th>
                </tr>
              </thead>
              <tbody>
                {visits.data.items.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      {formatDate(v.date)},{' '}
                      {WEEKDAY_LABELS[(new Date(`${v.date}T12:00:00Z`).getUTCDay() + 6) % 7]?.[locale]}
                    </th>
                    <td>
                      {v.from}–{v.to}
                    </td>
                    <td>{v.host ? `${v.host.name[locale]}: ${v.place}` : v.place}</td>
                    <td>{v.office.name[locale]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>{o.noVisits}</p>
        )
      ) : (
        <LoadState state={visits} />
      )}
    </>
  );
}

function OfficeCard({ office, regionName }: { office: PublicOffice; regionName: string }) {
  const { m, locale } = useLocale();
  const o = m.offices;
  const kind = office.kind in o.kinds ? o.kinds[office.kind as keyof typeof o.kinds] : office.kind;
  const offered = servicesAt(office.kind);
  return (
    <li className="office" data-office={office.id}>
      <h3>{office.name[locale]}</h3>
      <p className="note">
        {kind}
        {regionName && office.kind !== 'consulate' ? ` · ${regionName}` : ''}
      </p>
      <dl>
        <dt>{o.address}</dt>
        <dd>{office.address ? office.address[locale] : <span className="note">{o.notPublished}</span>}</dd>
        {office.phone && (
          <>
            <dt>{o.phone}</dt>
            <dd>
              <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`}>{office.phone}</a>
            </dd>
          </>
        )}
        <dt>{o.hours}</dt>
        <dd>
          {office.hours ? <Hours hours={office.hours} /> : <span className="note">{o.notPublished}</span>}
        </dd>
        <dt>{o.services}</dt>
        <dd>
          {offered.length === PORTAL_SERVICES.length
            ? o.allServices
            : offered.map((s) => PORTAL_SERVICE_INFO[s].title[locale]).join(', ')}
        </dd>
      </dl>
    </li>
  );
}

/** Opening hours: runs of days with the same hours ("Monday–Friday 08:00–17:00"). */
function Hours({ hours }: { hours: OfficeHours }) {
  const { locale } = useLocale();
  const day = (d: number) => WEEKDAY_LABELS[d - 1]?.[locale] ?? String(d);
  const days = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const consecutive = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
    return consecutive && sorted.length > 2
      ? `${day(sorted[0]!)}–${day(sorted[sorted.length - 1]!)}`
      : sorted.map(day).join(', ');
  };
  return (
    <ul className="plain">
      {hours.map((h) => (
        <li key={`${h.days.join()}-${h.opens}`}>
          {days(h.days)}: {h.opens}–{h.closes}
        </li>
      ))}
    </ul>
  );
}
