// Bounded logging for what the network can repeat at will. The first occurrence of a
// (kind, key) is logged; after it, at most one line per interval, carrying the count of the
// occurrences suppressed meanwhile. Keys are bounded: once maxKeys are tracked, new keys of a
// kind share one slot (its lines say `manyKeys: true`), so a flood of distinct keys still
// costs at most one line per kind and interval.
import type { Logger } from './logger.ts';

export interface LogThrottleOptions {
  /** least time between two lines of one (kind, key); 10 s by default */
  intervalMs?: number;
  /** most (kind, key) pairs tracked at once; 1000 by default */
  maxKeys?: number;
  now?: () => number;
}

/** Log this occurrence: how many of its (kind, key) were suppressed since the last line. */
export interface Admitted {
  suppressed: number;
  /** the key shares its kind's overflow slot (too many keys tracked) */
  manyKeys: boolean;
}

interface Slot {
  loggedAt: number;
  suppressed: number;
}

export class LogThrottle {
  readonly #intervalMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  /** "kind\0key" -> slot, least recently logged first */
  readonly #slots = new Map<string, Slot>();
  readonly #overflow = new Map<string, Slot>();

  constructor(opts: LogThrottleOptions = {}) {
    this.#intervalMs = opts.intervalMs ?? 10_000;
    this.#maxKeys = opts.maxKeys ?? 1000;
    this.#now = opts.now ?? Date.now;
  }

  /** Counts one occurrence of (kind, key); says whether to log it, or undefined to stay silent. */
  admit(kind: string, key: string): Admitted | undefined {
    const now = this.#now();
    const id = `${kind}\0${key}`;
    const slot = this.#slots.get(id);
    if (slot) {
      if (now - slot.loggedAt < this.#intervalMs) {
        slot.suppressed++;
        return undefined;
      }
      this.#slots.delete(id);
      this.#slots.set(id, { loggedAt: now, suppressed: 0 });
      return { suppressed: slot.suppressed, manyKeys: false };
    }
    this.#forgetQuiet(now);
    if (this.#slots.size < this.#maxKeys) {
      this.#slots.set(id, { loggedAt: now, suppressed: 0 });
      return { suppressed: 0, manyKeys: false };
    }
    const shared = this.#overflow.get(kind);
    if (shared && now - shared.loggedAt < this.#intervalMs) {
      shared.suppressed++;
      return undefined;
    }
    this.#overflow.set(kind, { loggedAt: now, suppressed: 0 });
    return { suppressed: shared?.suppressed ?? 0, manyKeys: true };
  }

  /** Number of (kind, key) pairs tracked. */
  get size(): number {
    return this.#slots.size;
  }

  /** Drops slots whose interval is over (their next occurrence is logged either way). */
  #forgetQuiet(now: number): void {
    for (const [id, slot] of this.#slots) {
      if (now - slot.loggedAt < this.#intervalMs) break;
      this.#slots.delete(id);
    }
  }
}

type Level = 'debug' | 'info' | 'warn' | 'error';
type LogFn = (key: string, fields: Record<string, unknown>, msg: string) => boolean;

/** A logger whose lines are throttled per (msg, key): each call returns whether it logged. */
export type ThrottledLog = Record<Level, LogFn> & { readonly throttle: LogThrottle };

export function throttledLog(log: Logger, opts: LogThrottleOptions = {}): ThrottledLog {
  const throttle = new LogThrottle(opts);
  const at =
    (level: Level): LogFn =>
    (key, fields, msg) => {
      const admitted = throttle.admit(msg, key);
      if (!admitted) return false;
      const extra = { ...(admitted.suppressed > 0 ? { suppressed: admitted.suppressed } : {}), ...(admitted.manyKeys ? { manyKeys: true } : {}) };
      log[level]({ ...fields, ...extra }, msg);
      return true;
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), throttle };
}

/**
 * A throttling key for a rejection: the address it came from and the kind of reason (its first
 * `words` words), so the first of each kind from an address is logged, and a flood of one kind
 * costs one line per interval.
 */
export function rejectionKey(address: string, reason: string, words = 1): string {
  const kind = reason.split(/[\s:]+/).slice(0, words).map((w) => w.slice(0, 32)).join(' ');
  return `${address} ${kind}`;
}
