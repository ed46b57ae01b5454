import { describe, expect, it } from 'vitest';
import { BadFrameLimiter } from './limiter.ts';

function setup(maxPerMinute = 3, cooldownMs = 30_000) {
  const clock = { now: 1_000_000 };
  const limiter = new BadFrameLimiter({ maxPerMinute, cooldownMs, now: () => clock.now });
  return { clock, limiter };
}

describe('BadFrameLimiter', () => {
  it('blocks an IP on its first bad frame beyond the limit in a minute, and says so once', () => {
    const { limiter } = setup(3);
    expect([1, 2, 3].map(() => limiter.strike('10.0.0.1'))).toEqual([false, false, false]);
    expect(limiter.blocked('10.0.0.1')).toBe(false);
    expect(limiter.strike('10.0.0.1')).toBe(true);
    expect(limiter.blocked('10.0.0.1')).toBe(true);
    expect(limiter.strike('10.0.0.1')).toBe(false);
  });

  it('keeps other IPs apart', () => {
    const { limiter } = setup(1);
    limiter.strike('10.0.0.1');
    limiter.strike('10.0.0.1');
    expect(limiter.blocked('10.0.0.1')).toBe(true);
    expect(limiter.blocked('10.0.0.2')).toBe(false);
  });

  it('forgets bad frames older than a minute', () => {
    const { clock, limiter } = setup(2);
    limiter.strike('10.0.0.1');
    limiter.strike('10.0.0.1');
    clock.now += 60_001;
    expect(limiter.strike('10.0.0.1')).toBe(false);
    expect(limiter.strike('10.0.0.1')).toBe(false);
    expect(limiter.strike('10.0.0.1')).toBe(true);
  });

  it('ends the cooldown after its time, and the sweep reports the end once', () => {
    const { clock, limiter } = setup(0, 5000);
    expect(limiter.strike('10.0.0.1')).toBe(true);
    clock.now += 4999;
    expect(limiter.blocked('10.0.0.1')).toBe(true);
    expect(limiter.sweep()).toEqual([]);
    clock.now += 1;
    expect(limiter.blocked('10.0.0.1')).toBe(false);
    expect(limiter.sweep()).toEqual(['10.0.0.1']);
    expect(limiter.sweep()).toEqual([]);
  });

  it('tracks a bounded number of IPs', () => {
    const clock = { now: 0 };
    const limiter = new BadFrameLimiter({ maxPerMinute: 1, cooldownMs: 1000, now: () => clock.now, maxTracked: 2 });
    limiter.strike('10.0.0.1');
    limiter.strike('10.0.0.2');
    limiter.strike('10.0.0.3');
    // 10.0.0.1 was forgotten: two more strikes are needed to block it again
    expect(limiter.strike('10.0.0.1')).toBe(false);
    expect(limiter.strike('10.0.0.1')).toBe(true);
  });
});
