import { Fieldset, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type ChangeEvent, useState } from 'react';
import { DateInput } from '../../../../components/date-input.tsx';
import { useReason } from '../../../../components/reason-field.tsx';
import { isProblem } from '../../../../lib/api.ts';
import { useRecordWrite } from '../../api/record.ts';
import { useLabels } from '../../hooks/use-labels.ts';
import { isUuid, parseDisplayDate } from '../../lib/data-paths.ts';
import { ActionDialog, type RecordActionProps } from './action-dialog.tsx';
import { RequiredReason } from './reason-field.tsx';

type BasisType = 'COURT_DECISION' | 'DUPLICATE';
type Errors = Partial<
  Record<'court' | 'caseNumber' | 'date' | 'inForceDate' | 'duplicateOf' | 'reason', string>
>;

/** Annuls a registered record on a court decision, or as a duplicate of another registered record. */
export function AnnulDialog({
  record,
  etag,
  onClose,
  onDone,
  onReload,
  duplicateOf: suggested,
}: RecordActionProps & {
  duplicateOf?: string | undefined;
}) {
  const { m, value, fieldLabel } = useLabels();
  const write = useRecordWrite(record.id, etag);
  const [type, setType] = useState<BasisType>(suggested ? 'DUPLICATE' : 'COURT_DECISION');
  const [court, setCourt] = useState({ court: '', caseNumber: '', date: '', inForceDate: '' });
  const [duplicateOf, setDuplicateOf] = useState(suggested ?? '');
  const reason = useReason();
  const [errors, setErrors] = useState<Errors>({});
  const server = isProblem(write.error) ? write.error.fieldErrors : {};

  const send = () => {
    const found: Errors = {};
    const date = parseDisplayDate(court.date);
    const inForce = court.inForceDate.trim() ? parseDisplayDate(court.inForceDate) : undefined;
    if (type === 'COURT_DECISION') {
      if (!court.court.trim()) found.court = m.annul.required;
      if (!court.caseNumber.trim()) found.caseNumber = m.annul.required;
      if (!court.date.trim()) found.date = m.annul.required;
      else if (!date) found.date = m.amendment.dateInvalid;
      if (inForce === null) found.inForceDate = m.amendment.dateInvalid;
    } else if (!isUuid(duplicateOf)) {
      found.duplicateOf = m.annul.duplicateOfInvalid;
    }
    if (!reason.value.trim()) found.reason = m.confirm.reasonRequired;
    setErrors(found);
    reason.setError(found.reason ?? null);
    const first = (['court', 'caseNumber', 'date', 'inForceDate', 'duplicateOf', 'reason'] as const).find(
      (k) => found[k],
    );
    if (first) {
      if (first === 'reason') reason.ref.current?.focus();
      else document.getElementById(`annul-${first}`)?.focus();
      return;
    }
    write.mutate(
      {
        path: '/annul',
        body: {
          reason: reason.value.trim(),
          basis:
            type === 'COURT_DECISION'
              ? {
                  type,
                  court: {
                    court: court.court.trim(),
                    caseNumber: court.caseNumber.trim(),
                    date,
                    ...(inForce ? { inForceDate: inForce } : {}),
                  },
                }
              : { type, duplicateOf: duplicateOf.trim().toLowerCase() },
        },
      },
      { onSuccess: () => onDone('annul') },
    );
  };

  const setCourtValue = (key: keyof typeof court, v: string) => {
    setCourt((c) => ({ ...c, [key]: v }));
    setErrors((x) => ({ ...x, [key]: undefined }));
  };
  const setCourtField = (key: keyof typeof court) => (e: ChangeEvent<HTMLInputElement>) =>
    setCourtValue(key, e.currentTarget.value);

  return (
    <ActionDialog
      onClose={onClose}
      title={m.annul.title}
      intro={m.annul.intro}
      confirmLabel={m.annul.send}
      color="red"
      write={write}
      kind={record.kind}
      fieldLabels={{
        reason: m.annul.reason,
        'basis.court': fieldLabel('basis.court.court'),
        'basis.court.court': fieldLabel('basis.court.court'),
        'basis.court.caseNumber': fieldLabel('basis.court.caseNumber'),
        'basis.court.date': fieldLabel('basis.court.date'),
        'basis.duplicateOf': m.annul.duplicateOf,
      }}
      onSubmit={send}
      onReload={onReload}
      size="lg"
    >
      <Radio.Group label={m.annul.basisType} value={type} onChange={(v) => setType(v as BasisType)} required>
        <Group gap="lg" mt={4}>
          <Radio value="COURT_DECISION" label={value(['basis', 'type'], 'COURT_DECISION')} data-autofocus />
          <Radio value="DUPLICATE" label={value(['basis', 'type'], 'DUPLICATE')} />
        </Group>
      </Radio.Group>
      {type === 'COURT_DECISION' ? (
        <Fieldset legend={value(['basis', 'type'], 'COURT_DECISION')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              id="annul-court"
              label={fieldLabel('basis.court.court')}
              value={court.court}
              onChange={setCourtField('court')}
              error={errors.court ?? server['basis.court.court'] ?? server['basis.court']}
              required
              maxLength={200}
            />
            <TextInput
              id="annul-caseNumber"
              label={fieldLabel('basis.court.caseNumber')}
              value={court.caseNumber}
              onChange={setCourtField('caseNumber')}
              error={errors.caseNumber ?? server['basis.court.caseNumber']}
              required
              maxLength={50}
            />
            {(
              [
                ['date', fieldLabel('basis.court.date'), true],
                ['inForceDate', m.annul.inForceDate, false],
              ] as const
            ).map(([key, label, required]) => (
              <DateInput
                key={key}
                id={`annul-${key}`}
                label={label}
                placeholder={m.amendment.dateHint}
                description={m.amendment.dateHint}
                value={court[key]}
                onChange={(v) => setCourtValue(key, v)}
                error={errors[key] ?? server[`basis.court.${key}`]}
                required={required}
              />
            ))}
          </SimpleGrid>
          {m.annul.undoes[record.kind] && (
            <Text size="sm" mt="sm">
              {m.annul.undoes[record.kind]}
            </Text>
          )}
        </Fieldset>
      ) : (
        <Stack gap={4}>
          <TextInput
            id="annul-duplicateOf"
            label={m.annul.duplicateOf}
            description={m.annul.duplicateOfHint}
            value={duplicateOf}
            onChange={(e) => {
              setDuplicateOf(e.currentTarget.value);
              setErrors((x) => ({ ...x, duplicateOf: undefined }));
            }}
            error={errors.duplicateOf ?? server['basis.duplicateOf']}
            required
            maxLength={36}
            ff="monospace"
            autoComplete="off"
          />
          {m.annul.undoes[record.kind] && <Text size="sm">{m.annul.duplicateKeeps}</Text>}
        </Stack>
      )}
      <RequiredReason reason={reason} label={m.annul.reason} serverError={server.reason} />
    </ActionDialog>
  );
}
