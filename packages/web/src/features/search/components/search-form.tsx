import {
  Badge,
  Box,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { ACT_KINDS, ADMIN_UNITS, FIELD_LABELS, REGIONS, STATUSES, searchesByDocument } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActKinds } from '../../../lib/act-kinds.ts';
import { meQuery } from '../../../lib/auth.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useSearchMessages } from '../messages.ts';
import {
  CRITERIA,
  countAdvanced,
  type Draft,
  draftFromSearch,
  type Field,
  type FieldError,
  searchFromDraft,
} from '../params.ts';
import { DateField } from './date-field.tsx';

interface Props {
  /** The address's query string: the form follows it (Back, Forward, a shared link). */
  search: string;
  onSearch: (search: URLSearchParams) => void;
  busy: boolean;
}

const fieldId = (f: Field) => `search-${f}`;

/** One free-text box, the broad switch, and the advanced panel; Enter searches from any field. */
export function SearchForm({ search, onSearch, busy }: Props) {
  const m = useSearchMessages();
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { data: kinds } = useActKinds();
  const me = useQuery(meQuery()).data;
  const byDocument = !me || searchesByDocument(me.role);
  const panelId = useId();

  const [draft, setDraft] = useState<Draft>(() => draftFromSearch(new URLSearchParams(search)));
  const [errors, setErrors] = useState<Partial<Record<Field, FieldError>>>({});
  const [open, setOpen] = useState(() => countAdvanced(draft) > 0);

  // The address changed (a search, Back, Forward): show what it says.
  useEffect(() => {
    const next = draftFromSearch(new URLSearchParams(search));
    setDraft(next);
    setErrors({});
    if (countAdvanced(next) > 0) setOpen(true);
  }, [search]);

  const set = (f: Field) => (value: string) => {
    setDraft((d) => ({ ...d, [f]: value }));
    setErrors((e) => {
      const next = { ...e };
      delete next[f];
      // typing a criterion answers "give something to search for"
      if (next.q === 'nothing' && (CRITERIA as readonly Field[]).includes(f)) delete next.q;
      return next;
    });
  };
  const errorOf = (f: Field) => (errors[f] ? m.errors[errors[f]] : undefined);
  const onText = (f: Field) => (e: { currentTarget: { value: string } }) => set(f)(e.currentTarget.value);
  const text = (f: Field) => ({
    id: fieldId(f),
    value: draft[f],
    onChange: onText(f),
    error: errorOf(f),
    maxLength: 100,
    autoComplete: 'off',
    spellCheck: false,
  });
  const select = (f: 'kind' | 'status' | 'place') => ({
    id: fieldId(f),
    label: m.fields[f],
    value: draft[f],
    onChange: onText(f),
  });
  const date = (f: 'birthDate' | 'from' | 'to') => ({
    id: fieldId(f),
    label: f === 'birthDate' ? FIELD_LABELS.birthDate[lang] : m.fields[f],
    value: draft[f],
    onChange: set(f),
    error: errorOf(f),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = searchFromDraft(draft);
    setErrors(result.errors);
    if (result.search) {
      onSearch(result.search);
      return;
    }
    const first = (Object.keys(result.errors) as Field[])[0];
    if (first && first !== 'q') setOpen(true);
    // after the panel has opened
    requestAnimationFrame(() => document.getElementById(fieldId(first ?? 'q'))?.focus());
  };

  const clear = () => {
    setDraft(draftFromSearch(new URLSearchParams()));
    setErrors({});
    onSearch(new URLSearchParams());
    document.getElementById(fieldId('q'))?.focus();
  };

  const kindOptions = useMemo(
    () => [
      { value: '', label: m.any },
      ...ACT_KINDS.map((code) => ({
        value: code,
        label: kinds?.find((k) => k.code === code)?.labels[lang] ?? code,
      })),
    ],
    [kinds, lang, m.any],
  );
  const statusOptions = [
    { value: '', label: m.any },
    ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
  ];
  const placeOptions = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return [
      { value: '', label: m.anyPlace },
      ...REGIONS.map((r) => ({
        group: r[lang],
        items: ADMIN_UNITS.filter((u) => u.region === r.code)
          .map((u) => ({ value: u.code, label: u[lang] }))
          .sort((a, b) => collator.compare(a.label, b.label)),
      })),
    ];
  }, [lang, m.anyPlace]);

  const advancedCount = countAdvanced(draft);

  return (
    <Box component="form" role="search" aria-label={m.formLabel} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          {...text('q')}
          type="search"
          label={m.fields.q}
          placeholder={m.qPlaceholder}
          size="md"
          inputContainer={(input) => (
            <Group gap="xs" align="flex-start" wrap="wrap">
              <Box style={{ flex: '1 1 18rem', minWidth: 0 }}>{input}</Box>
              <Group gap="xs" wrap="nowrap">
                <Button type="submit" size="md" loading={busy}>
                  {m.submit}
                </Button>
                <Button type="button" size="md" variant="default" onClick={clear}>
                  {m.clear}
                </Button>
              </Group>
            </Group>
          )}
        />

        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Switch
            checked={draft.broad}
            onChange={(e) => {
              const broad = e.currentTarget.checked;
              setDraft((d) => ({ ...d, broad }));
            }}
            label={m.broad}
            description={m.broadHint}
            size="md"
          />
          <UnstyledButton
            type="button"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={panelId}
            fw={600}
            c="teal.9"
            py={4}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'} </span>
            {m.advanced}
            {advancedCount > 0 && (
              <Badge ml={8} variant="light" tt="none" size="md">
                {m.advancedCount(advancedCount)}
              </Badge>
            )}
          </UnstyledButton>
        </Group>

        <Paper id={panelId} withBorder p="md" bg="gray.0" display={open ? 'block' : 'none'}>
          <Text size="sm" c="dimmed" mb="sm">
            {m.advancedHint}
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" verticalSpacing="md">
            <Group4 legend={m.groups.person}>
              <TextInput {...text('surname')} label={FIELD_LABELS.surname[lang]} />
              <TextInput {...text('name')} label={FIELD_LABELS.name[lang]} />
              <TextInput {...text('patronymic')} label={FIELD_LABELS.patronymic[lang]} />
              <DateField {...date('birthDate')} />
              <TextInput
                {...text('birthYear')}
                label={m.fields.birthYear}
                inputMode="numeric"
                maxLength={4}
              />
            </Group4>
            <Group4 legend={m.groups.act}>
              <NativeSelect {...select('kind')} data={kindOptions} />
              <NativeSelect {...select('status')} data={statusOptions} />
              <NativeSelect {...select('place')} data={placeOptions} />
              <DateField {...date('from')} />
              <DateField {...date('to')} />
            </Group4>
            <Group4 legend={m.groups.parents}>
              <TextInput {...text('mother')} label={m.fields.mother} />
              <TextInput {...text('father')} label={m.fields.father} />
            </Group4>
            <Group4 legend={m.groups.numbers}>
              <TextInput
                {...text('actNumber')}
                label={m.fields.actNumber}
                inputMode="numeric"
                maxLength={6}
              />
              <TextInput {...text('year')} label={m.fields.year} inputMode="numeric" maxLength={4} />
              <TextInput
                {...text('nationalId')}
                label={m.fields.nationalId}
                inputMode="numeric"
                maxLength={30}
              />
              {/* not offered to a role that sees document numbers masked (core READ_MATRIX) */}
              {byDocument && <TextInput {...text('document')} label={m.fields.document} maxLength={30} />}
            </Group4>
          </SimpleGrid>
        </Paper>
      </Stack>
    </Box>
  );
}

/** A titled group of fields, two to a row where there is room. */
function Group4({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset
      legend={legend}
      variant="unstyled"
      p={0}
      m={0}
      styles={{ legend: { fontWeight: 700, color: 'var(--mantine-color-teal-9)', marginBottom: 4 } }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
        {children}
      </SimpleGrid>
    </Fieldset>
  );
}
