import {
  type Appointment,
  type CitizenApplicationDetail,
  type FreeSlot,
  formatDate,
  formatVerifyCode,
  type Locale,
  PORTAL_SERVICE_INFO,
  type PortalService,
  type PublicOffice,
  servicesAt,
  WEEKDAY_LABELS,
} from '@sabt/core';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { LoadState } from '../components/load-state.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { getJson, postJson } from '../lib/api.ts';
import { useCitizen } from '../lib/citizen.tsx';
import { fill, useLocale } from '../lib/i18n.tsx';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { useLoad } from '../lib/use-load.ts';

/** A day as a citizen reads it: the day of the week (core WEEKDAY_LABELS, Monday first) and the date. */
export function dayName(date: string, locale: Locale): string {
  const iso = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return `${WEEKDAY_LABELS[iso - 1]?.[locale]}, ${formatDate(date)}`;
}

/**
 * Booking an appointment: an office, then a day with free time, then a time (the office's free
 * slots of the next two weeks), and what one comes for; or, from the account page
 * (`?move=<id>&office=<id>`), another time for an appointment one has; or, from an application's
 * page (`?application=<id>&office=<id>`), a visit for that application at its office. The server
 * decides: a place just taken by someone else is refused in the citizen's language and the times
 * reloaded.
 */
export default function AppointmentsPage() {
  const { m, locale } = useLocale();
  const a = m.appointments;
  const { query } = useLocation();
  const { citizen } = useCitizen();
  const id = useId();
  const moving = query.get('move');
  const forApplication = moving ? null : query.get('application');
  const [office, setOffice] = useState(query.get('office') ?? '');
  const [day, setDay] = useState('');
  const [slot, setSlot] = useState('');
  const [purpose, setPurpose] = useState<PortalService | ''>('');
  const [refusal, setRefusal] = useState('');
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ what: string; key: string } | null>(null);

  const offices = useLoad(() => getJson<{ items: PublicOffice[] }>('/api/v1/portal/offices', locale), []);
  const slots = useLoad(
    () =>
      office
        ? getJson<{ items: FreeSlot[] }>(`/api/v1/portal/slots?office=${encodeURIComponent(office)}`, locale)
        : Promise.resolve({ items: [] }),
    [office],
  );
  const mine = useLoad(
    () =>
      moving && citizen
        ? getJson<{ items: Appointment[] }>('/api/v1/portal/appointments', locale)
        : Promise.resolve({ items: [] }),
    [moving, citizen?.id],
  );
  const current = mine.data?.items.find((x) => x.id === moving);
  const application = useLoad(
    () =>
      forApplication && citizen
        ? getJson<CitizenApplicationDetail>(`/api/v1/portal/applications/${forApplication}`, locale)
        : Promise.resolve(null),
    [forApplication, citizen?.id],
  );

  const days = useMemo(() => {
    const byDay = new Map<string, FreeSlot[]>();
    for (const s of slots.data?.items ?? []) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s]);
    return byDay;
  }, [slots.data]);
  const chosenDay = days.has(day) ? day : ([...days.keys()][0] ?? '');
  const chosenOffice = offices.data?.items.find((o) => o.id === office);

  /** The same action sent again (a lost answer) keeps its key, so it is done once. */
  const keyFor = (what: string) => {
    if (attempt.current?.what !== what) attempt.current = { what, key: crypto.randomUUID() };
    return attempt.current.key;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!slot) return;
    setBusy(true);
    setRefusal('');
    try {
      const done = moving
        ? await postJson<Appointment>(
            `/api/v1/portal/appointments/${moving}/move`,
            { slot },
            locale,
            keyFor(`move ${moving} ${slot}`),
          )
        : await postJson<Appointment>(
            '/api/v1/portal/appointments',
            {
              slot,
              ...(purpose ? { purpose } : {}),
              ...(forApplication ? { application: forApplication } : {}),
            },
            locale,
            keyFor(`book ${slot} ${purpose} ${forApplication}`),
          );
      const note = fill(moving ? a.moved : a.booked, {
        date: dayName(done.date, locale),
        time: done.start,
      });
      navigate(
        done.application
          ? `/applications/${done.application.id}`
          : `/account?done=${encodeURIComponent(note)}`,
      );
    } catch (err) {
      setRefusal(err instanceof Error ? err.message : String(err));
      setSlot('');
      slots.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title={a.title}>{a.title}</PageTitle>
      <p>{a.intro}</p>
      {moving && current && (
        <p className="lead">{fill(a.moving, { date: dayName(current.date, locale), time: current.start })}</p>
      )}
      {application.data?.trackingCode && (
        <p className="lead">
          {fill(a.forApplication, { code: formatVerifyCode(application.data.trackingCode) })}
        </p>
      )}
      {citizen === null && (
        <p className="lead">
          {a.signInFirst} <Link to="/sign-in">{m.nav.signIn}</Link>
        </p>
      )}
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-office`}>{a.office}</label>
          {offices.data ? (
            <select
              id={`${id}-office`}
              value={office}
              disabled={Boolean(moving || forApplication)}
              onChange={(e) => {
                setOffice(e.target.value);
                setDay('');
                setSlot('');
                setPurpose('');
              }}
            >
              <option value="">{a.chooseOffice}</option>
              {offices.data.items.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name[locale]}
                </option>
              ))}
            </select>
          ) : (
            <LoadState state={offices} />
          )}
        </div>
        {refusal && (
          <div role="alert" className="alert" id={`${id}-refusal`}>
            <p>{refusal}</p>
          </div>
        )}
        {office &&
          (!slots.data ? (
            <LoadState state={slots} />
          ) : days.size === 0 ? (
            <p role="status">{a.noSlots}</p>
          ) : (
            <>
              <fieldset className="field choices">
                <legend>{a.day}</legend>
                {[...days.keys()].map((d) => (
                  <label key={d} className="check">
                    <input
                      type="radio"
                      name={`${id}-day`}
                      value={d}
                      checked={d === chosenDay}
                      onChange={() => {
                        setDay(d);
                        setSlot('');
                      }}
                    />{' '}
                    {dayName(d, locale)}
                  </label>
                ))}
              </fieldset>
              <fieldset className="field choices">
                <legend>
                  {a.times} — {dayName(chosenDay, locale)}
                </legend>
                {(days.get(chosenDay) ?? []).map((s) => (
                  <label key={s.id} className="check">
                    <input
                      type="radio"
                      name={`${id}-slot`}
                      value={s.id}
                      checked={s.id === slot}
                      onChange={() => setSlot(s.id)}
                    />{' '}
                    {s.start}–{s.end} ({fill(a.free, { n: s.free })})
                  </label>
                ))}
              </fieldset>
              {!moving && !forApplication && chosenOffice && (
                <div className="field">
                  <label htmlFor={`${id}-purpose`}>{a.purpose}</label>
                  <select
                    id={`${id}-purpose`}
                    value={purpose}
                    onChange={(e) => setPurpose(e.target.value as PortalService | '')}
                  >
                    <option value="">{a.noPurpose}</option>
                    {servicesAt(chosenOffice.kind).map((s) => (
                      <option key={s} value={s}>
                        {PORTAL_SERVICE_INFO[s].title[locale]}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <p>
                <button type="submit" className="primary" disabled={!slot || busy || !citizen}>
                  {moving ? a.move : a.book}
                </button>
              </p>
            </>
          ))}
      </form>
    </>
  );
}

/** The citizen's appointments on their account page: when, where, and another time or a cancellation. */
export function MyAppointments() {
  const { m, locale } = useLocale();
  const a = m.appointments;
  const { query } = useLocation();
  const list = useLoad(() => getJson<{ items: Appointment[] }>('/api/v1/portal/appointments', locale), []);
  const [note, setNote] = useState(query.get('done') ?? '');
  const [refusal, setRefusal] = useState('');
  const keys = useRef(new Map<string, string>());

  const cancel = async (x: Appointment) => {
    if (!window.confirm(fill(a.confirmCancel, { date: dayName(x.date, locale), time: x.start }))) return;
    setRefusal('');
    setNote('');
    const key = keys.current.get(x.id) ?? crypto.randomUUID();
    keys.current.set(x.id, key);
    try {
      await postJson(`/api/v1/portal/appointments/${x.id}/cancel`, undefined, locale, key);
      setNote(a.cancelled);
    } catch (err) {
      setRefusal(err instanceof Error ? err.message : String(err));
    }
    list.reload();
  };

  // the browser's day: the server refuses what has passed anyway
  const today = new Date().toLocaleDateString('en-CA');
  return (
    <section aria-labelledby="my-appointments">
      <h2 id="my-appointments">{a.mine}</h2>
      {note && <p role="status">{note}</p>}
      {refusal && (
        <div role="alert" className="alert">
          <p>{refusal}</p>
        </div>
      )}
      {!list.data ? (
        <LoadState state={list} />
      ) : list.data.items.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <ul className="offices">
          {list.data.items.map((x) => {
            const live = x.status === 'booked' && x.date >= today;
            return (
              <li key={x.id} className="office">
                <p>
                  <strong>
                    {dayName(x.date, locale)}, {x.start}–{x.end}
                  </strong>
                  <br />
                  {x.office.name[locale]}
                  {x.purpose && ` — ${PORTAL_SERVICE_INFO[x.purpose].title[locale]}`}
                  {x.application && (
                    <>
                      <br />
                      <Link to={`/applications/${x.application.id}`}>
                        {fill(a.forApplication, { code: formatVerifyCode(x.application.trackingCode) })}
                      </Link>
                    </>
                  )}
                  <br />
                  {x.status === 'booked'
                    ? a.statusBooked
                    : x.cancelledBy === 'office'
                      ? a.byOffice
                      : a.statusCancelled}
                </p>
                {live && (
                  <p className="actions">
                    <Link to={`/appointments?move=${x.id}&office=${encodeURIComponent(x.office.id)}`}>
                      {a.moveLink}
                      <span className="visually-hidden">
                        {' '}
                        ({dayName(x.date, locale)}, {x.start})
                      </span>
                    </Link>{' '}
                    <button type="button" onClick={() => void cancel(x)}>
                      {a.cancel}
                      <span className="visually-hidden">
                        {' '}
                        ({dayName(x.date, locale)}, {x.start})
                      </span>
                    </button>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <Link to="/appointments">{a.bookLink}</Link>
      </p>
    </section>
  );
}

/**
 * An application's visit on its page: the day, time and office of its coming appointment, or a
 * link to book one at the application's office once it is sent (the server keeps one per application).
 */
export function ApplicationVisitFacts({ app }: { app: CitizenApplicationDetail }) {
  const { m, locale } = useLocale();
  const a = m.appointments;
  if (!app.trackingCode || app.status === 'draft' || !app.office) return null;
  const visit = app.appointment;
  return (
    <>
      <dt>{a.visit}</dt>
      <dd>
        {visit ? (
          fill(a.visitAt, {
            date: dayName(visit.date, locale),
            time: visit.start,
            end: visit.end,
            office: visit.office.name[locale],
          })
        ) : (
          <Link to={`/appointments?office=${encodeURIComponent(app.office.id)}&application=${app.id}`}>
            {a.bookVisit}
          </Link>
        )}
      </dd>
    </>
  );
}
