// Property-based tests of the v2 input path of the transport: whatever a peer sends (random
// bytes, genuine frames cut anywhere, truncated, mutated, replayed or oversize lines), the line
// reader and the sealed-frame decoder never throw, a link hands on only genuine frames in their
// order and otherwise closes with a reason, and the responder's handshake fails only with a
// HandshakeError. (parseLinkFrame and Noise itself are covered in libs/protocol.)
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { encodeIdentityPayload, generateX25519KeyPair, signIdentityPayload, V2, XXHandshake } from '@meshwork/protocol';
import { waitFor } from '@meshwork/testing';
import { LineReader } from './line-reader.ts';
import { HandshakeError, respondHandshake } from './link-handshake.ts';
import { decodeSealedFrame, encodeSealedFrame, sealedLineBytes } from './sealed-frame.ts';
import { cipherStates, newLinkIdentity, newNodeKey, nextLines, openLink, RawPeer, tcpPair } from './test-helpers.ts';

const timeout = 120_000;

/** Bytes with many newlines, to make many lines. */
const lineBytes = (maxLength: number) =>
  fc.array(fc.oneof(fc.constant(10), fc.constant(0x41), fc.nat(255)), { maxLength }).map((a) => Buffer.from(a));

/** The bytes cut at the given points (repeated points give empty pieces). */
function cut(bytes: Buffer, points: number[]): Buffer[] {
  const at = points.map((p) => p % (bytes.length + 1)).sort((a, b) => a - b);
  const bounds = [0, ...at, bytes.length];
  return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i]!, end));
}

describe('LineReader', () => {
  it.prop([lineBytes(300), fc.array(fc.nat(), { maxLength: 20 }), fc.nat(64)], { numRuns: 2000 })(
    'gives back the complete lines in order, or oversize once a line (complete or not) passes the bound',
    (bytes, points, max) => {
      const parts: Buffer[] = [];
      for (let start = 0; ; ) {
        const nl = bytes.indexOf(10, start);
        if (nl < 0) {
          parts.push(bytes.subarray(start));
          break;
        }
        parts.push(bytes.subarray(start, nl));
        start = nl + 1;
      }
      const complete = parts.slice(0, -1);
      const trailing = parts.at(-1)!;
      const firstLong = complete.findIndex((l) => l.length > max);
      const tooLong = firstLong >= 0 || trailing.length > max;

      const reader = new LineReader(max);
      const got: Buffer[] = [];
      let oversize = false;
      for (const piece of cut(bytes, points)) {
        const lines = reader.push(piece);
        if (lines === 'oversize') {
          oversize = true;
          break;
        }
        got.push(...lines);
        expect(reader.pending).toBeLessThanOrEqual(max);
      }
      for (const line of got) expect(line.length).toBeLessThanOrEqual(max);
      expect(oversize).toBe(tooLong);
      if (!tooLong) {
        expect(got).toEqual(complete);
        expect(reader.pending).toBe(trailing.length);
      } else {
        expect(got).toEqual(complete.slice(0, got.length));
        expect(got.length).toBeLessThanOrEqual(firstLong >= 0 ? firstLong : complete.length);
      }
    },
    timeout,
  );
});

describe('decodeSealedFrame', () => {
  const genuine = fc.uint8Array({ maxLength: 200 }).map((c) => encodeSealedFrame(Buffer.from(c)).subarray(0, -1));
  const mutated = fc
    .tuple(genuine, fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 4 }), fc.option(fc.nat()))
    .map(([line, changes, end]) => {
      const b = Buffer.from(line);
      for (const [at, byte] of changes) b[at % b.length] = byte;
      return end === null ? b : b.subarray(0, end % (b.length + 1));
    });
  const line = fc.oneof(mutated, fc.uint8Array({ maxLength: 300 }).map((u) => Buffer.from(u)), fc.string().map((s) => Buffer.from(s)), fc.json().map((s) => Buffer.from(s)));

  it.prop([line], { numRuns: 3000 })('never throws: a ciphertext, or a reason', (l) => {
    const result = decodeSealedFrame(l);
    if (result.ok) expect(Buffer.isBuffer(result.ciphertext)).toBe(true);
    else expect(result.reason).toMatch(/\S/);
  }, timeout);

  it.prop([fc.uint8Array({ maxLength: 2000 })], { numRuns: 500 })('gives back the ciphertext of its own lines, whose length it knows beforehand', (c) => {
    const out = encodeSealedFrame(Buffer.from(c));
    expect(out.indexOf(10)).toBe(out.length - 1);
    expect(sealedLineBytes(c.length)).toBe(out.length);
    expect(decodeSealedFrame(out.subarray(0, -1))).toEqual({ ok: true, ciphertext: Buffer.from(c) });
  }, timeout);
});

// ---- a Link's input, over a real connection ----

const MAX_FRAME = 2048;
const PING = '{"type":"ping"}';
const CLOSE_REASONS = /^(bad frame: .+|a frame failed authentication \(altered, replayed or out of order\)|frame over 2048 bytes)$/;

type Op =
  | { kind: 'genuine'; text: string; points: number[] }
  | { kind: 'ping' }
  | { kind: 'mutated'; text: string; changes: Array<[number, number]> }
  | { kind: 'truncated'; text: string; end: number }
  | { kind: 'random'; bytes: Uint8Array }
  | { kind: 'replay'; which: number }
  | { kind: 'long'; length: number; newline: boolean };

const text = fc.string({ maxLength: 60 }).map((s) => JSON.stringify({ type: 'chat', content: s }));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('genuine' as const), text, points: fc.array(fc.nat(), { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('ping' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mutated' as const), text, changes: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncated' as const), text, end: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), which: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long' as const), length: fc.integer({ min: MAX_FRAME - 30, max: 3 * MAX_FRAME }), newline: fc.boolean() }) },
);

describe('a link\'s input', () => {
  it.prop([fc.array(op, { maxLength: 10 })], { numRuns: 150 })(
    'hands on only genuine frames, in their order; anything else closes the link with a reason; nothing throws',
    async (ops) => {
      const pair = await tcpPair();
      try {
        const states = cipherStates();
        const under = openLink(pair.server, states.responder, { maxFrameBytes: MAX_FRAME });
        const peer = new RawPeer(pair.client, states.initiator);
        /** plaintexts in the order of their nonces */
        const sealed: string[] = [];
        const written: Buffer[] = [];
        let last = 10;
        let tampered = false;
        const write = async (b: Buffer) => {
          if (b.length === 0) return;
          written.push(b);
          last = b[b.length - 1]!;
          await peer.write(b);
        };
        const seal = (t: string) => {
          sealed.push(t);
          return peer.seal(Buffer.from(t));
        };
        for (const o of ops) {
          if (o.kind === 'genuine') {
            for (const piece of cut(seal(o.text), o.points)) await write(piece);
          } else if (o.kind === 'ping') {
            await write(seal(PING));
          } else if (o.kind === 'mutated') {
            const line = seal(o.text);
            const bad = Buffer.from(line);
            for (const [at, byte] of o.changes) bad[at % bad.length] = byte;
            tampered ||= !bad.equals(line);
            await write(bad);
          } else if (o.kind === 'truncated') {
            const line = seal(o.text);
            tampered = true;
            await write(line.subarray(0, o.end % line.length));
          } else if (o.kind === 'random') {
            tampered ||= o.bytes.length > 0;
            await write(Buffer.from(o.bytes));
          } else if (o.kind === 'replay') {
            const genuine = written.filter((w) => w[w.length - 1] === 10);
            if (genuine.length === 0) continue;
            tampered = true;
            await write(genuine[o.which % genuine.length]!);
          } else {
            tampered = true;
            await write(Buffer.from(`{"type":"sealed","d":"${'A'.repeat(o.length)}${o.newline ? '"}\n' : ''}`));
          }
        }
        if (last !== 10) await write(Buffer.from('\n'));
        const marker = JSON.stringify({ type: 'chat', content: 'the end' });
        await write(seal(marker));
        await waitFor(() => under.reason() !== undefined || under.frames.some((f) => String(f) === marker), { what: 'the link closed or the marker', intervalMs: 2 });

        const delivered = under.frames.map(String);
        const expected = sealed.filter((t) => t !== PING);
        expect(delivered).toEqual(expected.slice(0, delivered.length));
        const reason = under.reason();
        if (reason === undefined) expect(delivered).toEqual(expected);
        else expect(reason).toMatch(CLOSE_REASONS);
        if (!tampered) expect(reason).toBeUndefined();
        under.link.close('test over', false);
      } finally {
        pair.close();
      }
    },
    timeout,
  );
});

// ---- the responder's handshake ----

/** A genuine initiator's hello and, once given message 2, its message 3. */
function initiator() {
  const key = newNodeKey();
  const staticKeyPair = generateX25519KeyPair();
  const hs = new XXHandshake({ initiator: true, staticKeyPair, prologue: Buffer.from(V2.linkPrologue) });
  const hello = Buffer.from(JSON.stringify({ type: 'hello', v: 2, protocol: hs.protocolName, d: hs.writeMessage().toString('base64') }));
  const third = (message2: Buffer) => {
    hs.readMessage(Buffer.from((JSON.parse(String(message2)) as { d: string }).d, 'base64'));
    const payload = encodeIdentityPayload(signIdentityPayload(key.privateKey, staticKeyPair.publicKey, { name: 'Init', port: 4001 }));
    return Buffer.from(`${JSON.stringify({ type: 'handshake', d: hs.writeMessage(payload).toString('base64') })}\n`);
  };
  return { nodeId: key.nodeId, hello, third };
}

const mutate = (b: Buffer, changes: Array<[number, number]>, end: number | null) => {
  const out = Buffer.from(b);
  for (const [at, byte] of changes) out[at % out.length] = byte;
  return end === null ? out : out.subarray(0, end % (out.length + 1));
};

const changes = fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 3 });

describe('the responder\'s handshake', () => {
  it.prop([fc.boolean(), changes, fc.option(fc.nat()), fc.uint8Array({ maxLength: 200 })], { numRuns: 150 })(
    'given a mutated or random hello, or a mutated or random message 3, fails with a HandshakeError (or completes, with the genuine initiator)',
    async (helloIsBad, edits, end, random) => {
      const pair = await tcpPair();
      try {
        const genuine = initiator();
        const hello = helloIsBad ? (random.length > 0 && edits.length === 0 ? Buffer.from(random) : mutate(genuine.hello, edits, end)) : genuine.hello;
        const responding = respondHandshake(pair.server, hello, new LineReader(MAX_FRAME), { identity: newLinkIdentity(), psk: undefined, maxFrameBytes: MAX_FRAME, timeoutMs: 1000 }).then(
          (outcome) => ({ ok: true as const, outcome }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (!helloIsBad) {
          const lines = await Promise.race([nextLines(pair.client, new LineReader(MAX_FRAME)), responding.then(() => [] as Buffer[])]);
          if (lines[0]) {
            const third = genuine.third(lines[0]);
            await new Promise<void>((resolve) => pair.client.write(edits.length > 0 || end !== null ? mutate(third, edits, end) : random.length > 0 ? Buffer.concat([Buffer.from(random), Buffer.from('\n')]) : third, () => resolve()));
            pair.client.end();
          }
        }
        const result = await responding;
        if (result.ok) expect(result.outcome.peer.nodeId).toBe(genuine.nodeId);
        else expect(result.error).toBeInstanceOf(HandshakeError);
      } finally {
        pair.close();
      }
    },
    timeout,
  );
});
