import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LogThrottle, rejectionKey, throttledLog } from './log-throttle.ts';
import { createLogger } from './logger.ts';

function setup(opts: { intervalMs?: number; maxKeys?: number } = {}) {
  const clock = { now: 1_000_000 };
  const throttle = new LogThrottle({ intervalMs: 1000, ...opts, now: () => clock.now });
  return { clock, throttle };
}

describe('LogThrottle', () => {
  it('admits the first occurrence, then one per interval with the count suppressed meanwhile', () => {
    const { clock, throttle } = setup();
    expect(throttle.admit('dropped', '10.0.0.1')).toEqual({ suppressed: 0, manyKeys: false });
    for (let i = 0; i < 5; i++) expect(throttle.admit('dropped', '10.0.0.1')).toBeUndefined();
    clock.now += 999;
    expect(throttle.admit('dropped', '10.0.0.1')).toBeUndefined();
    clock.now += 1;
    expect(throttle.admit('dropped', '10.0.0.1')).toEqual({ suppressed: 6, manyKeys: false });
    expect(throttle.admit('dropped', '10.0.0.1')).toBeUndefined();
  });

  it('keeps kinds and keys apart', () => {
    const { throttle } = setup();
    expect(throttle.admit('dropped', '10.0.0.1')).toBeDefined();
    expect(throttle.admit('dropped', '10.0.0.2')).toBeDefined();
    expect(throttle.admit('refused', '10.0.0.1')).toBeDefined();
    expect(throttle.admit('dropped', '10.0.0.1')).toBeUndefined();
  });

  it('past maxKeys, new keys of a kind share one slot: one line per interval however many keys', () => {
    const { clock, throttle } = setup({ maxKeys: 3 });
    const logged = (kind: string, n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => throttle.admit(kind, `10.0.${from + i}.1`)).filter((a) => a !== undefined);
    expect(logged('dropped', 3)).toHaveLength(3);
    expect(logged('dropped', 1000, 3)).toEqual([{ suppressed: 0, manyKeys: true }]);
    expect(throttle.size).toBe(3);
    // another kind has its own overflow slot
    expect(logged('refused', 10)).toEqual([{ suppressed: 0, manyKeys: true }]);
    clock.now += 1000;
    // the tracked keys' intervals are over: new keys get their own slots again
    expect(logged('dropped', 3, 5000)).toEqual([
      { suppressed: 0, manyKeys: false },
      { suppressed: 0, manyKeys: false },
      { suppressed: 0, manyKeys: false },
    ]);
    expect(logged('dropped', 1, 6000)).toEqual([{ suppressed: 999, manyKeys: true }]);
  });

  it('stays bounded under a flood of distinct keys', () => {
    const { clock, throttle } = setup({ maxKeys: 100 });
    let lines = 0;
    for (let i = 0; i < 50_000; i++) {
      if (i % 5000 === 0) clock.now += 100;
      if (throttle.admit('dropped', `key-${i}`)) lines++;
    }
    expect(throttle.size).toBeLessThanOrEqual(100);
    expect(lines).toBeLessThanOrEqual(100 + 2);
  });
});

describe('throttledLog', () => {
  it('writes the fields given and the suppressed count through a real logger', () => {
    const lines: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    const clock = { now: 0 };
    const log = throttledLog(createLogger({ service: 'test', destination }), { intervalMs: 1000, now: () => clock.now });
    expect(log.warn('10.0.0.1', { peer: '10.0.0.1:5' }, 'dropped datagram')).toBe(true);
    expect(log.warn('10.0.0.1', { peer: '10.0.0.1:6' }, 'dropped datagram')).toBe(false);
    expect(log.warn('10.0.0.1', { peer: '10.0.0.1:7' }, 'dropped datagram')).toBe(false);
    clock.now = 1000;
    expect(log.warn('10.0.0.1', { peer: '10.0.0.1:8' }, 'dropped datagram')).toBe(true);
    expect(lines).toMatchObject([
      { level: 40, msg: 'dropped datagram', peer: '10.0.0.1:5' },
      { level: 40, msg: 'dropped datagram', peer: '10.0.0.1:8', suppressed: 2 },
    ]);
    expect(lines[0]).not.toHaveProperty('suppressed');
  });
});

describe('rejectionKey', () => {
  it('keys a rejection by its address and the first words of its reason', () => {
    expect(rejectionKey('127.0.0.9', 'invalid JSON: Unexpected token')).toBe('127.0.0.9 invalid');
    expect(rejectionKey('127.0.0.9', 'oversize: more than 65536 bytes')).toBe('127.0.0.9 oversize');
    expect(rejectionKey('127.0.0.9', 'already 8 incoming transfers (maxIncoming)', 3)).toBe('127.0.0.9 already 8 incoming');
    expect(rejectionKey('h', 'x'.repeat(100))).toBe(`h ${'x'.repeat(32)}`);
  });
});
