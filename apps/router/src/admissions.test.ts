import { describe, expect, it } from 'vitest';
import { Admissions, type Decision } from './admissions.ts';

const yes: Decision = { accepted: true, reason: '' };

describe('Admissions', () => {
  it('asks once per file; chunks that come meanwhile wait for the same answer', async () => {
    const a = new Admissions();
    let asked = 0;
    let answer!: (d: Decision) => void;
    const ask = () => {
      asked++;
      return new Promise<Decision>((resolve) => (answer = resolve));
    };
    const first = a.decide('f', ask);
    const second = a.decide('f', ask);
    answer(yes);
    expect(await first).toEqual({ ...yes, first: true });
    expect(await second).toEqual({ ...yes, first: false });
    expect(await a.decide('f', ask)).toEqual({ ...yes, first: false });
    expect(asked).toBe(1);
  });

  it('remembers nothing when filesvc could not be asked', async () => {
    const a = new Admissions();
    await expect(a.decide('f', () => Promise.reject(new Error('no service answers')))).rejects.toThrow(/no service/);
    expect(await a.decide('f', async () => yes)).toMatchObject({ accepted: true, first: true });
  });

  it('turns a file down once filesvc gave it up, and forgets old decisions', async () => {
    let now = 0;
    const a = new Admissions({ max: 2, ttlMs: 1000, now: () => now });
    await a.decide('f', async () => yes);
    a.refuse('f', 'timed out');
    expect(await a.decide('f', async () => yes)).toEqual({ accepted: false, reason: 'timed out', first: false });
    await a.decide('g', async () => yes);
    await a.decide('h', async () => yes);
    expect(await a.decide('f', async () => yes)).toMatchObject({ accepted: true, first: true });
    now = 5000;
    expect(await a.decide('h', async () => ({ accepted: false, reason: 'full' }))).toMatchObject({ accepted: false, first: true });
  });
});
