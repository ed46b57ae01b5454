// Property-based tests of the v2 parsers and signatures: whatever a hostile peer sends (random
// bytes, random JSON, truncations and mutations of real frames and datagrams), the parsers
// answer with a value that meets the schema or with a reason, and never throw; and no mutation
// of a signed message both parses and verifies unless what the signature covers is unchanged.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { pb } from '../events.ts';
import { nodeIdOf, v1IdOf } from '../identity.ts';
import { byteMutation, mutateBytes, type ByteMutation } from './byte-mutations.ts';
import { parseV1Message, type Parsed } from './v1.ts';
import {
  encodeIdentityPayload,
  encodeInnerFrame,
  encodeLinkFrame,
  encodeV2Announcement,
  isV2Announcement,
  messageSigningBytes,
  parseDiscovery,
  parseIdentityPayload,
  parseInnerFrame,
  parseLinkFrame,
  rawPublicKey,
  signIdentityPayload,
  signV2Message,
  V2,
  v2NoiseProtocols,
  v2ToV1,
  v2ToWireMessage,
  verifyV2Message,
  wireMessageToV2,
  type V2Chat,
  type V2FileChunk,
  type V2InnerFrame,
  type V2Message,
} from './v2.ts';

const timeout = 60_000;

const ed25519 = (byte: number): KeyObject =>
  createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, byte)]), format: 'der', type: 'pkcs8' });
const nodeKeys = [1, 2, 3].map(ed25519);
const idOf = (k: KeyObject) => nodeIdOf(rawPublicKey(k));
const keyOf = (k: KeyObject) => rawPublicKey(k).toString('base64');

// ---- answers ----

function expectAnswerShape(result: Parsed<unknown>): void {
  expect(typeof result).toBe('object');
  if (result.ok) {
    expect(Object.keys(result).sort()).toEqual(['ok', 'value']);
  } else {
    expect(Object.keys(result).sort()).toEqual(['ok', 'reason']);
    expect(typeof result.reason).toBe('string');
    expect(result.reason.length).toBeGreaterThan(0);
  }
}

const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

function expectInnerAnswer(result: Parsed<V2InnerFrame>): void {
  expectAnswerShape(result);
  if (!result.ok) return;
  const frame = result.value;
  expect(parseInnerFrame(JSON.stringify(frame), Number.MAX_SAFE_INTEGER)).toEqual({ ok: true, value: asJson(frame) });
  try {
    encodeInnerFrame(frame);
  } catch (err) {
    expect(err).toBeInstanceOf(RangeError);
  }
  if (frame.type !== 'chat' && frame.type !== 'file_chunk') return;
  const verified = verifyV2Message(frame, { nowMs: Date.now() });
  expect(typeof verified.ok).toBe('boolean');
  // whatever is accepted crosses the bus and comes back the same (signatures keep verifying)
  const back = wireMessageToV2(pb.WireMessage.decode(pb.WireMessage.encode(v2ToWireMessage(frame)).finish()));
  expect(asJson(back)).toEqual(asJson(frame));
  expect(parseV1Message(JSON.stringify(v2ToV1(frame)), Number.MAX_SAFE_INTEGER).ok).toBe(true);
}

/** Every parser, on the bytes and on the same bytes as a string. */
function expectAnswers(input: Uint8Array | string): void {
  const texts: Array<Uint8Array | string> = typeof input === 'string' ? [input] : [input, Buffer.from(input).toString('utf8')];
  for (const x of texts) {
    const discovery = parseDiscovery(x);
    expectAnswerShape(discovery);
    if (discovery.ok && isV2Announcement(discovery.value)) expect(discovery.value.node_id).toBe(v1IdOf(discovery.value.id));
    const link = parseLinkFrame(x);
    expectAnswerShape(link);
    if (link.ok) expect(encodeLinkFrame(link.value).at(-1)).toBe(0x0a);
    expectInnerAnswer(parseInnerFrame(x));
    const payload = parseIdentityPayload(x);
    expectAnswerShape(payload);
    if (payload.ok) expect(parseIdentityPayload(encodeIdentityPayload(payload.value))).toEqual(payload);
  }
}

// ---- arbitraries ----

function seededBytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}

const bulkBytes = (maxLength: number, minLength = 0) =>
  fc.record({ seed: fc.integer(), length: fc.integer({ min: minLength, max: maxLength }) }).map(({ seed, length }) => Buffer.from(seededBytes(seed, length)));

const awkwardChar = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('"', '\\', '\n', '\u0000', '\u2028', '\ufeff', 'é', '😀', '/', '{', '}', '[', ']'),
);
const anyString = (min: number, max: number) =>
  fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: awkwardChar, minLength: min, maxLength: Math.floor(max / 2) }));

const timestamp = fc.oneof(fc.double({ min: 0, max: 4e9, noNaN: true }).filter((t) => !Object.is(t, -0)), fc.constantFrom(1764072000.123, 0), fc.nat());
const hopPair = fc.integer({ min: 1, max: 16 }).chain((hop_limit) => fc.record({ hop_limit: fc.constant(hop_limit), hops: fc.integer({ min: 0, max: hop_limit - 1 }) }));
const signer = fc.constantFrom(...nodeKeys);

const chatArb: fc.Arbitrary<V2Chat> = fc
  .record({ key: signer, message_id: anyString(1, 64), sender_name: anyString(0, 64), timestamp, content: anyString(0, 500), hop: hopPair })
  .map(({ key, hop, ...f }) => ({ type: 'chat', message_id: f.message_id, sender_id: idOf(key), sender_name: f.sender_name, timestamp: f.timestamp, content: f.content, ...hop }));

const chunkArb: fc.Arbitrary<V2FileChunk> = fc
  .record({
    key: signer, message_id: anyString(1, 64), file_id: anyString(1, 64), filename: anyString(1, 64), hop: hopPair, timestamp,
    file_size: fc.oneof(fc.integer({ min: 1, max: 3 * 8192 }), fc.constantFrom(1, 8191, 8192, 8193)), pick: fc.nat(), seed: fc.integer(),
    file_hash: fc.stringMatching(/^[0-9a-f]{64}$/),
  })
  .map(({ key, hop, file_size, pick, seed, ...f }) => {
    const total_chunks = Math.ceil(file_size / 8192);
    const chunk_index = pick % total_chunks;
    const data = seededBytes(seed, Math.min(8192, file_size - chunk_index * 8192));
    return {
      type: 'file_chunk', message_id: f.message_id, sender_id: idOf(key), sender_name: 'N', timestamp: f.timestamp, content: null, file_id: f.file_id, chunk_index,
      chunk_data: Buffer.from(data).toString('base64'), file_metadata: { filename: f.filename, file_size, file_hash: f.file_hash, total_chunks }, ...hop,
    };
  });

const signedArb: fc.Arbitrary<V2Message> = fc.tuple(fc.oneof(chatArb, chunkArb), signer).map(([m, key]) => signV2Message({ ...m, sender_id: idOf(key) }, key));
const unsignedArb: fc.Arbitrary<V2Message> = fc.tuple(fc.oneof(chatArb, chunkArb), fc.stringMatching(/^[0-9a-f]{8}$/)).map(([m, id]) => ({ ...m, sender_id: id }));

const peerEntry = fc.record({ key: signer, host: fc.ipV4(), port: fc.integer({ min: 1, max: 65535 }), name: anyString(0, 32) }).map(({ key, ...p }) => ({ id: idOf(key), key: keyOf(key), ...p }));
const otherInner = fc.oneof(
  fc.array(peerEntry, { maxLength: 5 }).map((peers): V2InnerFrame => ({ type: 'peer_list', peers })),
  fc.constant<V2InnerFrame>({ type: 'ping' }),
  anyString(0, 256).map((reason): V2InnerFrame => ({ type: 'close', reason })),
);
const innerArb: fc.Arbitrary<V2InnerFrame> = fc.oneof(signedArb, unsignedArb, otherInner);

const announcementArb = fc
  .record({ key: signer, name: anyString(0, 300), ip: fc.oneof(fc.ipV4(), fc.ipV6()), port: fc.integer({ min: 1, max: 65535 }), timestamp, salt: fc.option(fc.uint8Array({ minLength: 16, maxLength: 16 }), { nil: undefined }) })
  .map(({ key, name, ip, port, timestamp, salt }) => ({
    type: 'discovery' as const, node_id: v1IdOf(idOf(key)), node_name: name, ip, port, timestamp, v: 2, id: idOf(key), key: keyOf(key),
    dialects: ['v1', 'v2'], discovery_port: 10000, ...(salt ? { salt: Buffer.from(salt).toString('base64') } : {}),
  }));

const linkArb = fc.oneof(
  fc.record({ protocol: fc.constantFrom(v2NoiseProtocols.plain, v2NoiseProtocols.psk), d: fc.uint8Array({ minLength: 32, maxLength: 64 }) })
    .map(({ protocol, d }) => ({ type: 'hello' as const, v: 2 as const, protocol, d: Buffer.from(d).toString('base64') })),
  fc.uint8Array({ minLength: 32, maxLength: 300 }).map((d) => ({ type: 'handshake' as const, d: Buffer.from(d).toString('base64') })),
  fc.uint8Array({ minLength: 16, maxLength: 300 }).map((d) => ({ type: 'sealed' as const, d: Buffer.from(d).toString('base64') })),
);

const staticKey = Buffer.alloc(32, 7);
const payloadArb = fc.tuple(signer, anyString(0, 64), fc.integer({ min: 1, max: 65535 })).map(([key, name, port]) => signIdentityPayload(key, staticKey, { name, port }));

/** Valid frames and datagrams, as bytes. */
const validBytes = fc.oneof(
  innerArb.map((f) => Buffer.from(JSON.stringify(f))),
  announcementArb.map((a) => encodeV2Announcement(a)),
  linkArb.map((f) => encodeLinkFrame(f).subarray(0, -1)),
  payloadArb.map((p) => encodeIdentityPayload(p)),
);

// ---- mutations ----

const tokens = [
  '"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', 'null', 'true', '-', '0', '1e999', '-1', '.5', '"type"', '"chat"', '"sealed"', '"hello"', '"peer_list"',
  '\\u0000', '\\ud800', '\\udfff', '\\u', '"__proto__":{},', '"hops":9,', '"hop_limit":16,', '"origin_key":null,', '==', '[[[[[[[[[[[[[[[[[[',
].map((t) => Buffer.from(t));
const badUtf8 = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xef, 0xbb, 0xbf]].map((b) => Buffer.from(b));

const mutation = byteMutation({
  insert: fc.oneof(fc.constantFrom(...tokens, ...badUtf8), fc.uint8Array({ minLength: 1, maxLength: 8 })),
  maxDelete: 64,
  maxDuplicate: 128,
});
const mutate = (bytes: Buffer, m: ByteMutation) => mutateBytes(bytes, m);

const weirdValue = fc.oneof(
  fc.constantFrom('null', 'true', '[]', '{}', '""', '-1', '0', '1e999', '9007199254740993', '"\\ud800"', '"AAAA"', '17', '8', '"127.0.0.1"', '[{}]'),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.integer({ min: 15, max: 40 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
);

/** A frame with one top-level field replaced, removed or added. */
const fieldMutated = fc
  .tuple(innerArb, fc.nat(), fc.constantFrom('replace', 'remove', 'add'), weirdValue, fc.constantFrom('extra', 'type', 'hops', 'origin_key', 'signature', '__proto__'))
  .map(([frame, at, op, value, key]) => {
    const entries = Object.entries(frame).map(([k, v]) => [k, JSON.stringify(v)] as [string, string]);
    const i = at % entries.length;
    if (op === 'replace') entries[i]![1] = value;
    else if (op === 'remove') entries.splice(i, 1);
    else entries.push([key, value]);
    return Buffer.from(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
  });

// ---- properties ----

describe('v2 parsers, on anything', () => {
  it.prop([fc.oneof(fc.uint8Array({ maxLength: 300 }), bulkBytes(5000))], { numRuns: 300 })('never throw on random bytes', (bytes) => expectAnswers(bytes), timeout);

  it.prop([fc.jsonValue()], { numRuns: 500 })('never throw on random JSON', (v) => expectAnswers(JSON.stringify(v)), timeout);

  it.prop([fc.constantFrom('chat', 'file_chunk', 'peer_list', 'ping', 'close', 'hello', 'handshake', 'sealed', 'discovery'), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }))], { numRuns: 500 })(
    'never throw on random objects of a known type',
    (type, fields) => {
      expectAnswers(JSON.stringify({ ...fields, type }));
      expectAnswers(JSON.stringify({ ...fields, type, v: 2, peers: [fields], file_metadata: fields }));
    },
    timeout,
  );

  it.prop([validBytes, fc.array(mutation, { minLength: 1, maxLength: 4 })], { numRuns: 800 })(
    'never throw on truncated and mutated frames and datagrams',
    (bytes, mutations) => expectAnswers(mutations.reduce(mutate, bytes)),
    timeout,
  );

  it.prop([fieldMutated], { numRuns: 500 })('never throw on field mutations (other types, huge numbers, deep nesting, __proto__)', (bytes) => expectAnswers(bytes), timeout);

  it.prop([fc.integer({ min: 17, max: 100_000 }), fc.constantFrom('[', '{"a":'), fc.boolean()], { numRuns: 60 })(
    'refuse deep nesting (up to what a frame can hold) with a reason',
    (depth, open, escaped) => {
      const value = open === '[' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${open.repeat(depth)}1${'}'.repeat(depth)}`;
      const text = `{"type":"chat","x":${value}${escaped ? ',"y":"\\ud83d\\ude00"' : ''}}`;
      for (const result of [parseLinkFrame(text), parseInnerFrame(text), parseDiscovery(text, Infinity), parseIdentityPayload(text, Infinity)]) {
        expect(result).toEqual({ ok: false, reason: 'nested deeper than 16 levels' });
      }
    },
    timeout,
  );
});

describe('valid frames', () => {
  it.prop([innerArb], { numRuns: 300 })('inner frames are accepted as they were made, and round trip', (frame) => {
    expect(parseInnerFrame(encodeInnerFrame(frame))).toEqual({ ok: true, value: frame });
  }, timeout);

  it.prop([announcementArb], { numRuns: 300 })('announcements fit a datagram and parse back, their name at most shortened', (a) => {
    const bytes = encodeV2Announcement(a);
    expect(bytes.byteLength).toBeLessThanOrEqual(V2.maxDatagramBytes);
    const parsed = parseDiscovery(bytes);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(a.node_name.startsWith(parsed.value.node_name)).toBe(true);
    expect({ ...parsed.value, node_name: a.node_name }).toEqual(a);
  }, timeout);

  it.prop([signedArb], { numRuns: 200 })('signed messages verify at their own time, unsigned ones as unauthenticated', (m) => {
    expect(verifyV2Message(m, { nowMs: m.timestamp * 1000 })).toEqual({ ok: true, authenticated: true });
    const { origin_key: _k, signature: _s, ...unsigned } = m;
    expect(verifyV2Message({ ...unsigned, sender_id: v1IdOf(m.sender_id) } as V2Message, { nowMs: 0 })).toEqual({ ok: true, authenticated: false });
  }, timeout);
});

describe('signatures under mutation', () => {
  it.prop([signedArb, fc.array(mutation, { minLength: 1, maxLength: 3 })], { numRuns: 800 })(
    'a mutated signed message that parses and verifies says exactly what was signed',
    (m, mutations) => {
      const parsed = parseInnerFrame(mutations.reduce(mutate, Buffer.from(JSON.stringify(m))));
      if (!parsed.ok || (parsed.value.type !== 'chat' && parsed.value.type !== 'file_chunk')) return;
      const verified = verifyV2Message(parsed.value, { nowMs: parsed.value.timestamp * 1000 });
      if (verified.ok && verified.authenticated) expect(messageSigningBytes(parsed.value).equals(messageSigningBytes(m))).toBe(true);
    },
    timeout,
  );

  it.prop([signedArb, fc.nat(), fc.nat(63)], { numRuns: 300 })('any one changed character (code point) of a signed string field is refused', (m, pick, offset) => {
    const fields = Object.entries(m).filter(([k, v]) => typeof v === 'string' && k !== 'type' && k !== 'signature' && (v as string).length > 0) as Array<[string, string]>;
    const [field, value] = fields[pick % fields.length]!;
    const codePoints = Array.from(value);
    const at = offset % codePoints.length;
    codePoints[at] = codePoints[at] === 'a' ? 'b' : 'a';
    const changed = { ...m, [field]: codePoints.join('') } as V2Message;
    const verified = verifyV2Message(changed, { nowMs: m.timestamp * 1000 });
    expect(verified.ok).toBe(false);
  }, timeout);
});
