// Every example in docs/protocol.md is real: each fenced json block parses with the parser of
// the kind named in the comment before it, and every signature in it verifies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bobPort, examplePsk, keys, noiseKeys, prologue, withExamples } from '../scripts/protocol-examples.ts';
import { fingerprintOf, nodeIdOf, v1IdOf } from './identity.ts';
import { XXHandshake } from './wire/noise.ts';
import {
  encodeIdentityPayload,
  encodeV2Announcement,
  isV2Announcement,
  messageSigningBytes,
  parseDiscovery,
  parseIdentityPayload,
  parseInnerFrame,
  parseLinkFrame,
  rawPublicKey,
  signIdentityPayload,
  verifyIdentityPayload,
  verifyV2Message,
  type V2Message,
} from './wire/v2.ts';
import { parseV1Message, type Parsed } from './wire/v1.ts';

const docUrl = new URL('../../../docs/protocol.md', import.meta.url);
const doc = readFileSync(docUrl, 'utf8');

interface Block {
  lang: string;
  body: string;
  /** the comment just before the fence: "example" or "signing-input", or none */
  tag?: { kind: string; name: string; variant?: string; attrs: Record<string, string> };
  line: number;
}

function blocksOf(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`fence at line ${i + 1} is not closed`);
    const before = i > 0 ? /^<!-- (example|signing-input): ([\w-]+)(?:\/([\w-]+))?((?: [\w-]+=\S+)*) -->$/.exec(lines[i - 1]!) : null;
    const attrs = Object.fromEntries((before?.[4] ?? '').trim().split(' ').filter(Boolean).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
    blocks.push({
      lang: open[1]!,
      body: lines.slice(i + 1, end).join('\n'),
      tag: before ? { kind: before[1]!, name: before[2]!, variant: before[3], attrs } : undefined,
      line: i + 1,
    });
    i = end;
  }
  return blocks;
}

const blocks = blocksOf(doc);
const examples = blocks.filter((b) => b.tag?.kind === 'example');
const exampleNamed = (name: string) => examples.find((b) => `${b.tag!.name}${b.tag!.variant ? `/${b.tag!.variant}` : ''}` === name);

function expectOk<T>(result: Parsed<T>, where: string): T {
  expect(result, where).toMatchObject({ ok: true });
  if (!result.ok) throw new Error(`${where}: ${result.reason}`);
  return result.value;
}

/** What each kind of example must be. */
const checks: Record<string, (body: string, where: string, attrs: Record<string, string>) => void> = {
  identity: (body, where) => {
    const id = JSON.parse(body) as { nodeId: string; fingerprint: string; v1Id: string; publicKey: string };
    expect(Object.keys(id).sort(), where).toEqual(['fingerprint', 'nodeId', 'publicKey', 'v1Id']);
    expect(id.nodeId, where).toBe(nodeIdOf(Buffer.from(id.publicKey, 'base64')));
    expect(id.fingerprint, where).toBe(fingerprintOf(id.nodeId));
    expect(id.v1Id, where).toBe(v1IdOf(id.nodeId));
  },
  'discovery-v1': (body, where) => {
    expect(isV2Announcement(expectOk(parseDiscovery(body), where)), where).toBe(false);
  },
  'discovery-v2': (body, where) => {
    const a = expectOk(parseDiscovery(body), where);
    expect(isV2Announcement(a), where).toBe(true);
    if (!isV2Announcement(a)) return;
    // the datagram as sent: the example, unshortened, within 1024 bytes
    expect(JSON.parse(encodeV2Announcement(a).toString()), where).toEqual(JSON.parse(body));
  },
  'link-hello': (body, where) => expect(expectOk(parseLinkFrame(body), where).type).toBe('hello'),
  // (that the handshake examples are one real handshake is checked below, by replaying it)
  'link-handshake': (body, where) => expect(expectOk(parseLinkFrame(body), where).type).toBe('handshake'),
  'link-sealed': (body, where, attrs) => {
    expect(expectOk(parseLinkFrame(body), where).type).toBe('sealed');
    expect(exampleNamed(attrs['opens-to'] ?? ''), `${where}: opens-to names an example`).toBeDefined();
  },
  'identity-payload': (body, where, attrs) => {
    const payload = expectOk(parseIdentityPayload(body), where);
    expect(attrs.static, `${where}: names the static key it signs`).toBeDefined();
    expect(verifyIdentityPayload(payload, Buffer.from(attrs.static!, 'base64')), where).toEqual({ ok: true, nodeId: nodeIdOf(Buffer.from(payload.key, 'base64')) });
  },
  'inner-chat': (body, where) => checkMessage(body, where, 'chat'),
  'inner-file-chunk': (body, where) => checkMessage(body, where, 'file_chunk'),
  'inner-peer-list': (body, where) => expect(expectOk(parseInnerFrame(body), where).type).toBe('peer_list'),
  'inner-ping': (body, where) => expect(expectOk(parseInnerFrame(body), where).type).toBe('ping'),
  'inner-close': (body, where) => expect(expectOk(parseInnerFrame(body), where).type).toBe('close'),
  'v1-message': (body, where) => {
    const m = expectOk(parseV1Message(body), where);
    expect(Object.keys(m).some((k) => ['hop_limit', 'hops', 'origin_key', 'signature'].includes(k)), `${where}: no v2 field`).toBe(false);
  },
};

function checkMessage(body: string, where: string, type: V2Message['type']): void {
  const m = expectOk(parseInnerFrame(body), where);
  expect(m.type, where).toBe(type);
  if (m.type !== 'chat' && m.type !== 'file_chunk') return;
  // (the time window is checked at the example's own time)
  const verified = verifyV2Message(m, { nowMs: m.timestamp * 1000 });
  expect(verified, where).toEqual({ ok: true, authenticated: m.signature !== undefined });
}

describe('docs/protocol.md', () => {
  it('has an example comment before every json block, each of a known kind', () => {
    const json = blocks.filter((b) => b.lang === 'json');
    expect(json.length).toBeGreaterThan(10);
    for (const b of json) {
      expect(b.tag?.kind, `json block at line ${b.line} has no <!-- example: KIND --> before it`).toBe('example');
      expect(Object.keys(checks), `line ${b.line}`).toContain(b.tag!.name);
    }
  });

  it('shows every kind of frame at least once', () => {
    expect(new Set(examples.map((b) => b.tag!.name))).toEqual(new Set(Object.keys(checks)));
  });

  it('every example parses with the parser of its kind, and its signature verifies', () => {
    for (const b of examples) {
      const where = `example ${b.tag!.name}${b.tag!.variant ? `/${b.tag!.variant}` : ''} at line ${b.line}`;
      checks[b.tag!.name]!(b.body, where, b.tag!.attrs);
      // on the wire each frame is one line: the compact form reads the same
      if (b.tag!.name !== 'identity') checks[b.tag!.name]!(JSON.stringify(JSON.parse(b.body)), `${where} (one line)`, b.tag!.attrs);
    }
  });

  it('shows one real handshake: Bob reads it, each identity binds its static key, the sealed frame opens', () => {
    const d = (name: string) => {
      const example = exampleNamed(name);
      if (!example) throw new Error(`no example ${name}`);
      return Buffer.from(expectOk(parseLinkFrame(example.body), name).d, 'base64');
    };
    const bob = new XXHandshake({ initiator: false, staticKeyPair: noiseKeys.bobStatic, ephemeralKeyPair: noiseKeys.bobEphemeral, prologue });
    const alice = new XXHandshake({ initiator: true, staticKeyPair: noiseKeys.aliceStatic, ephemeralKeyPair: noiseKeys.aliceEphemeral, prologue });
    expect(alice.writeMessage().equals(d('link-hello'))).toBe(true);
    expect(bob.readMessage(d('link-hello')).byteLength).toBe(0);
    // Bob, with his own keys, writes exactly the document's message 2
    const bobPayloadSent = signIdentityPayload(keys.bob, noiseKeys.bobStatic.publicKey, { name: 'Bob', port: bobPort });
    expect(bob.writeMessage(encodeIdentityPayload(bobPayloadSent)).equals(d('link-handshake'))).toBe(true);
    const bobPayload = expectOk(parseIdentityPayload(alice.readMessage(d('link-handshake'))), 'message 2 payload');
    expect(verifyIdentityPayload(bobPayload, alice.remoteStaticKey!)).toEqual({ ok: true, nodeId: nodeIdOf(rawPublicKey(keys.bob)) });
    // message 3 carries Alice's identity payload, the identity-payload example
    const alicePayload = expectOk(parseIdentityPayload(bob.readMessage(d('link-handshake/3'))), 'message 3 payload');
    expect(alicePayload).toEqual(JSON.parse(exampleNamed('identity-payload')!.body));
    expect(verifyIdentityPayload(alicePayload, bob.remoteStaticKey!)).toEqual({ ok: true, nodeId: nodeIdOf(rawPublicKey(keys.alice)) });
    // the sealed frame is Alice's first: Bob's receiving CipherState opens it (nonce 0)
    const opensTo = exampleNamed('link-sealed')!.tag!.attrs['opens-to']!;
    expect(expectOk(parseInnerFrame(bob.split().receive.decrypt(d('link-sealed'))), 'sealed')).toEqual(JSON.parse(exampleNamed(opensTo)!.body));
    // the password hello opens with its psk, and with no other
    const withPsk = (psk: Buffer) => new XXHandshake({ initiator: false, staticKeyPair: noiseKeys.bobStatic, prologue, psk });
    expect(withPsk(examplePsk).readMessage(d('link-hello/psk')).byteLength).toBe(0);
    expect(() => withPsk(Buffer.alloc(32, 0x34)).readMessage(d('link-hello/psk'))).toThrow(/authentication failed/);
  });

  it('gives the signing input of a signed example exactly', () => {
    const inputs = blocks.filter((b) => b.tag?.kind === 'signing-input');
    expect(inputs.length).toBeGreaterThan(0);
    for (const b of inputs) {
      const example = exampleNamed(b.tag!.name);
      expect(example, `signing-input at line ${b.line} names an example`).toBeDefined();
      const m = expectOk(parseInnerFrame(example!.body), `line ${b.line}`);
      if (m.type !== 'chat' && m.type !== 'file_chunk') throw new Error(`line ${b.line}: not a message`);
      expect(b.body).toBe(messageSigningBytes(m).toString('utf8'));
    }
  });

  it('holds the examples scripts/protocol-examples.ts makes (regenerate with its --write)', () => {
    expect(withExamples(doc) === doc, 'docs/protocol.md differs from what the script writes').toBe(true);
  });
});
