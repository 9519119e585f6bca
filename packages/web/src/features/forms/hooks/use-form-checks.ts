import { type ActKindDefinition, actKindJsonSchema, checkRecordData, type Locale, todayIn } from '@sabt/core';
import { useMemo, useState } from 'react';
import { TIME_ZONE } from '../../../lib/dates.ts';
import type { Catalogue, Values } from '../lib/catalogue-types.ts';
import { labelIndex, labelOf, type SummaryItem } from '../lib/field-labels.ts';
import { anchorFor, anchorPaths, fieldOrder, objectPaths, toData } from '../lib/form-model.ts';
import { expandRequired, type Issue, issueText, placeIssues, withoutInvalid } from '../lib/issues.ts';

/** Whether two paths are the same place, or one lies inside the other. */
export const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * The checks of a form, shown as it is typed: core's draft check at the fields already left, the
 * complete check everywhere once asked for ("Check", "Submit"), the server's refusals, and the
 * summary of the errors in the order of the form. `payload` is what may be saved (fields the draft
 * check refuses stay in the browser).
 */
export function useFormChecks({
  catalogue,
  def,
  values,
  touched,
  serverIssues,
  lang,
  idFor,
}: {
  catalogue: Catalogue;
  def: ActKindDefinition;
  values: Values;
  /** Fields left (or loaded): their draft errors show. */
  touched: ReadonlySet<string>;
  serverIssues: readonly Issue[];
  lang: Locale;
  idFor: (path: string) => string;
}) {
  const today = useMemo(() => todayIn(TIME_ZONE), []);
  const [showAll, setShowAll] = useState(false);

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

  const order = useMemo(() => fieldOrder(catalogue), [catalogue]);
  const labels = useMemo(() => labelIndex(catalogue, lang), [catalogue, lang]);
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

  /** The complete check, from now on shown everywhere: whether the record may be submitted. */
  const checkComplete = () => {
    setShowAll(true);
    return checkRecordData(def, data, 'complete', { today }).ok;
  };

  return { data, payload, placed, summary, checkComplete };
}
