import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type AdminOffice,
  type OfficeDetails,
  officeDetailsSchema,
  type PublicOffice,
  t,
  toFieldIssues,
  WEEKDAY_LABELS,
} from '@sabt/core';
import { useState } from 'react';
import { FormPanel } from '../../../components/form-panel.tsx';
import { useWriteKeys } from '../../../lib/write-keys.ts';
import { usePublishOfficeDetails } from '../api.ts';
import { useAdminMessages } from '../messages.ts';
import { AdminProblem } from './admin-dialogs.tsx';

const LANGS = ['tg', 'ru', 'en'] as const;
/** The fields in the order the form shows them: the first one in error takes the focus. */
const FIELD_ORDER = (rows: number) => [
  ...LANGS.map((l) => `address.${l}`),
  'phone',
  ...Array.from({ length: rows }, (_, i) => [
    `hours.${i}.days`,
    `hours.${i}.opens`,
    `hours.${i}.closes`,
  ]).flat(),
];

interface HoursRow {
  days: number[];
  opens: string;
  closes: string;
}
type Errors = Partial<Record<string, string>>;

/**
 * What the citizen portal shows of an office where citizens apply (PUT /admin/offices/:id/details):
 * the address in three languages, the telephone and the opening hours, each withdrawn when emptied.
 * Checked here as the server checks it (core officeDetailsSchema), so a slip is named at its field.
 */
export function OfficeDetailsForm({ office, published }: { office: AdminOffice; published: PublicOffice }) {
  const { m, lang } = useAdminMessages();
  const d = m.details;
  const [address, setAddress] = useState<Record<(typeof LANGS)[number], string>>({
    tg: published.address?.tg ?? '',
    ru: published.address?.ru ?? '',
    en: published.address?.en ?? '',
  });
  const [phone, setPhone] = useState(published.phone ?? '');
  const [hours, setHours] = useState<HoursRow[]>(
    published.hours?.map((h) => ({ days: [...h.days], opens: h.opens, closes: h.closes })) ?? [],
  );
  const [errors, setErrors] = useState<Errors>({});
  const publish = usePublishOfficeDetails(office.id);
  const keys = useWriteKeys();
  const id = (field: string) => `office-details-${field.replaceAll('.', '-')}`;
  const clear = (field: string) => setErrors((x) => ({ ...x, [field]: undefined }));
  const setRow = (i: number, change: Partial<HoursRow>) => {
    setHours((rows) => rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  };

  const submit = () => {
    const typed = LANGS.map((l) => address[l].trim());
    const body: OfficeDetails = {
      address: typed.some(Boolean) ? { tg: typed[0]!, ru: typed[1]!, en: typed[2]! } : null,
      phone: phone.trim() || null,
      hours: hours.length
        ? hours.map((r) => ({
            days: [...r.days].sort((a, b) => a - b),
            opens: r.opens.trim(),
            closes: r.closes.trim(),
          }))
        : null,
    };
    // the server's own rules (core officeDetailsSchema), each slip named at its field
    const found: Errors = {};
    const parsed = officeDetailsSchema.safeParse(body);
    if (!parsed.success)
      for (const issue of toFieldIssues(parsed.error, body, 'complete'))
        found[issue.path.join('.')] ??= t(issue.key, lang, issue.params);
    if (typed.some(Boolean))
      for (const [n, l] of LANGS.entries()) if (!typed[n]) found[`address.${l}`] = d.allAddress;
    for (const [i, r] of (body.hours ?? []).entries()) {
      if (r.days.length === 0) found[`hours.${i}.days`] = d.noDays;
      if (!found[`hours.${i}.opens`] && !found[`hours.${i}.closes`] && r.opens >= r.closes)
        found[`hours.${i}.closes`] = t('error.admin.visitTimes', lang);
    }
    delete found.hours; // the order of the times, named above at its line
    setErrors(found);
    const first = FIELD_ORDER(hours.length).find((f) => found[f]);
    if (first) return document.getElementById(id(first))?.focus();
    publish.mutate(
      { body, key: keys.keyFor(body) },
      {
        onSuccess: () => {
          keys.forget();
          notifications.show({ message: d.saved, color: 'teal' });
        },
      },
    );
  };

  return (
    <FormPanel
      id="office-details"
      title={d.title}
      onSubmit={submit}
      pending={publish.isPending}
      submitLabel={m.common.save}
      alert={<AdminProblem error={publish.error} />}
    >
      <Text size="sm" c="dimmed">
        {d.intro}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {LANGS.map((l) => (
          <TextInput
            key={l}
            id={id(`address.${l}`)}
            label={d.address[l]}
            value={address[l]}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setAddress((x) => ({ ...x, [l]: v }));
              for (const k of LANGS) clear(`address.${k}`);
            }}
            error={errors[`address.${l}`]}
            autoComplete="off"
          />
        ))}
      </SimpleGrid>
      <TextInput
        id={id('phone')}
        label={d.phone}
        description={d.phoneHint}
        value={phone}
        onChange={(e) => {
          setPhone(e.currentTarget.value);
          clear('phone');
        }}
        error={errors.phone}
        type="tel"
        autoComplete="off"
        maw={320}
      />
      <Stack gap="xs">
        <Title order={4} size="h5">
          {d.hours}
        </Title>
        <Text size="sm" c="dimmed">
          {d.hoursIntro}
        </Text>
        {hours.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <Paper key={i} withBorder p="sm" component="fieldset" aria-label={`${d.hours} ${i + 1}`}>
            <Stack gap="xs">
              <Checkbox.Group
                id={id(`hours.${i}.days`)}
                label={d.days}
                value={r.days.map(String)}
                onChange={(v) => {
                  setRow(i, { days: v.map(Number) });
                  clear(`hours.${i}.days`);
                }}
                error={errors[`hours.${i}.days`]}
              >
                <Group gap="sm" mt={4}>
                  {WEEKDAY_LABELS.map((w, n) => (
                    <Checkbox key={w.en} value={String(n + 1)} label={w[lang]} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  id={id(`hours.${i}.opens`)}
                  label={d.opens}
                  value={r.opens}
                  onChange={(e) => {
                    setRow(i, { opens: e.currentTarget.value });
                    clear(`hours.${i}.opens`);
                  }}
                  error={errors[`hours.${i}.opens`]}
                  w={140}
                  autoComplete="off"
                />
                <TextInput
                  id={id(`hours.${i}.closes`)}
                  label={d.closes}
                  value={r.closes}
                  onChange={(e) => {
                    setRow(i, { closes: e.currentTarget.value });
                    clear(`hours.${i}.closes`);
                  }}
                  error={errors[`hours.${i}.closes`]}
                  w={140}
                  autoComplete="off"
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`${d.removeHours} (${i + 1})`}
                  onClick={() => {
                    setHours((rows) => rows.filter((_, j) => j !== i));
                    setErrors({});
                  }}
                >
                  ×
                </ActionIcon>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() => setHours((rows) => [...rows, { days: [], opens: '08:00', closes: '17:00' }])}
          >
            {d.addHours}
          </Button>
        </Group>
      </Stack>
    </FormPanel>
  );
}
