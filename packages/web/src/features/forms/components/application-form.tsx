import { Alert, Anchor, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type ActKindCode, getActKind, isLocale, type Locale, type LocalizedText } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meQuery } from '../../../lib/auth.ts';
import type { RecordView } from '../../../lib/records.ts';
import { catalogueOf } from '../catalogue/index.ts';
import { useAutosave } from '../hooks/use-autosave.ts';
import { related, useFormChecks } from '../hooks/use-form-checks.ts';
import { useSubmission } from '../hooks/use-submission.ts';
import type { Values } from '../lib/catalogue-types.ts';
import { visible } from '../lib/form-model.ts';
import { FormStore } from '../lib/form-store.ts';
import { type Issue, issueText, type Shown, toIssues } from '../lib/issues.ts';
import { deepMerge, setAt } from '../lib/paths.ts';
import { fmt, MESSAGES } from '../messages.ts';
import { ErrorSummary } from './error-summary.tsx';
import { type FormApi, FormContext } from './form-context.tsx';
import { SaveStatus } from './save-status.tsx';
import { SectionView } from './section-view.tsx';

export interface ApplicationFormProps {
  kind: ActKindCode;
  /** The record's id: made here for a new application, so a retried save never duplicates it. */
  id: string;
  initialValues: Values;
  /** The server's revision and data, when the draft is saved already. */
  revision: number | null;
  serverData: Record<string, unknown> | null;
  mode: 'new' | 'edit';
  /** A message above the form (a restored local copy …). */
  notice?: ReactNode;
}

/** Every path that holds a value (what was loaded counts as visited: its errors show at once). */
function valuePaths(v: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) valuePaths(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix && v !== undefined && v !== '') out.add(prefix);
  return out;
}

/** The application form of one act kind: fields from the catalogue, checks from core, autosave. */
export function ApplicationForm(props: ApplicationFormProps) {
  const { kind, id, mode } = props;
  const catalogue = catalogueOf(kind)!;
  const def = getActKind(kind)!;
  const { i18n } = useTranslation();
  const lang: Locale = isLocale(i18n.language) ? i18n.language : 'tg';
  const m = MESSAGES[lang];
  const { data: me } = useQuery(meQuery());
  const formId = `f${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  const [store] = useState(() => new FormStore(props.initialValues));
  const values = useSyncExternalStore(store.subscribe, () => store.values);
  const [touched, setTouched] = useState<Set<string>>(() => valuePaths(props.initialValues));
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [conflict, setConflict] = useState<Values | null>(null);

  const kindLabel = def.labels[lang];
  const title = fmt(mode === 'new' ? m.title.new : m.title.edit, { kind: kindLabel });
  useDocumentTitle(title);

  const idFor = useCallback((path: string) => `${formId}-${path.replace(/[^a-zA-Z0-9]/g, '-')}`, [formId]);
  const checks = useFormChecks({ catalogue, def, values, touched, serverIssues, lang, idFor });
  const { data, payload, placed, summary } = checks;

  /** The server's draft replaces what is on screen; the clerk may put their own back. */
  const showServerDraft = (record: RecordView) => {
    setConflict(store.values);
    store.setValues((record.data ?? {}) as Values);
  };
  const autosave = useAutosave({
    id,
    kind,
    def,
    revision: props.revision,
    serverData: props.serverData,
    values,
    data,
    payload: payload.data,
    owner: me?.id,
    onConflict: (record) => {
      showServerDraft(record);
      setServerIssues([]);
    },
    onRejected: (errors) => setServerIssues(toIssues(errors)),
  });

  const summaryId = `${formId}-errors`;
  const submission = useSubmission({
    id,
    m,
    saver: autosave.saver,
    checkComplete: checks.checkComplete,
    focusSummary: () => setTimeout(() => document.getElementById(summaryId)?.focus(), 0),
    onSubmitted: autosave.stop,
    onConflict: showServerDraft,
    onRefused: setServerIssues,
  });
  const { check, submit, submitting, outcome, clearOutcome } = submission;

  // ---- the form API the inputs use ---------------------------------------------------------
  useLayoutEffect(() => store.setPlaced(placed.byPath), [store, placed]);

  const set = useCallback(
    (path: string, value: unknown) => {
      store.setValues((v) => setAt(v, path, value));
      setServerIssues((list) => {
        const next = list.filter((i) => !related(i.path.join('.'), path));
        return next.length === list.length ? list : next;
      });
      clearOutcome();
    },
    [store, clearOutcome],
  );
  const merge = useCallback(
    (patch: Values) => {
      store.setValues((v) => deepMerge(v, patch) as Values);
      setTouched((t) => new Set([...t, ...valuePaths(patch)]));
    },
    [store],
  );
  const touch = useCallback(
    (path: string) =>
      setTouched((t) => {
        if (t.has(path)) return t;
        const next = new Set(t);
        next.add(path);
        return next;
      }),
    [],
  );

  const api: FormApi = useMemo(
    () => ({
      lang,
      m,
      store,
      set,
      merge,
      touch,
      text: (s: Shown) => issueText(s, lang),
      idFor,
      label: (t: LocalizedText) => t[lang],
    }),
    [lang, m, store, set, merge, touch, idFor],
  );

  /** Enter moves to the next field (as on paper forms, top to bottom); Shift+Enter stays. */
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    const form = e.currentTarget;
    if (!form.contains(target) || !['INPUT', 'SELECT'].includes(target.tagName)) return;
    e.preventDefault();
    const fields = [...form.querySelectorAll<HTMLElement>('input, select, textarea')].filter(
      (el) =>
        !(el as HTMLInputElement).disabled && (el as HTMLInputElement).type !== 'hidden' && el.tabIndex >= 0,
    );
    fields[fields.indexOf(target) + 1]?.focus();
  };

  const sections = catalogue.sections.filter((s) => visible(s, values));
  const partial = payload.left.length > 0;

  return (
    <FormContext.Provider value={api}>
      <Stack gap="md" pb={96}>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Anchor component={Link} to="/queues/drafts" size="sm">
              {m.back}
            </Anchor>
            <Title order={1} size="h2">
              {title}
            </Title>
          </div>
          <SaveStatus state={autosave.state} partial={partial} lang={lang} m={m} live={false} />
        </Group>
        {props.notice}
        {conflict && (
          <Alert color="orange" title={m.conflict.title} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{m.conflict.body}</Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  onClick={() => {
                    store.setValues(conflict);
                    setConflict(null);
                  }}
                >
                  {m.conflict.restore}
                </Button>
                <Button size="xs" variant="default" onClick={() => setConflict(null)}>
                  {m.conflict.dismiss}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Box component="nav" aria-label={m.sections}>
          <Group gap="xs" wrap="wrap">
            {sections.map((s) => (
              <Anchor
                key={s.id}
                href={`#${formId}-section-${s.id}`}
                size="sm"
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(`${formId}-section-${s.id}`);
                  el?.scrollIntoView({ block: 'start' });
                  el?.focus();
                }}
              >
                {s.title[lang]}
              </Anchor>
            ))}
          </Group>
        </Box>
        <Text size="sm" c="dimmed">
          {m.requiredNote}
        </Text>
        <form
          noValidate
          aria-label={title}
          onKeyDown={onKeyDown}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            {sections.map((s) => (
              <SectionView key={s.id} section={s} domId={`${formId}-section-${s.id}`} />
            ))}
            <ErrorSummary
              id={summaryId}
              title={fmt(m.actions.errorsTitle, { count: summary.items.length + summary.other.length })}
              items={summary.items}
              other={summary.other}
            />
            {outcome && !outcome.ok && (
              <Alert color="red" role="alert" title={m.actions.submitFailed}>
                {outcome.text}
              </Alert>
            )}
          </Stack>
          {/* The check's verdict stands beside its button, where the clerk is looking, however long the form. */}
          <Paper
            withBorder
            shadow="sm"
            p={{ base: 6, sm: 'sm' }}
            mt="md"
            className="sabt-action-bar"
            style={{ position: 'sticky', bottom: 0, zIndex: 5 }}
          >
            <Group justify="space-between" wrap="wrap" gap="xs">
              <SaveStatus state={autosave.state} partial={false} lang={lang} m={m} live />
              <Group gap="sm" wrap="nowrap" ml="auto" className="sabt-action-bar-buttons">
                <Button variant="default" onClick={check} size="sm" className="sabt-wrap-button">
                  {m.actions.check}
                </Button>
                <Button type="submit" loading={submitting} size="sm" className="sabt-wrap-button">
                  {submitting ? m.actions.submitting : m.actions.submit}
                </Button>
              </Group>
            </Group>
            <Text
              role="status"
              aria-live="polite"
              data-check-outcome
              size="sm"
              fw={600}
              c="teal.9"
              mt={outcome?.ok ? 4 : 0}
            >
              {outcome?.ok ? `✓ ${outcome.text}` : ''}
            </Text>
          </Paper>
        </form>
      </Stack>
    </FormContext.Provider>
  );
}
