import { describe, expect, it } from 'vitest';
import { ReplyLimiter } from './reply-limiter.ts';

function setup(perSecond = 3, perDestinationMs = 5000) {
  const clock = { now: 1_000_000 };
  return { clock, limiter: new ReplyLimiter({ perSecond, perDestinationMs, now: () => clock.now }) };
}

describe('ReplyLimiter', () => {
  it('replies to one destination at most once per interval', () => {
    const { clock, limiter } = setup();
    expect(limiter.take('127.0.0.2:10000')).toEqual({ ok: true });
    expect(limiter.take('127.0.0.2:10000')).toEqual({ ok: false, reason: 'destination' });
    clock.now += 4999;
    expect(limiter.take('127.0.0.2:10000')).toEqual({ ok: false, reason: 'destination' });
    clock.now += 1;
    expect(limiter.take('127.0.0.2:10000')).toEqual({ ok: true });
  });

  it('sends at most perSecond replies in total, refilling with time', () => {
    const { clock, limiter } = setup(3);
    const granted = (from: number, n: number) => Array.from({ length: n }, (_, i) => limiter.take(`10.0.0.${from + i}:1`).ok).filter(Boolean).length;
    expect(granted(0, 100)).toBe(3);
    clock.now += 1000;
    expect(granted(100, 100)).toBe(3);
    clock.now += 10_000;
    // the bucket holds at most one second's worth
    expect(granted(200, 50)).toBe(3);
  });

  it('remembers only destinations replied to within the interval', () => {
    const { clock, limiter } = setup(1000, 1000);
    for (let i = 0; i < 500; i++) limiter.take(`10.0.${i >> 8}.${i & 255}:1`);
    expect(limiter.size).toBe(500);
    clock.now += 1000;
    limiter.take('10.9.9.9:1');
    expect(limiter.size).toBe(1);
  });
});
