import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AdminOffice } from '@sabt/core';
import { useState } from 'react';
import { FormPanel } from '../../../components/form-panel.tsx';
import { isProblem } from '../../../lib/api.ts';
import { useWriteKeys } from '../../../lib/write-keys.ts';
import { useOfficeStep, useRenameOffice } from '../api.ts';
import { useAdminMessages } from '../messages.ts';
import { AdminProblem, ConfirmDialog } from './admin-dialogs.tsx';

const NAMES = ['tg', 'ru', 'en'] as const;
type NameField = 'name.tg' | 'name.ru' | 'name.en' | 'officialName';
const NAME_FIELDS: readonly NameField[] = ['name.tg', 'name.ru', 'name.en', 'officialName'];

/** The office's three names and the official name its documents print (empty: the derived one). */
export function RenameOfficeForm({ office }: { office: AdminOffice }) {
  const { m } = useAdminMessages();
  const o = m.office;
  const [values, setValues] = useState<Record<NameField, string>>({
    'name.tg': office.name.tg,
    'name.ru': office.name.ru,
    'name.en': office.name.en,
    officialName: office.officialName,
  });
  const [errors, setErrors] = useState<Partial<Record<NameField, string>>>({});
  const rename = useRenameOffice(office.id);
  const keys = useWriteKeys();
  const server = isProblem(rename.error) ? rename.error.fieldErrors : {};
  const set = (k: NameField) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setValues((x) => ({ ...x, [k]: v }));
    setErrors((x) => ({ ...x, [k]: undefined }));
  };
  const labels: Record<NameField, string> = {
    'name.tg': m.openOffice.nameTg,
    'name.ru': m.openOffice.nameRu,
    'name.en': m.openOffice.nameEn,
    officialName: o.officialName,
  };
  const submit = () => {
    const official = values.officialName.trim();
    const body = {
      name: {
        tg: values['name.tg'].trim(),
        ru: values['name.ru'].trim(),
        en: values['name.en'].trim(),
      },
      // unchanged: left as it is (the one shown may be the derived one); emptied: derived again
      ...(official === office.officialName ? {} : { officialName: official || null }),
    };
    const found: Partial<Record<NameField, string>> = {};
    for (const l of NAMES) if (body.name[l].length < 2) found[`name.${l}`] = m.common.required;
    setErrors(found);
    const first = NAME_FIELDS.find((k) => found[k]);
    if (first) return document.getElementById(`rename-office-${first.replace('.', '-')}`)?.focus();
    rename.mutate(
      { body, key: keys.keyFor(body) },
      {
        onSuccess: () => {
          keys.forget();
          notifications.show({ message: o.renamed, color: 'teal' });
        },
      },
    );
  };
  return (
    <FormPanel
      id="rename-office"
      title={o.rename}
      onSubmit={submit}
      pending={rename.isPending}
      submitLabel={m.common.save}
      alert={<AdminProblem error={rename.error} atFields={NAME_FIELDS} />}
    >
      <Text size="sm" c="dimmed">
        {o.renameIntro}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {NAMES.map((l) => (
          <TextInput
            key={l}
            id={`rename-office-name-${l}`}
            label={labels[`name.${l}`]}
            value={values[`name.${l}`]}
            onChange={set(`name.${l}`)}
            error={errors[`name.${l}`] ?? server[`name.${l}`]}
            autoComplete="off"
          />
        ))}
      </SimpleGrid>
      <TextInput
        id="rename-office-officialName"
        label={o.officialName}
        description={m.openOffice.officialHint}
        value={values.officialName}
        onChange={set('officialName')}
        error={server.officialName}
        autoComplete="off"
      />
    </FormPanel>
  );
}

/** Close an open office (none open below it), or open a closed one again. */
export function OfficeOpenClose({ office }: { office: AdminOffice }) {
  const { m } = useAdminMessages();
  const o = m.office;
  const [asked, setAsked] = useState(false);
  const step = useOfficeStep(office.id);
  const keys = useWriteKeys();
  const closing = office.active;
  const confirm = () => {
    const body = { step: closing ? ('close' as const) : ('reopen' as const) };
    step.mutate(
      { body, key: keys.keyFor(body) },
      {
        onSuccess: () => {
          keys.forget();
          setAsked(false);
          notifications.show({ message: closing ? o.closed : o.reopened, color: 'teal' });
        },
      },
    );
  };
  return (
    <>
      <Button variant="light" color={closing ? 'red' : 'teal'} onClick={() => setAsked(true)}>
        {closing ? o.close : o.reopen}
      </Button>
      {asked && (
        <ConfirmDialog
          title={closing ? o.closeTitle : o.reopenTitle}
          text={closing ? o.closeText : o.reopenText}
          confirmLabel={closing ? o.close : o.reopen}
          {...(closing ? { color: 'red' } : {})}
          pending={step.isPending}
          error={step.error}
          onConfirm={confirm}
          onClose={() => {
            setAsked(false);
            step.reset();
          }}
        />
      )}
    </>
  );
}

/** A jamoat or a mobile office moved under another open district office, its records with it. */
export function MoveOfficeForm({ office, offices }: { office: AdminOffice; offices: AdminOffice[] }) {
  const { m, lang } = useAdminMessages();
  const o = m.office;
  const districts = offices.filter((x) => x.kind === 'district' && x.active && x.id !== office.parent);
  const [to, setTo] = useState(districts[0]?.id ?? '');
  const move = useOfficeStep(office.id);
  const keys = useWriteKeys();
  const submit = () => {
    if (!to) return;
    const body = { step: 'move' as const, parent: to };
    move.mutate(
      { body, key: keys.keyFor(body) },
      {
        onSuccess: () => {
          keys.forget();
          notifications.show({ message: o.moved, color: 'teal' });
        },
      },
    );
  };
  return (
    <FormPanel
      id="move-office"
      title={o.move}
      onSubmit={submit}
      pending={move.isPending}
      submitLabel={o.moveSubmit}
      alert={<AdminProblem error={move.error} />}
    >
      <Text size="sm" c="dimmed">
        {o.moveIntro}
      </Text>
      <NativeSelect
        id="move-office-parent"
        label={o.moveTo}
        value={to}
        onChange={(e) => setTo(e.currentTarget.value)}
        data={districts.map((d) => ({ value: d.id, label: `${d.name[lang]} (${d.id})` }))}
        maw={520}
      />
    </FormPanel>
  );
}

/** The office screen's heading actions in a row (close / reopen). */
export function OfficeActions({ office, title }: { office: AdminOffice; title: string }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="office-actions">
      <Title order={2} size="h4" id="office-actions">
        {title}
      </Title>
      <Group gap="sm">
        <OfficeOpenClose office={office} />
      </Group>
    </Stack>
  );
}
