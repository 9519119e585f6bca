import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  adminReach,
  type DayAppointment,
  formatDate,
  formatVerifyCode,
  mayReadAppointmentDay,
  PORTAL_SERVICE_INFO,
  type Slot,
  type SlotSeries,
  startsRecords,
  todayIn,
  WEEKDAY_LABELS,
} from '@sabt/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { DialogFooter } from '../../components/dialog-footer.tsx';
import { FormPanel } from '../../components/form-panel.tsx';
import { Heading } from '../../components/heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { isProblem } from '../../lib/api.ts';
import { meQuery } from '../../lib/auth.ts';
import { typedDateIso } from '../../lib/date-mask.ts';
import { TIME_ZONE } from '../../lib/dates.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useWriteKeys } from '../../lib/write-keys.ts';
import { dayQuery, reachableOfficesQuery, useCloseSlot, usePublishSeries } from './api.ts';
import { useAppointmentMessages } from './messages.ts';

/**
 * `/appointments`: an office's day — the citizens who booked on the portal, by time, and the day's
 * slots — for its front office and head (core mayReadAppointmentDay); whoever publishes the
 * office's slots (core ADMIN_MATRIX `publish-appointment-slots`: its head, a head above, the central
 * administrator) chooses the office, closes a slot and publishes a series.
 */
export default function AppointmentsPage() {
  const { m, lang } = useAppointmentMessages();
  usePageTitle(m.title);
  const { data: me } = useSuspenseQuery(meQuery());
  const publisher = adminReach('publish-appointment-slots', me.role) !== null;
  const offices = useQuery({ ...reachableOfficesQuery(), enabled: publisher });
  const today = todayIn(TIME_ZONE);
  const [office, setOffice] = useState(me.office.id);
  const [date, setDate] = useState(today);
  const [typed, setTyped] = useState(formatDate(today));
  const [dateError, setDateError] = useState<string | undefined>();
  const allowed = mayReadAppointmentDay(me.role) || publisher;
  const day = useQuery({ ...dayQuery(office, date), enabled: allowed });

  if (!allowed)
    return (
      <Stack gap="md">
        <Heading title={m.title} intro={m.intro} />
        <Text>{m.notForRole}</Text>
      </Stack>
    );

  const show = (e: FormEvent) => {
    e.preventDefault();
    const iso = typedDateIso(typed);
    if (!iso) return setDateError(m.dateInvalid);
    setDateError(undefined);
    setDate(iso);
  };
  const serving = (offices.data ?? []).filter((o) => o.active && !['central', 'region'].includes(o.kind));

  return (
    <Stack gap="lg">
      <Heading title={m.title} intro={m.intro} />
      <form onSubmit={show} noValidate aria-label={m.date}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          {publisher && serving.length > 0 && (
            <NativeSelect
              label={m.office}
              value={office}
              onChange={(e) => setOffice(e.currentTarget.value)}
              data={serving.map((o) => ({ value: o.id, label: o.name[lang] }))}
              maw={360}
            />
          )}
          <DateInput label={m.date} value={typed} onChange={setTyped} error={dateError} w={180} />
          <Button type="submit" variant="default">
            {m.show}
          </Button>
        </Group>
      </form>
      <ProblemAlert error={day.error} text={{ title: m.loadError, check: m.check }} />
      {day.data && (
        <>
          <Title order={2} size="h3">
            {day.data.office.name[lang]} — {formatDate(day.data.date)}
          </Title>
          <DayTable
            rows={day.data.items}
            opensApplications={office === me.office.id && startsRecords(me.role)}
          />
          <Slots slots={day.data.slots} mayClose={publisher} />
        </>
      )}
      {publisher && <PublishForm office={office} today={today} />}
    </Stack>
  );
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The day's bookings; `opensApplications`: the reader opens the office's online applications (their
 * own office, a role that starts records), so a visit's tracking code links to its application.
 */
function DayTable({ rows, opensApplications }: { rows: DayAppointment[]; opensApplications: boolean }) {
  const { m, lang } = useAppointmentMessages();
  if (rows.length === 0) return <Text>{m.none}</Text>;
  const columns: Column<DayAppointment>[] = [
    { header: m.time, cell: (x) => `${x.start}–${x.end}`, nowrap: true, rowHeader: true },
    { header: m.contact, cell: (x) => x.contact },
    { header: m.purpose, cell: (x) => (x.purpose ? PORTAL_SERVICE_INFO[x.purpose].title[lang] : '—') },
    {
      header: m.application,
      nowrap: true,
      cell: (x) =>
        !x.application ? (
          '—'
        ) : opensApplications ? (
          <Anchor component={Link} to={`/online-applications/${x.application.id}`}>
            {formatVerifyCode(x.application.trackingCode)}
          </Anchor>
        ) : (
          formatVerifyCode(x.application.trackingCode)
        ),
    },
    {
      header: m.status,
      nowrap: true,
      cell: (x) => (
        <Badge color={x.status === 'booked' ? 'teal' : 'gray'} variant="light" miw="max-content">
          {x.status === 'booked'
            ? m.booked
            : x.cancelledBy === 'office'
              ? m.cancelledByOffice
              : m.cancelledByCitizen}
        </Badge>
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(x) => x.id}
      caption={m.caption}
      minWidth={560}
      rowProps={(x) => ({ 'data-appointment': x.id })}
    />
  );
}

function Slots({ slots, mayClose }: { slots: Slot[]; mayClose: boolean }) {
  const { m } = useAppointmentMessages();
  const [asked, setAsked] = useState<Slot | null>(null);
  const [done, setDone] = useState('');
  const close = useCloseSlot();
  const keys = useWriteKeys();
  const columns: Column<Slot>[] = [
    { header: m.time, cell: (x) => `${x.start}–${x.end}`, nowrap: true, rowHeader: true },
    { header: m.places, cell: (x) => m.placesOf(x.booked, x.capacity), nowrap: true },
    {
      header: m.status,
      nowrap: true,
      cell: (x) => (
        <Badge color={x.closed ? 'gray' : 'teal'} variant="light" miw="max-content">
          {x.closed ? m.closed : m.open}
        </Badge>
      ),
    },
  ];
  if (mayClose)
    columns.push({
      header: <span className="sabt-visually-hidden">{m.close}</span>,
      cell: (x) =>
        x.closed ? null : (
          <Button size="xs" variant="light" color="red" onClick={() => setAsked(x)}>
            {m.close} <span className="sabt-visually-hidden">{x.start}</span>
          </Button>
        ),
    });
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    if (!asked) return;
    close.mutate(
      { body: { slot: asked.id }, key: keys.keyFor({ slot: asked.id }) },
      {
        onSuccess: (answer) => {
          keys.forget();
          setAsked(null);
          setDone(m.slotClosed(answer.cancelled));
        },
      },
    );
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="day-slots">
      <Title order={2} size="h4" id="day-slots">
        {m.slots}
      </Title>
      <Text role="status" c="teal.9">
        {done}
      </Text>
      {slots.length === 0 ? (
        <Text>{m.noSlots}</Text>
      ) : (
        <DataTable
          columns={columns}
          rows={slots}
          rowKey={(x) => x.id}
          caption={m.slotsCaption}
          minWidth={420}
        />
      )}
      <Modal opened={asked !== null} onClose={() => setAsked(null)} title={m.closeTitle}>
        {asked && (
          <form onSubmit={confirm}>
            <Stack gap="md">
              <Text>{m.closeText(asked.start, asked.booked)}</Text>
              <ProblemAlert error={close.error} text={{ title: m.loadError, check: m.check }} />
              <DialogFooter
                cancelLabel={m.back}
                onCancel={() => {
                  setAsked(null);
                  close.reset();
                }}
                submitLabel={m.close}
                pending={close.isPending}
                color="red"
                submitAutoFocus
              />
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}

type Field = 'days' | 'from' | 'to' | 'minutes' | 'capacity' | 'firstDay' | 'lastDay';
const FIELDS: readonly Field[] = ['days', 'from', 'to', 'minutes', 'capacity', 'firstDay', 'lastDay'];

function PublishForm({ office, today }: { office: string; today: string }) {
  const { m, lang } = useAppointmentMessages();
  const [days, setDays] = useState<string[]>(['1', '2', '3', '4', '5']);
  const [values, setValues] = useState({
    from: '09:00',
    to: '12:00',
    minutes: '30',
    capacity: '1',
    firstDay: formatDate(today),
    lastDay: formatDate(today),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const publish = usePublishSeries(office);
  const [done, setDone] = useState('');
  const keys = useWriteKeys();
  const server = isProblem(publish.error) ? publish.error.fieldErrors : {};
  const errorOf = (k: Field) => errors[k] ?? server[k];
  const set = (k: keyof typeof values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((x) => ({ ...x, [k]: value }));
    setErrors((x) => ({ ...x, [k]: undefined }));
  };
  const submit = () => {
    const found: Partial<Record<Field, string>> = {};
    const firstDay = typedDateIso(values.firstDay);
    const lastDay = typedDateIso(values.lastDay);
    if (days.length === 0) found.days = m.daysRequired;
    if (!TIME.test(values.from.trim())) found.from = m.timeInvalid;
    if (!TIME.test(values.to.trim())) found.to = m.timeInvalid;
    if (!/^\d{1,3}$/.test(values.minutes.trim())) found.minutes = m.numberInvalid;
    if (!/^\d{1,2}$/.test(values.capacity.trim())) found.capacity = m.numberInvalid;
    if (!firstDay) found.firstDay = m.dateInvalid;
    if (!lastDay) found.lastDay = m.dateInvalid;
    setErrors(found);
    setDone('');
    const first = FIELDS.find((k) => found[k]);
    if (first || !firstDay || !lastDay) return document.getElementById(`publish-${first}`)?.focus();
    const body: SlotSeries = {
      days: days.map(Number).sort(),
      from: values.from.trim(),
      to: values.to.trim(),
      minutes: Number(values.minutes),
      capacity: Number(values.capacity),
      firstDay,
      lastDay,
    };
    publish.mutate(
      { body, key: keys.keyFor([office, body]) },
      {
        onSuccess: (answer) => {
          keys.forget();
          setDone(m.published(answer.created, answer.skipped));
        },
      },
    );
  };
  return (
    <FormPanel
      id="publish"
      title={m.publish}
      titleSize="h4"
      onSubmit={submit}
      pending={publish.isPending}
      submitLabel={m.publishButton}
      alert={
        <>
          <ProblemAlert error={publish.error} text={{ title: m.loadError, check: m.check }} />
          <Text role="status" c="teal.9">
            {done}
          </Text>
        </>
      }
    >
      <Checkbox.Group
        id="publish-days"
        label={m.days}
        value={days}
        onChange={(v) => {
          setDays(v);
          setErrors((x) => ({ ...x, days: undefined }));
        }}
        error={errorOf('days')}
      >
        <Group gap="md" mt={4} wrap="wrap">
          {WEEKDAY_LABELS.map((name, i) => (
            <Checkbox key={name.en} value={String(i + 1)} label={name[lang]} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }}>
        <TextInput
          id="publish-from"
          label={m.from}
          value={values.from}
          onChange={set('from')}
          error={errorOf('from')}
        />
        <TextInput
          id="publish-to"
          label={m.to}
          value={values.to}
          onChange={set('to')}
          error={errorOf('to')}
        />
        <TextInput
          id="publish-minutes"
          label={m.minutes}
          inputMode="numeric"
          value={values.minutes}
          onChange={set('minutes')}
          error={errorOf('minutes')}
        />
        <TextInput
          id="publish-capacity"
          label={m.capacity}
          inputMode="numeric"
          value={values.capacity}
          onChange={set('capacity')}
          error={errorOf('capacity')}
        />
        <DateInput
          id="publish-firstDay"
          label={m.firstDay}
          value={values.firstDay}
          onChange={(v) => setValues((x) => ({ ...x, firstDay: v }))}
          error={errorOf('firstDay')}
        />
        <DateInput
          id="publish-lastDay"
          label={m.lastDay}
          value={values.lastDay}
          onChange={(v) => setValues((x) => ({ ...x, lastDay: v }))}
          error={errorOf('lastDay')}
        />
      </SimpleGrid>
    </FormPanel>
  );
}
