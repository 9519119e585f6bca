import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { BLANK_DOCUMENTS, type DocumentKind } from '@sabt/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Heading } from '../../components/heading.tsx';
import { newUuid } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { fetchCalibrationPage } from './api/certificates.ts';
import { PdfFrame } from './components/pdf-frame.tsx';
import { ProblemAlert } from './components/problem-alert.tsx';
import { OFFSET_LIMIT, type Printer, usePrinters } from './lib/printers.ts';
import { useRights } from './lib/rights.ts';
import { useCertificateMessages } from './messages.ts';

/**
 * Printer calibration (`/printer`): this workstation's printers with their X/Y offsets in
 * millimetres, kept in this browser; the test page of a blank printed with a printer's offsets.
 */
export default function PrinterPage() {
  const { m, documentLabel } = useCertificateMessages();
  const p = m.printer;
  usePageTitle(p.title);
  const rights = useRights();
  const { printers, current, update } = usePrinters();
  const [document, setDocument] = useState<DocumentKind>(BLANK_DOCUMENTS[0]);
  const test = useMutation({
    mutationFn: (printer: Printer) =>
      fetchCalibrationPage(document, { dxMm: printer.dxMm, dyMm: printer.dyMm }).then((blob) => ({
        blob,
        printer: printer.name,
      })),
  });
  const currentPrinter = printers.find((x) => x.id === current) ?? null;

  const change = (id: string, patch: Partial<Printer>) => {
    test.reset();
    update((s) => ({ ...s, printers: s.printers.map((x) => (x.id === id ? { ...x, ...patch } : x)) }));
  };
  const add = () =>
    update((s) => {
      const printer = { id: newUuid(), name: p.defaultName(s.printers.length + 1), dxMm: 0, dyMm: 0 };
      return { printers: [...s.printers, printer], current: s.current ?? printer.id };
    });
  const remove = (id: string) =>
    update((s) => ({
      printers: s.printers.filter((x) => x.id !== id),
      current: s.current === id ? null : s.current,
    }));

  if (rights.me && !rights.may('issue-certificate')) {
    return (
      <Alert color="orange" title={p.title}>
        {p.notAllowed}
      </Alert>
    );
  }

  return (
    <Stack gap="md">
      <Heading title={p.title} intro={p.intro} introMaw={820} />
      <List type="ordered" size="sm" spacing={4} maw={820}>
        {p.steps.map((step) => (
          <List.Item key={step}>{step}</List.Item>
        ))}
      </List>

      <Stack gap="sm" component="section" aria-labelledby="printers-title">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id="printers-title">
            {p.printers}
          </Title>
          <Button variant="light" onClick={add}>
            {p.add}
          </Button>
        </Group>
        {printers.length === 0 && <Text c="dimmed">{p.none}</Text>}
        <Radio.Group
          value={current ?? ''}
          onChange={(id) => update((s) => ({ ...s, current: id }))}
          aria-label={p.current}
        >
          <Stack gap="sm">
            {printers.map((printer) => (
              <Paper key={printer.id} withBorder p="md" aria-label={printer.name} component="fieldset">
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                  <TextInput
                    label={p.name}
                    value={printer.name}
                    onChange={(e) => change(printer.id, { name: e.currentTarget.value })}
                    maxLength={100}
                  />
                  {(['dx', 'dy'] as const).map((axis) => (
                    <NumberInput
                      key={axis}
                      label={p[axis]}
                      description={p[`${axis}Hint`]}
                      value={printer[`${axis}Mm`]}
                      onChange={(v) =>
                        change(printer.id, { [`${axis}Mm`]: typeof v === 'number' ? v : Number(v) || 0 })
                      }
                      step={0.5}
                      decimalScale={2}
                      min={-OFFSET_LIMIT}
                      max={OFFSET_LIMIT}
                      clampBehavior="strict"
                    />
                  ))}
                  <Stack gap={6} justify="flex-end">
                    <Radio value={printer.id} label={p.use} />
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => remove(printer.id)}
                      w="fit-content"
                    >
                      {p.remove}
                    </Button>
                  </Stack>
                </SimpleGrid>
              </Paper>
            ))}
          </Stack>
        </Radio.Group>
        {printers.length > 0 && (
          <Text size="xs" c="dimmed">
            {p.saved}
          </Text>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="test-page-title">
        <Title order={2} size="h3" id="test-page-title">
          {p.test}
        </Title>
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label={p.testDocument}
            value={document}
            onChange={(e) => {
              setDocument(e.currentTarget.value as DocumentKind);
              test.reset();
            }}
            data={BLANK_DOCUMENTS.map((d) => ({ value: d, label: documentLabel(d) }))}
          />
          <Button
            onClick={() => test.mutate(currentPrinter ?? { id: '', name: '—', dxMm: 0, dyMm: 0 })}
            loading={test.isPending}
          >
            {p.openTest}
          </Button>
        </Group>
        <ProblemAlert error={test.error} />
        {test.data && (
          <PdfFrame blob={test.data.blob} title={p.testTitle(test.data.printer)} printable height="70vh" />
        )}
      </Stack>
    </Stack>
  );
}
