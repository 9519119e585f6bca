import { Alert, Group, Paper, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormPanel, useFormFields } from '../../../../components/form-panel.tsx';
import { Heading } from '../../../../components/heading.tsx';
import { LoadingText } from '../../../../components/page-loader.tsx';
import { formatInstant } from '../../../../lib/dates.ts';
import { type OfficeSignatories, signatoriesQuery, useSetSignatory } from '../../api/blanks.ts';
import { useCertificateMessages } from '../../messages.ts';
import { ProblemAlert } from '../problem-alert.tsx';

type Field = 'fullName' | 'title' | 'headTitle' | 'authority';

/**
 * Who signs the office's certificates and extracts: the one in force, as documents print them,
 * the earlier ones, and (for the head of office or the central department) a new one from now on.
 */
export function SignatoryPanel({
  office,
  mayChange,
  ownOffice,
}: {
  office: string;
  mayChange: boolean;
  ownOffice: boolean;
}) {
  const { m } = useCertificateMessages();
  const s = m.signatory;
  const query = useQuery(signatoriesQuery(office));
  if (query.isError) {
    return (
      <Alert color="red" role="alert" title={m.blanks.loadError}>
        {query.error.message}
      </Alert>
    );
  }
  if (!query.data) {
    return <LoadingText>{m.blanks.loading}</LoadingText>;
  }
  const data = query.data;
  return (
    <Stack gap="lg">
      <Heading title={s.heading} intro={s.intro} order={2} size="h4" />
      <Current data={data} />
      {mayChange ? (
        <SignatoryForm
          key={office}
          office={office}
          ownOffice={ownOffice}
          defaultHeadTitle={data.defaultHeadTitle}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {s.notAllowed}
        </Text>
      )}
      {data.history.length > 0 && <History data={data} />}
    </Stack>
  );
}

function Current({ data }: { data: OfficeSignatories }) {
  const { m } = useCertificateMessages();
  const s = m.signatory;
  const c = data.current;
  if (!c) {
    return (
      <Alert color="orange" role="alert" title={s.current}>
        {s.none}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" aria-labelledby="signatory-current">
      <Stack gap={6}>
        <Text fw={700} id="signatory-current">
          {s.current}: {c.fullName}
        </Text>
        <Text size="sm">
          {s.bases[c.basis]}
          {c.authority ? ` · ${c.authority}` : ''} · {s.since(formatInstant(c.validFrom))}
        </Text>
        <Text size="sm" c="dimmed">
          {s.printed}:
        </Text>
        <Stack gap={0} pl="md" data-testid="printed-signatory">
          <Text size="sm">{c.printedTitle}</Text>
          <Text size="sm" fw={700}>
            {c.fullName}
          </Text>
        </Stack>
      </Stack>
    </Paper>
  );
}

function History({ data }: { data: OfficeSignatories }) {
  const { m } = useCertificateMessages();
  const s = m.signatory;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder>
        <Table.Caption>{s.history}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.from}</Table.Th>
            <Table.Th>{s.person}</Table.Th>
            <Table.Th>{s.printed}</Table.Th>
            <Table.Th>{s.setBy}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.history.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>{formatInstant(h.validFrom)}</Table.Td>
              <Table.Td>{h.fullName}</Table.Td>
              <Table.Td>{h.printedTitle}</Table.Td>
              <Table.Td>{h.setBy ? (h.setBy.name ?? h.setBy.login) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SignatoryForm({
  office,
  ownOffice,
  defaultHeadTitle,
}: {
  office: string;
  ownOffice: boolean;
  defaultHeadTitle: string;
}) {
  const { m } = useCertificateMessages();
  const s = m.signatory;
  const save = useSetSignatory();
  const [basis, setBasis] = useState<'head' | 'authorised'>('head');
  const empty = { fullName: '', title: '', headTitle: defaultHeadTitle, authority: '' };
  const { values, setValues, showErrors, field } = useFormFields<Field>('signatory', empty);
  const submit = () => {
    const needed: Field[] = basis === 'head' ? ['fullName', 'title'] : ['fullName', 'title', 'headTitle'];
    const found: Partial<Record<Field, string>> = {};
    for (const k of needed) if (!values[k].trim()) found[k] = s.required;
    if (showErrors(found, needed)) return;
    save.mutate(
      {
        ...(ownOffice ? {} : { office }),
        basis,
        fullName: values.fullName.trim(),
        title: values.title.trim(),
        ...(basis === 'authorised'
          ? {
              headTitle: values.headTitle.trim(),
              ...(values.authority.trim() ? { authority: values.authority.trim() } : {}),
            }
          : {}),
      },
      {
        onSuccess: () => {
          notifications.show({ message: s.done, color: 'teal' });
          setValues(empty);
        },
      },
    );
  };
  return (
    <FormPanel
      id="signatory-form"
      title={s.form}
      titleSize="h5"
      onSubmit={submit}
      pending={save.isPending}
      submitLabel={s.submit}
      alert={
        <ProblemAlert
          error={save.error}
          fieldLabels={{
            fullName: s.fullName,
            title: s.title,
            headTitle: s.headTitle,
            authority: s.authority,
          }}
        />
      }
    >
      <Radio.Group label={s.basis} value={basis} onChange={(v) => setBasis(v as 'head' | 'authorised')}>
        <Group gap="lg" mt={4}>
          <Radio value="head" label={s.bases.head} />
          <Radio value="authorised" label={s.bases.authorised} />
        </Group>
      </Radio.Group>
      {(['fullName', 'title'] as const).map((k) => (
        <TextInput
          key={k}
          {...field(k)}
          label={s[k]}
          description={s[`${k}Hint`]}
          required
          withAsterisk
          maxLength={200}
        />
      ))}
      {basis === 'authorised' && (
        <>
          <TextInput {...field('headTitle')} label={s.headTitle} required withAsterisk maxLength={200} />
          <TextInput
            {...field('authority')}
            label={s.authority}
            description={s.authorityHint}
            maxLength={300}
          />
        </>
      )}
    </FormPanel>
  );
}
