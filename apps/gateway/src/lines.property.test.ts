// Property-based tests of readLines: for any file content, the lines it yields are exactly
// the content's lines of at most maxLineBytes (numbered from 1, skipped lines counted), and
// onTooLong hears of every longer one; lines cut across read chunks (64 KiB) included.
import { createCipheriv } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, it } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { readLines, type Line } from './lines.ts';

const timeout = 120_000;
const NL = 0x0a;

const dir = mkdtempSync(join(tmpdir(), 'lines-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Deterministic random bytes from a seed (AES-CTR: fast enough for files of hundreds of KB);
 * a byte below newlineBelow becomes a newline, any other newline a space.
 */
function seededBytes(seed: number, length: number, newlineBelow = 0): Buffer {
  const key = Buffer.alloc(16);
  key.writeInt32LE(seed | 0);
  const out = createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(length));
  for (let i = 0; i < length; i++) out[i] = out[i]! < newlineBelow ? NL : out[i] === NL ? 0x20 : out[i]!;
  return out;
}

/** A line without its newline: random bytes (invalid UTF-8 included) or multi-byte text, of the given length. */
const lineOf = (length: number) =>
  fc.oneof(
    fc.integer().map((seed) => seededBytes(seed, length)),
    fc.constantFrom('é', '€', '😀', 'a', '\r', '\u0000').map((unit) => Buffer.alloc(length).fill(unit)),
  );

const readChunk = 64 * 1024;

const maxLineBytes = fc.oneof(fc.nat(100), fc.constantFrom(0, 1, readChunk - 1, readChunk, readChunk + 1), fc.integer({ min: 1000, max: 2 * readChunk }));

/** A file as lines whose lengths sit around maxLineBytes (and around the 64 KiB read chunk), joined by newlines. */
const fileOfLines = (max: number) =>
  fc
    .tuple(
      fc.array(
        fc.oneof(fc.integer({ min: Math.max(0, max - 2), max: max + 2 }), fc.nat(Math.min(max * 2 + 4, 2 * readChunk)), fc.integer({ min: readChunk - 2, max: readChunk + 2 })),
        { maxLength: 8 },
      ),
      fc.boolean(),
    )
    .chain(([lengths, trailingNewline]) =>
      fc.tuple(...lengths.map(lineOf)).map((lines) => {
        const joined = lines.flatMap((l, i) => (i === 0 ? [l] : [Buffer.of(NL), l]));
        return Buffer.concat(trailingNewline ? [...joined, Buffer.of(NL)] : joined);
      }),
    );

/** Random bytes with no, a few, some or many newlines, up to 300 KB. */
const randomFile = fc
  .record({ seed: fc.integer(), length: fc.oneof(fc.nat(300), fc.nat(300_000)), newlineBelow: fc.constantFrom(0, 1, 13, 128, 256), extra: fc.array(fc.nat(), { maxLength: 5 }) })
  .map(({ seed, length, newlineBelow, extra }) => {
    const bytes = seededBytes(seed, length, newlineBelow);
    for (const at of extra) if (length > 0) bytes[at % length] = NL;
    return bytes;
  });

const file = maxLineBytes.chain((max) => fc.record({ max: fc.constant(max), content: fc.oneof(fileOfLines(max), randomFile) }));

/** The lines of content as the reader should see them: split at newlines, a final newline ending the last line. */
function expectedLines(content: Buffer, max: number): { lines: Line[]; tooLong: number[] } {
  const parts: Buffer[] = [];
  let start = 0;
  for (let nl = content.indexOf(NL); nl !== -1; nl = content.indexOf(NL, start)) {
    parts.push(content.subarray(start, nl));
    start = nl + 1;
  }
  if (start < content.length) parts.push(content.subarray(start));
  const lines: Line[] = [];
  const tooLong: number[] = [];
  parts.forEach((part, i) => {
    if (part.length > max) tooLong.push(i + 1);
    else lines.push({ text: part.toString('utf8'), number: i + 1 });
  });
  return { lines, tooLong };
}

describe('readLines', () => {
  it.prop([file], { numRuns: 300 })(
    'yields exactly the lines of at most maxLineBytes, numbered from 1, and reports every longer one',
    async ({ max, content }) => {
      const path = join(dir, 'history.jsonl');
      writeFileSync(path, content);
      const tooLong: number[] = [];
      const lines: Line[] = [];
      for await (const line of readLines(path, max, (n) => tooLong.push(n))) lines.push(line);
      const expected = expectedLines(content, max);
      expect(tooLong).toEqual(expected.tooLong);
      expect(lines).toEqual(expected.lines);
    },
    timeout,
  );
});
