import {
  Alert,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { type ActKindCode, FIELD_LABELS, formatDate, getActKind, type SearchHit } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { RecordRow } from '../../../../lib/records.ts';
import { type SearchParams, searchQuery } from '../../api/records.ts';
import { fmt } from '../../messages.ts';
import { useForm } from '../form-context.tsx';
import { useOfficeName } from './record-ref.tsx';

const fullName = (p: { surname: string | null; name: string | null; patronymic: string | null }) =>
  [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');

/** Who a found record is about: both spouses of a marriage or divorce (with the surname before), else its person. */
const personsOfHit = (h: SearchHit) =>
  h.spouses
    ? h.spouses
        .map((s) => [fullName(s), s.earlierSurname ? `(${s.earlierSurname})` : ''].filter(Boolean).join(' '))
        .filter(Boolean)
        .join(' — ')
    : fullName(h);

/** Search for a registered record of one kind by the names in it; choosing one closes the dialog. */
export function LookupDialog({
  opened,
  onClose,
  kind,
  initial,
  onChoose,
  busy,
}: {
  opened: boolean;
  onClose: () => void;
  kind: ActKindCode;
  initial: { surname?: string | undefined; name?: string | undefined };
  onChoose: (hit: RecordRow) => void;
  busy: boolean;
}) {
  const f = useForm();
  const office = useOfficeName();
  const base = useId();
  const [surname, setSurname] = useState(initial.surname ?? '');
  const [name, setName] = useState(initial.name ?? '');
  const [birthYear, setBirthYear] = useState('');
  const [params, setParams] = useState<SearchParams | null>(null);
  const [needName, setNeedName] = useState(false);
  const results = useQuery({ ...searchQuery(params ?? { kind }), enabled: params !== null });
  const kindLabel = getActKind(kind)?.labels[f.lang] ?? kind;

  const search = () => {
    if (!surname.trim() && !name.trim()) {
      setNeedName(true);
      return;
    }
    setNeedName(false);
    setParams({
      kind,
      surname: surname.trim() || undefined,
      name: name.trim() || undefined,
      birthYear: /^\d{4}$/.test(birthYear) ? Number(birthYear) : undefined,
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={fmt(f.m.lookup.dialogTitle, { kind: kindLabel })}
      closeButtonProps={{ 'aria-label': f.m.lookup.close }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          e.stopPropagation();
          search();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              id={`${base}-surname`}
              autoComplete="off"
              label={f.label(FIELD_LABELS.surname)}
              value={surname}
              onChange={(e) => setSurname(e.currentTarget.value)}
              data-autofocus
            />
            <TextInput
              id={`${base}-name`}
              autoComplete="off"
              label={f.label(FIELD_LABELS.name)}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <TextInput
              id={`${base}-year`}
              autoComplete="off"
              inputMode="numeric"
              maxLength={4}
              label={f.m.lookup.birthYear}
              value={birthYear}
              onChange={(e) => setBirthYear(e.currentTarget.value.replace(/\D/g, ''))}
            />
          </SimpleGrid>
          {needName && (
            <Text size="sm" c="red.8" role="alert">
              {f.m.lookup.needName}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={results.isFetching}>
              {f.m.lookup.search}
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {results.isError && (
          <Alert color="red" mt="sm" role="alert">
            {results.error.message}
          </Alert>
        )}
        {results.data && results.data.length === 0 && (
          <Text mt="sm" c="dimmed">
            {f.m.lookup.none}
          </Text>
        )}
        {results.data && results.data.length > 0 && (
          <Stack
            gap={6}
            mt="md"
            component="ul"
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={f.m.lookup.results}
          >
            {results.data.map((h) => {
              const ref =
                h.number !== null
                  ? fmt(f.m.lookup.ref, { number: h.number, year: h.year ?? '' })
                  : f.m.lookup.noNumber;
              return (
                <li key={h.id}>
                  <UnstyledButton
                    w="100%"
                    p="sm"
                    disabled={busy}
                    style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}
                    aria-label={fmt(f.m.lookup.chooseRecord, { ref: `${ref} ${personsOfHit(h)}` })}
                    onClick={() => onChoose(h)}
                  >
                    <Text fw={600}>{personsOfHit(h) || '—'}</Text>
                    <Text size="sm" c="dimmed">
                      {[
                        ref,
                        h.birthDate ? fmt(f.m.lookup.born, { date: formatDate(h.birthDate) }) : '',
                        h.eventDate ? fmt(f.m.lookup.event, { date: formatDate(h.eventDate) }) : '',
                        office(h.office, f.lang),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </UnstyledButton>
                </li>
              );
            })}
          </Stack>
        )}
      </div>
    </Modal>
  );
}
