import {
  calculateFee,
  FEE_LINE_LABELS,
  FEE_SERVICE_DEFINITIONS,
  FEE_SERVICE_GROUP_LABELS,
  FEE_SERVICE_GROUPS,
  FEE_SERVICES,
  type FeeService,
  formatDate,
  GENERAL_CATEGORY,
  itemsAt,
  parseShownDate,
  t,
} from '@sabt/core';
import { useId, useState } from 'react';
import { FeeTotal } from '../components/amount.tsx';
import { LoadState } from '../components/load-state.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { loadFeeRules, today } from '../lib/fees.ts';
import { useLocale } from '../lib/i18n.tsx';
import { navigate, useLocation } from '../lib/router.tsx';
import { useLoad } from '../lib/use-load.ts';

const isFeeService = (v: string | null): v is FeeService =>
  (FEE_SERVICES as readonly (string | null)[]).includes(v);

/**
 * The fee calculator: a service, the dates and the applicant's category give the itemised fee,
 * computed here by core's calculateFee on the rules the server keeps, as the office computes it.
 * The chosen service stays in the address (?service=), so a link can open it.
 */
export default function FeesPage() {
  const { m, locale } = useLocale();
  const f = m.fees;
  const { query } = useLocation();
  const rules = useLoad(() => loadFeeRules(locale), []);
  const asked = query.get('service');
  const service: FeeService = isFeeService(asked) ? asked : 'BIRTH_REG';
  const [eventDate, setEventDate] = useState('');
  const [applicationDate, setApplicationDate] = useState(() => formatDate(today()));
  const [category, setCategory] = useState(GENERAL_CATEGORY);
  const [consular, setConsular] = useState(false);
  const id = useId();
  const definition = FEE_SERVICE_DEFINITIONS[service];

  const application = parseShownDate(applicationDate);
  const event = parseShownDate(eventDate);
  const errors: { eventDate?: string; applicationDate?: string } = {};
  if (!application) errors.applicationDate = f.dateFormat;
  if (eventDate.trim() && !event) errors.eventDate = f.dateFormat;
  const outcome =
    rules.data && application && !errors.eventDate
      ? calculateFee(rules.data, {
          service,
          applicationDate: application,
          eventDate: event,
          category,
          consular,
        })
      : null;
  const issues = outcome && !outcome.ok ? outcome.issues : [];
  if (issues.some((i) => i.path[0] === 'eventDate') && !errors.eventDate)
    errors.eventDate = t(issues.find((i) => i.path[0] === 'eventDate')!.key, locale);
  const categories =
    rules.data && application
      ? itemsAt(rules.data, 'category', application).filter((c) => c.value.active)
      : [];

  const described = (field: 'eventDate' | 'applicationDate', hint: string) =>
    [errors[field] ? `${id}-${field}-error` : null, hint ? `${id}-${field}-hint` : null]
      .filter(Boolean)
      .join(' ');

  return (
    <>
      <PageTitle title={f.title}>{f.title}</PageTitle>
      <p>{f.intro}</p>
      {!rules.data && <LoadState state={rules} />}
      <form className="form" aria-label={f.title} onSubmit={(e) => e.preventDefault()} noValidate>
        <div className="field">
          <label htmlFor={`${id}-service`}>{f.service}</label>
          <select
            id={`${id}-service`}
            value={service}
            onChange={(e) => navigate(`/fees?service=${e.target.value}`, { replace: true })}
          >
            {FEE_SERVICE_GROUPS.map((g) => (
              <optgroup key={g} label={FEE_SERVICE_GROUP_LABELS[g][locale]}>
                {FEE_SERVICES.filter((s) => FEE_SERVICE_DEFINITIONS[s].group === g).map((s) => (
                  <option key={s} value={s}>
                    {FEE_SERVICE_DEFINITIONS[s].labels[locale]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {definition.needsEventDate && (
          <div className="field">
            <label htmlFor={`${id}-eventDate`}>{f.eventDate}</label>
            <span className="hint" id={`${id}-eventDate-hint`}>
              {f.eventDateHint}
            </span>
            <input
              id={`${id}-eventDate`}
              inputMode="numeric"
              autoComplete="off"
              value={eventDate}
              onChange={(e) => setEventDate(e.target.value)}
              aria-invalid={errors.eventDate ? true : undefined}
              aria-describedby={described('eventDate', f.eventDateHint)}
            />
            {errors.eventDate && (
              <span className="error" id={`${id}-eventDate-error`}>
                {errors.eventDate}
              </span>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-applicationDate`}>{f.applicationDate}</label>
          <span className="hint" id={`${id}-applicationDate-hint`}>
            {f.dateHint}
          </span>
          <input
            id={`${id}-applicationDate`}
            inputMode="numeric"
            autoComplete="off"
            value={applicationDate}
            onChange={(e) => setApplicationDate(e.target.value)}
            aria-invalid={errors.applicationDate ? true : undefined}
            aria-describedby={described('applicationDate', f.dateHint)}
          />
          {errors.applicationDate && (
            <span className="error" id={`${id}-applicationDate-error`}>
              {errors.applicationDate}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>{f.category}</label>
          <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value={GENERAL_CATEGORY}>—</option>
            {categories.map((c) => (
              <option key={c.key} value={c.key}>
                {c.value.labels[locale]}
              </option>
            ))}
          </select>
        </div>
        <div className="field check">
          <input
            id={`${id}-consular`}
            type="checkbox"
            checked={consular}
            onChange={(e) => setConsular(e.target.checked)}
          />
          <label htmlFor={`${id}-consular`}>{f.consular}</label>
        </div>
      </form>

      <section aria-labelledby={`${id}-result`} aria-live="polite">
        <h2 id={`${id}-result`}>{f.result}</h2>
        {outcome?.ok && (
          <>
            <p className="total">
              {f.total}: <FeeTotal fee={outcome.fee} />
            </p>
            <TableScroll label={f.result}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{f.line}</th>
                    <th scope="col">{f.amount}</th>
                    <th scope="col">{f.basis}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.fee.lines.map((line) => (
                    <tr key={line.ruleKey} data-line={line.kind}>
                      <th scope="row">{FEE_LINE_LABELS[line.kind][locale]}</th>
                      <td className="number">
                        {line.amount.text} {line.amount.currency === 'USD' ? 'USD' : m.common.somoni}
                        {!line.verified && <span className="note"> ({m.common.unverified})</span>}
                      </td>
                      <td>{line.basis[locale]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </section>
    </>
  );
}
