import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pb } from '../events.ts';
import { fingerprintOf, nodeIdOf, v1IdOf } from '../identity.ts';
import { canonicalJson } from './jcs.ts';
import { encodeV1, parseV1Message, v1ToWireMessage } from './v1.ts';
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
  publicKeyFromRaw,
  rawPublicKey,
  signIdentityPayload,
  signV2Message,
  V2,
  v2NoiseProtocols,
  v2ToV1,
  v2ToWireMessage,
  verifyIdentityPayload,
  verifyV2Message,
  wireMessageToV2,
  type V2Announcement,
  type V2Chat,
  type V2FileChunk,
  type V2InnerFrame,
  type V2Message,
} from './v2.ts';

const ed25519 = (byte: number): KeyObject =>
  createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, byte)]), format: 'der', type: 'pkcs8' });
const alice = ed25519(1);
const bob = ed25519(2);
const aliceKey = rawPublicKey(alice).toString('base64');
const aliceId = nodeIdOf(rawPublicKey(alice));
const bobKey = rawPublicKey(bob).toString('base64');
const bobId = nodeIdOf(rawPublicKey(bob));

const T = 1764072000.123;
const nowMs = T * 1000;

const chat = (over: Partial<V2Chat> = {}): V2Chat => ({
  type: 'chat', message_id: 'm-1', sender_id: aliceId, sender_name: 'Alice', timestamp: T, content: 'hello "mesh" é 👋\n', hop_limit: 7, hops: 0, ...over,
});
const fileBytes = Buffer.from('hello, mesh\n');
const chunk = (over: Partial<V2FileChunk> = {}): V2FileChunk => ({
  type: 'file_chunk', message_id: 'm-2', sender_id: aliceId, sender_name: 'Alice', timestamp: T, content: null, file_id: 'f-1', chunk_index: 0,
  chunk_data: fileBytes.toString('base64'),
  file_metadata: { filename: 'note.txt', file_size: 12, file_hash: '380e790976864dc849fdf24aae1111da8f7fdc10ed5c3d651f7799e7138a6e3f', total_chunks: 1 },
  hop_limit: 7, hops: 0, ...over,
});

const announcement = (over: Partial<V2Announcement> = {}): V2Announcement => ({
  type: 'discovery', node_id: v1IdOf(aliceId), node_name: 'Alice', ip: '127.0.0.2', port: 9999, timestamp: T,
  v: 2, id: aliceId, key: aliceKey, dialects: ['v1', 'v2'], discovery_port: 10000, ...over,
});

const reasonOf = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);
const json = (v: unknown) => JSON.stringify(v);

describe('V2 constants', () => {
  it('are the documented ones', () => {
    expect(V2).toMatchObject({
      discoveryPort: 10000, maxFrameBytes: 1024 * 1024, maxDatagramBytes: 1024, defaultHopLimit: 7, maxHopLimit: 16, messageWindowMs: 600_000, maxPeerList: 64,
      linkPrologue: 'meshwork-v2', staticKeyContext: 'meshwork-v2-link-static:', messageContext: 'meshwork-v2-message\n',
    });
  });

  it('maxInnerFrameBytes is the largest plaintext whose sealed frame fits a link frame', () => {
    const sealedLine = (plain: number) => json({ type: 'sealed', d: Buffer.alloc(plain + 16).toString('base64') }).length;
    expect(sealedLine(V2.maxInnerFrameBytes)).toBeLessThanOrEqual(V2.maxFrameBytes);
    expect(sealedLine(V2.maxInnerFrameBytes + 1)).toBeGreaterThan(V2.maxFrameBytes);
  });
});

describe('discovery', () => {
  it('round trips a v2 announcement, with and without salt', () => {
    for (const a of [announcement(), announcement({ salt: Buffer.alloc(16, 9).toString('base64') })]) {
      const parsed = parseDiscovery(encodeV2Announcement(a));
      expect(parsed).toEqual({ ok: true, value: a });
      expect(parsed.ok && isV2Announcement(parsed.value)).toBe(true);
    }
  });

  it('writes the fields in the documented order, v1 fields first', () => {
    expect(Object.keys(JSON.parse(encodeV2Announcement(announcement({ salt: 'AAAAAAAAAAAAAAAAAAAAAA==' })).toString()))).toEqual([
      'type', 'node_id', 'node_name', 'ip', 'port', 'timestamp', 'v', 'id', 'key', 'dialects', 'discovery_port', 'salt',
    ]);
  });

  it('reads an original node\'s datagram as a v1 announcement', () => {
    const datagram = readFileSync(new URL('../../vectors/v1/discovery.datagram.json', import.meta.url));
    const parsed = parseDiscovery(datagram);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && isV2Announcement(parsed.value)).toBe(false);
    expect(parsed.ok && parsed.value).toMatchObject({ node_id: '152c9256', port: 9999 });
  });

  it('refuses a v2 announcement that breaks a v2 rule (and does not read it as v1)', () => {
    const cases: Array<[object, string]> = [
      [announcement({ node_id: 'abcdefgh' }), 'node_id: must be the first 8 characters of id'],
      [announcement({ id: bobId, node_id: v1IdOf(bobId) }), 'id: is not the node id of key'],
      [announcement({ key: Buffer.alloc(31).toString('base64') }), 'key: not the canonical base64 of 32 bytes (an Ed25519 public key)'],
      [announcement({ salt: Buffer.alloc(15).toString('base64') }), 'salt: not the canonical base64 of 16 bytes (a network salt)'],
      [announcement({ id: aliceId.toUpperCase() }), 'id: not a v2 node id (32 base32 characters)'],
      [announcement({ v: 1 }), 'v: Too small: expected number to be >=2'],
      [announcement({ dialects: [] }), 'dialects: Too small: expected array to have >=1 items'],
      [announcement({ discovery_port: 0 }), 'discovery_port: Too small: expected number to be >=1'],
      [{ ...announcement(), key: undefined }, 'key: Invalid input: expected string, received undefined'],
      [{ type: 'discovery', node_id: 'abcd1234', node_name: 'x', ip: '127.0.0.2', port: 1, timestamp: 1, v: 2 }, 'id: Invalid input: expected string, received undefined'],
    ];
    for (const [datagram, reason] of cases) expect(reasonOf(parseDiscovery(json(datagram))), reason).toBe(reason);
  });

  it('refuses a key in a non-canonical spelling (unused bits set)', () => {
    const key = `${aliceKey.slice(0, 42)}${String.fromCharCode(aliceKey.charCodeAt(42) + 1)}=`;
    expect(Buffer.from(key, 'base64').equals(Buffer.from(aliceKey, 'base64'))).toBe(true);
    expect(parseDiscovery(json(announcement({ key }))).ok).toBe(false);
  });

  it('refuses datagrams over 1024 bytes and what is not a discovery', () => {
    expect(reasonOf(parseDiscovery(Buffer.alloc(1025, 0x20)))).toBe('oversize: 1025 bytes (max 1024)');
    expect(reasonOf(parseDiscovery(json({ type: 'chat' })))).toBe('unsupported type "chat"');
    expect(reasonOf(parseDiscovery('[]'))).toBe('not a JSON object with a "type"');
  });

  it('shortens node_name by whole code points to fit 1024 bytes, and nothing else', () => {
    // each '😀' is 4 bytes (2 UTF-16 units), each \u0001 is written as 6 bytes
    const name = '😀\u0001'.repeat(85);
    const a = announcement({ node_name: name, salt: Buffer.alloc(16, 1).toString('base64') });
    const bytes = encodeV2Announcement(a);
    expect(bytes.byteLength).toBeLessThanOrEqual(1024);
    const parsed = parseDiscovery(bytes);
    if (!parsed.ok) throw new Error(parsed.reason);
    const sent = parsed.value.node_name;
    expect(sent.length).toBeGreaterThan(0);
    expect(name.startsWith(sent)).toBe(true);
    expect(/[\uD800-\uDBFF]$/.test(sent)).toBe(false);
    expect(parsed.value).toEqual({ ...a, node_name: sent });
    // one more code point would not have fitted
    const next = Array.from(name).slice(0, Array.from(sent).length + 1).join('');
    expect(Buffer.byteLength(json({ ...a, node_name: next }))).toBeGreaterThan(1024);
  });

  it('keeps a name that fits, and throws when the other fields alone do not fit', () => {
    expect(JSON.parse(encodeV2Announcement(announcement({ node_name: 'é'.repeat(256) })).toString()).node_name).toBe('é'.repeat(256));
    expect(() => encodeV2Announcement(announcement({ dialects: Array.from({ length: 80 }, () => 'x'.repeat(16)) }))).toThrow(RangeError);
  });
});

describe('link frames', () => {
  const hello = { type: 'hello', v: 2, protocol: v2NoiseProtocols.psk, d: Buffer.alloc(48, 3).toString('base64') } as const;
  const handshake = { type: 'handshake', d: Buffer.alloc(200, 4).toString('base64') } as const;
  const sealed = { type: 'sealed', d: Buffer.alloc(40, 5).toString('base64') } as const;

  it('round trip as lines through encodeLinkFrame and parseLinkFrame', () => {
    for (const frame of [hello, handshake, sealed, { ...hello, protocol: v2NoiseProtocols.plain }]) {
      const line = encodeLinkFrame(frame);
      expect(line.at(-1)).toBe(0x0a);
      expect(line.subarray(0, -1).includes(0x0a)).toBe(false);
      expect(parseLinkFrame(line.subarray(0, -1))).toEqual({ ok: true, value: frame });
    }
  });

  it('refuse, with a reason, what is not a link frame', () => {
    const cases: Array<[string | Buffer, string]> = [
      [json({ type: 'chat', content: 'x' }), 'unsupported type "chat"'],
      [json({ ...hello, v: 3 }), 'v: Invalid input: expected 2'],
      [json({ ...hello, protocol: 'Noise_NN_25519_AESGCM_SHA256' }), 'protocol: not a Noise protocol this node speaks'],
      [json({ ...handshake, d: 'not base64!' }), 'd: not canonical standard base64'],
      [json({ ...handshake, d: Buffer.alloc(65536).toString('base64') }), 'd: Too big: expected string to have <=87380 characters'],
      [json({ ...sealed, d: 'AAAA' }), 'd: Too small: expected string to have >=24 characters'],
      [json({ ...sealed, d: `${sealed.d.slice(0, -4)}A=A=` }), 'd: not standard base64'],
      [json({ type: 'sealed' }), 'd: Invalid input: expected string, received undefined'],
      [Buffer.from([0x7b, 0xff, 0x7d]), 'not UTF-8'],
      ['"hello"', 'not a JSON object with a "type"'],
      [`{"type":"sealed","x":${'['.repeat(17)}${']'.repeat(17)}}`, 'nested deeper than 16 levels'],
      ['{"type":"sealed","d":"\ud800"}', 'not well-formed Unicode (a lone surrogate)'],
      ['{"type":"sealed","d":"\\ud800"}', 'not well-formed Unicode (an escaped lone surrogate)'],
      [json({ type: ['hello'] }), 'unsupported type of kind array'],
    ];
    for (const [line, reason] of cases) expect(reasonOf(parseLinkFrame(line)), String(line).slice(0, 60)).toBe(reason);
    expect(reasonOf(parseLinkFrame('{"type":"hello"'))).toMatch(/^invalid JSON: /);
  });

  it('refuse lines over maxFrameBytes, and encodeLinkFrame will not write one', () => {
    const d = Buffer.alloc(786_414).toString('base64');
    expect(parseLinkFrame(json({ type: 'sealed', d })).ok).toBe(true);
    expect(reasonOf(parseLinkFrame(json({ type: 'sealed', d: `${d}AAAA` })))).toBe(`oversize: ${V2.maxFrameBytes + 4} bytes (max ${V2.maxFrameBytes})`);
    expect(() => encodeLinkFrame({ type: 'sealed', d: `${d}AAAA` })).toThrow(RangeError);
  });

  it('take deep nesting inside strings as text, not as nesting', () => {
    expect(parseLinkFrame(json({ type: 'handshake', d: 'AAAA', note: '['.repeat(1000), q: '\\"[[[[' })).ok).toBe(true);
  });

  it('drop fields they do not know', () => {
    expect(parseLinkFrame(json({ ...handshake, extra: { a: 1 } }))).toEqual({ ok: true, value: handshake });
  });
});

describe('inner frames', () => {
  const peer = (key: KeyObject, host = '127.0.0.3') => ({ id: nodeIdOf(rawPublicKey(key)), key: rawPublicKey(key).toString('base64'), host, port: 9999, name: 'P' });

  it('round trip chat, file_chunk, peer_list, ping and close through encodeInnerFrame', () => {
    const frames: V2InnerFrame[] = [
      chat(), signV2Message(chat(), alice), chunk(), signV2Message(chunk(), alice), { type: 'ping' }, { type: 'close', reason: 'bye' },
      { type: 'peer_list', peers: [peer(alice), peer(bob, '127.0.0.4')] }, { type: 'peer_list', peers: [] },
    ];
    for (const frame of frames) expect(parseInnerFrame(encodeInnerFrame(frame)), frame.type).toEqual({ ok: true, value: frame });
  });

  it('refuse, with a reason, what breaks a rule', () => {
    // "hello, mesh" (11 bytes) is aGVsbG8sIG1lc2g=; with the unused bits of its last character set, it decodes the same
    const eleven = (chunk_data: string) => ({ ...chunk(), chunk_data, file_metadata: { ...chunk().file_metadata, file_size: 11 } });
    expect(parseInnerFrame(json(eleven('aGVsbG8sIG1lc2g='))).ok).toBe(true);
    expect(Buffer.from('aGVsbG8sIG1lc2h=', 'base64').toString()).toBe('hello, mesh');
    const signed = signV2Message(chat(), alice);
    const cases: Array<[unknown, string]> = [
      [{ type: 'peer_list', peers: Array.from({ length: 65 }, () => peer(alice)) }, 'peers: Too big: expected array to have <=64 items'],
      [{ type: 'peer_list', peers: [{ ...peer(alice), id: bobId }] }, 'peers.0.id: is not the node id of key'],
      [{ type: 'peer_list', peers: [peer(alice, '::1')] }, 'peers.0.host: not an IPv4 address'],
      [{ type: 'peer_list', peers: [{ ...peer(alice), port: 70000 }] }, 'peers.0.port: Too big: expected number to be <=65535'],
      [{ type: 'close', reason: 'x'.repeat(257) }, 'reason: Too big: expected string to have <=256 characters'],
      [{ type: 'file_request' }, 'unsupported type "file_request"'],
      [{ ...chat(), hop_limit: undefined }, 'hop_limit: Invalid input: expected number, received undefined'],
      [{ ...chat(), hops: -1 }, 'hops: Too small: expected number to be >=0'],
      [{ ...chat(), hop_limit: 0 }, 'hop_limit: Too small: expected number to be >=1'],
      [{ ...chat(), hops: 1.5 }, 'hops: Invalid input: expected int, received number'],
      [{ ...signed, origin_key: Buffer.alloc(33).toString('base64') }, 'origin_key: not the canonical base64 of 32 bytes (an Ed25519 public key)'],
      [{ ...signed, signature: Buffer.alloc(63).toString('base64') }, 'signature: not the canonical base64 of 64 bytes (an Ed25519 signature)'],
      [{ ...chunk(), content: undefined }, 'content: Invalid input: expected null, received undefined'],
      [{ ...chunk(), file_metadata: { ...chunk().file_metadata, file_hash: 'A'.repeat(64) } }, 'file_metadata.file_hash: not a lowercase sha256 hex digest'],
      [eleven('aGVsbG8sIG1lc2h='), 'chunk_data: not canonical standard base64'],
      [{ ...chunk(), chunk_data: 'aGVsbG8sIG1lc2g=' }, 'chunk_data: expected 12 bytes for chunk 0'],
      [{ ...chunk(), chunk_index: 1 }, 'chunk_index: must be below total_chunks 1'],
      [{ ...chunk(), file_metadata: { ...chunk().file_metadata, total_chunks: 2 } }, 'file_metadata.total_chunks: expected 1 for file_size 12'],
      [{ ...chunk(), chunk_data: Buffer.alloc(8196).toString('base64') }, 'chunk_data: Too big: expected string to have <=10924 characters'],
    ];
    for (const [frame, reason] of cases) expect(reasonOf(parseInnerFrame(json(frame))), reason).toBe(reason);
  });

  it('refuse plaintexts over maxInnerFrameBytes, and encodeInnerFrame will not make one', () => {
    const big = chat({ content: 'x'.repeat(V2.maxInnerFrameBytes) });
    expect(reasonOf(parseInnerFrame(json(big)))).toMatch(/^oversize: \d+ bytes \(max 786398\)$/);
    expect(() => encodeInnerFrame(big)).toThrow(RangeError);
  });

  it('drop fields they do not know', () => {
    expect(parseInnerFrame(json({ ...chat(), future: [1, 2], priority: 'high' }))).toEqual({ ok: true, value: chat() });
  });
});

describe('identity payload', () => {
  const staticKey = () => createPublicKey(generateKeyPairSync('x25519').privateKey).export({ format: 'der', type: 'spki' }).subarray(12);

  it('is signed over the Noise static key and round trips', () => {
    const s = staticKey();
    const payload = signIdentityPayload(alice, s, { name: 'Alice', port: 9999 });
    expect(payload.key).toBe(aliceKey);
    const parsed = parseIdentityPayload(encodeIdentityPayload(payload));
    expect(parsed).toEqual({ ok: true, value: payload });
    expect(verifyIdentityPayload(payload, s)).toEqual({ ok: true, nodeId: aliceId });
  });

  it('does not verify for another static key, another identity key or an altered signature', () => {
    const s = staticKey();
    const payload = signIdentityPayload(alice, s, { name: 'Alice', port: 9999 });
    const refused = { ok: false, reason: 'identity signature does not cover the Noise static key' };
    expect(verifyIdentityPayload(payload, staticKey())).toEqual(refused);
    expect(verifyIdentityPayload({ ...payload, key: bobKey }, s)).toEqual(refused);
    const sig = Buffer.from(payload.sig, 'base64');
    sig[10]! ^= 1;
    expect(verifyIdentityPayload({ ...payload, sig: sig.toString('base64') }, s)).toEqual(refused);
  });

  it('refuses what is not a payload', () => {
    expect(reasonOf(parseIdentityPayload('[]'))).toBe('not a JSON object');
    expect(reasonOf(parseIdentityPayload(json({ key: aliceKey, sig: 'x', name: 'A', port: 1 })))).toBe('sig: not the canonical base64 of 64 bytes (an Ed25519 signature)');
    expect(reasonOf(parseIdentityPayload(json({ key: aliceKey, sig: Buffer.alloc(64).toString('base64'), name: 'A' })))).toBe('port: Invalid input: expected number, received undefined');
    expect(reasonOf(parseIdentityPayload(Buffer.alloc(4097, 0x20)))).toBe('oversize: 4097 bytes (max 4096)');
  });
});

describe('message signatures', () => {
  it('signs what the documentation says: context + JCS without hops and signature', () => {
    const signed = signV2Message(chat({ hops: 3 }), alice);
    const { hops: _hops, signature: _signature, ...rest } = signed;
    expect(messageSigningBytes(signed).toString()).toBe(`meshwork-v2-message\n${canonicalJson(rest)}`);
    expect(signed.origin_key).toBe(aliceKey);
    expect(Buffer.from(signed.signature, 'base64').byteLength).toBe(64);
  });

  it('leaves out fields this version does not define', () => {
    const m = chat();
    expect(messageSigningBytes({ ...m, extra: 1 } as V2Message).equals(messageSigningBytes(m))).toBe(true);
  });

  it('verifies signed chats and file chunks, and again when replayed (replays are the seen-cache\'s to drop)', () => {
    for (const m of [signV2Message(chat(), alice), signV2Message(chunk(), alice)]) {
      expect(verifyV2Message(m, { nowMs })).toEqual({ ok: true, authenticated: true });
      expect(verifyV2Message(structuredClone(m), { nowMs })).toEqual({ ok: true, authenticated: true });
    }
  });

  it('still verifies with hops changed, since hops is not signed', () => {
    const m = signV2Message(chat(), alice);
    for (const hops of [1, 5, 6]) expect(verifyV2Message({ ...m, hops }, { nowMs })).toEqual({ ok: true, authenticated: true });
    expect(reasonOf(verifyV2Message({ ...m, hops: 7 }, { nowMs }))).toBe('hops 7 reached hop_limit 7');
  });

  /** Every signed field of m, altered by one byte (a character, or a number by one step). */
  function alterations(m: V2Message): Array<[string, V2Message]> {
    const out: Array<[string, V2Message]> = [];
    const alter = (v: unknown): unknown => {
      if (typeof v === 'number') return Number.isInteger(v) ? (v > 1 ? v - 1 : v + 1) : v + 0.001;
      if (typeof v === 'string') {
        const at = Math.floor(v.length / 2);
        const c = v[at] === 'A' ? 'B' : 'A';
        return v.slice(0, at) + c + v.slice(at + 1);
      }
      return v;
    };
    for (const [key, value] of Object.entries(m)) {
      // (type is signed too, but a message of another type is refused by the parser first)
      if (key === 'type' || key === 'hops' || key === 'signature' || value === null) continue;
      if (typeof value === 'object') {
        for (const [inner, innerValue] of Object.entries(value)) out.push([`${key}.${inner}`, { ...m, [key]: { ...value, [inner]: alter(innerValue) } } as V2Message]);
      } else {
        out.push([key, { ...m, [key]: alter(value) } as V2Message]);
      }
    }
    return out;
  }

  it('refuses a message with one altered byte in any signed field', () => {
    for (const m of [signV2Message(chat(), alice), signV2Message(chunk(), alice)]) {
      const altered = alterations(m);
      expect(altered.length).toBe(m.type === 'chat' ? 7 : 13);
      for (const [field, changed] of altered) {
        const expected = field === 'sender_id' || field === 'origin_key' ? 'sender_id does not match origin_key' : 'bad signature';
        expect(reasonOf(verifyV2Message(changed, { nowMs })), `${m.type} ${field}`).toBe(expected);
      }
    }
  });

  it('refuses an altered signature, and a signature by another key', () => {
    const m = signV2Message(chat(), alice);
    const sig = Buffer.from(m.signature, 'base64');
    sig[63]! ^= 0x01;
    expect(reasonOf(verifyV2Message({ ...m, signature: sig.toString('base64') }, { nowMs }))).toBe('bad signature');
    const byBob = signV2Message(chat({ sender_id: bobId }), bob);
    expect(reasonOf(verifyV2Message({ ...byBob, sender_id: aliceId, origin_key: aliceKey }, { nowMs }))).toBe('bad signature');
    expect(reasonOf(verifyV2Message({ ...m, origin_key: byBob.origin_key, sender_id: bobId }, { nowMs }))).toBe('bad signature');
  });

  it('refuses a message outside the time window, either way', () => {
    const m = signV2Message(chat(), alice);
    expect(reasonOf(verifyV2Message(m, { nowMs: nowMs + 700_000 }))).toBe('timestamp 700 s in the past (window 600 s)');
    expect(reasonOf(verifyV2Message(m, { nowMs: nowMs - 700_000 }))).toBe('timestamp 700 s in the future (window 600 s)');
    expect(verifyV2Message(m, { nowMs: nowMs + 600_000 }).ok).toBe(true);
    expect(verifyV2Message(m, { nowMs: nowMs - 600_000 }).ok).toBe(true);
    expect(reasonOf(verifyV2Message(m, { nowMs: nowMs + 61_000, windowMs: 60_000 }))).toBe('timestamp 61 s in the past (window 60 s)');
  });

  it('refuses a signed hop_limit outside 1..16', () => {
    for (const hop_limit of [0, 17]) {
      const m = signV2Message(chat({ hop_limit }), alice);
      expect(reasonOf(verifyV2Message(m, { nowMs }))).toBe(`hop_limit ${hop_limit} out of 1..16`);
    }
    expect(verifyV2Message(signV2Message(chat({ hop_limit: 16, hops: 15 }), alice), { nowMs }).ok).toBe(true);
  });

  it('refuses, without throwing, a message JCS cannot encode (a lone surrogate, which no parser lets through)', () => {
    const m = signV2Message(chat(), alice);
    expect(reasonOf(verifyV2Message({ ...m, content: 'x\ud800' }, { nowMs }))).toBe('cannot be canonicalized: JCS cannot encode a string with a lone surrogate');
    expect(() => signV2Message(chat({ content: '\udc00' }), alice)).toThrow(TypeError);
  });

  it('refuses half-signed messages', () => {
    const m = signV2Message(chat(), alice);
    expect(reasonOf(verifyV2Message({ ...m, signature: undefined }, { nowMs }))).toBe('origin_key without signature');
    expect(reasonOf(verifyV2Message({ ...m, origin_key: undefined }, { nowMs }))).toBe('signature without origin_key');
  });

  it('takes an unsigned (v1) message as unauthenticated, with its hop count checked and no time window', () => {
    const v1 = chat({ sender_id: '152c9256', timestamp: 1 });
    expect(verifyV2Message(v1, { nowMs })).toEqual({ ok: true, authenticated: false });
    expect(reasonOf(verifyV2Message({ ...v1, hops: 8 }, { nowMs }))).toBe('hops 8 reached hop_limit 7');
    expect(reasonOf(verifyV2Message({ ...v1, hop_limit: 20 }, { nowMs }))).toBe('hop_limit 20 out of 1..16');
  });

  it('refuses an unsigned message that claims a v2 node id', () => {
    expect(reasonOf(verifyV2Message(chat(), { nowMs }))).toBe('unsigned, but sender_id is a v2 node id');
  });

  it('will not sign a message whose sender_id is not the key\'s node id', () => {
    expect(() => signV2Message(chat({ sender_id: bobId }), alice)).toThrow(TypeError);
    expect(() => signV2Message(chat(), generateKeyPairSync('x25519').privateKey)).toThrow(TypeError);
  });

  it('keeps public KeyObjects in a bounded cache, most recently used kept', () => {
    const first = publicKeyFromRaw(aliceKey);
    expect(publicKeyFromRaw(rawPublicKey(alice))).toBe(first);
    for (let i = 0; i < 1100; i++) {
      const raw = Buffer.alloc(32, 0);
      raw.writeUInt32LE(i + 1, 0);
      publicKeyFromRaw(raw);
      if (i % 100 === 0) publicKeyFromRaw(aliceKey);
    }
    expect(publicKeyFromRaw(aliceKey)).toBe(first);
    for (let i = 0; i < 1100; i++) {
      const raw = Buffer.alloc(32, 1);
      raw.writeUInt32LE(i + 1, 0);
      publicKeyFromRaw(raw);
    }
    expect(publicKeyFromRaw(aliceKey)).not.toBe(first);
    expect(() => publicKeyFromRaw(Buffer.alloc(31))).toThrow(RangeError);
  });
});

describe('bus events and v1', () => {
  const throughProtobuf = (m: ReturnType<typeof v2ToWireMessage>) => pb.WireMessage.decode(pb.WireMessage.encode(m).finish());

  it('convert losslessly both ways, through protobuf too, and signatures still verify', () => {
    for (const m of [signV2Message(chat(), alice), signV2Message(chunk({ hops: 3 }), alice), chat({ sender_id: '152c9256', hops: 2 }), chunk({ sender_id: '152c9256' })]) {
      const event = v2ToWireMessage(m);
      expect(wireMessageToV2(event)).toEqual(m);
      const back = wireMessageToV2(throughProtobuf(event));
      expect(back).toEqual(m);
      expect(json(back)).toBe(json(m));
      expect(verifyV2Message(back, { nowMs }).ok, m.sender_id).toBe(true);
    }
  });

  it('carry raw chunk bytes on the bus and base64 on the wire', () => {
    const event = v2ToWireMessage(signV2Message(chunk(), alice));
    expect(Buffer.from(event.fileChunk!.data!).equals(fileBytes)).toBe(true);
    expect(Buffer.from(event.fileChunk!.originKey!).toString('base64')).toBe(aliceKey);
    expect(event.fileChunk!.signature!.byteLength).toBe(64);
    expect(event.fileChunk!.hopLimit).toBe(7);
  });

  it('give a v1 message from the bus hop_limit 7, hops 0 and no signature', () => {
    const v1 = parseV1Message(readFileSync(new URL('../../vectors/v1/chat.plain.tcp.json', import.meta.url)));
    if (!v1.ok) throw new Error(v1.reason);
    const v = wireMessageToV2(throughProtobuf(v1ToWireMessage(v1.value)));
    expect(v).toEqual({ ...v1.value, hop_limit: 7, hops: 0 });
    expect('origin_key' in v || 'signature' in v).toBe(false);
    expect(verifyV2Message(v, { nowMs })).toEqual({ ok: true, authenticated: false });
  });

  it('throw on a bus message with neither body', () => {
    expect(() => wireMessageToV2({})).toThrow(TypeError);
  });

  it('write a v2 message for an original node: v2 fields dropped, sender_id its v1 id', () => {
    const m = signV2Message(chunk({ hops: 2 }), alice);
    const v1 = v2ToV1(m);
    expect(v1).toEqual({
      type: 'file_chunk', message_id: 'm-2', sender_id: v1IdOf(aliceId), sender_name: 'Alice', timestamp: T, content: null, file_id: 'f-1', chunk_index: 0,
      chunk_data: m.chunk_data, file_metadata: m.file_metadata,
    });
    expect(parseV1Message(encodeV1(v1))).toEqual({ ok: true, value: v1 });
    expect(Object.keys(v2ToV1(signV2Message(chat(), alice)))).toEqual(['type', 'message_id', 'sender_id', 'sender_name', 'timestamp', 'content']);
    expect(v2ToV1(chat({ sender_id: '152c9256' })).sender_id).toBe('152c9256');
    expect(fingerprintOf(aliceId).replaceAll('-', '').startsWith(v2ToV1(m).sender_id)).toBe(true);
  });
});

describe('chat size', () => {
  it('refuses a v2 chat whose text an original node could not take in one message', async () => {
    const { parseInnerFrame: parse, MAX_CHAT_CONTENT_BYTES: max } = await import('./v2.ts');
    const frame = (content: string) => JSON.stringify({ type: 'chat', message_id: 'm1', sender_id: 'abcd1234', sender_name: 'A', timestamp: 1, content, hop_limit: 7, hops: 0 });
    expect(parse(frame('x'.repeat(max))).ok).toBe(true);
    const over = parse(frame('é'.repeat(max / 2 + 1)));
    expect(over).toEqual({ ok: false, reason: `content: content over ${max} bytes` });
  });
});
