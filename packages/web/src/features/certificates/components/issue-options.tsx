import { Alert, Anchor, Group, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { DOCUMENTS, type DocumentKind, type Holder, holdersOf, type PrintMode } from '@sabt/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { NextBlank } from '../api/certificates.ts';
import { seriesNumber } from '../lib/format.ts';
import { formatMm, usePrinters } from '../lib/printers.ts';
import { useCertificateMessages } from '../messages.ts';

/** What the clerk chooses before printing. */
export interface IssueForm {
  document: DocumentKind;
  mode: PrintMode;
  /** Which former spouse a divorce certificate is for; null where one certificate serves the record. */
  holder: Holder | null;
  blank: 'next' | 'other';
  blankSeries: string;
  blankNumber: string;
}

interface Props {
  form: IssueForm;
  onChange: (change: Partial<IssueForm>) => void;
  documents: readonly DocumentKind[];
  /** The next free blank of the chosen document. */
  next: UseQueryResult<NextBlank>;
  blankNumberError: string | null;
  disabled: boolean;
}

/** Document, how to print, which blank and which printer: what the preview shows and the print uses. */
export function IssueOptions({ form, onChange, documents, next, blankNumberError, disabled }: Props) {
  const { m, documentLabel } = useCertificateMessages();
  const onBlank = DOCUMENTS[form.document].blank;
  return (
    <Stack gap="md">
      {documents.length > 1 && (
        <Radio.Group
          label={m.issue.document}
          value={form.document}
          onChange={(v) => {
            const document = v as DocumentKind;
            onChange({
              document,
              mode: DOCUMENTS[document].blank ? form.mode : 'full',
              holder: holdersOf(document)[0] ?? null,
            });
          }}
        >
          <Stack gap={6} mt={4}>
            {documents.map((d) => (
              <Radio key={d} value={d} label={documentLabel(d)} disabled={disabled} />
            ))}
          </Stack>
        </Radio.Group>
      )}

      {holdersOf(form.document).length > 0 && (
        <Radio.Group
          label={m.issue.holder}
          description={m.issue.holderHint}
          value={form.holder ?? ''}
          onChange={(v) => onChange({ holder: v as Holder })}
        >
          <Group gap="lg" mt={4}>
            {holdersOf(form.document).map((h) => (
              <Radio key={h} value={h} label={m.holders[h]} disabled={disabled} />
            ))}
          </Group>
        </Radio.Group>
      )}

      {onBlank ? (
        <Radio.Group
          label={m.issue.mode}
          value={form.mode}
          onChange={(v) => onChange({ mode: v as PrintMode })}
        >
          <Stack gap={6} mt={4}>
            <Radio value="overlay" label={m.issue.modeOverlay} disabled={disabled} />
            <Radio value="full" label={m.issue.modeFull} disabled={disabled} />
            <Text size="sm" c="dimmed">
              {m.issue.blankTaken}
            </Text>
          </Stack>
        </Radio.Group>
      ) : (
        <Text size="sm">{m.issue.plainOnly}</Text>
      )}

      {onBlank && (
        <BlankChoice
          form={form}
          onChange={onChange}
          next={next}
          error={blankNumberError}
          disabled={disabled}
        />
      )}
      {form.mode === 'overlay' && <PrinterChoice disabled={disabled} />}
    </Stack>
  );
}

function BlankChoice({
  form,
  onChange,
  next,
  error,
  disabled,
}: {
  form: IssueForm;
  onChange: (change: Partial<IssueForm>) => void;
  next: UseQueryResult<NextBlank>;
  error: string | null;
  disabled: boolean;
}) {
  const { m } = useCertificateMessages();
  const blank = next.data?.blank;
  return (
    <Radio.Group
      label={m.issue.blank}
      value={form.blank}
      onChange={(v) => onChange({ blank: v as IssueForm['blank'] })}
    >
      <Stack gap={6} mt={4}>
        <Radio
          value="next"
          disabled={disabled}
          label={
            next.isPending
              ? m.issue.nextBlankLoading
              : blank
                ? `${m.issue.nextBlank}: ${seriesNumber(blank)}`
                : m.issue.nextBlank
          }
        />
        {form.blank === 'next' && next.data && !blank && (
          <Alert color="orange" variant="light" role="alert">
            {m.issue.noBlank}
          </Alert>
        )}
        <Radio value="other" label={m.issue.otherBlank} disabled={disabled} />
        {form.blank === 'other' && (
          <Group gap="sm" align="flex-start" wrap="wrap" pl="lg">
            <TextInput
              label={m.issue.blankNumber}
              description={m.issue.blankNumberHint}
              value={form.blankNumber}
              onChange={(e) => onChange({ blankNumber: e.currentTarget.value })}
              error={error}
              required
              withAsterisk
              inputMode="numeric"
              maxLength={20}
              disabled={disabled}
              w={200}
            />
            <TextInput
              label={m.issue.blankSeries}
              description={m.issue.blankSeriesHint}
              value={form.blankSeries}
              onChange={(e) => onChange({ blankSeries: e.currentTarget.value })}
              maxLength={20}
              disabled={disabled}
              w={200}
            />
          </Group>
        )}
      </Stack>
    </Radio.Group>
  );
}

function PrinterChoice({ disabled }: { disabled: boolean }) {
  const { m } = useCertificateMessages();
  const { printers, currentPrinter, update } = usePrinters();
  return (
    <Stack gap={4}>
      {printers.length > 1 ? (
        <NativeSelect
          label={m.issue.printer}
          value={currentPrinter?.id ?? ''}
          data={printers.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(e) => {
            const id = e.currentTarget.value;
            update((s) => ({ ...s, current: id }));
          }}
          disabled={disabled}
        />
      ) : (
        <Text size="sm" fw={500}>
          {m.issue.printer}: {currentPrinter?.name ?? '—'}
        </Text>
      )}
      <Text size="sm" c={currentPrinter ? undefined : 'orange.8'}>
        {currentPrinter
          ? m.issue.offsets(formatMm(currentPrinter.dxMm), formatMm(currentPrinter.dyMm))
          : m.issue.noPrinter}{' '}
        <Anchor component={Link} to="/printer" size="sm">
          {m.issue.calibrate}
        </Anchor>
      </Text>
    </Stack>
  );
}
