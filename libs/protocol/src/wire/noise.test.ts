// The Noise handshake of v2 links: the published test vectors of three independent
// implementations, full handshakes both ways, and every way a message can be wrong.
import { createPrivateKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateX25519KeyPair, NOISE_MAX_MESSAGE, NoiseError, XXHandshake, type X25519KeyPair } from './noise.ts';

interface VectorMessage { sender: 'initiator' | 'responder'; payload: string; ciphertext: string }
interface Vector {
  protocolName: string;
  prologue: string;
  initStatic: string;
  initEphemeral: string;
  respStatic: string;
  respEphemeral: string;
  psk: string | null;
  handshakeHash: string | null;
  messages: VectorMessage[];
}
interface VectorFile { source: { repository: string; path: string; commit: string }; vectors: Vector[] }

const vectorFiles = ['cacophony.json', 'snow.json', 'flynn.json'].map(
  (name) => [name, JSON.parse(readFileSync(new URL(`./noise-vectors/${name}`, import.meta.url), 'utf8')) as VectorFile] as const,
);

const hex = (s: string) => Buffer.from(s, 'hex');

/** For the tests that run hundreds of handshakes or seal MiBs (the machine may be busy). */
const slow = 60_000;

/** The key pair of a raw X25519 private key, its public half computed by node:crypto. */
function keyPairOf(privateHex: string): X25519KeyPair {
  const privateKey = hex(privateHex);
  const der = Buffer.concat([hex('302e020100300506032b656e04220420'), privateKey]);
  const jwk = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
  return { privateKey, publicKey: Buffer.from(jwk.x!, 'base64url') };
}

function expectNoiseError(run: () => unknown, message?: RegExp): NoiseError {
  let thrown: unknown;
  try {
    run();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(NoiseError);
  if (message) expect((thrown as Error).message).toMatch(message);
  return thrown as NoiseError;
}

interface Pair { initiator: XXHandshake; responder: XXHandshake; initiatorKeys: X25519KeyPair; responderKeys: X25519KeyPair }

function pair(opts: { psk?: Buffer; responderPsk?: Buffer | null; prologue?: Buffer } = {}): Pair {
  const initiatorKeys = generateX25519KeyPair();
  const responderKeys = generateX25519KeyPair();
  const prologue = opts.prologue ?? Buffer.from('meshwork-v2');
  const responderPsk = opts.responderPsk === undefined ? opts.psk : (opts.responderPsk ?? undefined);
  return {
    initiator: new XXHandshake({ initiator: true, staticKeyPair: initiatorKeys, psk: opts.psk, prologue }),
    responder: new XXHandshake({ initiator: false, staticKeyPair: responderKeys, psk: responderPsk, prologue }),
    initiatorKeys,
    responderKeys,
  };
}

const identity = (name: string) => Buffer.from(JSON.stringify({ key: randomBytes(32).toString('base64'), sig: randomBytes(64).toString('base64'), name, port: 9999 }));

/** Runs the three messages; returns them (as sent) and the payloads each side read. */
function handshake(p: Pair): { messages: Buffer[]; read: Buffer[] } {
  const payloads = [Buffer.alloc(0), identity('responder'), identity('initiator')];
  const messages: Buffer[] = [];
  const read: Buffer[] = [];
  for (const [i, payload] of payloads.entries()) {
    const [writer, reader] = i % 2 === 0 ? [p.initiator, p.responder] : [p.responder, p.initiator];
    messages.push(writer.writeMessage(payload));
    read.push(reader.readMessage(messages[i]!));
    expect(read[i]).toEqual(payload);
  }
  return { messages, read };
}

describe('published test vectors', () => {
  it('cover both protocols, XX with its handshake hash, and transport messages in both directions', () => {
    const all = vectorFiles.flatMap(([, file]) => file.vectors);
    expect(new Set(all.map((v) => v.protocolName))).toEqual(new Set(['Noise_XX_25519_ChaChaPoly_SHA256', 'Noise_XXpsk0_25519_ChaChaPoly_SHA256']));
    expect(all.filter((v) => v.protocolName.startsWith('Noise_XX_') && v.handshakeHash !== null).length).toBeGreaterThan(0);
    for (const name of ['Noise_XX_25519_ChaChaPoly_SHA256', 'Noise_XXpsk0_25519_ChaChaPoly_SHA256']) {
      const transport = all.filter((v) => v.protocolName === name).flatMap((v) => v.messages.slice(3));
      expect(new Set(transport.map((m) => m.sender))).toEqual(new Set(['initiator', 'responder']));
    }
  });

  for (const [name, file] of vectorFiles) {
    describe(`${name} (${file.source.repository} ${file.source.path})`, () => {
      for (const [index, v] of file.vectors.entries()) {
        const label = `${index}: ${v.protocolName}${v.prologue ? ', prologue' : ''}${v.messages[0]!.payload ? ', payloads' : ''}`;
        it(label, () => {
          const psk = v.psk === null ? undefined : hex(v.psk);
          const prologue = hex(v.prologue);
          const initiatorKeys = keyPairOf(v.initStatic);
          const responderKeys = keyPairOf(v.respStatic);
          const sides = {
            initiator: new XXHandshake({ initiator: true, staticKeyPair: initiatorKeys, ephemeralKeyPair: keyPairOf(v.initEphemeral), psk, prologue }),
            responder: new XXHandshake({ initiator: false, staticKeyPair: responderKeys, ephemeralKeyPair: keyPairOf(v.respEphemeral), psk, prologue }),
          };
          expect(sides.initiator.protocolName).toBe(v.protocolName);
          expect(sides.responder.protocolName).toBe(v.protocolName);
          const other = (s: VectorMessage['sender']) => (s === 'initiator' ? 'responder' : 'initiator');

          for (const m of v.messages.slice(0, 3)) {
            expect(sides[m.sender].writeMessage(hex(m.payload)).toString('hex')).toBe(m.ciphertext);
            expect(sides[other(m.sender)].readMessage(hex(m.ciphertext)).toString('hex')).toBe(m.payload);
          }
          expect(sides.initiator.complete && sides.responder.complete).toBe(true);
          expect(sides.initiator.remoteStaticKey).toEqual(responderKeys.publicKey);
          expect(sides.responder.remoteStaticKey).toEqual(initiatorKeys.publicKey);
          expect(sides.initiator.handshakeHash).toEqual(sides.responder.handshakeHash);
          if (v.handshakeHash !== null) expect(sides.initiator.handshakeHash.toString('hex')).toBe(v.handshakeHash);

          const transport = { initiator: sides.initiator.split(), responder: sides.responder.split() };
          const transportMessages = v.messages.slice(3);
          expect(transportMessages.length).toBeGreaterThan(0);
          for (const m of transportMessages) {
            expect(transport[m.sender].send.encrypt(hex(m.payload)).toString('hex')).toBe(m.ciphertext);
            expect(transport[other(m.sender)].receive.decrypt(hex(m.ciphertext)).toString('hex')).toBe(m.payload);
          }
        });
      }
    });
  }
});

describe('XXHandshake', () => {
  for (const psk of [undefined, randomBytes(32)]) {
    const mode = psk ? 'XXpsk0' : 'XX';
    it(`${mode}: completes with either side initiating, then carries transport messages both ways`, () => {
      const alice = generateX25519KeyPair();
      const bob = generateX25519KeyPair();
      for (const [initiatorKeys, responderKeys] of [[alice, bob], [bob, alice]] as const) {
        const p: Pair = {
          initiator: new XXHandshake({ initiator: true, staticKeyPair: initiatorKeys, psk, prologue: Buffer.from('meshwork-v2') }),
          responder: new XXHandshake({ initiator: false, staticKeyPair: responderKeys, psk, prologue: Buffer.from('meshwork-v2') }),
          initiatorKeys,
          responderKeys,
        };
        expect(p.initiator.protocolName).toBe(`Noise_${mode}_25519_ChaChaPoly_SHA256`);
        expect(p.responder.remoteStaticKey).toBeUndefined();
        handshake(p);
        expect(p.initiator.complete).toBe(true);
        expect(p.responder.complete).toBe(true);
        expect(p.initiator.remoteStaticKey).toEqual(responderKeys.publicKey);
        expect(p.responder.remoteStaticKey).toEqual(initiatorKeys.publicKey);
        expect(p.initiator.handshakeHash).toEqual(p.responder.handshakeHash);
        expect(p.initiator.handshakeHash).toHaveLength(32);

        const i = p.initiator.split();
        const r = p.responder.split();
        const frames = [Buffer.from('{"type":"ping"}'), Buffer.alloc(0), randomBytes(1024 * 1024), Buffer.from('{"type":"chat"}')];
        for (const frame of frames) {
          const toResponder = i.send.encrypt(frame);
          expect(toResponder).toHaveLength(frame.length + 16);
          // (equals(): vitest's toEqual takes seconds on a MiB)
          expect(r.receive.decrypt(toResponder).equals(frame)).toBe(true);
          expect(i.receive.decrypt(r.send.encrypt(frame)).equals(frame)).toBe(true);
        }
        // the two directions have different keys: a frame does not open in the other direction
        expectNoiseError(() => i.receive.decrypt(i.send.encrypt(frames[0]!)));
      }
    }, slow);
  }

  it('gives each handshake fresh ephemeral keys, so the same static keys never give the same transcript', () => {
    const initiatorKeys = generateX25519KeyPair();
    const responderKeys = generateX25519KeyPair();
    const run = () => {
      const p = { initiator: new XXHandshake({ initiator: true, staticKeyPair: initiatorKeys }), responder: new XXHandshake({ initiator: false, staticKeyPair: responderKeys }), initiatorKeys, responderKeys };
      return { ...handshake(p), hash: p.initiator.handshakeHash };
    };
    const [a, b] = [run(), run()];
    expect(a.messages[0]).not.toEqual(b.messages[0]);
    expect(a.hash).not.toEqual(b.hash);
  });

  it('with associated data: a frame opens only with the same ad', () => {
    const p = pair();
    handshake(p);
    const i = p.initiator.split();
    const r = p.responder.split();
    const sealed = i.send.encrypt(Buffer.from('hello'), Buffer.from('ad-1'));
    expectNoiseError(() => r.receive.decrypt(sealed, Buffer.from('ad-2')));
    expectNoiseError(() => r.receive.decrypt(sealed));
    expect(r.receive.decrypt(sealed, Buffer.from('ad-1')).toString()).toBe('hello');
  });

  it('psk0: a different psk fails at the responder reading the first message', () => {
    const p = pair({ psk: randomBytes(32), responderPsk: randomBytes(32) });
    const first = p.initiator.writeMessage();
    expectNoiseError(() => p.responder.readMessage(first), /message 1: authentication failed/);
    expect(p.responder.complete).toBe(false);
    expect(p.responder.remoteStaticKey).toBeUndefined();
    expectNoiseError(() => p.responder.writeMessage(), /failed earlier/);
  });

  it('a psk on one side only never completes', () => {
    // the initiator without: its first message is too short for a psk responder
    const noPskInitiator = pair({ psk: undefined, responderPsk: randomBytes(32) });
    expectNoiseError(() => noPskInitiator.responder.readMessage(noPskInitiator.initiator.writeMessage()), /message 1:/);

    // the initiator with: the responder reads the tag as a payload, but its answer fails
    const pskInitiator = pair({ psk: randomBytes(32), responderPsk: null });
    expect(pskInitiator.responder.readMessage(pskInitiator.initiator.writeMessage())).toHaveLength(16);
    const second = pskInitiator.responder.writeMessage();
    expectNoiseError(() => pskInitiator.initiator.readMessage(second), /message 2: authentication failed/);
    expect(pskInitiator.initiator.complete || pskInitiator.responder.complete).toBe(false);
  });

  it('a different prologue fails at the initiator reading the second message', () => {
    const initiatorKeys = generateX25519KeyPair();
    const responderKeys = generateX25519KeyPair();
    const initiator = new XXHandshake({ initiator: true, staticKeyPair: initiatorKeys, prologue: Buffer.from('meshwork-v2') });
    const responder = new XXHandshake({ initiator: false, staticKeyPair: responderKeys, prologue: Buffer.from('meshwork-v3') });
    responder.readMessage(initiator.writeMessage());
    expectNoiseError(() => initiator.readMessage(responder.writeMessage()), /message 2: authentication failed/);
  });

  for (const psk of [undefined, randomBytes(32)]) {
    // every byte of every message, one bit each (bit = byte index mod 8: byte 31 gets bit 7, the
    // bit X25519 ignores in a public key, which the handshake hash still covers)
    it(`${psk ? 'XXpsk0' : 'XX'}: a flipped bit anywhere in a handshake message stops the handshake with a NoiseError`, () => {
      const lengths = handshake(pair({ psk })).messages.map((m) => m.length);
      let checked = 0;
      for (const [k, length] of lengths.entries()) {
        for (let at = 0; at < length; at++) {
          const p = pair({ psk });
          const payloads = [Buffer.alloc(0), identity('responder'), identity('initiator')];
          for (let i = 0; i < k; i++) {
            const [w, r] = i % 2 === 0 ? [p.initiator, p.responder] : [p.responder, p.initiator];
            r.readMessage(w.writeMessage(payloads[i]));
          }
          const [writer, reader] = k % 2 === 0 ? [p.initiator, p.responder] : [p.responder, p.initiator];
          const message = writer.writeMessage(payloads[k]);
          message[at]! ^= 1 << at % 8;
          if (k === 0 && psk === undefined) {
            // nothing in XX's first message is authenticated yet: the damage shows in the answer
            reader.readMessage(message);
            expectNoiseError(() => p.initiator.readMessage(p.responder.writeMessage(payloads[1])), /message 2:/);
          } else {
            expectNoiseError(() => reader.readMessage(message), new RegExp(`message ${k + 1}:`));
          }
          expect(reader.complete).toBe(false);
          expect(p.responder.complete).toBe(false);
          checked++;
        }
      }
      expect(checked).toBe(lengths.reduce((a, b) => a + b));
    }, slow);
  }

  it('a flipped bit anywhere in a transport message fails to open, and the genuine one still opens after', () => {
    const p = pair({ psk: randomBytes(32) });
    handshake(p);
    const i = p.initiator.split();
    const r = p.responder.split();
    for (let n = 0; n < 3; n++) {
      const frame = Buffer.from(`{"type":"chat","content":"message ${n}"}`);
      const sealed = i.send.encrypt(frame);
      for (let at = 0; at < sealed.length; at++) {
        for (const bit of [0, 7]) {
          const bad = Buffer.from(sealed);
          bad[at]! ^= 1 << bit;
          expectNoiseError(() => r.receive.decrypt(bad), /authentication failed/);
        }
      }
      expectNoiseError(() => r.receive.decrypt(sealed.subarray(0, 15)), /shorter than/);
      expectNoiseError(() => r.receive.decrypt(sealed.subarray(0, sealed.length - 1)));
      expect(r.receive.decrypt(sealed)).toEqual(frame);
    }
  });

  it('a replayed or reordered transport message fails to open', () => {
    const p = pair();
    handshake(p);
    const i = p.initiator.split();
    const r = p.responder.split();
    const [one, two, three] = ['one', 'two', 'three'].map((s) => i.send.encrypt(Buffer.from(s))) as [Buffer, Buffer, Buffer];
    expectNoiseError(() => r.receive.decrypt(two));
    expect(r.receive.decrypt(one).toString()).toBe('one');
    expectNoiseError(() => r.receive.decrypt(one));
    expect(r.receive.decrypt(two).toString()).toBe('two');
    expect(r.receive.decrypt(three).toString()).toBe('three');
  });

  it('calls out of turn throw NoiseError and leave the handshake usable', () => {
    const p = pair();
    expectNoiseError(() => p.initiator.readMessage(Buffer.alloc(32)), /not this side's turn to read message 1/);
    expectNoiseError(() => p.responder.writeMessage(), /not this side's turn to write message 1/);
    const first = p.initiator.writeMessage();
    expectNoiseError(() => p.initiator.writeMessage(), /not this side's turn to write message 2/);
    p.responder.readMessage(first);
    expectNoiseError(() => p.responder.readMessage(first), /not this side's turn to read message 2/);
    expectNoiseError(() => p.initiator.split(), /not complete/);
    p.initiator.readMessage(p.responder.writeMessage());
    p.responder.readMessage(p.initiator.writeMessage());
    expect(p.initiator.complete && p.responder.complete).toBe(true);
    expectNoiseError(() => p.initiator.writeMessage(), /complete/);
    expectNoiseError(() => p.responder.readMessage(Buffer.alloc(64)), /complete/);
    p.initiator.split();
    expectNoiseError(() => p.initiator.split(), /already/);
  });

  it('a failed handshake stays failed, even for the genuine message', () => {
    const p = pair();
    p.responder.readMessage(p.initiator.writeMessage());
    const second = p.responder.writeMessage(identity('responder'));
    const bad = Buffer.from(second);
    bad[bad.length - 1]! ^= 1;
    expectNoiseError(() => p.initiator.readMessage(bad), /message 2: authentication failed/);
    expectNoiseError(() => p.initiator.readMessage(second), /failed earlier: message 2/);
    expect(p.initiator.complete).toBe(false);
    expect(p.initiator.remoteStaticKey).toBeUndefined();
    expectNoiseError(() => p.initiator.split(), /handshake failed/);
  });

  it('holds handshake messages to NOISE_MAX_MESSAGE, and to the least each one needs', () => {
    const p = pair();
    p.responder.readMessage(p.initiator.writeMessage());
    // message 2 carries e (32), s (32 + 16) and the payload's tag (16)
    expectNoiseError(() => p.responder.writeMessage(Buffer.alloc(NOISE_MAX_MESSAGE - 96 + 1)), /does not fit/);
    const second = p.responder.writeMessage(Buffer.alloc(NOISE_MAX_MESSAGE - 96, 7));
    expect(second).toHaveLength(NOISE_MAX_MESSAGE);
    expect(p.initiator.readMessage(second)).toEqual(Buffer.alloc(NOISE_MAX_MESSAGE - 96, 7));

    expectNoiseError(() => pair().responder.readMessage(Buffer.alloc(NOISE_MAX_MESSAGE + 1)), /65536 bytes/);
    expectNoiseError(() => pair().responder.readMessage(Buffer.alloc(31)), /31 bytes; it must have 32/);
    expectNoiseError(() => pair({ psk: randomBytes(32) }).responder.readMessage(Buffer.alloc(47)), /must have 48/);
    const q = pair();
    q.responder.readMessage(q.initiator.writeMessage());
    expectNoiseError(() => q.initiator.readMessage(q.responder.writeMessage().subarray(0, 95)), /must have 96/);
  });

  it('a low-order ephemeral key from the peer fails with NoiseError when it is used', () => {
    const p = pair();
    p.responder.readMessage(Buffer.alloc(32));
    expectNoiseError(() => p.responder.writeMessage(), /message 2: X25519 failed/);
  });

  it('refuses bad options with RangeError', () => {
    const keys = generateX25519KeyPair();
    expect(() => new XXHandshake({ initiator: true, staticKeyPair: keys, psk: randomBytes(31) })).toThrow(RangeError);
    expect(() => new XXHandshake({ initiator: true, staticKeyPair: { ...keys, privateKey: keys.privateKey.subarray(1) } })).toThrow(RangeError);
    expect(() => new XXHandshake({ initiator: true, staticKeyPair: { ...keys, publicKey: generateX25519KeyPair().publicKey } })).toThrow(/does not belong/);
  });

  it('shows no key material to util.inspect or JSON', () => {
    const psk = randomBytes(32);
    const p = pair({ psk });
    handshake(p);
    const shown = [p.initiator, ...Object.values(p.initiator.split())].flatMap((o) => [inspect(o, { showHidden: true, depth: 9 }), JSON.stringify(o)]);
    for (const text of shown) {
      for (const secret of [p.initiatorKeys.privateKey, psk]) {
        expect(text).not.toContain(secret.toString('hex'));
        expect(text).not.toContain(secret.toString('base64'));
      }
      expect(text).not.toMatch(/privateKey|Buffer|<Buffer/);
    }
  });
});

describe('generateX25519KeyPair', () => {
  it('gives raw 32-byte keys whose public half node:crypto derives from the private half', () => {
    const a = generateX25519KeyPair();
    const b = generateX25519KeyPair();
    expect(a.privateKey).toHaveLength(32);
    expect(a.publicKey).toHaveLength(32);
    expect(keyPairOf(a.privateKey.toString('hex')).publicKey).toEqual(a.publicKey);
    expect(a.privateKey).not.toEqual(b.privateKey);
  });
});
