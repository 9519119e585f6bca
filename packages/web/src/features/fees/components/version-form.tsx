import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CONSULAR_ANY,
  FEE_ITEM_KINDS,
  FEE_LINE_KINDS,
  FEE_SERVICES,
  type FeeItemKind,
  type FeeLineKind,
  type FeeService,
  type FeeVersionDraft,
  formatDate,
  type LocalizedText,
  parseMajor,
  t,
} from '@sabt/core';
import { useMemo, useState } from 'react';
import { DateInput } from '../../../components/date-input.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { newUuid } from '../../../lib/api.ts';
import { useAddFeeVersion, usePreviewFeeVersion } from '../api.ts';
import { isoOf } from '../lib.ts';
import { useFeeMessages } from '../messages.ts';

const emptyText = (): LocalizedText => ({ tg: '', ru: '', en: '' });

/**
 * A new dated version of one fee rule: its kind's fields, its dates and legal basis; "see what
 * changes" asks the server for each service's total before and after, "save" stores it (one
 * Idempotency-Key per content, so a retry never stores it twice).
 */
export function VersionForm({
  categories,
  today,
}: {
  categories: { key: string; label: string }[];
  today: string;
}) {
  const { m, lang, serviceLabel, lineLabel, generalLabel } = useFeeMessages();
  const a = m.admin;
  const [kind, setKind] = useState<FeeItemKind>('line');
  const [service, setService] = useState<FeeService>('NAME_CHANGE_REG');
  const [lineKind, setLineKind] = useState<FeeLineKind>('duty');
  const [amount, setAmount] = useState('');
  const [consularService, setConsularService] = useState<string>(CONSULAR_ANY);
  const [itemKey, setItemKey] = useState('');
  const [labels, setLabels] = useState(emptyText);
  const [active, setActive] = useState(true);
  const [services, setServices] = useState<string[]>([]);
  const [lines, setLines] = useState<string[]>(['duty']);
  const [percent, setPercent] = useState<number | string>(100);
  const [exCategories, setExCategories] = useState<string[]>([]);
  const [maxMonths, setMaxMonths] = useState<number | string>('');
  const [validFrom, setValidFrom] = useState(formatDate(today));
  const [validTo, setValidTo] = useState('');
  const [basis, setBasis] = useState(emptyText);
  const [verified, setVerified] = useState(false);
  const preview = usePreviewFeeVersion();
  const add = useAddFeeVersion();

  const draft = useMemo((): FeeVersionDraft => {
    const common = {
      validFrom: isoOf(validFrom) ?? validFrom,
      validTo: validTo.trim() ? (isoOf(validTo) ?? validTo) : null,
      basis,
      verified,
      note: null,
    };
    switch (kind) {
      case 'pdr':
        return { kind, key: 'pdr', value: { diram: parseMajor(amount) ?? 0 }, ...common };
      case 'line':
        return { kind, key: `${service}.${lineKind}`, value: { pdr: amount.trim() }, ...common };
      case 'consular':
        return {
          kind,
          key: consularService as FeeService,
          value: { currency: 'USD', minor: parseMajor(amount) ?? -1 },
          ...common,
        };
      case 'category':
        return { kind, key: itemKey.trim(), value: { labels, active }, ...common };
      case 'exemption':
        return {
          kind,
          key: itemKey.trim(),
          value: {
            labels,
            services: services.length ? (services as FeeService[]) : null,
            lines: lines as FeeLineKind[],
            percent: Number(percent),
            categories: exCategories.length ? exCategories : null,
            maxMonthsSinceEvent: maxMonths === '' ? null : Number(maxMonths),
          },
          ...common,
        };
    }
  }, [
    kind,
    service,
    lineKind,
    amount,
    consularService,
    itemKey,
    labels,
    active,
    services,
    lines,
    percent,
    exCategories,
    maxMonths,
    validFrom,
    validTo,
    basis,
    verified,
  ]);
  // one key per content: a retry of the same version is answered once
  const idempotencyKey = useMemo(() => (draft ? newUuid() : ''), [draft]);

  const serviceOptions = FEE_SERVICES.map((s) => ({ value: s, label: serviceLabel(s) }));
  const text = (value: LocalizedText, set: (v: LocalizedText) => void, names: [string, string, string]) =>
    (['tg', 'ru', 'en'] as const).map((l, i) => (
      <TextInput
        key={l}
        label={names[i]}
        value={value[l]}
        onChange={(e) => set({ ...value, [l]: e.currentTarget.value })}
      />
    ));

  const result = preview.data;
  const changed = result?.rows.filter((r) => r.changed) ?? [];
  const problemText = { title: a.problemTitle, check: a.problemCheck };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fee-new-version">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h3" id="fee-new-version">
            {a.newVersion}
          </Title>
          <Text size="sm" c="dimmed">
            {a.newIntro}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <NativeSelect
            label={a.kind}
            data={FEE_ITEM_KINDS.map((k) => ({ value: k, label: a.kinds[k] }))}
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value as FeeItemKind);
              setAmount('');
            }}
          />
          {kind === 'pdr' && (
            <TextInput
              label={a.pdrSomoni}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
            />
          )}
          {kind === 'line' && (
            <>
              <NativeSelect
                label={a.service}
                data={serviceOptions}
                value={service}
                onChange={(e) => setService(e.currentTarget.value as FeeService)}
              />
              <NativeSelect
                label={a.lineKind}
                data={FEE_LINE_KINDS.map((k) => ({ value: k, label: lineLabel(k) }))}
                value={lineKind}
                onChange={(e) => setLineKind(e.currentTarget.value as FeeLineKind)}
              />
              <TextInput
                label={a.multiple}
                value={amount}
                onChange={(e) => setAmount(e.currentTarget.value)}
              />
            </>
          )}
          {kind === 'consular' && (
            <>
              <NativeSelect
                label={a.service}
                data={[{ value: CONSULAR_ANY, label: a.anyService }, ...serviceOptions]}
                value={consularService}
                onChange={(e) => setConsularService(e.currentTarget.value)}
              />
              <TextInput
                label={a.usdAmount}
                value={amount}
                onChange={(e) => setAmount(e.currentTarget.value)}
              />
            </>
          )}
          {(kind === 'category' || kind === 'exemption') && (
            <>
              <TextInput
                label={a.itemKey}
                value={itemKey}
                onChange={(e) => setItemKey(e.currentTarget.value)}
              />
              {text(labels, setLabels, [a.labelTg, a.labelRu, a.labelEn])}
            </>
          )}
          {kind === 'category' && (
            <Checkbox
              label={a.active}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
              mt="xl"
            />
          )}
          {kind === 'exemption' && (
            <>
              <MultiSelect label={a.services} data={serviceOptions} value={services} onChange={setServices} />
              <Checkbox.Group label={a.lines} value={lines} onChange={setLines}>
                <Group mt={6}>
                  {FEE_LINE_KINDS.map((k) => (
                    <Checkbox key={k} value={k} label={lineLabel(k)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <NumberInput label={a.percent} min={0} max={100} value={percent} onChange={setPercent} />
              <MultiSelect
                label={a.categories}
                data={categories.map((x) => ({ value: x.key, label: x.label }))}
                value={exCategories}
                onChange={setExCategories}
              />
              <NumberInput label={a.maxMonths} min={1} value={maxMonths} onChange={setMaxMonths} />
            </>
          )}
          <DateInput label={a.validFromField} value={validFrom} onChange={setValidFrom} withAsterisk />
          <DateInput label={a.validToField} value={validTo} onChange={setValidTo} />
          {text(basis, setBasis, [a.basisTg, a.basisRu, a.basisEn])}
          <Checkbox
            label={a.verified}
            checked={verified}
            onChange={(e) => setVerified(e.currentTarget.checked)}
            mt="xl"
          />
        </SimpleGrid>
        <ProblemAlert error={preview.error ?? add.error} text={problemText} />
        {result && result.issues.length > 0 && (
          <Stack gap={2} role="alert">
            {result.issues.map((i) => (
              <Text key={`${i.path.join('.')}:${i.key}`} c="red" size="sm">
                {t(i.key, lang, i.params)}
              </Text>
            ))}
          </Stack>
        )}
        <Group>
          <Button variant="light" loading={preview.isPending} onClick={() => preview.mutate(draft)}>
            {a.preview}
          </Button>
          <Button
            loading={add.isPending}
            onClick={() =>
              add.mutate(
                { version: draft, key: idempotencyKey },
                { onSuccess: () => notifications.show({ message: a.saved, color: 'teal' }) },
              )
            }
          >
            {a.save}
          </Button>
        </Group>
        {result && (
          <Stack gap="xs" data-testid="fee-preview">
            <Text fw={600}>{a.sampleDate(formatDate(result.sampleDate))}</Text>
            {changed.length === 0 ? (
              <Text size="sm">{a.noChange}</Text>
            ) : (
              <Table.ScrollContainer minWidth={640} type="native">
                <Table className="sabt-table" verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{a.service}</Table.Th>
                      <Table.Th>{a.categoryCol}</Table.Th>
                      <Table.Th ta="right">{a.before}</Table.Th>
                      <Table.Th ta="right">{a.after}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {changed.map((r) => (
                      <Table.Tr key={`${r.service}:${r.category}:${r.consular}`}>
                        <Table.Th scope="row" fw={500}>
                          {serviceLabel(r.service as FeeService)}
                          {r.consular ? ` (${a.abroad})` : ''}
                        </Table.Th>
                        <Table.Td>
                          {r.category === 'general'
                            ? generalLabel
                            : (categories.find((x) => x.key === r.category)?.label ?? r.category)}
                        </Table.Td>
                        <Table.Td ta="right">
                          {r.before?.text ?? '—'}
                          {r.consular && r.consularBefore ? ` + $${r.consularBefore.text}` : ''}
                        </Table.Td>
                        <Table.Td ta="right" fw={600}>
                          {r.after?.text ?? '—'}
                          {r.consular && r.consularAfter ? ` + $${r.consularAfter.text}` : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
