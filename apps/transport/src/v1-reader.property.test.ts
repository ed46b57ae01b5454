// Property-based tests of the v1 stream reader: however the network cuts a message into
// pieces, the reader gives back exactly its bytes, or says 'oversize' from the piece that
// passes the limit on; and what it gives back never makes the parser throw.
import { readFileSync } from 'node:fs';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseV1Message, V1 } from '@meshwork/protocol';
import { V1Reader } from './v1-reader.ts';

const timeout = 60_000;

const vectors = new URL('../../../libs/protocol/vectors/v1/', import.meta.url);
const captures = ['chat.plain.tcp.json', 'chat.encrypted.tcp.json', 'file_chunk.0.tcp.json', 'file_chunk.1.tcp.json', 'file_chunk.2.tcp.json', 'discovery.datagram.json'].map(
  (name) => readFileSync(new URL(name, vectors)),
);

/** A capture with a few bytes changed or cut off, as a hostile or broken peer might send it. */
const mutatedCapture = fc
  .tuple(fc.constantFrom(...captures), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 4 }), fc.option(fc.nat()))
  .map(([capture, changes, cut]) => {
    const b = Buffer.from(capture);
    for (const [at, byte] of changes) b[at % b.length] = byte;
    return cut === null ? b : b.subarray(0, cut % (b.length + 1));
  });

const message = fc.oneof(fc.constantFrom(...captures), mutatedCapture, fc.uint8Array({ maxLength: 600 }).map((u) => Buffer.from(u)));

/** The limit, often close to the message's length (where off-by-one errors live). */
const limitFor = (length: number) =>
  fc.oneof(fc.integer({ min: Math.max(0, length - 3), max: length + 3 }), fc.nat(2 * length + 10), fc.constant(V1.maxMessageBytes));

/** The message cut at the given points (repeated points give empty pieces), as views into one bigger buffer or as copies. */
function cut(bytes: Buffer, points: number[], views: boolean): Uint8Array[] {
  const at = points.map((p) => p % (bytes.length + 1)).sort((a, b) => a - b);
  const bounds = [0, ...at, bytes.length];
  const backing = Buffer.alloc(bytes.length + 16, 0xee);
  bytes.copy(backing, 8);
  return bounds.slice(1).map((end, i) => {
    const start = bounds[i]!;
    return views ? backing.subarray(8 + start, 8 + end) : Uint8Array.from(bytes.subarray(start, end));
  });
}

const stream = message.chain((bytes) =>
  fc.record({ bytes: fc.constant(bytes), maxBytes: limitFor(bytes.length), points: fc.array(fc.nat(), { maxLength: 40 }), views: fc.boolean() }),
);

describe('V1Reader', () => {
  it.prop([stream], { numRuns: 3000 })(
    'gives back exactly the pieces joined, or oversize from the first piece past maxBytes on; never holds more than maxBytes',
    ({ bytes, maxBytes, points, views }) => {
      const reader = new V1Reader(maxBytes);
      let total = 0;
      let over = false;
      for (const piece of cut(bytes, points, views)) {
        total += piece.byteLength;
        over ||= total > maxBytes;
        expect(reader.push(piece)).toBe(over ? 'oversize' : 'ok');
        expect(reader.size).toBe(total);
        if (over) {
          expect(() => reader.end()).toThrow(RangeError);
        } else {
          const held = reader.end();
          expect(held.byteLength).toBeLessThanOrEqual(maxBytes);
          expect(held.equals(bytes.subarray(0, total))).toBe(true);
        }
      }
      expect(over).toBe(bytes.length > maxBytes);
      if (over) return;
      const whole = reader.end();
      expect(whole.equals(bytes)).toBe(true);
      expect(parseV1Message(whole, maxBytes)).toEqual(parseV1Message(bytes, maxBytes));
    },
    timeout,
  );

  /** Messages around the v1 limit: a base message repeated to a length near 64 KiB. */
  const nearLimit = fc
    .tuple(message.filter((b) => b.length > 0), fc.oneof(fc.integer({ min: V1.maxMessageBytes - 3, max: V1.maxMessageBytes + 3 }), fc.nat(V1.maxMessageBytes + 5000)))
    .chain(([base, length]) => fc.record({ bytes: fc.constant(Buffer.alloc(length).fill(base)), points: fc.array(fc.nat(), { maxLength: 40 }), views: fc.boolean() }));

  it.prop([nearLimit], { numRuns: 300 })('at the v1 limit: end() gives what parseV1Message takes whole (never throwing), or oversize', ({ bytes, points, views }) => {
    const reader = new V1Reader(V1.maxMessageBytes);
    const results = cut(bytes, points, views).map((piece) => reader.push(piece));
    if (bytes.length > V1.maxMessageBytes) {
      expect(results).toContain('oversize');
      expect(() => reader.end()).toThrow(RangeError);
      return;
    }
    expect(results.every((r) => r === 'ok')).toBe(true);
    const parsed = parseV1Message(reader.end(), V1.maxMessageBytes);
    expect(parsed).toEqual(parseV1Message(bytes));
    if (!parsed.ok) expect(parsed.reason).toMatch(/\S/);
  }, timeout);
});
