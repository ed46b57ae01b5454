import { describe, expect, it } from 'vitest';
import { PeerHealth } from './peer-health.ts';

const P = '127.0.0.9:7000';

function setup(opts: Partial<ConstructorParameters<typeof PeerHealth>[0]> = {}) {
  const clock = { now: 1_000_000 };
  const health = new PeerHealth({ downAfterFailures: 2, retryMs: 1000, retryMaxMs: 5000, now: () => clock.now, ...opts });
  return { clock, health };
}

/** Fails the peer until it is down; returns the change. */
function markDown(health: PeerHealth, error = 'ECONNREFUSED') {
  expect(health.admit(P)).toEqual({ ok: true, probe: false });
  expect(health.failed(P, error, false)).toBeUndefined();
  expect(health.admit(P)).toEqual({ ok: true, probe: false });
  return health.failed(P, error, false);
}

describe('PeerHealth', () => {
  it('marks a peer down after downAfterFailures failures in a row, and then fails sends at once saying why and when', () => {
    const { clock, health } = setup();
    expect(markDown(health, 'connect timed out')).toEqual({ kind: 'down', error: 'connect timed out' });
    expect(health.state(P)).toEqual({ down: true, lastError: 'connect timed out', retryAt: 1_001_000 });
    expect(health.admit(P)).toEqual({ ok: false, reason: 'peer down: connect timed out; next try in 1 s' });
    expect(health.downReason(P)).toBe('peer down: connect timed out; next try in 1 s');
    expect(health.downReason('127.0.0.1:1')).toBe('');
    clock.now += 400;
    expect(health.admit(P)).toEqual({ ok: false, reason: 'peer down: connect timed out; next try in 1 s' });
  });

  it('a success in between resets the count', () => {
    const { health } = setup();
    health.failed(P, 'ECONNREFUSED', false);
    expect(health.succeeded(P)).toBeUndefined();
    expect(health.failed(P, 'ECONNREFUSED', false)).toBeUndefined();
    expect(health.state(P)).toEqual({ down: false, lastError: 'ECONNREFUSED', retryAt: 0 });
  });

  it('lets one probe through once the wait is over, failing the others fast while it is out', () => {
    const { clock, health } = setup();
    markDown(health);
    clock.now += 1000;
    expect(health.admit(P)).toEqual({ ok: true, probe: true });
    expect(health.admit(P)).toEqual({ ok: false, reason: 'peer down: ECONNREFUSED; being retried now' });
    expect(health.admit(P)).toMatchObject({ ok: false });
  });

  it('doubles the wait after each failed probe, up to retryMaxMs', () => {
    const { clock, health } = setup();
    markDown(health);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      clock.now = health.state(P).retryAt;
      expect(health.admit(P)).toEqual({ ok: true, probe: true });
      expect(health.failed(P, 'ECONNREFUSED', true)).toBeUndefined();
      waits.push(health.state(P).retryAt - clock.now);
    }
    expect(waits).toEqual([2000, 4000, 5000, 5000, 5000]);
    expect(health.admit(P)).toEqual({ ok: false, reason: 'peer down: ECONNREFUSED; next try in 5 s' });
  });

  it('a successful probe marks the peer up', () => {
    const { clock, health } = setup();
    markDown(health);
    clock.now += 1000;
    expect(health.admit(P)).toMatchObject({ ok: true, probe: true });
    expect(health.succeeded(P)).toEqual({ kind: 'up' });
    expect(health.state(P)).toEqual({ down: false, lastError: '', retryAt: 0 });
    expect(health.admit(P)).toEqual({ ok: true, probe: false });
  });

  it('a failure of a send that left before the peer went down does not move the probe time', () => {
    const { clock, health } = setup();
    markDown(health);
    const retryAt = health.state(P).retryAt;
    clock.now += 500;
    expect(health.failed(P, 'ECONNRESET', false)).toBeUndefined();
    expect(health.state(P)).toEqual({ down: true, lastError: 'ECONNRESET', retryAt });
  });

  it('a released probe lets the next send probe again', () => {
    const { clock, health } = setup();
    markDown(health);
    clock.now += 1000;
    expect(health.admit(P)).toMatchObject({ probe: true });
    health.released(P, true);
    expect(health.admit(P)).toMatchObject({ ok: true, probe: true });
  });

  it('keeps endpoints apart and tracks a bounded number of them', () => {
    const { health } = setup({ maxTracked: 3, downAfterFailures: 1 });
    for (let i = 1; i <= 5; i++) health.failed(`127.0.0.${i}:1`, 'ECONNREFUSED', false);
    expect(health.size).toBe(3);
    expect(health.state('127.0.0.1:1').down).toBe(false);
    expect(health.state('127.0.0.5:1').down).toBe(true);
    expect(health.admit('127.0.0.6:1')).toEqual({ ok: true, probe: false });
  });
});
