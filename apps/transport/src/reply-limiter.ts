// Discovery replies: at most one per destination per interval, and at most perSecond in total
// (a token bucket), so announcements from many sources cannot make the node a sender of many
// datagrams. Pure: time comes from the clock it is given; memory stays bounded because only
// destinations replied to within the last interval are remembered, and those are rate-limited.

export interface ReplyLimiterOptions {
  perDestinationMs: number;
  perSecond: number;
  now?: () => number;
}

export class ReplyLimiter {
  readonly #opts: Required<ReplyLimiterOptions>;
  /** destination -> when it was last replied to, oldest first */
  readonly #recent = new Map<string, number>();
  #tokens: number;
  #filledAt: number;

  constructor(opts: ReplyLimiterOptions) {
    this.#opts = { now: Date.now, ...opts };
    this.#tokens = opts.perSecond;
    this.#filledAt = this.#opts.now();
  }

  /** True when a reply to dest may go now (it is then counted); else why not. */
  take(dest: string): { ok: true } | { ok: false; reason: 'destination' | 'rate' } {
    const now = this.#opts.now();
    this.#forget(now);
    if (this.#recent.has(dest)) return { ok: false, reason: 'destination' };
    this.#tokens = Math.min(this.#opts.perSecond, this.#tokens + ((now - this.#filledAt) * this.#opts.perSecond) / 1000);
    this.#filledAt = now;
    if (this.#tokens < 1) return { ok: false, reason: 'rate' };
    this.#tokens--;
    this.#recent.set(dest, now);
    return { ok: true };
  }

  /** Destinations remembered. */
  get size(): number {
    return this.#recent.size;
  }

  #forget(now: number): void {
    for (const [dest, at] of this.#recent) {
      if (now - at < this.#opts.perDestinationMs) break;
      this.#recent.delete(dest);
    }
  }
}
