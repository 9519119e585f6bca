import { type FieldProblem, type Problem, ProblemError } from '../../../lib/api.ts';
import { fetchRecord, type RecordView } from '../../../lib/records.ts';
import { createDraft, patchDraft } from '../api/records.ts';
import { isEmptyData } from './form-model.ts';
import { deepEqual, mergePatchDiff } from './paths.ts';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'error';

export interface SaverState {
  status: SaveStatus;
  /** The server's revision of the draft; null until it is first saved. */
  revision: number | null;
  savedAt: number | null;
  problem: Problem | null;
}

export interface SaverOptions {
  id: string;
  kind: string;
  revision: number | null;
  serverData: Record<string, unknown> | null;
  /** Wait this long after the last change before saving (ms). */
  delay?: number;
  /** Try again this long after the connection dropped (ms). */
  retryDelay?: number;
  onState: (state: SaverState) => void;
  /** Someone else saved first (412): the server's draft as it is now. */
  onConflict: (record: RecordView) => void;
  /** The server refused the data (422): its field errors. */
  onRejected: (errors: FieldProblem[]) => void;
}

type Data = Record<string, unknown>;

/**
 * Saves a draft as it is typed. The first save POSTs with the client's record id (a retry never
 * makes a second record); later saves PATCH the changes as a JSON merge patch with If-Match.
 * One request at a time; changes made meanwhile go in the next one.
 */
export class DraftSaver {
  private readonly o: SaverOptions;
  private state: SaverState;
  private serverData: Data | null;
  private latest: Data | null = null;
  /** The data the server last accepted from us (or loaded from it). */
  private sent: Data | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private disposed = false;
  private readonly onOnline = () => void this.run();

  constructor(options: SaverOptions) {
    this.o = options;
    this.serverData = options.serverData;
    this.sent = options.serverData;
    this.state = {
      status: options.revision === null ? 'idle' : 'saved',
      revision: options.revision,
      savedAt: null,
      problem: null,
    };
    globalThis.addEventListener?.('online', this.onOnline);
  }

  get current(): SaverState {
    return this.state;
  }

  /** The server's data at the current revision. */
  get base(): Data | null {
    return this.serverData;
  }

  /** True when the server has exactly this data. */
  isSynced(data: Data): boolean {
    return this.state.revision !== null && deepEqual(data, this.sent);
  }

  private set(patch: Partial<SaverState>) {
    const next = { ...this.state, ...patch };
    const s = this.state;
    if (
      next.status === s.status &&
      next.revision === s.revision &&
      next.savedAt === s.savedAt &&
      next.problem === s.problem
    )
      return;
    this.state = next;
    if (!this.disposed) this.o.onState(this.state);
  }

  /** The data to save now; saved after the delay. */
  update(data: Data): void {
    this.latest = data;
    clearTimeout(this.timer);
    if (this.state.revision === null ? isEmptyData(data) : deepEqual(data, this.sent)) {
      if (!this.running && this.state.status !== 'offline')
        this.set({ status: this.state.revision === null ? 'idle' : 'saved' });
      return;
    }
    if (this.state.status !== 'offline' && this.state.status !== 'error') this.set({ status: 'saving' });
    this.timer = setTimeout(() => void this.run(), this.o.delay ?? 800);
  }

  /** Saves what is pending now; resolves true when the server has the latest data. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    await this.run();
    return this.latest === null || this.isSynced(this.latest);
  }

  /** After a conflict: the server's draft becomes the base the next patch is made against. */
  rebase(record: RecordView): void {
    this.serverData = record.data ?? {};
    this.sent = this.serverData;
    this.set({ revision: record.revision, status: 'saved', problem: null });
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    globalThis.removeEventListener?.('online', this.onOnline);
    // Whatever is pending still goes to the server; nobody listens any more.
    if (this.latest && !this.isSynced(this.latest)) void this.run();
    this.disposed = true;
  }

  run(): Promise<void> {
    clearTimeout(this.retryTimer);
    if (!this.running) {
      this.running = this.loop().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async loop(): Promise<void> {
    for (;;) {
      const data = this.latest;
      if (data === null || (this.state.revision === null && isEmptyData(data))) {
        this.set({ status: 'idle' });
        return;
      }
      if (this.isSynced(data)) {
        this.set({ status: 'saved', problem: null });
        return;
      }
      this.set({ status: 'saving' });
      try {
        if (this.state.revision === null) {
          const res = await createDraft(this.o.id, this.o.kind, data);
          this.accept(res.data, data);
        } else {
          const patch = mergePatchDiff(this.serverData, data) ?? {};
          const res = await patchDraft(this.o.id, this.state.revision, patch);
          this.accept(res.data, data);
        }
      } catch (error) {
        if (!(error instanceof ProblemError)) {
          this.set({ status: 'error', problem: null });
          return;
        }
        if (error.status === 0) {
          this.set({ status: 'offline', problem: error.problem });
          this.retryTimer = setTimeout(() => void this.run(), this.o.retryDelay ?? 5000);
          return;
        }
        if (error.status === 409 && this.state.revision === null) {
          // The first save got through but its answer was lost: carry on from the record it made.
          if (await this.adopt()) continue;
          this.set({ status: 'error', problem: error.problem });
          return;
        }
        if (error.status === 412) {
          const record = await fetchRecord(this.o.id).then(
            (r) => r.record,
            () => undefined,
          );
          if (record) {
            this.rebase(record);
            this.o.onConflict(record);
          } else this.set({ status: 'error', problem: error.problem });
          return;
        }
        if (error.status === 422) this.o.onRejected(error.problem.errors ?? []);
        this.set({ status: 'error', problem: error.problem });
        return;
      }
    }
  }

  private accept(record: RecordView, data: Data) {
    this.serverData = record.data ?? data;
    this.sent = data;
    this.set({ revision: record.revision, savedAt: Date.now(), problem: null });
  }

  private async adopt(): Promise<boolean> {
    const record = await fetchRecord(this.o.id).then(
      (r) => r.record,
      () => undefined,
    );
    if (!record || record.kind !== this.o.kind || record.status !== 'draft') return false;
    this.serverData = record.data ?? {};
    this.sent = this.serverData;
    this.set({ revision: record.revision });
    return true;
  }
}
