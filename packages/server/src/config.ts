import { isIP } from 'node:net';
import path from 'node:path';
import { ROLES, type Role } from '@sabt/core';
import { type FilePurpose, parseFileLimits } from './storage/purposes.ts';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when empty, Sabt runs on embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /**
   * A streaming replica of that PostgreSQL for the reads that may lag (search, the public check …);
   * undefined: every read goes to DATABASE_URL (db/read-replica.ts).
   */
  databaseReadUrl: string | undefined;
  /** Past this lag (or when it does not answer) the replica is left alone and the primary reads. */
  readMaxLagSeconds: number;
  dataDir: string;
  /** Where files (certificate PDFs, scans, attachments, reports) are stored; see storage/. */
  files: FileStorageConfig;
  /** Time zone of the registry's civil dates (deadlines, act years). */
  timeZone: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Failed sign-ins after which further attempts wait, by login and by address, and the longest wait. */
  loginThrottle: LoginThrottleConfig;
  loginRateLimitPerMinute: number;
  /** Two-factor sign-in (auth/two-factor.ts): the roles that must use it, and the clock drift allowed. */
  twoFactor: TwoFactorConfig;
  secureCookies: boolean;
  /**
   * Addresses and CIDR ranges of the reverse proxies whose X-Forwarded-For is believed; empty: none,
   * the address of the connection is the client's.
   */
  trustedProxies: string[];
  logLevel: string;
  demo: boolean;
  /** Run the job queue's workers and the outbox dispatcher inside `sabt start` (else `sabt worker` does). */
  jobs: boolean;
  /** Encrypts the private keys of Sabt's CA and offices (AES-256-GCM, key derived with scrypt). */
  keyPassphrase: string;
  /** The file each new anchor of the audit chain is appended to (JSON lines); '' for none. */
  auditAnchorFile: string;
  /** How often the audit chain's head is anchored (the job `audit.anchor`). */
  auditAnchorMinutes: number;
  /** Where the public check page is reached: certificates print `<publicUrl>/verify/<code>`. */
  publicUrl: string;
  /** Format of a blank's series (a regular expression), e.g. `I-ДУ`. */
  blankSeriesPattern: string;
  blankSeriesExample: string;
  /** Digits of a blank's number, e.g. 6 for `000123`. */
  blankNumberDigits: number;
  /** Requests per minute from one address to the public verification routes. */
  verifyRateLimitPerMinute: number;
  /** How e-mail notifications go out: SMTP, the server log (development), or not at all. */
  notifyEmail: 'smtp' | 'log' | 'off';
  /** How SMS notifications go out: the HTTP gateway, the server log (development), or not at all. */
  notifySms: 'http' | 'log' | 'off';
  smtpHost: string;
  smtpPort: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  smtpSecure: boolean;
  smtpUser: string;
  smtpPassword: string;
  /** The From of every e-mail, e.g. `Sabt <noreply@sabt.tj>`. */
  smtpFrom: string;
  /** The SMS gateway: POST {to, text} as JSON with `Authorization: Bearer <token>`. */
  smsUrl: string;
  smsToken: string;
  /** /metrics is served to a bearer of this token; empty: not served. */
  metricsToken: string;
  /** How long each check of /ready may take (database, job queue, file store). */
  readyTimeoutMs: number;
  overload: OverloadConfig;
}

/** Past any of these limits requests are refused with 503 and Retry-After (0: that limit is off); /health is still served. */
export interface OverloadConfig {
  maxEventLoopDelayMs: number;
  maxHeapMb: number;
  maxRssMb: number;
  retryAfterSeconds: number;
}

export interface LoginThrottleConfig {
  /** Wrong sign-ins for one login before each further attempt waits. */
  perLogin: number;
  /** Wrong sign-ins from one address before each further attempt from it waits. */
  perAddress: number;
  /** The longest wait, in minutes; the wait doubles from 30 seconds up to it. */
  maxMinutes: number;
}

export interface TwoFactorConfig {
  /** Users of these roles sign in with a code and are sent to enrolment until they have set it up. */
  requiredRoles: readonly Role[];
  /** How far a code's time may be from the server's, in seconds, either way (30: one step). */
  toleranceSeconds: number;
}

export interface S3Settings {
  bucket: string;
  /** Prepended to every object's key, e.g. `sabt/files/`. */
  prefix: string;
  /** An S3-compatible server's URL; empty for AWS itself. */
  endpoint: string;
  region: string;
  /** Empty: the SDK's usual sources (AWS_* variables, instance role). */
  accessKeyId: string;
  secretAccessKey: string;
  /** `<endpoint>/<bucket>/<key>` rather than `<bucket>.<endpoint>/<key>` (most compatible servers). */
  forcePathStyle: boolean;
}

export interface FileStorageConfig {
  /** memory: with an in-memory database (`SABT_DATA_DIR=memory://`), files live as long as it does. */
  store: 'fs' | 's3' | 'memory';
  /** The directory of the fs store. */
  dir: string;
  s3: S3Settings;
  /** Size limit in bytes per purpose. */
  limits: Record<FilePurpose, number>;
}

/** The passphrase used when SABT_KEY_PASSPHRASE is unset: for demos and tests only. */
export const DEV_KEY_PASSPHRASE = 'sabt-dev-passphrase';

interface Variable {
  name: string;
  default: string;
  help: string;
}

/** Every environment variable Sabt reads, with its default and meaning (shown by `sabt --help`). */
export const VARIABLES: readonly Variable[] = [
  { name: 'PORT', default: '8080', help: 'HTTP port' },
  { name: 'HOST', default: '0.0.0.0', help: 'address to listen on' },
  {
    name: 'DATABASE_URL',
    default: '',
    help: 'PostgreSQL connection string; when unset, embedded PGlite is used',
  },
  {
    name: 'DATABASE_READ_URL',
    default: '',
    help: 'a streaming replica of DATABASE_URL for the reads that may lag (search, the public certificate check, the fee report, the queue counts); a user who just wrote reads the primary until the replica has replayed the write; unset: the primary reads',
  },
  {
    name: 'SABT_READ_MAX_LAG_SECONDS',
    default: '10',
    help: 'a replica further behind than this (or not answering) is not read: the primary serves its reads and /ready and /metrics say so',
  },
  { name: 'SABT_DATA_DIR', default: './data', help: 'directory of the embedded PGlite database' },
  {
    name: 'SABT_STORAGE',
    default: 'fs',
    help: 'where files (certificate PDFs, scans, attachments, reports) are kept: fs (a directory) or s3',
  },
  {
    name: 'SABT_FILES_DIR',
    default: '',
    help: 'directory of the fs file store (default: <SABT_DATA_DIR>/files; in memory with memory://)',
  },
  {
    name: 'SABT_FILE_LIMITS_MB',
    default: '',
    help: 'size limits in MB per purpose, e.g. scan=80,report=200 (defaults: certificate=10, receipt=10, scan=50, attachment=20, report=100)',
  },
  { name: 'SABT_S3_BUCKET', default: '', help: 'S3 bucket of the files (required with SABT_STORAGE=s3)' },
  { name: 'SABT_S3_PREFIX', default: 'files/', help: 'key prefix of the files in the bucket (/ for none)' },
  {
    name: 'SABT_S3_ENDPOINT',
    default: '',
    help: 'URL of an S3-compatible server (MinIO, Ceph …); unset for AWS S3',
  },
  { name: 'SABT_S3_REGION', default: 'us-east-1', help: 'S3 region' },
  {
    name: 'SABT_S3_ACCESS_KEY_ID',
    default: '',
    help: 'S3 access key; unset: the usual sources of the AWS SDK (AWS_* variables, instance role)',
  },
  { name: 'SABT_S3_SECRET_ACCESS_KEY', default: '', help: 'S3 secret key' },
  {
    name: 'SABT_S3_FORCE_PATH_STYLE',
    default: 'false',
    help: 'address the bucket in the path (<endpoint>/<bucket>/…), as most S3-compatible servers need',
  },
  {
    name: 'SABT_TIME_ZONE',
    default: 'Asia/Dushanbe',
    help: 'time zone of civil dates (deadlines, act years)',
  },
  { name: 'SABT_SESSION_IDLE_MINUTES', default: '60', help: 'a session ends after this much inactivity' },
  { name: 'SABT_SESSION_MAX_HOURS', default: '12', help: 'a session ends this long after sign-in' },
  {
    name: 'SABT_LOGIN_THROTTLE_PER_LOGIN',
    default: '5',
    help: 'wrong sign-ins for one login (known or not) after which each further attempt waits, growing from 30 s',
  },
  {
    name: 'SABT_LOGIN_THROTTLE_PER_ADDRESS',
    default: '20',
    help: 'wrong sign-ins from one address after which each further attempt from it waits, growing from 30 s',
  },
  { name: 'SABT_LOGIN_THROTTLE_MAX_MINUTES', default: '15', help: 'the longest such wait' },
  { name: 'SABT_LOGIN_RATE_LIMIT', default: '30', help: 'login attempts per minute from one address' },
  {
    name: 'SABT_2FA_ROLES',
    default: 'registrar,head_of_office,central_admin,auditor',
    help: `comma-separated roles that must sign in with a code from an authenticator app (enrolment at their next sign-in); the others may choose to; "none" for no role (${ROLES.join(', ')})`,
  },
  {
    name: 'SABT_2FA_TOLERANCE_SECONDS',
    default: '30',
    help: "how far a code's time may be from the server clock, either way, in seconds up to 1440 (30: the step before and after)",
  },
  {
    name: 'SABT_SECURE_COOKIES',
    default: '',
    help: 'mark session cookies Secure (HTTPS only); default: true when NODE_ENV=production, else false',
  },
  {
    name: 'SABT_TRUSTED_PROXIES',
    default: '',
    help: 'comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed (e.g. 10.0.0.5,192.168.1.0/24); default: none',
  },
  { name: 'SABT_LOG_LEVEL', default: 'info', help: 'log level: fatal, error, warn, info, debug' },
  {
    name: 'SABT_DEMO',
    default: 'false',
    help: 'load demo offices and users at start, and once per database the demo registry (as start --demo)',
  },
  {
    name: 'SABT_JOBS',
    default: 'on',
    help: 'run the job workers and the outbox dispatcher inside sabt start; off: run sabt worker beside it (PostgreSQL)',
  },
  {
    name: 'SABT_KEY_PASSPHRASE',
    default: '',
    help: 'encrypts the signing keys (CA, offices); required in production, a dev passphrase is used in demo and tests',
  },
  {
    name: 'SABT_AUDIT_ANCHOR_FILE',
    default: '',
    help: 'file the signed anchors of the audit chain are appended to, for an external party to keep (default: <SABT_DATA_DIR>/audit-anchors.jsonl; none with memory://)',
  },
  {
    name: 'SABT_AUDIT_ANCHOR_MINUTES',
    default: '60',
    help: 'how often the audit chain is anchored (signed with a key derived from SABT_KEY_PASSPHRASE)',
  },
  {
    name: 'SABT_PUBLIC_URL',
    default: '',
    help: 'public address of Sabt, printed on certificates with their verification code (<url>/verify/<code>); unset: http://localhost:<PORT>',
  },
  {
    name: 'SABT_BLANK_SERIES_PATTERN',
    default: '^[IVXLC]{1,4}-[А-ЯЁӢҚӮҲҶҒ]{2}$',
    help: 'regular expression a blank series must match (Tajik format not fixed yet)',
  },
  {
    name: 'SABT_BLANK_SERIES_EXAMPLE',
    default: 'I-ДУ',
    help: 'a series that fits the pattern, shown to staff when one does not',
  },
  { name: 'SABT_BLANK_NUMBER_DIGITS', default: '6', help: 'digits of a blank number' },
  {
    name: 'SABT_VERIFY_RATE_LIMIT',
    default: '60',
    help: 'requests per minute from one address to the public certificate check',
  },
  {
    name: 'SABT_NOTIFY_EMAIL',
    default: 'log',
    help: 'how e-mail notifications go out: smtp, log (the text in the server log, for development) or off',
  },
  {
    name: 'SABT_NOTIFY_SMS',
    default: 'log',
    help: 'how SMS notifications go out: http (the SMS gateway), log (for development) or off',
  },
  { name: 'SABT_SMTP_HOST', default: 'localhost', help: 'SMTP server for e-mail notifications' },
  { name: 'SABT_SMTP_PORT', default: '587', help: 'SMTP port' },
  {
    name: 'SABT_SMTP_SECURE',
    default: 'false',
    help: 'true: TLS from the start (port 465); false: STARTTLS when the server offers it',
  },
  { name: 'SABT_SMTP_USER', default: '', help: 'SMTP user name (none: no authentication)' },
  { name: 'SABT_SMTP_PASSWORD', default: '', help: 'SMTP password' },
  { name: 'SABT_SMTP_FROM', default: 'Sabt <noreply@localhost>', help: 'sender of notification e-mails' },
  {
    name: 'SABT_SMS_URL',
    default: '',
    help: 'SMS gateway URL: Sabt POSTs JSON {to, text} there (required with SABT_NOTIFY_SMS=http)',
  },
  { name: 'SABT_SMS_TOKEN', default: '', help: 'bearer token sent to the SMS gateway' },
  {
    name: 'SABT_METRICS_TOKEN',
    default: '',
    help: 'Prometheus metrics at /metrics for a request with Authorization: Bearer <token> (at least 32 characters); unset: /metrics is not served',
  },
  {
    name: 'SABT_READY_TIMEOUT_MS',
    default: '2000',
    help: 'how long each check of /ready (database, job queue, file store) may take before it counts as failed',
  },
  {
    name: 'SABT_OVERLOAD_EVENT_LOOP_DELAY_MS',
    default: '1000',
    help: 'refuse requests with 503 and Retry-After while the event loop lags more than this (0: never)',
  },
  {
    name: 'SABT_OVERLOAD_HEAP_MB',
    default: '0',
    help: 'refuse requests with 503 while the JavaScript heap in use exceeds this many MB (0: never)',
  },
  {
    name: 'SABT_OVERLOAD_RSS_MB',
    default: '0',
    help: 'refuse requests with 503 while the process uses more than this many MB of memory (0: never)',
  },
  {
    name: 'SABT_OVERLOAD_RETRY_AFTER',
    default: '10',
    help: 'seconds an overloaded server asks clients to wait (Retry-After)',
  },
];

function read(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name];
  if (v !== undefined && v !== '') return v;
  return VARIABLES.find((x) => x.name === name)?.default ?? '';
}

function int(env: NodeJS.ProcessEnv, name: string): number {
  const raw = read(env, name);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
}

function positive(env: NodeJS.ProcessEnv, name: string): number {
  const n = int(env, name);
  if (n < 1) throw new Error(`${name} must be at least 1, got "${n}"`);
  return n;
}

const bool = (env: NodeJS.ProcessEnv, name: string) =>
  ['1', 'true', 'yes'].includes(read(env, name).toLowerCase());

/** A comma-separated list of IP addresses and CIDR ranges (v4 or v6). */
function addressList(env: NodeJS.ProcessEnv, name: string): string[] {
  const items = read(env, name)
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const item of items) {
    const [address = '', bits, ...rest] = item.split('/');
    const family = isIP(address);
    const width = family === 4 ? 32 : 128;
    const ok =
      family !== 0 &&
      rest.length === 0 &&
      (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= width));
    if (!ok) throw new Error(`${name} must list IP addresses or CIDR ranges, got "${item}"`);
  }
  return items;
}

function atMost(env: NodeJS.ProcessEnv, name: string, max: number): number {
  const n = int(env, name);
  if (n > max) throw new Error(`${name} must be at most ${max}, got "${n}"`);
  return n;
}

function roleList(env: NodeJS.ProcessEnv, name: string): Role[] {
  const raw = read(env, name).trim();
  if (raw.toLowerCase() === 'none') return [];
  const roles = raw
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0)
    throw new Error(`${name}: unknown role "${unknown[0]}"; one of: ${ROLES.join(', ')}`);
  return roles as Role[];
}

function choice<const T extends string>(env: NodeJS.ProcessEnv, name: string, choices: readonly T[]): T {
  const raw = read(env, name).toLowerCase();
  if (!(choices as readonly string[]).includes(raw))
    throw new Error(`${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  return raw as T;
}

function smsUrl(env: NodeJS.ProcessEnv): string {
  const raw = read(env, 'SABT_SMS_URL');
  if (!raw) {
    if (read(env, 'SABT_NOTIFY_SMS').toLowerCase() === 'http')
      throw new Error('SABT_SMS_URL is required when SABT_NOTIFY_SMS=http');
    return '';
  }
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol))
    throw new Error(`SABT_SMS_URL must be an http(s) URL, got "${raw}"`);
  return raw;
}

function onOff(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = read(env, name).toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

function pattern(env: NodeJS.ProcessEnv, name: string): string {
  const raw = read(env, name);
  try {
    new RegExp(raw, 'u');
  } catch {
    throw new Error(`${name} must be a regular expression, got "${raw}"`);
  }
  return raw;
}

/** SABT_PUBLIC_URL without a trailing slash; unset, this machine on the port Sabt listens on. */
function publicUrl(env: NodeJS.ProcessEnv): string {
  const raw = read(env, 'SABT_PUBLIC_URL');
  if (!raw) return `http://localhost:${int(env, 'PORT')}`;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol))
    throw new Error(`SABT_PUBLIC_URL must be an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** SABT_DATA_DIR as a path, except the in-memory database's `memory://`. */
function dataDir(env: NodeJS.ProcessEnv): string {
  const raw = read(env, 'SABT_DATA_DIR');
  return raw.startsWith('memory://') ? raw : path.resolve(raw);
}

function fileStorage(env: NodeJS.ProcessEnv, dataPath: string): FileStorageConfig {
  const kind = read(env, 'SABT_STORAGE').toLowerCase();
  if (kind !== 'fs' && kind !== 's3') throw new Error(`SABT_STORAGE must be fs or s3, got "${kind}"`);
  const bucket = read(env, 'SABT_S3_BUCKET');
  if (kind === 's3' && !bucket) throw new Error('SABT_S3_BUCKET is required when SABT_STORAGE=s3');
  const endpoint = read(env, 'SABT_S3_ENDPOINT');
  if (endpoint && (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol))) {
    throw new Error(`SABT_S3_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  }
  const filesDir = read(env, 'SABT_FILES_DIR');
  const inMemory = kind === 'fs' && !filesDir && dataPath.startsWith('memory://');
  // files in memory beside a database that outlives the process would be lost
  if (inMemory && read(env, 'DATABASE_URL')) {
    throw new Error('SABT_FILES_DIR is required when DATABASE_URL is set and SABT_DATA_DIR is memory://');
  }
  const prefix = read(env, 'SABT_S3_PREFIX').replace(/^\/+/, '');
  return {
    store: kind === 's3' ? 's3' : inMemory ? 'memory' : 'fs',
    dir: filesDir ? path.resolve(filesDir) : inMemory ? '' : path.join(dataPath, 'files'),
    s3: {
      bucket,
      prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
      endpoint,
      region: read(env, 'SABT_S3_REGION'),
      accessKeyId: read(env, 'SABT_S3_ACCESS_KEY_ID'),
      secretAccessKey: read(env, 'SABT_S3_SECRET_ACCESS_KEY'),
      forcePathStyle: bool(env, 'SABT_S3_FORCE_PATH_STYLE'),
    },
    limits: parseFileLimits(read(env, 'SABT_FILE_LIMITS_MB')),
  };
}

/** A replica is one of PostgreSQL's: only beside DATABASE_URL. */
function readUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = read(env, 'DATABASE_READ_URL');
  if (!raw) return undefined;
  if (!read(env, 'DATABASE_URL')) throw new Error('DATABASE_READ_URL needs DATABASE_URL (a replica of it)');
  return raw;
}

/** A guessable token would open the metrics to anyone: at least 32 characters. */
function metricsToken(env: NodeJS.ProcessEnv): string {
  const raw = read(env, 'SABT_METRICS_TOKEN');
  if (raw && raw.length < 32) throw new Error('SABT_METRICS_TOKEN must have at least 32 characters');
  return raw;
}

function anchorFile(env: NodeJS.ProcessEnv): string {
  const raw = read(env, 'SABT_AUDIT_ANCHOR_FILE');
  if (raw) return path.resolve(raw);
  const dir = dataDir(env);
  return dir.startsWith('memory://') ? '' : path.join(dir, 'audit-anchors.jsonl');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env, 'PORT'),
    host: read(env, 'HOST'),
    databaseUrl: read(env, 'DATABASE_URL') || undefined,
    databaseReadUrl: readUrl(env),
    readMaxLagSeconds: positive(env, 'SABT_READ_MAX_LAG_SECONDS'),
    dataDir: dataDir(env),
    files: fileStorage(env, dataDir(env)),
    timeZone: read(env, 'SABT_TIME_ZONE'),
    sessionIdleMinutes: int(env, 'SABT_SESSION_IDLE_MINUTES'),
    sessionMaxHours: int(env, 'SABT_SESSION_MAX_HOURS'),
    loginThrottle: {
      perLogin: positive(env, 'SABT_LOGIN_THROTTLE_PER_LOGIN'),
      perAddress: positive(env, 'SABT_LOGIN_THROTTLE_PER_ADDRESS'),
      maxMinutes: positive(env, 'SABT_LOGIN_THROTTLE_MAX_MINUTES'),
    },
    loginRateLimitPerMinute: int(env, 'SABT_LOGIN_RATE_LIMIT'),
    twoFactor: {
      requiredRoles: roleList(env, 'SABT_2FA_ROLES'),
      toleranceSeconds: atMost(env, 'SABT_2FA_TOLERANCE_SECONDS', 1440),
    },
    secureCookies: read(env, 'SABT_SECURE_COOKIES')
      ? bool(env, 'SABT_SECURE_COOKIES')
      : env.NODE_ENV === 'production',
    trustedProxies: addressList(env, 'SABT_TRUSTED_PROXIES'),
    logLevel: read(env, 'SABT_LOG_LEVEL'),
    demo: bool(env, 'SABT_DEMO'),
    jobs: onOff(env, 'SABT_JOBS'),
    keyPassphrase: read(env, 'SABT_KEY_PASSPHRASE') || DEV_KEY_PASSPHRASE,
    auditAnchorFile: anchorFile(env),
    auditAnchorMinutes: Math.max(1, int(env, 'SABT_AUDIT_ANCHOR_MINUTES')),
    publicUrl: publicUrl(env),
    blankSeriesPattern: pattern(env, 'SABT_BLANK_SERIES_PATTERN'),
    blankSeriesExample: read(env, 'SABT_BLANK_SERIES_EXAMPLE'),
    blankNumberDigits: int(env, 'SABT_BLANK_NUMBER_DIGITS'),
    verifyRateLimitPerMinute: int(env, 'SABT_VERIFY_RATE_LIMIT'),
    notifyEmail: choice(env, 'SABT_NOTIFY_EMAIL', ['smtp', 'log', 'off']),
    notifySms: choice(env, 'SABT_NOTIFY_SMS', ['http', 'log', 'off']),
    smtpHost: read(env, 'SABT_SMTP_HOST'),
    smtpPort: int(env, 'SABT_SMTP_PORT'),
    smtpSecure: bool(env, 'SABT_SMTP_SECURE'),
    smtpUser: read(env, 'SABT_SMTP_USER'),
    smtpPassword: read(env, 'SABT_SMTP_PASSWORD'),
    smtpFrom: read(env, 'SABT_SMTP_FROM'),
    smsUrl: smsUrl(env),
    smsToken: read(env, 'SABT_SMS_TOKEN'),
    metricsToken: metricsToken(env),
    readyTimeoutMs: positive(env, 'SABT_READY_TIMEOUT_MS'),
    overload: {
      maxEventLoopDelayMs: int(env, 'SABT_OVERLOAD_EVENT_LOOP_DELAY_MS'),
      maxHeapMb: int(env, 'SABT_OVERLOAD_HEAP_MB'),
      maxRssMb: int(env, 'SABT_OVERLOAD_RSS_MB'),
      retryAfterSeconds: positive(env, 'SABT_OVERLOAD_RETRY_AFTER'),
    },
  };
}

/**
 * What a production server (NODE_ENV=production, not a demo) cannot start without: the passphrase
 * of the signing keys and a Secure session cookie (HTTPS). Empty: it may start.
 */
export function productionProblems(config: Config, env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.NODE_ENV !== 'production' || config.demo) return [];
  const problems: string[] = [];
  if (!env.SABT_KEY_PASSPHRASE) problems.push('SABT_KEY_PASSPHRASE must be set in production');
  if (!config.secureCookies)
    problems.push(
      'SABT_SECURE_COOKIES must not be false in production: the session cookie goes over HTTPS only',
    );
  return problems;
}

export function variablesHelp(): string {
  const width = Math.max(...VARIABLES.map((v) => v.name.length));
  return VARIABLES.map(
    (v) => `  ${v.name.padEnd(width)}  ${v.help}${v.default ? ` (default: ${v.default})` : ''}`,
  ).join('\n');
}
