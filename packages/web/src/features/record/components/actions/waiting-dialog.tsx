import { Button, Fieldset, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { WAITING_GROUNDS } from '@sabt/core';
import { useState } from 'react';
import { DateInput } from '../../../../components/date-input.tsx';
import { useReason } from '../../../../components/reason-field.tsx';
import { isProblem } from '../../../../lib/api.ts';
import { useRecordWrite } from '../../api/record.ts';
import { useLabels } from '../../hooks/use-labels.ts';
import { parseDisplayDate } from '../../lib/data-paths.ts';
import { ActionDialog, type RecordActionProps } from './action-dialog.tsx';
import { BasisFields, basisParts } from './basis-fields.tsx';
import { RequiredReason } from './reason-field.tsx';

type Errors = Partial<Record<'allowedFrom' | 'basisDate' | 'reason', string>>;

/** "2026-12-01" → "01.12.2026", as the date input shows it. */
const display = (iso: string) => iso.split('-').reverse().join('.');

/**
 * The head of office shortens (or waives) a marriage's month between application and registration:
 * the ground, the first day it may be registered, the reason, and the document it rests on.
 */
export function WaitingDialog({ record, etag, onClose, onDone, onReload }: RecordActionProps) {
  const { m, value, fieldLabel } = useLabels();
  const write = useRecordWrite(record.id, etag);
  const period = record.waitingPeriod;
  const [ground, setGround] = useState<string>('PREGNANCY');
  const [allowedFrom, setAllowedFrom] = useState('');
  const [basis, setBasis] = useState({ number: '', date: '', issuer: '' });
  const reason = useReason();
  const [errors, setErrors] = useState<Errors>({});
  const server = isProblem(write.error) ? write.error.fieldErrors : {};
  const date = (d: string) => value(['date'], d);

  const send = () => {
    const found: Errors = {};
    const from = parseDisplayDate(allowedFrom);
    if (!allowedFrom.trim()) found.allowedFrom = m.annul.required;
    else if (!from) found.allowedFrom = m.amendment.dateInvalid;
    const basisDate = basis.date.trim() ? parseDisplayDate(basis.date) : undefined;
    if (basisDate === null) found.basisDate = m.amendment.dateInvalid;
    if (!reason.value.trim()) found.reason = m.confirm.reasonRequired;
    setErrors(found);
    reason.setError(found.reason ?? null);
    if (found.allowedFrom) {
      document.getElementById('waiting-allowedFrom')?.focus();
      return;
    }
    if (found.basisDate) {
      document.getElementById('waiting-basis-date')?.focus();
      return;
    }
    if (found.reason) {
      reason.ref.current?.focus();
      return;
    }
    const hasBasis = basis.number.trim() || basisDate || basis.issuer.trim();
    write.mutate(
      {
        path: '/shorten-waiting',
        body: {
          ground,
          allowedFrom: from,
          reason: reason.value.trim(),
          ...(hasBasis
            ? {
                basis: { type: 'OTHER_DOCUMENT', ...basisParts(basis, basisDate) },
              }
            : {}),
        },
      },
      { onSuccess: () => onDone('shorten-waiting') },
    );
  };

  return (
    <ActionDialog
      onClose={onClose}
      title={m.waiting.title}
      intro={m.waiting.intro}
      confirmLabel={m.waiting.send}
      write={write}
      kind={record.kind}
      fieldLabels={{
        allowedFrom: m.waiting.allowedFrom,
        reason: m.waiting.reason,
        'basis.date': fieldLabel('basis.date'),
      }}
      onSubmit={send}
      onReload={onReload}
      size="lg"
    >
      {period && (
        <Text size="sm" fw={600}>
          {m.waiting.period(date(period.applicationDate), date(period.earliest))}
        </Text>
      )}
      <Radio.Group label={m.waiting.ground} value={ground} onChange={setGround} required>
        <Stack gap={6} mt={4}>
          {WAITING_GROUNDS.map((g, i) => (
            <Radio
              key={g}
              value={g}
              label={m.waiting.grounds[g] ?? g}
              data-autofocus={i === 0 || undefined}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Stack gap={4} align="flex-start">
        <DateInput
          id="waiting-allowedFrom"
          label={m.waiting.allowedFrom}
          placeholder={m.amendment.dateHint}
          description={
            period
              ? m.waiting.allowedFromHint(date(period.applicationDate), date(period.earliest))
              : undefined
          }
          value={allowedFrom}
          onChange={(v) => {
            setAllowedFrom(v);
            setErrors((x) => ({ ...x, allowedFrom: undefined }));
          }}
          error={errors.allowedFrom ?? server.allowedFrom}
          required
        />
        {period && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              setAllowedFrom(display(period.applicationDate));
              setErrors((x) => ({ ...x, allowedFrom: undefined }));
            }}
          >
            {m.waiting.waive}
          </Button>
        )}
      </Stack>
      <RequiredReason reason={reason} label={m.waiting.reason} serverError={server.reason} />
      <Fieldset legend={m.waiting.basis}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <BasisFields
            value={basis}
            onChange={(change) => {
              setBasis((b) => ({ ...b, ...change }));
              if ('date' in change) setErrors((x) => ({ ...x, basisDate: undefined }));
            }}
            dateId="waiting-basis-date"
            dateError={errors.basisDate}
            server={server}
          />
        </SimpleGrid>
      </Fieldset>
    </ActionDialog>
  );
}
