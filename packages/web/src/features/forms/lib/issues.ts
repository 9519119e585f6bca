import {
  type ActKindDefinition,
  checkRecordData,
  t as coreT,
  type FieldIssue,
  type Locale,
} from '@sabt/core';
import type { FieldProblem } from '../../../lib/api.ts';
import { MESSAGES } from '../messages.ts';
import { anchorFor, patternOf } from './form-model.ts';
import { setAt } from './paths.ts';

/** A message to show at one place of the form. */
export interface Shown {
  key: string;
  params?: Record<string, unknown>;
  level: 'error' | 'warning';
}

/**
 * A message key in the user's language: core's messages, except the few whose parameters are
 * codes or English words (those would leak into a Tajik screen).
 */
export function issueText(issue: { key: string; params?: Record<string, unknown> }, lang: Locale): string {
  const m = MESSAGES[lang].errors;
  switch (issue.key) {
    case 'error.type':
      return issue.params?.expected === 'number' ? m.number : m.choice;
    case 'error.choice':
      return m.choice;
    case 'error.unknownField':
      return m.unknownField;
    case PART_REQUIRED:
      return m.partRequired;
    default:
      return coreT(issue.key, lang, issue.params ?? {});
  }
}

/** "Fill in this part": a whole place, document or section is missing. */
export const PART_REQUIRED = 'forms.partRequired';

export interface Issue {
  path: (string | number)[];
  key: string;
  params?: Record<string, unknown>;
}

interface JsonNode {
  properties?: Record<string, JsonNode>;
  required?: string[];
}

/**
 * A missing object the form shows field by field (the mother, a consent) becomes "required" at
 * each of its required fields, so the clerk sees exactly what to fill in.
 */
export function expandRequired(
  issues: Issue[],
  schema: unknown,
  laidOut: Set<string>,
  defaulted: Set<string> = new Set(),
): Issue[] {
  const nodeAt = (path: (string | number)[]) =>
    path.reduce<JsonNode | undefined>((n, p) => n?.properties?.[String(p)], schema as JsonNode);
  const out: Issue[] = [];
  const expand = (path: (string | number)[]) => {
    const node = nodeAt(path);
    if (!node?.properties || !node.required?.length) {
      out.push({ path, key: 'error.required' });
      return;
    }
    const before = out.length;
    for (const k of node.required) {
      const child = [...path, k];
      if (laidOut.has(patternOf(child))) expand(child);
      else if (!defaulted.has(patternOf(child))) out.push({ path: child, key: 'error.required' });
    }
    if (out.length === before) out.push({ path, key: 'error.required' });
  };
  for (const i of issues) {
    if (i.key === 'error.required' && laidOut.has(patternOf(i.path))) expand(i.path);
    else out.push(i);
  }
  return out;
}

/** Issues by the place they show at; `unplaced` are those no field stands for. */
export function placeIssues(
  anchors: Set<string>,
  issues: Issue[],
  level: Shown['level'],
  into: Map<string, Shown[]> = new Map(),
  unplaced: Shown[] = [],
  composite: Set<string> = new Set(),
) {
  for (const issue of issues) {
    const at = anchorFor(anchors, issue.path);
    const key =
      issue.key === 'error.required' && at !== undefined && composite.has(patternOf(at.split('.')))
        ? PART_REQUIRED
        : issue.key;
    const shown: Shown = { key, level, ...(issue.params ? { params: issue.params } : {}) };
    if (at === undefined) {
      unplaced.push(shown);
      continue;
    }
    const list = into.get(at) ?? [];
    if (!list.some((x) => x.key === shown.key && x.level === level)) list.push(shown);
    into.set(at, list);
  }
  return { byPath: into, unplaced };
}

/**
 * The data the server is sent while typing: a draft may be incomplete but never wrong, so fields
 * that are wrong right now stay on this computer until they are corrected.
 */
export function withoutInvalid(
  def: ActKindDefinition<unknown>,
  data: Record<string, unknown>,
  today: string,
): { data: Record<string, unknown>; left: FieldIssue[] } {
  let current = data;
  const left: FieldIssue[] = [];
  for (let round = 0; round < 4; round++) {
    const check = checkRecordData(def, current, 'draft', { today });
    if (check.ok) return { data: current, left };
    for (const e of check.errors) {
      left.push(e);
      current = e.path.length === 0 ? {} : setAt(current, e.path.map(String), undefined);
    }
  }
  return { data: current, left };
}

/** A server path (`data.child.name`) as a form path (`child.name`). */
export function fromServerPath(path: string): (string | number)[] | undefined {
  if (!path.startsWith('data.') && path !== 'data') return undefined;
  return path
    .split('.')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The server's field errors as issues of the form (those outside the record's data left out). */
export function toIssues(errors: readonly FieldProblem[]): Issue[] {
  return errors.flatMap((e) => {
    const path = fromServerPath(e.path);
    return path ? [{ path, key: e.key, ...(e.params ? { params: e.params } : {}) }] : [];
  });
}
