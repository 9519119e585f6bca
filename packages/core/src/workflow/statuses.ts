/** A draft withdrawn (mistaken or abandoned) is `cancelled`: kept with its history, out of the work queues. */
export const STATUSES = ['draft', 'submitted', 'validated', 'registered', 'annulled', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** A draft nobody has changed for this many days is listed as stale, for its author or the head to finish or cancel. */
export const STALE_DRAFT_DAYS = 30;

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
  /** Registered by someone who also created, submitted or validated it, where the office kind allows it. */
  'self-registered',
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
