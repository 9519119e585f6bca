import data from './admin-units.json' with { type: 'json' };

export interface Region {
  code: string;
  iso: string;
  tg: string;
  ru: string;
  en: string;
}

export interface AdminUnit {
  code: string;
  region: string;
  kind: string;
  tg: string;
  ru: string;
  en: string;
  former: string[];
}

export const REGIONS: readonly Region[] = data.regions;
export const ADMIN_UNITS: readonly AdminUnit[] = data.units;

const UNIT_CODES = new Set(ADMIN_UNITS.map((u) => u.code));

export function isAdminUnitCode(code: string): boolean {
  return UNIT_CODES.has(code);
}
