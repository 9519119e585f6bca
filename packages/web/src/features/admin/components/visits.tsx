import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type AdminOffice, formatDate, todayIn, type Visit } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { DateInput } from '../../../components/date-input.tsx';
import { FormPanel } from '../../../components/form-panel.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { isProblem } from '../../../lib/api.ts';
import { typedDateIso } from '../../../lib/date-mask.ts';
import { TIME_ZONE } from '../../../lib/dates.ts';
import { useWriteKeys } from '../../../lib/write-keys.ts';
import { type NewVisit, useAddVisit, useCancelVisit, visitsQuery } from '../api.ts';
import { useAdminMessages } from '../messages.ts';
import { AdminProblem, ConfirmDialog } from './admin-dialogs.tsx';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A mobile office's visits (where and when its minivan stands) from a day on, by date and time;
 * one planned (date, hours, place, the host jamoat of its district), one called off.
 */
export function Visits({ office, offices }: { office: AdminOffice; offices: AdminOffice[] }) {
  const { m } = useAdminMessages();
  const v = m.visits;
  const today = todayIn(TIME_ZONE);
  const [from, setFrom] = useState(today);
  const [typed, setTyped] = useState(formatDate(today));
  const [fromError, setFromError] = useState<string | undefined>();
  const visits = useQuery(visitsQuery(office.id, from));
  const show = (e: FormEvent) => {
    e.preventDefault();
    const iso = typedDateIso(typed);
    if (!iso) return setFromError(v.dateInvalid);
    setFromError(undefined);
    setFrom(iso);
  };
  return (
    <Stack gap="md" component="section" aria-labelledby="office-visits">
      <Stack gap={2}>
        <Title order={2} size="h3" id="office-visits">
          {v.title}
        </Title>
        <Text size="sm" c="dimmed">
          {v.intro}
        </Text>
      </Stack>
      <form onSubmit={show} noValidate aria-label={v.from}>
        <Group align="flex-end" gap="sm">
          <DateInput label={v.from} value={typed} onChange={setTyped} error={fromError} w={180} />
          <Button type="submit" variant="default">
            {v.show}
          </Button>
        </Group>
      </form>
      <ProblemAlert error={visits.error} text={{ title: m.common.loadError, check: m.common.check }} />
      {visits.data && visits.data.length === 0 && <Text>{v.none}</Text>}
      {visits.data && visits.data.length > 0 && <VisitTable office={office} rows={visits.data} />}
      {office.active && <AddVisitForm office={office} offices={offices} today={today} />}
    </Stack>
  );
}

function VisitTable({ office, rows }: { office: AdminOffice; rows: Visit[] }) {
  const { m, lang } = useAdminMessages();
  const v = m.visits;
  const [asked, setAsked] = useState<Visit | null>(null);
  const cancel = useCancelVisit(office.id);
  const keys = useWriteKeys();
  const columns: Column<Visit>[] = [
    { header: v.date, cell: (x) => formatDate(x.date), nowrap: true, rowHeader: true },
    { header: v.time, cell: (x) => `${x.from}–${x.to}`, nowrap: true },
    { header: v.place, cell: (x) => x.place },
    { header: v.host, cell: (x) => x.host?.name[lang] ?? '—' },
    {
      header: v.status,
      nowrap: true,
      cell: (x) => (
        <Badge color={x.cancelled ? 'gray' : 'teal'} variant="light" miw="max-content">
          {x.cancelled ? v.cancelledBadge : v.planned}
        </Badge>
      ),
    },
    {
      header: <span className="sabt-visually-hidden">{v.cancel}</span>,
      cell: (x) =>
        x.cancelled ? null : (
          <Button size="xs" variant="light" color="red" onClick={() => setAsked(x)}>
            {v.cancel}
          </Button>
        ),
    },
  ];
  const confirm = (x: Visit) => {
    const body = { visit: x.id };
    cancel.mutate(
      { body, key: keys.keyFor(body) },
      {
        onSuccess: () => {
          keys.forget();
          setAsked(null);
          notifications.show({ message: v.cancelled, color: 'teal' });
        },
      },
    );
  };
  return (
    <>
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(x) => x.id}
        caption={v.caption}
        minWidth={760}
        rowProps={(x) => ({ 'data-visit': x.id })}
      />
      {asked && (
        <ConfirmDialog
          title={v.cancelTitle}
          text={v.cancelText(formatDate(asked.date), asked.place)}
          confirmLabel={v.cancel}
          color="red"
          pending={cancel.isPending}
          error={cancel.error}
          onConfirm={() => confirm(asked)}
          onClose={() => {
            setAsked(null);
            cancel.reset();
          }}
        />
      )}
    </>
  );
}

type Field = 'date' | 'from' | 'to' | 'place' | 'host';
const FIELDS: readonly Field[] = ['date', 'from', 'to', 'place', 'host'];

function AddVisitForm({
  office,
  offices,
  today,
}: {
  office: AdminOffice;
  offices: AdminOffice[];
  today: string;
}) {
  const { m, lang } = useAdminMessages();
  const v = m.visits;
  // the jamoats of the district the mobile office belongs to
  const hosts = offices.filter((x) => x.kind === 'jamoat' && x.active && x.parent === office.parent);
  const [values, setValues] = useState<Record<Field, string>>({
    date: formatDate(today),
    from: '09:00',
    to: '13:00',
    place: '',
    host: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const add = useAddVisit(office.id);
  const keys = useWriteKeys();
  const server = isProblem(add.error) ? add.error.fieldErrors : {};
  const errorOf = (k: Field) => errors[k] ?? server[k];
  const setValue = (k: Field, value: string) => {
    setValues((x) => ({ ...x, [k]: value }));
    setErrors((x) => ({ ...x, [k]: undefined }));
  };
  const set = (k: Field) => (e: { currentTarget: { value: string } }) => setValue(k, e.currentTarget.value);
  const submit = () => {
    const date = typedDateIso(values.date);
    const found: Partial<Record<Field, string>> = {};
    if (!date) found.date = v.dateInvalid;
    if (!TIME.test(values.from.trim())) found.from = v.timeInvalid;
    if (!TIME.test(values.to.trim())) found.to = v.timeInvalid;
    if (values.place.trim().length < 2) found.place = m.common.required;
    setErrors(found);
    const first = FIELDS.find((k) => found[k]);
    if (first || !date) return document.getElementById(`add-visit-${first}`)?.focus();
    const body: NewVisit = {
      date,
      from: values.from.trim(),
      to: values.to.trim(),
      place: values.place.trim(),
      host: values.host || null,
    };
    add.mutate(
      { body, key: keys.keyFor(body) },
      {
        onSuccess: () => {
          keys.forget();
          setValues((x) => ({ ...x, place: '' }));
          notifications.show({ message: v.added, color: 'teal' });
        },
      },
    );
  };
  return (
    <FormPanel
      id="add-visit"
      title={v.add}
      onSubmit={submit}
      pending={add.isPending}
      submitLabel={v.submit}
      alert={<AdminProblem error={add.error} atFields={FIELDS} />}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DateInput
          id="add-visit-date"
          label={v.dateLabel}
          value={values.date}
          onChange={(t) => setValue('date', t)}
          error={errorOf('date')}
        />
        <TextInput
          id="add-visit-from"
          label={v.fromTime}
          value={values.from}
          onChange={set('from')}
          error={errorOf('from')}
          inputMode="numeric"
          maxLength={5}
          autoComplete="off"
        />
        <TextInput
          id="add-visit-to"
          label={v.toTime}
          value={values.to}
          onChange={set('to')}
          error={errorOf('to')}
          inputMode="numeric"
          maxLength={5}
          autoComplete="off"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          id="add-visit-place"
          label={v.placeLabel}
          value={values.place}
          onChange={set('place')}
          error={errorOf('place')}
          autoComplete="off"
        />
        <NativeSelect
          id="add-visit-host"
          label={v.hostLabel}
          value={values.host}
          onChange={set('host')}
          error={errorOf('host')}
          data={[
            { value: '', label: v.noHost },
            ...hosts.map((h) => ({ value: h.id, label: `${h.name[lang]} (${h.id})` })),
          ]}
        />
      </SimpleGrid>
    </FormPanel>
  );
}
