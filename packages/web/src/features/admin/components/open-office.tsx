import { NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type AdminOffice, OPENABLE_OFFICE_KINDS, type OpenableOfficeKind, PARENT_KIND } from '@sabt/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormPanel } from '../../../components/form-panel.tsx';
import { isProblem } from '../../../lib/api.ts';
import { useWriteKeys } from '../../../lib/write-keys.ts';
import { type NewOffice, useOpenOffice } from '../api.ts';
import { useAdminMessages } from '../messages.ts';
import { AdminProblem } from './admin-dialogs.tsx';

const NAMES = ['tg', 'ru', 'en'] as const;
type Field = 'parent' | 'name.tg' | 'name.ru' | 'name.en' | 'officialName' | 'country';
const FIELDS: readonly Field[] = ['parent', 'name.tg', 'name.ru', 'name.en', 'officialName', 'country'];

/**
 * A new office (the central department): a jamoat or a mobile office under an open district office,
 * a consulate under the centre with its country; three names, an official name if documents are
 * to print another. Opened, the office's own screen follows.
 */
export function OpenOfficeForm({ offices }: { offices: AdminOffice[] }) {
  const { m, lang, kindLabel } = useAdminMessages();
  const o = m.openOffice;
  const navigate = useNavigate();
  const [kind, setKind] = useState<OpenableOfficeKind>('jamoat');
  const parents = offices.filter((x) => x.kind === PARENT_KIND[kind] && x.active);
  const [values, setValues] = useState<Record<Field, string>>({
    parent: '',
    'name.tg': '',
    'name.ru': '',
    'name.en': '',
    officialName: '',
    country: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const open = useOpenOffice();
  const keys = useWriteKeys();
  const server = isProblem(open.error) ? open.error.fieldErrors : {};
  const errorOf = (k: Field) => errors[k] ?? server[k];
  const set = (k: Field) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setValues((x) => ({ ...x, [k]: v }));
    setErrors((x) => ({ ...x, [k]: undefined }));
  };
  const parent = kind === 'consulate' ? (parents[0]?.id ?? '') : values.parent || (parents[0]?.id ?? '');

  const submit = () => {
    const body: NewOffice = {
      kind,
      parent,
      name: { tg: values['name.tg'].trim(), ru: values['name.ru'].trim(), en: values['name.en'].trim() },
      ...(values.officialName.trim() ? { officialName: values.officialName.trim() } : {}),
      ...(kind === 'consulate' ? { country: values.country.trim() } : {}),
    };
    const found: Partial<Record<Field, string>> = {};
    if (!body.parent) found.parent = m.common.required;
    for (const l of NAMES) if (body.name[l].length < 2) found[`name.${l}`] = m.common.required;
    if (kind === 'consulate' && !/^[A-Z]{2}$/.test(body.country ?? '')) found.country = o.countryInvalid;
    setErrors(found);
    const first = FIELDS.find((k) => found[k]);
    if (first) return document.getElementById(`open-office-${first.replace('.', '-')}`)?.focus();
    open.mutate(
      { body, key: keys.keyFor(body) },
      {
        onSuccess: (office) => {
          keys.forget();
          notifications.show({ message: o.opened(office.name[lang]), color: 'teal' });
          void navigate(`/admin/offices/${office.id}`);
        },
      },
    );
  };

  return (
    <FormPanel
      id="open-office"
      title={o.title}
      onSubmit={submit}
      pending={open.isPending}
      submitLabel={o.submit}
      alert={<AdminProblem error={open.error} atFields={FIELDS} />}
    >
      <Text size="sm" c="dimmed">
        {o.intro}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <NativeSelect
          id="open-office-kind"
          label={o.kind}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as OpenableOfficeKind)}
          data={OPENABLE_OFFICE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
        />
        {kind === 'consulate' ? (
          <TextInput
            id="open-office-country"
            label={o.country}
            value={values.country}
            onChange={set('country')}
            error={errorOf('country')}
            maxLength={2}
            autoComplete="off"
          />
        ) : (
          <NativeSelect
            id="open-office-parent"
            label={o.parent}
            value={parent}
            onChange={set('parent')}
            error={errorOf('parent')}
            data={parents.map((p) => ({ value: p.id, label: `${p.name[lang]} (${p.id})` }))}
          />
        )}
        {NAMES.map((l) => (
          <TextInput
            key={l}
            id={`open-office-name-${l}`}
            label={o[`name${l === 'tg' ? 'Tg' : l === 'ru' ? 'Ru' : 'En'}`]}
            value={values[`name.${l}`]}
            onChange={set(`name.${l}`)}
            error={errorOf(`name.${l}`)}
            autoComplete="off"
          />
        ))}
        <TextInput
          id="open-office-officialName"
          label={o.officialName}
          description={o.officialHint}
          value={values.officialName}
          onChange={set('officialName')}
          error={errorOf('officialName')}
          autoComplete="off"
        />
      </SimpleGrid>
    </FormPanel>
  );
}
