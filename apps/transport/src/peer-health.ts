// Per-endpoint send health. Failed sends in a row mark a peer down; sends to a down peer fail
// at once, and one send at a time is let through as a probe once its back-off has passed
// (doubling per failed probe, capped). A success, or a discovery announcement from the peer,
// marks it up. Pure: time comes from the clock it is given.

export interface PeerHealthOptions {
  /** failed sends in a row that mark a peer down */
  downAfterFailures: number;
  /** first wait before a down peer is probed */
  retryMs: number;
  /** longest wait before a down peer is probed */
  retryMaxMs: number;
  now?: () => number;
  /** most endpoints tracked at once (the oldest forgotten first) */
  maxTracked?: number;
}

export interface HealthState {
  down: boolean;
  /** why the last send failed ('' when none did) */
  lastError: string;
  /** ms since the epoch: when a down peer is probed next (0 when up) */
  retryAt: number;
}

export type Admission = { ok: true; probe: boolean } | { ok: false; reason: string };

export type HealthChange = { kind: 'down'; error: string } | { kind: 'up' };

interface Entry {
  failures: number;
  down: boolean;
  lastError: string;
  delayMs: number;
  retryAt: number;
  probing: boolean;
}

const up: HealthState = { down: false, lastError: '', retryAt: 0 };

export class PeerHealth {
  readonly #opts: Required<PeerHealthOptions>;
  /** endpoint key -> entry, only for endpoints whose last send failed */
  readonly #entries = new Map<string, Entry>();

  constructor(opts: PeerHealthOptions) {
    this.#opts = { now: Date.now, maxTracked: 4096, ...opts };
  }

  /** May a send to key go now? A down peer's one probe at a time, once its wait is over. */
  admit(key: string): Admission {
    const entry = this.#entries.get(key);
    if (!entry?.down) return { ok: true, probe: false };
    if (!entry.probing && this.#opts.now() >= entry.retryAt) {
      entry.probing = true;
      return { ok: true, probe: true };
    }
    return { ok: false, reason: this.#downReason(entry) };
  }

  /** What a send to a down peer fails with ('' when it is up). */
  downReason(key: string): string {
    const entry = this.#entries.get(key);
    return entry?.down ? this.#downReason(entry) : '';
  }

  #downReason(entry: Entry): string {
    if (entry.probing) return `peer down: ${entry.lastError}; being retried now`;
    return `peer down: ${entry.lastError}; next try in ${Math.max(0, Math.ceil((entry.retryAt - this.#opts.now()) / 1000))} s`;
  }

  /** An admitted send went through. */
  succeeded(key: string): HealthChange | undefined {
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    return entry?.down ? { kind: 'up' } : undefined;
  }

  /** An admitted send failed (the peer's fault, not ours). */
  failed(key: string, error: string, probe: boolean): HealthChange | undefined {
    const now = this.#opts.now();
    let entry = this.#entries.get(key);
    if (!entry) {
      if (this.#entries.size >= this.#opts.maxTracked) this.#entries.delete(this.#entries.keys().next().value!);
      entry = { failures: 0, down: false, lastError: '', delayMs: 0, retryAt: 0, probing: false };
      this.#entries.set(key, entry);
    }
    entry.failures++;
    entry.lastError = error;
    if (entry.down) {
      if (probe && entry.probing) {
        entry.probing = false;
        entry.delayMs = Math.min(entry.delayMs * 2, this.#opts.retryMaxMs);
        entry.retryAt = now + entry.delayMs;
      }
      return undefined;
    }
    if (entry.failures < this.#opts.downAfterFailures) return undefined;
    entry.down = true;
    entry.delayMs = Math.min(this.#opts.retryMs, this.#opts.retryMaxMs);
    entry.retryAt = now + entry.delayMs;
    return { kind: 'down', error };
  }

  /** An admitted send ended without saying anything about the peer (stopped, queue full). */
  released(key: string, probe: boolean): void {
    const entry = this.#entries.get(key);
    if (probe && entry) entry.probing = false;
  }

  state(key: string): HealthState {
    const entry = this.#entries.get(key);
    if (!entry) return { ...up };
    return { down: entry.down, lastError: entry.lastError, retryAt: entry.down ? entry.retryAt : 0 };
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }

  /** Number of endpoints tracked. */
  get size(): number {
    return this.#entries.size;
  }
}
