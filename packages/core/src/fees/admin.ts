import type { FieldIssue } from '../acts/validation.ts';
import { addMonths, formatDate } from '../dates/plain-date.ts';
import type { Role } from '../workflow/roles.ts';
import { type Amount, calculateFee } from './calculate.ts';
import { FEE_SERVICE_DEFINITIONS, FEE_SERVICES, type FeeService, GENERAL_CATEGORY } from './catalogue.ts';
import { type FeeRules, feeRules, itemsAt, versionAt } from './rule-set.ts';
import type { FeeVersion, FeeVersionDraft } from './versions.ts';

/**
 * The central department's new versions: what makes one acceptable, and what it would change.
 * A version takes effect on a date not before today (a past date's fee never changes: a payment
 * taken then stays what its rules said), ends after it starts, and names only categories that exist.
 */
export function checkFeeVersionDraft(rules: FeeRules, draft: FeeVersionDraft, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (draft.validFrom < today) {
    issues.push({
      path: ['validFrom'],
      key: 'error.fees.pastValidFrom',
      params: { today: formatDate(today) },
    });
  }
  if (draft.validTo !== null && draft.validTo <= draft.validFrom) {
    issues.push({ path: ['validTo'], key: 'error.fees.validToBeforeFrom' });
  }
  if (draft.kind === 'exemption' && draft.value.categories) {
    const known = new Set(itemsAt(rules, 'category', draft.validFrom).map((c) => c.key));
    draft.value.categories.forEach((c, i) => {
      if (c !== GENERAL_CATEGORY && !known.has(c)) {
        issues.push({ path: ['value', 'categories', i], key: 'error.fees.category' });
      }
    });
  }
  return issues;
}

export interface FeePreviewRow {
  service: FeeService;
  category: string;
  consular: boolean;
  before: Amount | null;
  after: Amount | null;
  consularBefore: Amount | null;
  consularAfter: Amount | null;
  changed: boolean;
}

/** The event date a sample takes for a service: one that falls in its bucket (the child's age …). */
function sampleEventDate(service: FeeService, sampleDate: string): string {
  const bucket = FEE_SERVICE_DEFINITIONS[service].bucket;
  return bucket ? addMonths(sampleDate, -12 * bucket.fromYears) : sampleDate;
}

/**
 * What a new version would change on a sample date: each service's total before and after, for
 * the applicant with no category (every service, changed or not) and for each category and at a
 * consulate where the total changes.
 */
export function previewFeeVersion(
  stored: readonly FeeVersion[],
  draft: FeeVersionDraft,
  sampleDate: string,
): FeePreviewRow[] {
  const before = feeRules(stored);
  const candidate: FeeVersion = {
    ...draft,
    id: `v${Number.MAX_SAFE_INTEGER}`,
    source: 'stored',
    recordedAt: null,
    recordedBy: null,
  } as FeeVersion;
  const after = feeRules([...stored, candidate]);
  const categories = [
    GENERAL_CATEGORY,
    ...new Set(
      [...itemsAt(before, 'category', sampleDate), ...itemsAt(after, 'category', sampleDate)].map(
        (c) => c.key,
      ),
    ),
  ];
  const rows: FeePreviewRow[] = [];
  for (const service of FEE_SERVICES) {
    for (const category of categories) {
      for (const consular of [false, true]) {
        const query = {
          service,
          applicationDate: sampleDate,
          eventDate: sampleEventDate(service, sampleDate),
          category,
          consular,
        };
        const b = calculateFee(before, query);
        const a = calculateFee(after, query);
        const row: FeePreviewRow = {
          service,
          category,
          consular,
          before: b.ok ? b.fee.total : null,
          after: a.ok ? a.fee.total : null,
          consularBefore: b.ok ? b.fee.consularTotal : null,
          consularAfter: a.ok ? a.fee.consularTotal : null,
          changed: false,
        };
        row.changed =
          row.before?.minor !== row.after?.minor || row.consularBefore?.minor !== row.consularAfter?.minor;
        if ((category === GENERAL_CATEGORY && !consular) || row.changed) rows.push(row);
      }
    }
  }
  return rows;
}

/** A category's name on a date (for the screens), or null when there is none. */
export function categoryAt(rules: FeeRules, key: string, date: string) {
  return versionAt(rules, 'category', key, date);
}

/** Who edits the PDR, the fee rules and the exemptions: the central department's administrators. */
export const FEE_ADMIN_ROLES: readonly Role[] = ['central_admin'];
export const mayAdministerFees = (role: Role) => FEE_ADMIN_ROLES.includes(role);
