import {
  addMonths,
  calculateFee,
  FEE_SERVICE_DEFINITIONS,
  type FeeCalculation,
  type FeeRules,
  type FeeService,
  type FeeVersion,
  feeRules,
  type Locale,
  todayIn,
} from '@sabt/core';
import { getJson } from './api.ts';

/** The offices' day: Dushanbe's, whatever the citizen's computer says. */
export const TIME_ZONE = 'Asia/Dushanbe';
export const today = () => todayIn(TIME_ZONE);

let rules: Promise<FeeRules> | null = null;

/**
 * The fee rules in force as the server keeps them (GET /fees/rules: the shipped defaults and the
 * central department's versions), read once a page load; core's calculateFee computes with them
 * here exactly as the server does.
 */
export function loadFeeRules(locale: Locale): Promise<FeeRules> {
  rules ??= getJson<{ versions: FeeVersion[] }>('/api/v1/fees/rules', locale).then((r) =>
    feeRules(r.versions),
  );
  rules.catch(() => {
    rules = null;
  });
  return rules;
}

/**
 * What a service costs when applied for on `on`: a late registration's bucket priced for an event
 * just that many full years before (its first year, when the event's date decides the bucket).
 */
export function feeOn(r: FeeRules, service: FeeService, on: string): FeeCalculation | null {
  const bucket = FEE_SERVICE_DEFINITIONS[service].bucket;
  const eventDate = bucket ? addMonths(on, -12 * bucket.fromYears) : null;
  const outcome = calculateFee(r, { service, applicationDate: on, eventDate });
  return outcome.ok ? outcome.fee : null;
}
