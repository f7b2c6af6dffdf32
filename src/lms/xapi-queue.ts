/**
 * Statements waiting for the LRS, kept in local storage so none is lost when the page
 * reloads or the network drops: each is written before it is sent and removed only once
 * the LRS has accepted it. Sending is in order; a failure waits (1 s doubling to 30 s,
 * or until the browser is back online) and retries. Statement ids are fixed when
 * queued, so a retry of a statement the LRS did receive is recognised as a duplicate.
 */
export interface QueuedStatement {
  id: string;
  [key: string]: unknown;
}

export type Send = (statement: QueuedStatement) => Promise<void>;

export const QUEUE_KEY = "dealcraft:xapi-queue";
/** Statements kept at most (weeks offline); beyond this the oldest go. */
export const QUEUE_MAX = 5000;
const MAX_DELAY_MS = 30_000;

type Store = Pick<Storage, "getItem" | "setItem">;

export class StatementQueue {
  private sending = false;
  private delay = 1000;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private memory: QueuedStatement[] | null = null;

  constructor(
    private readonly storage: Store,
    private readonly send: Send,
    private readonly key = QUEUE_KEY,
  ) {}

  /** What is waiting, oldest first. */
  pending(): QueuedStatement[] {
    if (this.memory) return this.memory;
    try {
      const v: unknown = JSON.parse(this.storage.getItem(this.key) ?? "[]");
      return Array.isArray(v) ? v.filter((s): s is QueuedStatement => typeof s === "object" && s !== null && typeof (s as { id?: unknown }).id === "string") : [];
    } catch {
      return [];
    }
  }

  private save(list: QueuedStatement[]): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(list));
      this.memory = null;
    } catch {
      this.memory = list; // storage full: keep them for this page at least
    }
  }

  add(statement: QueuedStatement): void {
    this.save([...this.pending(), statement].slice(-QUEUE_MAX));
    void this.flush();
  }

  /** Sends what is waiting, in order, until one fails (then retries later). Resolves when it stops. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (let guard = 0; guard < QUEUE_MAX; guard++) {
        const next = this.pending()[0];
        if (!next) break;
        try {
          await this.send(next);
        } catch {
          this.retryLater();
          return;
        }
        this.delay = 1000;
        this.save(this.pending().filter((s) => s.id !== next.id));
      }
    } finally {
      this.sending = false;
    }
  }

  private retryLater(): void {
    if (this.timer) return;
    const wait = this.delay;
    this.delay = Math.min(MAX_DELAY_MS, this.delay * 2);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
  }

  /** Back online: try now. */
  wake(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.flush();
  }
}
