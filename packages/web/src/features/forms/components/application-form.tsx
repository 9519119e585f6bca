import { Alert, Anchor, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  type ActKindCode,
  actKindJsonSchema,
  checkRecordData,
  getActKind,
  isLocale,
  type Locale,
  type LocalizedText,
  todayIn,
} from '@sabt/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type FieldProblem, isProblem, ProblemError } from '../../../lib/api.ts';
import { meQuery } from '../../../lib/auth.ts';
import { TIME_ZONE } from '../../../lib/dates.ts';
import { fetchRecord, type RecordView } from '../../../lib/records.ts';
import { submitRecord } from '../api/records.ts';
import { catalogueOf } from '../catalogue/index.ts';
import type { Values } from '../catalogue/types.ts';
import { DraftSaver, type SaverState } from '../lib/draft-saver.ts';
import {
  anchorFor,
  anchorPaths,
  fieldOrder,
  isEmptyData,
  objectPaths,
  toData,
  visible,
} from '../lib/form-model.ts';
import { FormStore } from '../lib/form-store.ts';
import {
  expandRequired,
  fromServerPath,
  type Issue,
  issueText,
  placeIssues,
  type Shown,
  withoutInvalid,
} from '../lib/issues.ts';
import { removeLocalDraft, writeLocalDraft } from '../lib/local-drafts.ts';
import { deepMerge, setAt } from '../lib/paths.ts';
import { fmt, MESSAGES } from '../messages.ts';
import { ErrorSummary, labelIndex, labelOf, type SummaryItem } from './error-summary.tsx';
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

const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** The application form of one act kind: fields from the catalogue, checks from core, autosave. */
export function ApplicationForm(props: ApplicationFormProps) {
  const { kind, id, mode } = props;
  const catalogue = catalogueOf(kind)!;
  const def = getActKind(kind)!;
  const { i18n } = useTranslation();
  const lang: Locale = isLocale(i18n.language) ? i18n.language : 'tg';
  const m = MESSAGES[lang];
  const navigate = useNavigate();
  const client = useQueryClient();
  const { data: me } = useQuery(meQuery());
  const formId = `f${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const today = useMemo(() => todayIn(TIME_ZONE), []);

  const [store] = useState(() => new FormStore(props.initialValues));
  const values = useSyncExternalStore(store.subscribe, () => store.values);
  const [touched, setTouched] = useState<Set<string>>(() => valuePaths(props.initialValues));
  const [showAll, setShowAll] = useState(false);
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [conflict, setConflict] = useState<Values | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [saverState, setSaverState] = useState<SaverState>({
    status: props.revision === null ? 'idle' : 'saved',
    revision: props.revision,
    savedAt: null,
    problem: null,
  });
  const saverRef = useRef<DraftSaver | null>(null);
  const submitted = useRef(false);

  const kindLabel = def.labels[lang];
  const title = fmt(mode === 'new' ? m.title.new : m.title.edit, { kind: kindLabel });
  useDocumentTitle(title);

  // ---- data and checks -------------------------------------------------------------------
  const data = useMemo(() => toData(catalogue, values), [catalogue, values]);
  const draftCheck = useMemo(() => checkRecordData(def, data, 'draft', { today }), [def, data, today]);
  const completeCheck = useMemo(
    () => (showAll ? checkRecordData(def, data, 'complete', { today }) : null),
    [def, data, today, showAll],
  );
  const payload = useMemo(() => withoutInvalid(def, data, today), [def, data, today]);
  const anchors = useMemo(() => anchorPaths(catalogue), [catalogue]);
  const objects = useMemo(() => objectPaths(catalogue), [catalogue]);
  const schema = useMemo(() => actKindJsonSchema(def), [def]);

  const placed = useMemo(() => {
    const check = completeCheck ?? draftCheck;
    const errors = completeCheck
      ? completeCheck.errors
      : draftCheck.errors.filter((e) => {
          const at = anchorFor(anchors, e.path);
          return at !== undefined && [...touched].some((t) => related(t, at));
        });
    const all = expandRequired([...errors, ...serverIssues], schema, objects.laidOut, objects.defaulted);
    const { byPath, unplaced } = placeIssues(anchors, all, 'error', new Map(), [], objects.composite);
    placeIssues(anchors, check.warnings, 'warning', byPath, []);
    return { byPath, unplaced };
  }, [anchors, objects, schema, completeCheck, draftCheck, serverIssues, touched]);

  // ---- autosave and the local copy ---------------------------------------------------------
  // The saver lives as long as the form of this record; later props do not replace it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the starting revision is read once
  useEffect(() => {
    const saver = new DraftSaver({
      id,
      kind,
      revision: props.revision,
      serverData: props.serverData,
      onState: setSaverState,
      onConflict: (record: RecordView) => {
        setConflict(store.values);
        store.setValues((record.data ?? {}) as Values);
        setServerIssues([]);
      },
      onRejected: (errors: FieldProblem[]) => setServerIssues(toIssues(errors)),
    });
    saverRef.current = saver;
    return () => saver.dispose();
  }, [id, kind]);

  useEffect(() => {
    if (!submitted.current) saverRef.current?.update(payload.data);
  }, [payload]);

  useEffect(() => {
    if (submitted.current) return;
    const saver = saverRef.current;
    if (saverState.revision === null && isEmptyData(data)) return; // nothing typed yet: nothing to keep
    const s = def.summary(data as never);
    writeLocalDraft({
      id,
      kind,
      values,
      revision: saverState.revision,
      base: saver?.base ?? props.serverData,
      dirty: !(saver?.isSynced(data) ?? false),
      savedAt: new Date().toISOString(),
      label: [s.surname, s.name, s.patronymic].filter(Boolean).join(' '),
      owner: me?.id,
    });
  }, [values, data, saverState, id, kind, def, props.serverData, me?.id]);

  // ---- the form API the inputs use ---------------------------------------------------------
  useLayoutEffect(() => store.setPlaced(placed.byPath), [store, placed]);

  const set = useCallback(
    (path: string, value: unknown) => {
      store.setValues((v) => setAt(v, path, value));
      setServerIssues((list) => {
        const next = list.filter((i) => !related(i.path.join('.'), path));
        return next.length === list.length ? list : next;
      });
      setOutcome(null);
    },
    [store],
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
  const idFor = useCallback((path: string) => `${formId}-${path.replace(/[^a-zA-Z0-9]/g, '-')}`, [formId]);

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

  // ---- check and submit --------------------------------------------------------------------
  const order = useMemo(() => fieldOrder(catalogue), [catalogue]);
  const labels = useMemo(() => labelIndex(catalogue, lang), [catalogue, lang]);
  const summaryId = `${formId}-errors`;
  const summary = useMemo(() => {
    if (!showAll && serverIssues.length === 0) return { items: [] as SummaryItem[], other: [] as string[] };
    const items: SummaryItem[] = [];
    for (const [path, shown] of placed.byPath) {
      const errors = shown.filter((s) => s.level === 'error');
      if (errors.length === 0) continue;
      items.push({
        path,
        label: labelOf(labels, path),
        message: errors.map((e) => issueText(e, lang)).join(' '),
        domId: idFor(path),
      });
    }
    const rank = (p: string) => {
      const pattern = p.replace(/\.\d+(?=\.|$)/g, '.#');
      const i = order.indexOf(pattern);
      return i === -1 ? order.length : i;
    };
    items.sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
    return {
      items,
      other: placed.unplaced.filter((s) => s.level === 'error').map((s) => issueText(s, lang)),
    };
  }, [showAll, serverIssues, placed, labels, lang, idFor, order]);

  const focusSummary = () => setTimeout(() => document.getElementById(summaryId)?.focus(), 0);

  const check = () => {
    setShowAll(true);
    const result = checkRecordData(def, data, 'complete', { today });
    if (result.ok) setOutcome({ ok: true, text: m.actions.checkOk });
    else {
      setOutcome(null);
      focusSummary();
    }
    return result.ok;
  };

  const submit = async () => {
    if (!check()) return;
    const saver = saverRef.current;
    if (!saver) return;
    setSubmitting(true);
    setOutcome(null);
    try {
      const saved = await saver.flush();
      const revision = saver.current.revision;
      if (!saved || revision === null) {
        setOutcome({ ok: false, text: m.actions.notSaved });
        return;
      }
      await submitRecord(id, revision);
      submitted.current = true;
      removeLocalDraft(id);
      // the lists and the record's own screen (key ['record', id]) both show its status
      await Promise.all([
        client.invalidateQueries({ queryKey: ['records'] }),
        client.invalidateQueries({ queryKey: ['record', id] }),
      ]);
      navigate(`/records/${id}`);
    } catch (error) {
      if (isProblem(error, 412)) {
        const record = await fetchRecord(id).then(
          (r) => r.record,
          () => undefined,
        );
        if (record) {
          saver.rebase(record);
          setConflict(store.values);
          store.setValues((record.data ?? {}) as Values);
        }
        return;
      }
      if (error instanceof ProblemError) {
        setServerIssues(toIssues(error.problem.errors ?? []));
        setOutcome({ ok: false, text: error.status === 0 ? m.errors.network : error.problem.title });
        focusSummary();
      } else setOutcome({ ok: false, text: m.actions.submitFailed });
    } finally {
      setSubmitting(false);
    }
  };

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
          <SaveStatus state={saverState} partial={partial} lang={lang} m={m} live={false} />
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
            {outcome && (
              <Alert
                color={outcome.ok ? 'teal' : 'red'}
                role={outcome.ok ? 'status' : 'alert'}
                title={outcome.ok ? undefined : m.actions.submitFailed}
              >
                {outcome.text}
              </Alert>
            )}
          </Stack>
          <Paper withBorder shadow="sm" p="sm" mt="md" style={{ position: 'sticky', bottom: 0, zIndex: 5 }}>
            <Group justify="space-between" wrap="wrap" gap="sm">
              <SaveStatus state={saverState} partial={false} lang={lang} m={m} live />
              <Group gap="sm">
                <Button variant="default" onClick={check}>
                  {m.actions.check}
                </Button>
                <Button type="submit" loading={submitting}>
                  {submitting ? m.actions.submitting : m.actions.submit}
                </Button>
              </Group>
            </Group>
          </Paper>
        </form>
      </Stack>
    </FormContext.Provider>
  );
}

function toIssues(errors: FieldProblem[]): Issue[] {
  return errors.flatMap((e) => {
    const path = fromServerPath(e.path);
    return path ? [{ path, key: e.key, ...(e.params ? { params: e.params } : {}) }] : [];
  });
}
