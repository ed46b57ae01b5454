// Property-based tests of checkChunk, filesvc's own check of a chunk from the bus (which is not
// trusted): random and mutated chunks never make it throw, and what it accepts is a chunk the
// rest of filesvc can take as is.
import { readFileSync } from 'node:fs';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseV1Message, pb, V1, v1ToWireMessage, type FileChunk } from '@meshwork/protocol';
import { checkChunk } from './receiver.ts';

const timeout = 60_000;

const vectors = new URL('../../../libs/protocol/vectors/v1/', import.meta.url);
const captured: FileChunk[] = [0, 1, 2].map((i) => {
  const parsed = parseV1Message(readFileSync(new URL(`file_chunk.${i}.tcp.json`, vectors)));
  if (!parsed.ok) throw new Error(`capture ${i} does not parse: ${parsed.reason}`);
  return v1ToWireMessage(parsed.value).fileChunk!;
});

type Checked = ReturnType<typeof checkChunk>;

/** What an answer must be: a reason, or a chunk and metadata that keep the v1 rules. */
function expectAnswer(answer: Checked): void {
  if (!answer.ok) {
    expect(typeof answer.reason).toBe('string');
    expect(answer.reason.length).toBeGreaterThan(0);
    return;
  }
  const { chunk, meta } = answer;
  expect(chunk.fileId.length).toBeGreaterThanOrEqual(1);
  expect(chunk.fileId.length).toBeLessThanOrEqual(128);
  expect(Number.isSafeInteger(meta.fileSize) && meta.fileSize > 0).toBe(true);
  expect(meta.totalChunks).toBe(Math.ceil(meta.fileSize / V1.chunkSize));
  expect(chunk.chunkIndex).toBeGreaterThanOrEqual(0);
  expect(chunk.chunkIndex).toBeLessThan(meta.totalChunks);
  expect(chunk.data.byteLength).toBe(Math.min(V1.chunkSize, meta.fileSize - chunk.chunkIndex * V1.chunkSize));
  expect(meta.fileHash).toMatch(/^[0-9a-f]{64}$/);
}

// ---- arbitraries ----

const hexHash = fc.stringMatching(/^[0-9a-fA-F]{64}$/);

type GoodChunk = FileChunk & { data: Uint8Array; metadata: { filename: string; fileSize: number; fileHash: string; totalChunks: number } };

/** A chunk filesvc must accept: the data of the right length for its index in a file of its size. */
const validChunk: fc.Arbitrary<GoodChunk> = fc
  .record({
    fileId: fc.string({ minLength: 1, maxLength: 128 }),
    senderId: fc.string({ maxLength: 16 }),
    senderName: fc.string({ maxLength: 32 }),
    filename: fc.string({ minLength: 1, maxLength: 64 }),
    fileHash: hexHash,
    fileSize: fc.oneof(fc.integer({ min: 1, max: 4 * V1.chunkSize }), fc.integer({ min: 1, max: (2 ** 32 - 1) * V1.chunkSize }), fc.integer({ min: 1, max: 4 }).map((n) => n * V1.chunkSize)),
    pick: fc.oneof(fc.constant('last' as const), fc.nat()),
  })
  .chain(({ fileSize, pick, filename, fileHash, ...head }) => {
    const totalChunks = Math.ceil(fileSize / V1.chunkSize);
    const chunkIndex = pick === 'last' ? totalChunks - 1 : pick % totalChunks;
    const length = Math.min(V1.chunkSize, fileSize - chunkIndex * V1.chunkSize);
    return fc.integer({ min: 0, max: 255 }).map((fill) => ({
      ...head,
      chunkIndex,
      data: new Uint8Array(length).fill(fill),
      metadata: { filename, fileSize, fileHash, totalChunks },
    }));
  });

const weirdNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 1.5, -8192, 8191, 8192, 8193, 2 ** 32 - 1, 2 ** 32, 2 ** 53, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Infinity, -Infinity),
  fc.integer({ min: -3, max: 8 }),
  fc.double(),
  fc.integer(),
);
const weirdString = fc.oneof(
  fc.constantFrom('', 'x', '0'.repeat(64), 'A'.repeat(64), 'g'.repeat(64), '0'.repeat(63), '0'.repeat(65), `${'0'.repeat(63)}\n`, ` ${'0'.repeat(63)}`, 'x'.repeat(128), 'x'.repeat(129), '__proto__'),
  hexHash,
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 70 }),
);
const nothing = fc.constantFrom(null, undefined);
const weirdData = fc.oneof(
  fc.constantFrom(0, 1, 3616, 8191, 8192, 8193, 20000).map((n) => new Uint8Array(n)),
  fc.uint8Array({ maxLength: 16 }),
);

type ChunkField = 'messageId' | 'senderId' | 'senderName' | 'timestamp' | 'fileId' | 'chunkIndex' | 'data' | 'metadata';
type MetaField = 'filename' | 'fileSize' | 'fileHash' | 'totalChunks';
const valueFor: Record<ChunkField | MetaField, fc.Arbitrary<unknown>> = {
  messageId: fc.oneof(weirdString, nothing),
  senderId: fc.oneof(weirdString, nothing),
  senderName: fc.oneof(weirdString, nothing),
  timestamp: fc.oneof(weirdNumber, nothing),
  fileId: fc.oneof(weirdString, nothing),
  chunkIndex: fc.oneof(weirdNumber, nothing),
  data: fc.oneof(weirdData, nothing),
  metadata: fc.oneof(nothing, fc.constant({})),
  filename: fc.oneof(weirdString, nothing),
  fileSize: fc.oneof(weirdNumber, nothing),
  fileHash: fc.oneof(weirdString, nothing),
  totalChunks: fc.oneof(weirdNumber, nothing),
};

type Mutation = { field: ChunkField | MetaField; value: unknown; inMeta: boolean } | { reindex: number };

/**
 * Sets one field, of the chunk or of its metadata, to a value of that field's own type (or
 * null); or moves the chunk to another index (near the ends of the file) with data of the length
 * the formula gives there, to probe the bounds.
 */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  ...(['messageId', 'senderId', 'senderName', 'timestamp', 'fileId', 'chunkIndex', 'data', 'metadata'] as const).map((field) =>
    valueFor[field].map((value) => ({ field, value, inMeta: false })),
  ),
  ...(['filename', 'fileSize', 'fileHash', 'totalChunks'] as const).map((field) => valueFor[field].map((value) => ({ field, value, inMeta: true }))),
  fc.integer({ min: -2, max: 2 }).map((reindex) => ({ reindex })),
);

function mutate(chunk: FileChunk, mutations: Mutation[]): FileChunk {
  const out: Record<string, unknown> = { ...chunk, metadata: chunk.metadata ? { ...chunk.metadata } : chunk.metadata };
  for (const m of mutations) {
    const meta = out.metadata as Record<string, unknown> | null | undefined;
    if ('reindex' in m) {
      const total = typeof meta?.totalChunks === 'number' ? meta.totalChunks : 0;
      const size = typeof meta?.fileSize === 'number' ? meta.fileSize : 0;
      const index = m.reindex < 0 ? -m.reindex - 1 : total - 1 + m.reindex;
      out.chunkIndex = index;
      out.data = new Uint8Array(Math.max(0, Math.min(V1.chunkSize, size - index * V1.chunkSize)));
    } else if (m.inMeta && meta) meta[m.field] = m.value;
    else if (!m.inMeta) out[m.field] = m.value;
  }
  return out as FileChunk;
}

/** As the bus delivers it: through a protobuf encode and decode. */
function overTheBus(chunk: FileChunk): FileChunk {
  return pb.FileChunk.decode(pb.FileChunk.encode(chunk).finish());
}

const baseChunk = fc.oneof(fc.constantFrom(...captured), validChunk);
const mutatedChunk = fc.tuple(baseChunk, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([c, m]) => mutate(c, m));

// ---- properties ----

describe('checkChunk', () => {
  it.prop([validChunk], { numRuns: 1000 })('accepts every valid chunk, as it is', (chunk) => {
    const answer = checkChunk(chunk);
    expect(answer).toMatchObject({ ok: true });
    if (!answer.ok) return;
    const meta = chunk.metadata;
    const { data, ...head } = answer.chunk;
    expect(data).toBe(chunk.data);
    expect(head).toEqual({ fileId: chunk.fileId, chunkIndex: chunk.chunkIndex, senderId: chunk.senderId, senderName: chunk.senderName, signed: false });
    expect(answer.meta).toEqual({ ...meta, fileHash: meta.fileHash.toLowerCase() });
    const delivered = checkChunk(overTheBus(chunk));
    expect(delivered.ok).toBe(true);
    if (!delivered.ok) return;
    const { data: deliveredData, ...deliveredHead } = delivered.chunk;
    expect(deliveredHead).toEqual(head);
    expect(Buffer.from(deliveredData).equals(data)).toBe(true);
    expect(delivered.meta).toEqual(answer.meta);
  }, timeout);

  it.prop([mutatedChunk], { numRuns: 3000 })('never throws on a mutated chunk as the bus delivers it, and what it accepts keeps the rules', (chunk) => {
    let delivered: FileChunk;
    try {
      delivered = overTheBus(chunk);
    } catch {
      return; // not encodable: the bus could not carry it
    }
    expectAnswer(checkChunk(delivered));
  }, timeout);

  const oddChunks = fc.constantFrom(null, undefined, {}, { metadata: {} }, { metadata: null }) as fc.Arbitrary<FileChunk | null | undefined>;
  const uint32Index = (c: FileChunk) => c.chunkIndex == null || (Number.isInteger(c.chunkIndex) && c.chunkIndex >= 0);

  it.prop([fc.oneof(mutatedChunk.filter(uint32Index), oddChunks)], { numRuns: 3000 })(
    'never throws on a mutated chunk object (chunkIndex a uint32, as protobuf gives it), and what it accepts keeps the rules',
    (chunk) => expectAnswer(checkChunk(chunk)),
    timeout,
  );

  // (found here: a negative or fractional chunkIndex passed, where the v1 schema refuses it)
  it.prop([fc.oneof(mutatedChunk, oddChunks)], { numRuns: 3000 })(
    'never throws on any mutated chunk object, and what it accepts keeps the rules',
    (chunk) => expectAnswer(checkChunk(chunk)),
    timeout,
  );

  /** The protobuf bytes of a good chunk with a few bytes changed or cut off, or random bytes. */
  const busBytes = fc.oneof(
    fc.tuple(baseChunk, fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 3 }), fc.option(fc.nat())).map(([chunk, changes, cut]) => {
      const bytes = Buffer.from(pb.FileChunk.encode(chunk).finish());
      for (const [at, byte] of changes) bytes[at % bytes.length] = byte;
      return cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
    }),
    fc.uint8Array({ maxLength: 300 }),
  );

  it.prop([busBytes], { numRuns: 2000 })('never throws on any bytes the bus decodes as a chunk, and what it accepts keeps the rules', (bytes) => {
    let delivered: FileChunk;
    try {
      delivered = pb.FileChunk.decode(bytes);
    } catch {
      return; // the bus drops what does not decode
    }
    expectAnswer(checkChunk(delivered));
  }, timeout);
});
