import { describe, expect, it } from 'vitest';
import { SeenCache } from './seen-cache.ts';

describe('SeenCache', () => {
  it('reports a repeated id as seen', () => {
    const cache = new SeenCache(10, 1000);
    expect(cache.add('a')).toBe(true);
    expect(cache.add('a')).toBe(false);
    expect(cache.has('a')).toBe(true);
    expect(cache.has('b')).toBe(false);
  });

  it('evicts the oldest id past its bound, keeping the rest', () => {
    const cache = new SeenCache(3, 60_000);
    for (const id of ['a', 'b', 'c', 'd']) cache.add(id);
    expect(cache.size).toBe(3);
    expect(cache.has('a')).toBe(false);
    expect(['b', 'c', 'd'].every((id) => cache.has(id))).toBe(true);
  });

  it('forgets ids older than its time to live', () => {
    let now = 0;
    const cache = new SeenCache(100, 1000, () => now);
    cache.add('old');
    now = 600;
    cache.add('newer');
    now = 1200;
    expect(cache.has('old')).toBe(false);
    expect(cache.has('newer')).toBe(true);
    expect(cache.add('old')).toBe(true);
  });
});
