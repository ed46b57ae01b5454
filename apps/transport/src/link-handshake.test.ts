// The v2 link handshake over real connections: who each side learns the other is, the cipher
// states it gives, and every way a peer can make it fail (another password, a forged identity,
// another node than the one announced, silence, garbage), each with its reason.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  encodeIdentityPayload,
  generateX25519KeyPair,
  parseLinkFrame,
  signIdentityPayload,
  V2,
  v2NoiseProtocols,
  XXHandshake,
} from '@meshwork/protocol';
import { LineReader } from './line-reader.ts';
import { HandshakeError, initiateHandshake, respondHandshake, type LinkIdentity } from './link-handshake.ts';
import { encodeSealedFrame } from './sealed-frame.ts';
import { newLinkIdentity, newNodeKey, nextLines, outcomeOf, runHandshake, tcpPair, type HandshakeRun, type Settled, type TcpPair } from './test-helpers.ts';

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function run(o: Parameters<typeof runHandshake>[0] = {}): Promise<HandshakeRun> {
  const r = await runHandshake(o);
  cleanup.push(() => r.pair.close());
  return r;
}

async function pair(): Promise<TcpPair> {
  const p = await tcpPair();
  cleanup.push(() => p.close());
  return p;
}

/** The failure of a side, which must have failed. */
function failure(r: Settled<unknown>): HandshakeError {
  if (r.ok) throw new Error('the handshake completed');
  expect(r.error).toBeInstanceOf(HandshakeError);
  return r.error as HandshakeError;
}

/** An identity whose payload signs a Noise static key other than the one it uses. */
function forgedIdentity(name: string, port: number): LinkIdentity {
  const real = newLinkIdentity(name, port);
  const key = newNodeKey();
  return { ...real, payload: signIdentityPayload(key.privateKey, generateX25519KeyPair().publicKey, { name, port }) };
}

const options = (identity: LinkIdentity, extra: { psk?: Buffer; timeoutMs?: number; maxFrameBytes?: number } = {}) => ({
  identity,
  psk: extra.psk,
  maxFrameBytes: extra.maxFrameBytes ?? 1024 ** 2,
  timeoutMs: extra.timeoutMs ?? 2000,
});

describe('link handshake', { timeout: 10_000 }, () => {
  it('tells each side who the other is (key, name, port, address) and gives cipher states that open each other both ways', async () => {
    const r = await run();
    const i = outcomeOf(r.initiator.result);
    const s = outcomeOf(r.responder.result);
    expect(i.peer).toEqual({ nodeId: r.responder.identity.nodeId, key: Buffer.from(r.responder.identity.payload.key, 'base64'), name: 'Bob', host: '127.0.0.2', port: 4002 });
    expect(s.peer).toEqual({ nodeId: r.initiator.identity.nodeId, key: Buffer.from(r.initiator.identity.payload.key, 'base64'), name: 'Alice', host: '127.0.0.7', port: 4001 });
    for (const [from, to] of [[i, s], [s, i]] as const) {
      for (const n of [1, 2, 3]) {
        const text = Buffer.from(`frame ${n}`);
        const sealed = from.send.encrypt(text);
        expect(sealed.includes(text)).toBe(false);
        expect(to.receive.decrypt(sealed)).toEqual(text);
      }
    }
    // the two directions have their own keys
    expect(() => i.receive.decrypt(i.send.encrypt(Buffer.from('x')))).toThrow();
    expect(i.pending).toEqual([]);
    expect(s.pending).toEqual([]);
  });

  it('opens with a hello naming Noise XX, in the documented form', async () => {
    const r = await run();
    const hello = parseLinkFrame(r.responder.hello);
    expect(hello).toMatchObject({ ok: true, value: { type: 'hello', v: 2, protocol: v2NoiseProtocols.plain } });
    expect(Object.keys(JSON.parse(String(r.responder.hello)))).toEqual(['type', 'v', 'protocol', 'd']);
  });

  it('completes with the same network key, naming XXpsk0', async () => {
    const psk = randomBytes(32);
    const r = await run({ initiator: { psk }, responder: { psk } });
    const i = outcomeOf(r.initiator.result);
    const s = outcomeOf(r.responder.result);
    expect(parseLinkFrame(r.responder.hello)).toMatchObject({ ok: true, value: { protocol: v2NoiseProtocols.psk } });
    expect(s.receive.decrypt(i.send.encrypt(Buffer.from('with a password')))).toEqual(Buffer.from('with a password'));
  });

  it('fails with a different network key: the responder says why (its fault), the initiator sees the connection closed', async () => {
    const r = await run({ initiator: { psk: randomBytes(32) }, responder: { psk: randomBytes(32) } });
    const refused = failure(r.responder.result);
    expect(refused.message).toMatch(/^handshake failed: message 1: .*\(a different network password, or network salt\?\)$/);
    expect(refused.strike).toBe(true);
    const closed = failure(r.initiator.result);
    expect(closed.message).toBe('the peer closed the connection during the handshake');
    expect(closed.strike).toBe(false);
  });

  it('fails when one side has a password and the other none, saying which', async () => {
    const withOne = await run({ initiator: { psk: randomBytes(32) } });
    expect(failure(withOne.responder.result).message).toBe('the peer has a network password and this node has none');
    expect(withOne.initiator.result.ok).toBe(false);
    const withNone = await run({ responder: { psk: randomBytes(32) } });
    expect(failure(withNone.responder.result).message).toBe('the peer has no network password and this node has one');
    expect(withNone.initiator.result.ok).toBe(false);
  });

  it('refuses an initiator whose identity signature does not cover its Noise static key', async () => {
    const r = await run({ initiator: { identity: forgedIdentity('Mallory', 4001) } });
    const refused = failure(r.responder.result);
    expect(refused.message).toBe('identity signature does not cover the Noise static key');
    expect(refused.strike).toBe(true);
    expect(refused.impostorFor).toBeUndefined();
  });

  it('refuses a responder whose identity signature does not cover its Noise static key, before sending its own identity', async () => {
    const r = await run({ responder: { identity: forgedIdentity('Mallory', 4002) } });
    expect(failure(r.initiator.result).message).toBe('identity signature does not cover the Noise static key');
    // message 3 (the initiator's identity) never went out
    expect(failure(r.responder.result).message).toBe('the peer closed the connection during the handshake');
  });

  it('refuses a peer that shows another node\'s key (it cannot sign with it)', async () => {
    const victim = newLinkIdentity('Victim', 4001);
    const mallory = newLinkIdentity('Mallory', 4001);
    const claiming: LinkIdentity = { ...mallory, nodeId: victim.nodeId, payload: { ...mallory.payload, key: victim.payload.key } };
    const r = await run({ initiator: { identity: claiming } });
    expect(failure(r.responder.result).message).toBe('identity signature does not cover the Noise static key');
  });

  it('refuses a dialled node that is not the node announced there, naming both', async () => {
    const announced = newNodeKey().nodeId;
    const r = await run({ expectNodeId: announced });
    const refused = failure(r.initiator.result);
    expect(refused.message).toBe(`the node at 127.0.0.2 is ${r.responder.identity.nodeId}, not ${announced} as announced`);
    // not held against the address: the announcement lied, the node there may be honest
    expect(refused.strike).toBe(false);
    expect(refused.impostorFor).toBe(announced);
    expect(r.responder.result.ok).toBe(false);
  });

  it('completes when the dialled node is the one announced', async () => {
    const responder = newLinkIdentity('Bob', 4002);
    const r = await run({ responder: { identity: responder }, expectNodeId: responder.nodeId });
    expect(outcomeOf(r.initiator.result).peer.nodeId).toBe(responder.nodeId);
  });

  it('gives up on a node that dialled itself, without counting it against the address', async () => {
    const self = newLinkIdentity('Self', 4001);
    const r = await run({ initiator: { identity: self }, responder: { identity: self } });
    const refused = failure(r.initiator.result);
    expect(refused.message).toBe('dialled this node itself');
    expect(refused.strike).toBe(false);
  });

  it('gives up on a peer that does not answer in time', async () => {
    const p = await pair();
    const error = await initiateHandshake(p.client, options(newLinkIdentity(), { timeoutMs: 200 })).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(HandshakeError);
    expect((error as HandshakeError).message).toBe('handshake not done within 200 ms');
  });

  it('refuses a hello that is garbage, another frame, or another protocol', async () => {
    const respond = async (hello: string) => {
      const p = await pair();
      return respondHandshake(p.server, Buffer.from(hello), new LineReader(1024), options(newLinkIdentity())).catch((err: Error) => err.message);
    };
    expect(await respond('garbage')).toMatch(/^bad hello: invalid JSON/);
    expect(await respond('{"type":"handshake","d":""}')).toBe('bad hello: a handshake frame');
    expect(await respond('{"type":"hello","v":2,"protocol":"Noise_NN_25519_AESGCM_SHA256","d":""}')).toMatch(/^bad hello: protocol: /);
    expect(await respond(`{"type":"hello","v":2,"protocol":"${v2NoiseProtocols.plain}","d":"AAAA"}`)).toMatch(/^handshake failed: message 1: message is 3 bytes/);
  });

  it('refuses garbage, a frame of another type, or an oversize line in place of message 3', async () => {
    const third = async (line: string | Buffer, maxFrameBytes = 1024 ** 2) => {
      const p = await pair();
      const hs = new XXHandshake({ initiator: true, staticKeyPair: generateX25519KeyPair(), prologue: Buffer.from(V2.linkPrologue) });
      const hello = Buffer.from(JSON.stringify({ type: 'hello', v: 2, protocol: hs.protocolName, d: hs.writeMessage().toString('base64') }));
      const responding = respondHandshake(p.server, hello, new LineReader(maxFrameBytes), options(newLinkIdentity(), { maxFrameBytes })).catch((err: Error) => err.message);
      await nextLines(p.client, new LineReader(1024 ** 2));
      p.client.write(line);
      return responding;
    };
    expect(await third('not json\n')).toMatch(/^bad handshake frame: invalid JSON/);
    expect(await third(`{"type":"hello","v":2,"protocol":"${v2NoiseProtocols.plain}","d":""}\n`)).toBe('expected a handshake frame, got hello');
    expect(await third('{"type":"handshake","d":"AAAA"}\n')).toMatch(/^handshake failed: message 3: /);
    expect(await third(Buffer.alloc(5000, 0x41), 4096)).toBe('handshake frame over 4096 bytes');
  });

  it('hands the frames that came with message 3 to the link (pending), in order', async () => {
    const p = await pair();
    const me = newNodeKey();
    const staticKeyPair = generateX25519KeyPair();
    const hs = new XXHandshake({ initiator: true, staticKeyPair, prologue: Buffer.from(V2.linkPrologue) });
    const reader = new LineReader(1024 ** 2);
    p.client.write(`${JSON.stringify({ type: 'hello', v: 2, protocol: hs.protocolName, d: hs.writeMessage().toString('base64') })}\n`);
    const [hello] = await nextLines(p.server, reader);
    const responding = respondHandshake(p.server, hello!, reader, options(newLinkIdentity()));
    const [message2] = await nextLines(p.client, new LineReader(1024 ** 2));
    hs.readMessage(Buffer.from((JSON.parse(String(message2)) as { d: string }).d, 'base64'));
    const payload = encodeIdentityPayload(signIdentityPayload(me.privateKey, staticKeyPair.publicKey, { name: 'Quick', port: 4001 }));
    const message3 = Buffer.from(`${JSON.stringify({ type: 'handshake', d: hs.writeMessage(payload).toString('base64') })}\n`);
    const { send } = hs.split();
    const frames = ['{"type":"ping"}', '{"type":"close","reason":"just a test"}'].map((t) => encodeSealedFrame(send.encrypt(Buffer.from(t))));
    // one write: on loopback, one read on the other side
    p.client.write(Buffer.concat([message3, ...frames]));
    const outcome = await responding;
    expect(outcome.peer).toMatchObject({ nodeId: me.nodeId, name: 'Quick', port: 4001 });
    expect(outcome.pending.map((line) => String(outcome.receive.decrypt(Buffer.from((JSON.parse(String(line)) as { d: string }).d, 'base64'))))).toEqual([
      '{"type":"ping"}',
      '{"type":"close","reason":"just a test"}',
    ]);
  });
});
