import { Kysely, PostgresDialect, type PostgresPool, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

/**
 * Reads that may lag, from a streaming replica of the primary (DATABASE_READ_URL): the search, the
 * public certificate check, the fee report and the work queues' counts. Writes, every read that
 * decides a write, and every other read stay on the primary.
 *
 * Whether a read may go to the replica is decided here, by two facts:
 *  - the replica's health, probed every second: the primary's WAL position is read first, then
 *    the replica's replay position; the replica holds everything the primary had committed at
 *    the latest probe whose primary position it has replayed, so its data is at most
 *    `now - that probe's time` old (the lag, to a probe's precision). Not answering, not a standby
 *    (pg_is_in_recovery() false) or lagging past SABT_READ_MAX_LAG_SECONDS: not read. A read that
 *    finds no connection to the replica between two probes is made on the primary.
 *  - the reader's own writes: after a session writes, the primary's WAL position (past the write's
 *    commit record: PRIMARY_WAL_END) is kept on the session row (sessions.read_after_lsn, migration 037,
 *    written by runWrite after the commit, by every process on PostgreSQL); that session reads from the replica only once the latest
 *    probe found the replica replayed past it, else from the primary. The session row is on the
 *    primary, so this holds whichever Sabt process the next request reaches.
 * The replica is never written to: its connections are read-only (default_transaction_read_only).
 */

export type ReplicaState = 'ok' | 'lagging' | 'down' | 'not-a-replica';

export interface ReplicaStatus {
  state: ReplicaState;
  /** How old the replica's data may be, in seconds (0: it had replayed all the primary had at the probe); null: unknown. */
  lagSeconds: number | null;
  /** WAL bytes the replica had still to replay at the probe; null: unknown. */
  lagBytes: number | null;
  /** The replica's replay position at the probe (pg_lsn as text). */
  replayLsn: string | null;
  /** When the replica was last probed. */
  checkedAt: Date | null;
  /** What is wrong, for the operator (Sabt's or the driver's words, no data). */
  problem?: string;
}

/** Where one read went, and why when not to the replica. */
export type ReadTarget = 'replica' | 'primary';
export type PrimaryReason = 'own-write' | 'replica-down' | 'replica-lagging';

export interface ReadReplicaOptions {
  url: string;
  /** Past this lag the replica is not read. */
  maxLagSeconds: number;
  /** How often the replica is probed. */
  probeMs?: number;
  /** Connections to the replica. */
  poolSize?: number;
  /** Called with each new connection (connect.ts names its statements, as on the primary). */
  onConnect?: (client: pg.PoolClient) => void;
}

/**
 * The primary's WAL position just past its latest record, as a pg_lsn expression: the insert
 * position, except that one standing just after a page's header (the latest record ended at the
 * page's start: 24 bytes of a page's header, 40 of a segment's first page) is taken back to the
 * page's start, where a replica's replay position stops after replaying that record. (Else a
 * replica that replayed everything would look one header short until the primary writes again.)
 */
export const PRIMARY_WAL_END_SQL = `(SELECT CASE
    WHEN (p - '0/0'::pg_lsn) % seg = 40 THEN p - 40
    WHEN (p - '0/0'::pg_lsn) % blk = 24 THEN p - 24
    ELSE p END
  FROM (SELECT pg_current_wal_insert_lsn() AS p,
    (SELECT setting::numeric FROM pg_settings WHERE name = 'wal_segment_size') AS seg,
    (SELECT setting::numeric FROM pg_settings WHERE name = 'wal_block_size') AS blk) AS w)`;
export const PRIMARY_WAL_END = sql.raw<string>(PRIMARY_WAL_END_SQL);

/** A pg_lsn (`16/B374D848`) as a number of bytes, comparable. */
export function lsnBytes(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

/** The replica, its probe and the routing of reads to it or to the primary. */
export class ReadReplica {
  readonly db: Kysely<Database>;
  readonly pool: pg.Pool;
  private readonly primary: Kysely<Database>;
  private readonly maxLagSeconds: number;
  private readonly probeMs: number;
  private current: ReplicaStatus = {
    state: 'down',
    lagSeconds: null,
    lagBytes: null,
    replayLsn: null,
    checkedAt: null,
    problem: 'not probed yet',
  };
  /** The primary's insert positions at the recent probes, oldest first. */
  private history: { at: number; lsn: bigint }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private probing: Promise<ReplicaStatus> | null = null;
  /** Reads routed since the start, by where they went and why. */
  readonly reads = new Map<string, number>();

  constructor(primary: { db: Kysely<Database>; pool: pg.Pool }, opts: ReadReplicaOptions) {
    this.primary = primary.db;
    this.maxLagSeconds = opts.maxLagSeconds;
    this.probeMs = opts.probeMs ?? 1000;
    this.pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      // a replica that does not answer must not hold a reader up: the primary serves instead
      connectionTimeoutMillis: 2000,
      query_timeout: 30_000,
      options: '-c default_transaction_read_only=on',
    });
    const lost = (err: Error) => console.error(`read replica connection lost: ${err.message}`);
    this.pool.on('connect', (client) => {
      opts.onConnect?.(client);
      client.on('error', lost);
    });
    this.pool.on('error', lost);
    // A read that finds the replica gone between two probes (no connection to be had) is made on
    // the primary, and the replica is taken as down until the next probe finds it well.
    const replicaPool = this.pool;
    const fallback: PostgresPool = {
      options: replicaPool.options,
      connect: async () => {
        try {
          return await replicaPool.connect();
        } catch (err) {
          this.markDown(err as Error);
          return primary.pool.connect();
        }
      },
      // ended by close(): Kysely ends its pool only once a read went through it
      end: async () => {},
    };
    this.db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: fallback }) });
  }

  private markDown(err: Error) {
    this.set({
      state: 'down',
      lagSeconds: null,
      lagBytes: null,
      replayLsn: null,
      checkedAt: new Date(),
      problem: err.message,
    });
  }

  /** Probes once now, then every probeMs until closed. */
  async start(): Promise<void> {
    await this.probe();
    const tick = () => {
      this.timer = setTimeout(async () => {
        await this.probe();
        if (this.timer) tick();
      }, this.probeMs);
      this.timer.unref();
    };
    tick();
  }

  /** The replica's state as the latest probe found it. */
  status(): ReplicaStatus {
    return this.current;
  }

  /** Probes the replica now (one probe at a time: a caller during one gets its outcome). */
  probe(): Promise<ReplicaStatus> {
    this.probing ??= this.probeOnce().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async probeOnce(): Promise<ReplicaStatus> {
    const at = Date.now();
    let primaryLsn: bigint;
    try {
      const p = await sql<{ lsn: string }>`SELECT ${PRIMARY_WAL_END}::text AS lsn`.execute(this.primary);
      primaryLsn = lsnBytes(p.rows[0]!.lsn);
    } catch {
      // the primary is /ready's and the writes' concern; the replica's state stays as it was
      return this.current;
    }
    this.history.push({ at, lsn: primaryLsn });
    const keepMs = (this.maxLagSeconds + 5) * 1000 + this.probeMs * 2;
    while (this.history.length > 1 && this.history[0]!.at < at - keepMs) this.history.shift();
    try {
      // on the replica's own pool: never the primary in its stead
      const r = await this.pool.query<{
        standby: boolean;
        replay: string | null;
        replayed_ago: number | null;
      }>(
        `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replay,
          extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS replayed_ago`,
      );
      const row = r.rows[0]!;
      if (!row.standby || !row.replay) {
        return this.set({
          state: 'not-a-replica',
          lagSeconds: null,
          lagBytes: null,
          replayLsn: row.replay,
          checkedAt: new Date(at),
          problem: 'DATABASE_READ_URL is not a standby (pg_is_in_recovery() is false)',
        });
      }
      const replay = lsnBytes(row.replay);
      // the newest probe whose primary position the replica has replayed: it has all committed then
      let caughtUp: number | null = null;
      for (const h of this.history) if (h.lsn <= replay) caughtUp = h.at;
      // behind every recent probe: at least since the oldest, and as old as its last replayed commit
      const lagSeconds =
        replay >= primaryLsn
          ? 0
          : caughtUp !== null
            ? (Date.now() - caughtUp) / 1000
            : Math.max(
                (Date.now() - this.history[0]!.at) / 1000,
                row.replayed_ago ?? Number.POSITIVE_INFINITY,
              );
      const lagging = lagSeconds > this.maxLagSeconds;
      return this.set({
        state: lagging ? 'lagging' : 'ok',
        lagSeconds: Number.isFinite(lagSeconds) ? Math.round(lagSeconds * 1000) / 1000 : null,
        lagBytes: replay >= primaryLsn ? 0 : Number(primaryLsn - replay),
        replayLsn: row.replay,
        checkedAt: new Date(at),
        ...(lagging
          ? { problem: `the replica is more than ${this.maxLagSeconds} s behind the primary` }
          : {}),
      });
    } catch (err) {
      this.markDown(err as Error);
      return this.current;
    }
  }

  private set(status: ReplicaStatus): ReplicaStatus {
    this.current = status;
    return status;
  }

  /**
   * Where a read goes: the replica when the latest probe found it healthy and replayed past
   * `afterLsn` (the reader's latest write; null: none), else the primary.
   */
  route(afterLsn: string | null | undefined): { target: ReadTarget; reason?: PrimaryReason } {
    const s = this.current;
    let decided: { target: ReadTarget; reason?: PrimaryReason };
    if (s.state === 'lagging') decided = { target: 'primary', reason: 'replica-lagging' };
    else if (s.state !== 'ok' || !s.replayLsn) decided = { target: 'primary', reason: 'replica-down' };
    else if (afterLsn && lsnBytes(s.replayLsn) < lsnBytes(afterLsn))
      decided = { target: 'primary', reason: 'own-write' };
    else decided = { target: 'replica' };
    const key = decided.reason ? `primary:${decided.reason}` : 'replica';
    this.reads.set(key, (this.reads.get(key) ?? 0) + 1);
    return decided;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.probing;
    await this.db.destroy();
    await this.pool.end();
  }
}

/**
 * The database a lagging read is made on: the replica when `dbx` has one and it may serve this
 * reader (see ReadReplica.route), else the primary. `afterLsn`: the reader's latest write (the
 * actor's readAfterLsn); null for a reader without a session (the public check).
 */
export function readDb(
  dbx: { db: Kysely<Database>; replica: ReadReplica | null },
  afterLsn: string | null | undefined,
): Kysely<Database> {
  if (!dbx.replica) return dbx.db;
  return dbx.replica.route(afterLsn).target === 'replica' ? dbx.replica.db : dbx.db;
}
