import { describe, expect, it } from 'vitest';
import { LineReader } from './line-reader.ts';

const b = (s: string) => Buffer.from(s);
const text = (lines: Buffer[] | 'oversize') => (lines === 'oversize' ? lines : lines.map(String));

describe('LineReader', () => {
  it('splits lines across and within pieces', () => {
    const r = new LineReader(100);
    expect(text(r.push(b('{"a":1}\n{"b"')))).toEqual(['{"a":1}']);
    expect(r.pending).toBe(4);
    expect(text(r.push(b(':2}\n\n{"c":3}\n')))).toEqual(['{"b":2}', '', '{"c":3}']);
    expect(r.pending).toBe(0);
  });

  it('refuses a line over the bound, complete or not', () => {
    expect(new LineReader(4).push(b('12345\n'))).toBe('oversize');
    const r = new LineReader(4);
    expect(r.push(b('123'))).toEqual([]);
    expect(r.push(b('45'))).toBe('oversize');
    expect(text(new LineReader(4).push(b('1234\n')))).toEqual(['1234']);
  });
});
