// Property-based tests of the Noise handshake: whatever a hostile peer sends in place of a
// handshake or transport message (random bytes, truncations, mutations and splices of genuine
// messages, calls in any order), the only thing thrown is a NoiseError, and no side completes a
// handshake that is not the genuine one.
import { randomBytes } from 'node:crypto';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { byteMutation, mutateBytes, type ByteMutation } from './byte-mutations.ts';
import { generateX25519KeyPair, NOISE_MAX_MESSAGE, NoiseError, XXHandshake, type X25519KeyPair } from './noise.ts';

/** Generous per-test timeout: a property runs its predicate hundreds of times. */
const timeout = 120_000;

const prologue = Buffer.from('meshwork-v2');
const network = randomBytes(32);
const payloads = [Buffer.alloc(0), Buffer.from('{"key":"responder","name":"Bob","port":9999}'), Buffer.from('{"key":"initiator","name":"Alice","port":9999}')];

interface Sides { initiator: XXHandshake; responder: XXHandshake; initiatorKeys: X25519KeyPair; responderKeys: X25519KeyPair }

function sides(psk: boolean): Sides {
  const initiatorKeys = generateX25519KeyPair();
  const responderKeys = generateX25519KeyPair();
  const pskOption = psk ? network : undefined;
  return {
    initiator: new XXHandshake({ initiator: true, staticKeyPair: initiatorKeys, psk: pskOption, prologue }),
    responder: new XXHandshake({ initiator: false, staticKeyPair: responderKeys, psk: pskOption, prologue }),
    initiatorKeys,
    responderKeys,
  };
}

const writerOf = (s: Sides, k: number) => (k % 2 === 0 ? s.initiator : s.responder);
const readerOf = (s: Sides, k: number) => (k % 2 === 0 ? s.responder : s.initiator);

/** A genuine handshake run up to message k, and message k as its writer sent it. */
function upTo(k: number, psk: boolean): { s: Sides; message: Buffer } {
  const s = sides(psk);
  for (let i = 0; i < k; i++) readerOf(s, i).readMessage(writerOf(s, i).writeMessage(payloads[i]));
  return { s, message: writerOf(s, k).writeMessage(payloads[k]) };
}

/** Genuine messages of other handshakes, to splice in (a replay from another session). */
const foreign = [false, true].flatMap((psk) => [0, 1, 2].map((k) => upTo(k, psk).message));

/** Runs fn; anything thrown must be a NoiseError. True when it returned. */
function onlyNoiseError(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (err) {
    expect(err).toBeInstanceOf(NoiseError);
    return false;
  }
}

/**
 * The rest of the handshake after the reader took message k (bad): a genuine peer never accepts
 * what follows, so the responder never completes, nor does the side that read the bad message.
 */
function expectNoCompletion(s: Sides, k: number, accepted: boolean): void {
  if (accepted) {
    // only XX's first message is unauthenticated; its damage must show at the initiator's read of message 2
    expect(k).toBe(0);
    let second: Buffer | undefined;
    if (onlyNoiseError(() => (second = s.responder.writeMessage(payloads[1])))) {
      expect(onlyNoiseError(() => s.initiator.readMessage(second!))).toBe(false);
    }
  }
  expect(readerOf(s, k).complete).toBe(false);
  expect(s.responder.complete).toBe(false);
  expect(readerOf(s, k).remoteStaticKey).toBeUndefined();
}

// ---- arbitraries ----

/** Many random bytes from a seed (fast-check would take long to draw 70 KB one by one). */
function seededBytes(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}

const bulkBytes = (maxLength: number, minLength = 0) =>
  fc.record({ seed: fc.integer(), length: fc.integer({ min: minLength, max: maxLength }) }).map(({ seed, length }) => seededBytes(seed, length));

/** Random messages: short ones around the lengths that matter (32, 48, 64, 96, 112), and long ones. */
const randomMessage = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  bulkBytes(200, 0),
  bulkBytes(NOISE_MAX_MESSAGE + 64, NOISE_MAX_MESSAGE - 64),
);

const mutation = byteMutation({
  insert: fc.uint8Array({ minLength: 1, maxLength: 40 }),
  maxDelete: 48,
  append: fc.uint8Array({ minLength: 1, maxLength: 40 }),
  splice: true,
});
const mutate = (bytes: Buffer, m: ByteMutation) => mutateBytes(bytes, m, foreign);

const position = fc.record({ k: fc.integer({ min: 0, max: 2 }), psk: fc.boolean() });

describe('XXHandshake.readMessage under hostile input', () => {
  it.prop([position, randomMessage], { numRuns: 300 })(
    'random bytes in place of any message: only NoiseError, and no completed handshake',
    ({ k, psk }, bytes) => {
      const { s } = upTo(k, psk);
      const accepted = onlyNoiseError(() => readerOf(s, k).readMessage(bytes));
      expectNoCompletion(s, k, accepted);
    },
    timeout,
  );

  it.prop([position, fc.array(mutation, { minLength: 1, maxLength: 4 })], { numRuns: 400 })(
    'mutated, truncated and spliced genuine messages: only NoiseError, and no completed handshake',
    ({ k, psk }, mutations) => {
      const { s, message } = upTo(k, psk);
      const bad = mutations.reduce(mutate, message);
      fc.pre(!bad.equals(message));
      const accepted = onlyNoiseError(() => readerOf(s, k).readMessage(bad));
      expectNoCompletion(s, k, accepted);
    },
    timeout,
  );

  type Side = 'initiator' | 'responder';
  type Action = { side: Side; op: 'write' | 'read' | 'split'; genuine: boolean; bytes: Buffer };
  /** The genuine handshake as six calls; hostile calls are shuffled in between. */
  const script: Action[] = [0, 1, 2].flatMap((k): Action[] => {
    const [writer, reader]: Side[] = k % 2 === 0 ? ['initiator', 'responder'] : ['responder', 'initiator'];
    return [{ side: writer!, op: 'write', genuine: true, bytes: Buffer.alloc(0) }, { side: reader!, op: 'read', genuine: true, bytes: Buffer.alloc(0) }];
  });
  const hostile = fc.record({
    side: fc.constantFrom<Side>('initiator', 'responder'),
    op: fc.constantFrom('write' as const, 'read' as const, 'split' as const),
    genuine: fc.boolean(),
    bytes: randomMessage,
  });
  const calls = fc.array(fc.tuple(fc.nat(6), hostile), { maxLength: 6 }).map((inserts) => {
    const all = [...script];
    for (const [at, a] of inserts.sort((x, y) => y[0] - x[0])) all.splice(at, 0, a);
    return all;
  });

  it('calls in any order, with genuine or random messages: only NoiseError, and completion only on the genuine transcript', () => {
    let completed = 0;
    fc.assert(
      fc.property(fc.boolean(), calls, (psk, actions) => {
        const s = sides(psk);
        /** the last message each side wrote, in flight to the other */
        const sent: Partial<Record<Side, Buffer>> = {};
        /** false once a side accepted a message that was not its peer's genuine one */
        const clean = { initiator: true, responder: true };
        for (const a of actions) {
          const me = s[a.side];
          const peer: Side = a.side === 'initiator' ? 'responder' : 'initiator';
          if (a.op === 'write') {
            onlyNoiseError(() => (sent[a.side] = me.writeMessage(payloads[1])));
          } else if (a.op === 'split') {
            onlyNoiseError(() => me.split());
          } else {
            const genuine = a.genuine && sent[peer] !== undefined;
            const message = genuine ? sent[peer]! : a.bytes;
            if (onlyNoiseError(() => me.readMessage(message)) && !genuine) clean[a.side] = false;
          }
        }
        // a side that completed read only genuine messages, and knows its peer's real static key
        for (const side of ['initiator', 'responder'] as const) {
          if (!s[side].complete) continue;
          expect(clean[side]).toBe(true);
          expect(s[side].remoteStaticKey).toEqual(side === 'initiator' ? s.responderKeys.publicKey : s.initiatorKeys.publicKey);
        }
        if (s.responder.complete) {
          completed++;
          expect(s.responder.handshakeHash).toEqual(s.initiator.handshakeHash);
        }
      }),
      { numRuns: 300 },
    );
    // the property says something only if genuine transcripts do complete among the runs
    expect(completed).toBeGreaterThan(0);
  }, timeout);
});

describe('transport CipherState under hostile input', () => {
  function transport(psk: boolean) {
    const s = sides(psk);
    for (let k = 0; k < 3; k++) readerOf(s, k).readMessage(writerOf(s, k).writeMessage(payloads[k]));
    return { send: s.initiator.split().send, receive: s.responder.split().receive };
  }

  it.prop([fc.boolean(), fc.uint8Array({ maxLength: 300 }), fc.array(mutation, { minLength: 1, maxLength: 4 })], { numRuns: 400 })(
    'a mutated sealed frame: only NoiseError, and the genuine frame still opens after',
    (psk, plaintext, mutations) => {
      const { send, receive } = transport(psk);
      const frame = Buffer.from(plaintext);
      const sealed = send.encrypt(frame);
      const bad = mutations.reduce(mutate, sealed);
      fc.pre(!bad.equals(sealed));
      expect(onlyNoiseError(() => receive.decrypt(bad))).toBe(false);
      expect(receive.decrypt(sealed).equals(frame)).toBe(true);
    },
    timeout,
  );

  it.prop([randomMessage], { numRuns: 200 })(
    'random bytes as a sealed frame: only NoiseError',
    (bytes) => {
      const { receive } = transport(false);
      expect(onlyNoiseError(() => receive.decrypt(bytes))).toBe(false);
    },
    timeout,
  );
});
