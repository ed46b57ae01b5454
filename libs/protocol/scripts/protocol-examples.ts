// The examples of docs/protocol.md, made from fixed test keys so that they are real (their
// signatures verify, the handshake frames are one real Noise handshake) and the same at every run. Run from the repository root:
//   node --import tsx libs/protocol/scripts/protocol-examples.ts          prints them
//   node --import tsx libs/protocol/scripts/protocol-examples.ts --write  rewrites each fenced
//     block that follows an <!-- example: NAME ... --> (or <!-- signing-input: NAME -->) comment
// src/protocol-doc.test.ts checks every example in the document.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fingerprintOf, nodeIdOf, v1IdOf } from '../src/identity.ts';
import { XXHandshake, type X25519KeyPair } from '../src/wire/noise.ts';
import {
  encodeIdentityPayload,
  encodeInnerFrame,
  messageSigningBytes,
  rawPublicKey,
  signIdentityPayload,
  signV2Message,
  V2,
  v2NoiseProtocols,
  v2ToV1,
  type V2Chat,
  type V2FileChunk,
} from '../src/wire/v2.ts';

const seed = (byte: number) => Buffer.alloc(32, byte);
const ed25519 = (byte: number): KeyObject => createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed(byte)]), format: 'der', type: 'pkcs8' });
/** An X25519 key pair (raw bytes) whose private key is the seed. */
function x25519(byte: number): X25519KeyPair {
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), seed(byte)]), format: 'der', type: 'pkcs8' });
  return { privateKey: seed(byte), publicKey: createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(12) };
}

/** Alice (seed 0x01..), Bob (0x02..) and Carol (0x03..): the document's test nodes. */
export const keys = { alice: ed25519(0x01), bob: ed25519(0x02), carol: ed25519(0x03) };
/** The Noise keys of the document's handshake: Alice dials Bob (statics 0x11.. and 0x12.., ephemerals 0x21.. and 0x22..). */
export const noiseKeys = { aliceStatic: x25519(0x11), aliceEphemeral: x25519(0x21), bobStatic: x25519(0x12), bobEphemeral: x25519(0x22) };
/** The psk of the link-hello/psk example (a network key stands there). */
export const examplePsk = Buffer.alloc(32, 0x33);
export const prologue = Buffer.from(V2.linkPrologue);
export const alicePort = 9999;
export const bobPort = 9999;

const idOf = (key: KeyObject) => nodeIdOf(rawPublicKey(key));
const b64 = (key: KeyObject) => rawPublicKey(key).toString('base64');
const alice = { id: idOf(keys.alice), key: b64(keys.alice) };
const timestamp = 1764072000.123;

/** One real handshake, Alice (initiator) to Bob, without a password, and Alice's first sealed frame (a ping). */
function transcript() {
  const a = new XXHandshake({ initiator: true, staticKeyPair: noiseKeys.aliceStatic, ephemeralKeyPair: noiseKeys.aliceEphemeral, prologue });
  const b = new XXHandshake({ initiator: false, staticKeyPair: noiseKeys.bobStatic, ephemeralKeyPair: noiseKeys.bobEphemeral, prologue });
  const alicePayload = signIdentityPayload(keys.alice, noiseKeys.aliceStatic.publicKey, { name: 'Alice', port: alicePort });
  const bobPayload = signIdentityPayload(keys.bob, noiseKeys.bobStatic.publicKey, { name: 'Bob', port: bobPort });
  const message1 = a.writeMessage();
  b.readMessage(message1);
  const message2 = b.writeMessage(encodeIdentityPayload(bobPayload));
  a.readMessage(message2);
  const message3 = a.writeMessage(encodeIdentityPayload(alicePayload));
  b.readMessage(message3);
  const ping = a.split().send.encrypt(encodeInnerFrame({ type: 'ping' }));
  const psk = new XXHandshake({ initiator: true, staticKeyPair: noiseKeys.aliceStatic, ephemeralKeyPair: noiseKeys.aliceEphemeral, prologue, psk: examplePsk });
  return { message1, message2, message3, ping, pskMessage1: psk.writeMessage(), alicePayload };
}

export function protocolExamples(): { examples: Map<string, object>; signingInputs: Map<string, string> } {
  const announcement = {
    type: 'discovery',
    node_id: v1IdOf(alice.id),
    node_name: 'Alice',
    ip: '127.0.0.2',
    port: 9999,
    timestamp,
    v: 2,
    id: alice.id,
    key: alice.key,
    dialects: ['v1', 'v2'],
    discovery_port: V2.discoveryPort,
  };
  const chat = signV2Message(
    {
      type: 'chat',
      message_id: '6f1c2b9e-3d4a-4f5b-8c7d-9e0f1a2b3c4d',
      sender_id: alice.id,
      sender_name: 'Alice',
      timestamp,
      content: 'Hello, \u00e9l\u00e8ve \ud83d\udc4b "mesh"',
      hop_limit: V2.defaultHopLimit,
      hops: 0,
    } satisfies V2Chat,
    keys.alice,
  );
  const fileBytes = Buffer.from('hello, mesh\n');
  const chunk = signV2Message(
    {
      type: 'file_chunk',
      message_id: 'a3e8f0c1-2b4d-4e6f-9a1b-3c5d7e9f0a2b',
      sender_id: alice.id,
      sender_name: 'Alice',
      timestamp,
      content: null,
      file_id: '0d9c8b7a-6f5e-4d3c-8b2a-190817263544',
      chunk_index: 0,
      chunk_data: fileBytes.toString('base64'),
      file_metadata: { filename: 'note.txt', file_size: fileBytes.byteLength, file_hash: createHash('sha256').update(fileBytes).digest('hex'), total_chunks: 1 },
      hop_limit: V2.defaultHopLimit,
      hops: 0,
    } satisfies V2FileChunk,
    keys.alice,
  );
  const t = transcript();
  const examples = new Map<string, object>([
    ['identity', { nodeId: alice.id, fingerprint: fingerprintOf(alice.id), v1Id: v1IdOf(alice.id), publicKey: alice.key }],
    ['discovery-v1', { type: 'discovery', node_id: '152c9256', node_name: 'Orig-Plain', ip: '127.0.0.3', port: 9999, timestamp: 1764071998.5 }],
    ['discovery-v2', announcement],
    ['discovery-v2/salt', { ...announcement, salt: Buffer.alloc(16, 0x5a).toString('base64') }],
    ['link-hello', { type: 'hello', v: 2, protocol: v2NoiseProtocols.plain, d: t.message1.toString('base64') }],
    ['link-hello/psk', { type: 'hello', v: 2, protocol: v2NoiseProtocols.psk, d: t.pskMessage1.toString('base64') }],
    ['link-handshake', { type: 'handshake', d: t.message2.toString('base64') }],
    ['link-handshake/3', { type: 'handshake', d: t.message3.toString('base64') }],
    ['link-sealed', { type: 'sealed', d: t.ping.toString('base64') }],
    ['identity-payload', t.alicePayload],
    ['inner-chat', chat],
    ['inner-chat/relayed', { ...chat, hops: 2 }],
    ['inner-chat/v1', { type: 'chat', message_id: 'c0ffee00-1111-4222-8333-444455556666', sender_id: '152c9256', sender_name: 'Orig-Plain', timestamp: 1764071999.25, content: 'hi from the original app', hop_limit: V2.defaultHopLimit, hops: 1 }],
    ['inner-file-chunk', chunk],
    ['inner-peer-list', {
      type: 'peer_list',
      peers: [
        { id: idOf(keys.bob), key: b64(keys.bob), host: '127.0.0.3', port: 9999, name: 'Bob' },
        { id: idOf(keys.carol), key: b64(keys.carol), host: '127.0.0.4', port: 10001, name: 'Carol' },
      ],
    }],
    ['inner-ping', { type: 'ping' }],
    ['inner-close', { type: 'close', reason: 'node stopping' }],
    ['v1-message', v2ToV1(chat)],
  ]);
  const signingInputs = new Map<string, string>([['inner-chat', messageSigningBytes(chat).toString('utf8')]]);
  return { examples, signingInputs };
}

/** The document with each example's fence filled in from protocolExamples(). */
export function withExamples(doc: string): string {
  const { examples, signingInputs } = protocolExamples();
  return doc.replace(/<!-- (example|signing-input): (\S+)([^>]*)-->\n```(json|text)\n[\s\S]*?```/g, (block, kind: string, name: string, attrs: string, lang: string) => {
    const body = kind === 'example' ? examples.get(name) && JSON.stringify(examples.get(name), null, 2) : signingInputs.get(name);
    if (body === undefined) throw new Error(`no ${kind} named ${name}`);
    return `<!-- ${kind}: ${name}${attrs}-->\n\`\`\`${lang}\n${body}\n\`\`\``;
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  const docPath = new URL('../../../docs/protocol.md', import.meta.url);
  if (process.argv.includes('--write')) {
    writeFileSync(docPath, withExamples(readFileSync(docPath, 'utf8')));
  } else {
    const { examples, signingInputs } = protocolExamples();
    for (const [name, value] of examples) console.log(`<!-- example: ${name} -->\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\`\n`);
    for (const [name, text] of signingInputs) console.log(`<!-- signing-input: ${name} -->\n\`\`\`text\n${text}\n\`\`\`\n`);
    console.log(`Alice's Noise static public key (base64): ${noiseKeys.aliceStatic.publicKey.toString('base64')}`);
  }
}
