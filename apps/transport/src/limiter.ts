// Per-IP bad-frame limiter: an IP that sends more than maxPerMinute bad frames within a minute
// is ignored for a cooldown. Pure: time comes from the clock it is given.

export interface LimiterOptions {
  maxPerMinute: number;
  cooldownMs: number;
  now?: () => number;
  /** most IPs tracked at once (oldest forgotten first) */
  maxTracked?: number;
}

interface Entry {
  /** times of recent bad frames, oldest first */
  strikes: number[];
  blockedUntil: number;
}

const windowMs = 60_000;

export class BadFrameLimiter {
  readonly #opts: Required<LimiterOptions>;
  readonly #ips = new Map<string, Entry>();

  constructor(opts: LimiterOptions) {
    this.#opts = { now: Date.now, maxTracked: 10_000, ...opts };
  }

  /** True while ip is in its cooldown. */
  blocked(ip: string): boolean {
    const entry = this.#ips.get(ip);
    return entry !== undefined && entry.blockedUntil > this.#opts.now();
  }

  /** Records a bad frame from ip; true when this one starts a cooldown. */
  strike(ip: string): boolean {
    const now = this.#opts.now();
    let entry = this.#ips.get(ip);
    if (!entry) {
      if (this.#ips.size >= this.#opts.maxTracked) this.#forgetOldest();
      entry = { strikes: [], blockedUntil: 0 };
      this.#ips.set(ip, entry);
    }
    if (entry.blockedUntil > now) return false;
    entry.strikes.push(now);
    while (entry.strikes.length > 0 && entry.strikes[0]! <= now - windowMs) entry.strikes.shift();
    if (entry.strikes.length <= this.#opts.maxPerMinute) return false;
    entry.strikes = [];
    entry.blockedUntil = now + this.#opts.cooldownMs;
    return true;
  }

  /** Forgets stale entries; returns the IPs whose cooldown has ended since the last sweep. */
  sweep(): string[] {
    const now = this.#opts.now();
    const ended: string[] = [];
    for (const [ip, entry] of this.#ips) {
      if (entry.blockedUntil > now) continue;
      if (entry.blockedUntil > 0) {
        ended.push(ip);
        entry.blockedUntil = 0;
      }
      while (entry.strikes.length > 0 && entry.strikes[0]! <= now - windowMs) entry.strikes.shift();
      if (entry.strikes.length === 0) this.#ips.delete(ip);
    }
    return ended;
  }

  #forgetOldest(): void {
    const now = this.#opts.now();
    let victim: string | undefined;
    for (const [ip, entry] of this.#ips) {
      victim ??= ip;
      if (entry.blockedUntil <= now) {
        victim = ip;
        break;
      }
    }
    if (victim !== undefined) this.#ips.delete(victim);
  }
}
