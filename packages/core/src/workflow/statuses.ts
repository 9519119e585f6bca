export const STATUSES = ['draft', 'submitted', 'validated', 'registered', 'annulled'] as const;
export type Status = (typeof STATUSES)[number];

/** Everything that is not a status is a flag on the record. */
export const FLAGS = [
  'rejected',
  'late-registration',
  'possible-duplicate',
  'amendment-requested',
  'sealed',
  'restored',
  'archival',
  'provisional',
  'deceased',
  'naming-warning',
  'dissolved',
  'ended',
  'certificate-reissue',
  'duplicate',
] as const;
export type Flag = (typeof FLAGS)[number];

export const ACT_KINDS = [
  'BIRTH',
  'DEATH',
  'MARRIAGE',
  'DIVORCE',
  'ADOPTION',
  'PATERNITY',
  'NAME_CHANGE',
] as const;
export type ActKindCode = (typeof ACT_KINDS)[number];
