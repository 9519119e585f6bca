import type { FieldIssue } from '../acts/validation.ts';
import { addMonths, formatDate, fullYearsBetween, isPlainDate } from '../dates/plain-date.ts';
import type { LocalizedText } from '../i18n/locale.ts';
import {
  bucketsOf,
  FEE_LINE_KINDS,
  FEE_SERVICE_DEFINITIONS,
  type FeeLineKindOrConsular,
  type FeeService,
  GENERAL_CATEGORY,
} from './catalogue.ts';
import { FEES_KNOWN_FROM } from './defaults.ts';
import { formatMinor, parseMultiple, pdrAmount, percentOf } from './money.ts';
import { type FeeRules, itemsAt, versionAt } from './rule-set.ts';
import { CONSULAR_ANY, type FeeVersionOf, lineKey } from './versions.ts';

/** What a fee is asked for. */
export interface FeeQuery {
  service: FeeService;
  /** When the application is made. */
  applicationDate: string;
  /** The birth, death … the service concerns: decides the bucket and the exemptions by time since it. */
  eventDate?: string | null | undefined;
  /** Whose rules apply (handbook §3.3): the application date unless given. */
  tariffDate?: string | null | undefined;
  /** The applicant's category (disabled, veteran …); `general` or none: no category. */
  category?: string | null | undefined;
  /** At a consulate abroad: the consular tariff is added. */
  consular?: boolean | undefined;
}

export interface Amount {
  currency: 'TJS' | 'USD';
  /** whole diram (or cents) */
  minor: number;
  /** "450.00" */
  text: string;
}

export interface AppliedExemption {
  versionId: string;
  key: string;
  labels: LocalizedText;
  percent: number;
  basis: LocalizedText;
  verified: boolean;
  note: LocalizedText | null;
}

export interface FeeLine {
  kind: FeeLineKindOrConsular;
  /** The rule (item key) and its version the line was computed by. */
  ruleKey: string;
  versionId: string;
  /** The PDR multiple (null: a fixed consular tariff). */
  multiple: string | null;
  base: Amount;
  waived: Amount;
  amount: Amount;
  exemption: { versionId: string; key: string; percent: number } | null;
  basis: LocalizedText;
  /** false: the amount rests on a placeholder or unconfirmed value (the line, the PDR or its exemption). */
  verified: boolean;
  notes: LocalizedText[];
}

export interface FeeCalculation {
  requestedService: FeeService;
  /** The service charged: the bucket the dates fall in (a late registration), else the one asked. */
  service: FeeService;
  /** Full years from the event to the application (null without an event date). */
  yearsSinceEvent: number | null;
  applicationDate: string;
  eventDate: string | null;
  tariffDate: string;
  category: string;
  consular: boolean;
  pdr: { versionId: string; amount: Amount; validFrom: string; basis: LocalizedText; verified: boolean };
  lines: FeeLine[];
  exemptions: AppliedExemption[];
  /** What is paid in somoni: the sum of the rounded lines. */
  total: Amount;
  /** What is paid abroad on top, in dollars (null: not at a consulate). */
  consularTotal: Amount | null;
  /** Some line rests on an unconfirmed value. */
  unverified: boolean;
}

export type FeeOutcome = { ok: true; fee: FeeCalculation } | { ok: false; issues: FieldIssue[] };

/** The rounding rule, as the API and the screen state it. */
export const FEE_ROUNDING = 'per line, half up to the whole diram; the total is the sum of the rounded lines';

const tjs = (minor: number): Amount => ({ currency: 'TJS', minor, text: formatMinor(minor) });
const usd = (minor: number): Amount => ({ currency: 'USD', minor, text: formatMinor(minor) });

function applies(
  x: FeeVersionOf<'exemption'>,
  service: FeeService,
  category: string,
  eventDate: string | null,
  applicationDate: string,
) {
  const v = x.value;
  if (v.percent <= 0) return false;
  if (v.services && !v.services.includes(service)) return false;
  if (v.categories && !v.categories.includes(category)) return false;
  if (v.maxMonthsSinceEvent !== null) {
    if (!eventDate || applicationDate > addMonths(eventDate, v.maxMonthsSinceEvent)) return false;
  }
  return true;
}

/**
 * The fee of a service, itemised: each line (state duty, service fee, blank; abroad the consular
 * tariff) with the rule version and legal basis it comes from, the exemptions applied, and the
 * total in diram. Pure: the same in the browser and on the server, for any date the rules cover.
 * Of several exemptions of one line the largest share applies (they do not add up).
 */
export function calculateFee(rules: FeeRules, query: FeeQuery): FeeOutcome {
  const issues: FieldIssue[] = [];
  const requested = FEE_SERVICE_DEFINITIONS[query.service];
  if (!requested) return { ok: false, issues: [{ path: ['service'], key: 'error.fees.service' }] };
  const applicationDate = query.applicationDate;
  const eventDate = query.eventDate || null;
  const tariffDate = query.tariffDate || applicationDate;
  for (const [field, value] of [
    ['applicationDate', applicationDate],
    ['eventDate', eventDate],
    ['tariffDate', query.tariffDate || null],
  ] as const) {
    if (value !== null && !isPlainDate(value)) issues.push({ path: [field], key: 'error.date.invalid' });
  }
  if (issues.length) return { ok: false, issues };
  if (requested.needsEventDate && !eventDate) {
    issues.push({ path: ['eventDate'], key: 'error.fees.eventDateRequired' });
  }
  if (eventDate && eventDate > applicationDate) {
    issues.push({ path: ['eventDate'], key: 'error.fees.eventAfterApplication' });
  }
  const pdr = versionAt(rules, 'pdr', 'pdr', tariffDate);
  if (!pdr) {
    issues.push({
      path: [query.tariffDate ? 'tariffDate' : 'applicationDate'],
      key: 'error.fees.noRules',
      params: { from: formatDate(FEES_KNOWN_FROM) },
    });
  }
  const category = query.category || GENERAL_CATEGORY;
  if (category !== GENERAL_CATEGORY) {
    const c = versionAt(rules, 'category', category, tariffDate);
    if (!c?.value.active) issues.push({ path: ['category'], key: 'error.fees.category' });
  }
  if (issues.length || !pdr) return { ok: false, issues };

  const years = eventDate ? fullYearsBetween(eventDate, applicationDate) : null;
  let service = query.service;
  if (years !== null && requested.bucket) {
    const bucket = bucketsOf(query.service).find(
      (d) =>
        d.bucket && years >= d.bucket.fromYears && (d.bucket.toYears === null || years < d.bucket.toYears),
    );
    if (bucket) service = bucket.code;
  }

  const exemptions = itemsAt(rules, 'exemption', tariffDate).filter((x) =>
    applies(x, service, category, eventDate, applicationDate),
  );
  const applied = new Map<string, AppliedExemption>();
  const lines: FeeLine[] = [];
  for (const kind of FEE_LINE_KINDS) {
    const key = lineKey(service, kind);
    const rule = versionAt(rules, 'line', key, tariffDate);
    if (!rule) continue;
    const multiple = parseMultiple(rule.value.pdr);
    const base = pdrAmount(pdr.value.diram, multiple);
    const best = exemptions
      .filter((x) => x.value.lines.includes(kind))
      .reduce<FeeVersionOf<'exemption'> | null>(
        (a, x) => (!a || x.value.percent > a.value.percent ? x : a),
        null,
      );
    const waived = best ? percentOf(base, best.value.percent) : 0;
    if (best && !applied.has(best.id)) {
      applied.set(best.id, {
        versionId: best.id,
        key: best.key,
        labels: best.value.labels,
        percent: best.value.percent,
        basis: best.basis,
        verified: best.verified,
        note: best.note,
      });
    }
    const certainlyFree = best !== null && best.value.percent === 100 && best.verified;
    const verified =
      certainlyFree ||
      (rule.verified && (multiple === 0 || pdr.verified) && (best === null || best.verified));
    const notes = [rule.note, multiple > 0 && !pdr.verified ? pdr.note : null, best?.note ?? null].filter(
      (n): n is LocalizedText => n !== null,
    );
    lines.push({
      kind,
      ruleKey: key,
      versionId: rule.id,
      multiple: rule.value.pdr,
      base: tjs(base),
      waived: tjs(waived),
      amount: tjs(base - waived),
      exemption: best ? { versionId: best.id, key: best.key, percent: best.value.percent } : null,
      basis: rule.basis,
      verified: certainlyFree || verified,
      notes: certainlyFree ? [] : notes,
    });
  }
  let consularTotal: Amount | null = null;
  if (query.consular) {
    const tariff =
      versionAt(rules, 'consular', service, tariffDate) ??
      versionAt(rules, 'consular', CONSULAR_ANY, tariffDate);
    if (tariff) {
      lines.push({
        kind: 'consular',
        ruleKey: tariff.key,
        versionId: tariff.id,
        multiple: null,
        base: usd(tariff.value.minor),
        waived: usd(0),
        amount: usd(tariff.value.minor),
        exemption: null,
        basis: tariff.basis,
        verified: tariff.verified,
        notes: tariff.note ? [tariff.note] : [],
      });
    }
    consularTotal = usd(lines.filter((l) => l.kind === 'consular').reduce((s, l) => s + l.amount.minor, 0));
  }
  const total = tjs(lines.filter((l) => l.amount.currency === 'TJS').reduce((s, l) => s + l.amount.minor, 0));
  return {
    ok: true,
    fee: {
      requestedService: query.service,
      service,
      yearsSinceEvent: years,
      applicationDate,
      eventDate,
      tariffDate,
      category,
      consular: query.consular === true,
      pdr: {
        versionId: pdr.id,
        amount: tjs(pdr.value.diram),
        validFrom: pdr.validFrom,
        basis: pdr.basis,
        verified: pdr.verified,
      },
      lines,
      exemptions: [...applied.values()],
      total,
      consularTotal,
      unverified: lines.some((l) => !l.verified),
    },
  };
}

/**
 * What a payment keeps of a computed fee: the question, the service charged, the rule versions of
 * each line (and of the PDR and the exemptions) and the amounts. With the versions stored by then
 * (feeRules(stored, {knownAt})) the same question gives the same lines again.
 */
export interface FeeReference {
  query: {
    service: FeeService;
    applicationDate: string;
    eventDate: string | null;
    tariffDate: string;
    category: string;
    consular: boolean;
  };
  service: FeeService;
  pdrVersionId: string;
  lines: {
    kind: FeeLineKindOrConsular;
    versionId: string;
    exemptionVersionId: string | null;
    amount: Amount;
  }[];
  total: Amount;
  consularTotal: Amount | null;
}

export function feeReferenceOf(fee: FeeCalculation): FeeReference {
  return {
    query: {
      service: fee.requestedService,
      applicationDate: fee.applicationDate,
      eventDate: fee.eventDate,
      tariffDate: fee.tariffDate,
      category: fee.category,
      consular: fee.consular,
    },
    service: fee.service,
    pdrVersionId: fee.pdr.versionId,
    lines: fee.lines.map((l) => ({
      kind: l.kind,
      versionId: l.versionId,
      exemptionVersionId: l.exemption?.versionId ?? null,
      amount: l.amount,
    })),
    total: fee.total,
    consularTotal: fee.consularTotal,
  };
}
