// The v2 wire dialect (meshwork's own), as docs/protocol.md specifies it: discovery
// announcements, the frames of a link (clear during the handshake, sealed after it), the inner
// frames a sealed frame carries, and origin signatures on messages.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { Chat, FileChunk, WireMessage } from '../events.ts';
import { isV2NodeId, nodeIdOf, v1IdOf } from '../identity.ts';
import { canonicalJson } from './jcs.ts';
import { checkObject, checkTyped, isRecord, MAX_JSON_NESTING, parseJson, parseTyped } from './json.ts';
import {
  chatSchema,
  discoverySchema,
  fileMetadataSchema,
  V1,
  v1ToWireMessage,
  type Parsed,
  type V1Chat,
  type V1Discovery,
  type V1FileChunk,
  type V1TcpMessage,
} from './v1.ts';

/** The line that carries a sealed frame, less its base64: {"type":"sealed","d":""} */
const SEALED_OVERHEAD = 24;
/** Poly1305 tag */
const AEAD_TAG_BYTES = 16;
const MAX_FRAME_BYTES = 1024 * 1024;

export const V2 = {
  /** default UDP port of v2 discovery, whatever the TCP port */
  discoveryPort: 10000,
  /** a link frame, in bytes, newline excluded */
  maxFrameBytes: MAX_FRAME_BYTES,
  /** a discovery datagram (what the original reads) */
  maxDatagramBytes: 1024,
  defaultHopLimit: 7,
  maxHopLimit: 16,
  /** a signed message's timestamp may be this far from the receiver's clock, either way */
  messageWindowMs: 600_000,
  /** entries of one peer_list */
  maxPeerList: 64,
  /** Noise prologue (UTF-8) */
  linkPrologue: 'meshwork-v2',
  /** what the handshake's identity signature covers, before the Noise static public key */
  staticKeyContext: 'meshwork-v2-link-static:',
  /** what a message signature covers, before the message's canonical JSON */
  messageContext: 'meshwork-v2-message\n',
  /** the largest inner frame (plaintext) whose sealed frame still fits maxFrameBytes */
  maxInnerFrameBytes: Math.floor((MAX_FRAME_BYTES - SEALED_OVERHEAD) / 4) * 3 - AEAD_TAG_BYTES,
  /** an identity payload (handshake messages 2 and 3) */
  maxIdentityPayloadBytes: 4096,
  /** a Noise handshake message (the Noise limit) */
  maxHandshakeMessageBytes: 65535,
  /** JSON nesting deeper than this is refused before it is parsed (v2 frames use 3) */
  maxNesting: MAX_JSON_NESTING,
} as const;

/** The Noise protocol names a hello may name: without, and with, a network password. */
export const v2NoiseProtocols = {
  plain: 'Noise_XX_25519_ChaChaPoly_SHA256',
  psk: 'Noise_XXpsk0_25519_ChaChaPoly_SHA256',
} as const;

// ---- field schemas ----

const { message_id: id, sender_name: name, timestamp } = chatSchema.shape;
const { port } = discoverySchema.shape;

const B64 = '[A-Za-z0-9+/]';
/** The padded tail of canonical base64 (unused bits zero): one spelling per byte string, so that
 * a signature over a base64 string survives a trip through raw bytes. */
const B64_TAIL = `(?:${B64}[AQgw]==|${B64}{2}[AEIMQUYcgkosw048]=)`;

/** Canonical standard base64 of exactly `bytes` bytes. */
function base64Of(bytes: number, what: string) {
  const rest = bytes % 3;
  const tail = rest === 1 ? `${B64}[AQgw]==` : rest === 2 ? `${B64}{2}[AEIMQUYcgkosw048]=` : '';
  const pattern = new RegExp(`^(?:${B64}{4}){${Math.floor(bytes / 3)}}${tail}$`);
  return z.string().max(Math.ceil(bytes / 3) * 4).regex(pattern, `not the canonical base64 of ${bytes} bytes (${what})`);
}

/** Canonical standard base64 of at most `maxBytes` bytes. */
function base64UpTo(maxBytes: number) {
  return z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(new RegExp(`^(?:${B64}{4})*${B64_TAIL}?$`), 'not canonical standard base64');
}

/** A raw 32-byte Ed25519 public key. */
const publicKey = base64Of(32, 'an Ed25519 public key');
const signature = base64Of(64, 'an Ed25519 signature');
const nodeId = z.string().regex(/^[a-z2-7]{32}$/, 'not a v2 node id (32 base32 characters)');
const ipv4 = z.string().max(15).refine((s) => isIP(s) === 4, 'not an IPv4 address');

/** The node id of a base64 public key, or undefined when it is not 32 bytes (a refinement runs
 * even when the key's own check failed). */
function nodeIdOfBase64(key: string): string | undefined {
  const raw = Buffer.from(key, 'base64');
  return raw.byteLength === 32 ? nodeIdOf(raw) : undefined;
}

const base64Bytes = (s: string): number => (s.length / 4) * 3 - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0);

// ---- discovery ----

/** A v2 announcement: the v1 discovery object (what original nodes read) plus v2's fields. */
export const v2AnnouncementSchema = discoverySchema
  .extend({
    v: z.number().int().min(2).max(255),
    id: nodeId,
    key: publicKey,
    dialects: z.array(z.string().min(1).max(16)).min(1).max(8),
    discovery_port: port,
    salt: base64Of(16, 'a network salt').optional(),
  })
  .superRefine((a, ctx) => {
    if (a.node_id !== v1IdOf(a.id)) ctx.addIssue({ code: 'custom', path: ['node_id'], message: 'must be the first 8 characters of id' });
    else if (nodeIdOfBase64(a.key) !== a.id) ctx.addIssue({ code: 'custom', path: ['id'], message: 'is not the node id of key' });
  });

export type V2Announcement = z.infer<typeof v2AnnouncementSchema>;
export type DiscoveryAnnouncement = V1Discovery | V2Announcement;

export const isV2Announcement = (a: DiscoveryAnnouncement): a is V2Announcement => 'v' in a;

// ---- link frames (one JSON object per line) ----

const handshakeMessage = base64UpTo(V2.maxHandshakeMessageBytes);

export const v2HelloSchema = z.object({
  type: z.literal('hello'),
  v: z.literal(2),
  protocol: z.enum([v2NoiseProtocols.plain, v2NoiseProtocols.psk], { error: 'not a Noise protocol this node speaks' }),
  d: handshakeMessage,
});

export const v2HandshakeSchema = z.object({ type: z.literal('handshake'), d: handshakeMessage });

export const v2SealedSchema = z.object({
  type: z.literal('sealed'),
  // (checked loosely: AEAD ciphertext is opened, not signed, so its spelling does not matter)
  d: z
    .string()
    .min(Math.ceil(AEAD_TAG_BYTES / 3) * 4)
    .max(V2.maxFrameBytes)
    .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'not standard base64'),
});

export const v2LinkFrameSchema = z.discriminatedUnion('type', [v2HelloSchema, v2HandshakeSchema, v2SealedSchema]);

export type V2Hello = z.infer<typeof v2HelloSchema>;
export type V2Handshake = z.infer<typeof v2HandshakeSchema>;
export type V2Sealed = z.infer<typeof v2SealedSchema>;
export type V2LinkFrame = z.infer<typeof v2LinkFrameSchema>;

/** Handshake messages 2 and 3 carry this (JSON, UTF-8) as their Noise payload. */
export const identityPayloadSchema = z.object({
  key: publicKey,
  /** Ed25519 signature of staticKeyContext || the sender's Noise static public key */
  sig: signature,
  name,
  /** the sender's TCP port */
  port,
});

export type IdentityPayload = z.infer<typeof identityPayloadSchema>;

// ---- inner frames (the plaintext of a sealed frame) ----

const v2MessageFields = {
  /** set by the origin, signed; 1..16 is verifyV2Message's to check (a counted drop, not a bad frame),
   * 0 is refused here: the bus reads it as "not set" */
  hop_limit: z.number().int().min(1).max(255),
  /** links travelled so far; each relay adds one (not signed) */
  hops: z.number().int().min(0).max(255),
  origin_key: publicKey.optional(),
  signature: signature.optional(),
};

/** a chat's text, in UTF-8 bytes: what an original node could take in one message, so that every chat can cross to v1 */
export const MAX_CHAT_CONTENT_BYTES = 60 * 1024;

export const v2ChatSchema = chatSchema.extend({
  ...v2MessageFields,
  content: z.string().refine((c) => Buffer.byteLength(c) <= MAX_CHAT_CONTENT_BYTES, `content over ${MAX_CHAT_CONTENT_BYTES} bytes`),
});

export const v2FileChunkSchema = z
  .object({
    type: z.literal('file_chunk'),
    message_id: id,
    sender_id: id,
    sender_name: name,
    timestamp,
    content: z.null(),
    file_id: id,
    chunk_index: z.number().int().nonnegative(),
    chunk_data: base64UpTo(V1.chunkSize),
    file_metadata: fileMetadataSchema.extend({ file_hash: z.string().regex(/^[0-9a-f]{64}$/, 'not a lowercase sha256 hex digest') }),
    ...v2MessageFields,
  })
  .superRefine((m, ctx) => {
    const meta = m.file_metadata;
    const expectedChunks = Math.ceil(meta.file_size / V1.chunkSize);
    if (meta.total_chunks !== expectedChunks) {
      ctx.addIssue({ code: 'custom', path: ['file_metadata', 'total_chunks'], message: `expected ${expectedChunks} for file_size ${meta.file_size}` });
    } else if (m.chunk_index >= meta.total_chunks) {
      ctx.addIssue({ code: 'custom', path: ['chunk_index'], message: `must be below total_chunks ${meta.total_chunks}` });
    } else {
      const expectedBytes = Math.min(V1.chunkSize, meta.file_size - m.chunk_index * V1.chunkSize);
      if (base64Bytes(m.chunk_data) !== expectedBytes) ctx.addIssue({ code: 'custom', path: ['chunk_data'], message: `expected ${expectedBytes} bytes for chunk ${m.chunk_index}` });
    }
  });

export const v2PeerEntrySchema = z
  .object({ id: nodeId, key: publicKey, host: ipv4, port, name })
  .superRefine((p, ctx) => {
    if (nodeIdOfBase64(p.key) !== p.id) ctx.addIssue({ code: 'custom', path: ['id'], message: 'is not the node id of key' });
  });

export const v2PeerListSchema = z.object({ type: z.literal('peer_list'), peers: z.array(v2PeerEntrySchema).max(V2.maxPeerList) });
export const v2PingSchema = z.object({ type: z.literal('ping') });
export const v2CloseSchema = z.object({ type: z.literal('close'), reason: z.string().max(256) });

export const v2MessageSchema = z.discriminatedUnion('type', [v2ChatSchema, v2FileChunkSchema]);
export const v2InnerFrameSchema = z.discriminatedUnion('type', [v2ChatSchema, v2FileChunkSchema, v2PeerListSchema, v2PingSchema, v2CloseSchema]);

export type V2Chat = z.infer<typeof v2ChatSchema>;
export type V2FileChunk = z.infer<typeof v2FileChunkSchema>;
export type V2Message = V2Chat | V2FileChunk;
export type V2PeerEntry = z.infer<typeof v2PeerEntrySchema>;
export type V2PeerList = z.infer<typeof v2PeerListSchema>;
export type V2Ping = z.infer<typeof v2PingSchema>;
export type V2Close = z.infer<typeof v2CloseSchema>;
export type V2InnerFrame = z.infer<typeof v2InnerFrameSchema>;

// ---- parsing ----

const V2_FIELDS = ['v', 'id', 'key', 'dialects', 'discovery_port', 'salt'];

/**
 * One discovery datagram: a v2 announcement (it has any v2 field: then every v2 rule holds,
 * node_id = v1IdOf(id), id = nodeIdOf(key)) or a v1 one (an original node's).
 */
export function parseDiscovery(bytes: Uint8Array | string, maxBytes: number = V2.maxDatagramBytes): Parsed<DiscoveryAnnouncement> {
  const json = parseJson(bytes, maxBytes);
  if (!json.ok) return json;
  const value = json.value;
  if (isRecord(value) && value.type === 'discovery' && V2_FIELDS.some((f) => f in value)) return checkTyped(v2AnnouncementSchema, value);
  return checkTyped(discoverySchema, value);
}

/** One line of a link (newline excluded): hello, handshake or sealed. */
export function parseLinkFrame(line: Uint8Array | string, maxBytes: number = V2.maxFrameBytes): Parsed<V2LinkFrame> {
  return parseTyped(v2LinkFrameSchema, line, maxBytes);
}

/** The plaintext of a sealed frame: chat, file_chunk, peer_list, ping or close. */
export function parseInnerFrame(bytes: Uint8Array | string, maxBytes: number = V2.maxInnerFrameBytes): Parsed<V2InnerFrame> {
  return parseTyped(v2InnerFrameSchema, bytes, maxBytes);
}

/** The Noise payload of handshake message 2 or 3. */
export function parseIdentityPayload(bytes: Uint8Array | string, maxBytes: number = V2.maxIdentityPayloadBytes): Parsed<IdentityPayload> {
  const json = parseJson(bytes, maxBytes);
  return json.ok ? checkObject(identityPayloadSchema, json.value) : json;
}

// ---- encoding ----

function encodeJson(value: unknown, maxBytes: number, what: string): Buffer {
  const bytes = Buffer.from(JSON.stringify(value));
  if (bytes.byteLength > maxBytes) throw new RangeError(`v2 ${what} is ${bytes.byteLength} bytes, max ${maxBytes}`);
  return bytes;
}

/**
 * The datagram of a v2 announcement, fields in the documented order. node_name is shortened
 * (by whole code points) until the datagram fits maxDatagramBytes; no other field ever is:
 * when they alone do not fit, this throws a RangeError.
 */
export function encodeV2Announcement(a: V2Announcement): Buffer {
  const withName = (nodeName: string) => {
    const { type, node_id, ip, port, timestamp, v, id, key, dialects, discovery_port, salt } = a;
    return Buffer.from(JSON.stringify({ type, node_id, node_name: nodeName, ip, port, timestamp, v, id, key, dialects, discovery_port, salt }));
  };
  const max = V2.maxDatagramBytes;
  const whole = withName(a.node_name);
  if (whole.byteLength <= max) return whole;
  const codePoints = Array.from(a.node_name);
  if (withName('').byteLength > max) throw new RangeError(`v2 announcement is ${withName('').byteLength} bytes without its name, max ${max}`);
  let fits = 0;
  let over = codePoints.length;
  while (over - fits > 1) {
    const mid = (fits + over) >>> 1;
    if (withName(codePoints.slice(0, mid).join('')).byteLength <= max) fits = mid;
    else over = mid;
  }
  return withName(codePoints.slice(0, fits).join(''));
}

/** A link frame as its line, newline included; throws a RangeError over maxFrameBytes. */
export function encodeLinkFrame(frame: V2LinkFrame): Buffer {
  const json = encodeJson(frame, V2.maxFrameBytes, `${frame.type} frame`);
  return Buffer.concat([json, NEWLINE]);
}

const NEWLINE = Buffer.from('\n');

/** An inner frame as the plaintext to seal; throws a RangeError when its sealed frame could not fit. */
export function encodeInnerFrame(frame: V2InnerFrame): Buffer {
  return encodeJson(frame, V2.maxInnerFrameBytes, `${frame.type} inner frame`);
}

export function encodeIdentityPayload(p: IdentityPayload): Buffer {
  return encodeJson({ key: p.key, sig: p.sig, name: p.name, port: p.port }, V2.maxIdentityPayloadBytes, 'identity payload');
}

// ---- keys ----

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const KEY_CACHE_SIZE = 1024;
/** What a raw public key gives: its KeyObject and node id. */
interface Origin {
  key: KeyObject;
  nodeId: string;
}
/** Origins by base64 raw key, least recently used first (verification runs per message). */
const origins = new Map<string, Origin>();
/** The raw public key of each private key this process signed with. */
const rawPublicKeys = new WeakMap<KeyObject, Buffer>();

/** The cached origin of a raw Ed25519 public key (base64 or bytes), or undefined when it is not 32 bytes. */
function originOf(raw: Uint8Array | string): Origin | undefined {
  const cacheKey = typeof raw === 'string' ? raw : Buffer.from(raw).toString('base64');
  const cached = origins.get(cacheKey);
  if (cached) {
    origins.delete(cacheKey);
    origins.set(cacheKey, cached);
    return cached;
  }
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'base64') : raw;
  if (bytes.byteLength !== 32) return undefined;
  const origin = { key: createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, bytes]), format: 'der', type: 'spki' }), nodeId: nodeIdOf(bytes) };
  origins.set(cacheKey, origin);
  if (origins.size > KEY_CACHE_SIZE) origins.delete(origins.keys().next().value!);
  return origin;
}

/** A public KeyObject for a raw 32-byte Ed25519 key (base64 or bytes); cached (the last 1024 keys). */
export function publicKeyFromRaw(raw: Uint8Array | string): KeyObject {
  const origin = originOf(raw);
  if (!origin) throw new RangeError('an Ed25519 public key has 32 bytes');
  return origin.key;
}

/** The raw 32-byte public key of an Ed25519 KeyObject (private or public). */
export function rawPublicKey(key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`not an Ed25519 key: ${key.asymmetricKeyType ?? key.type}`);
  const known = rawPublicKeys.get(key);
  if (known) return known;
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const raw = pub.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519_PREFIX.byteLength);
  rawPublicKeys.set(key, raw);
  return raw;
}

function verifies(data: Uint8Array, key: KeyObject, sig: Uint8Array): boolean {
  try {
    return verify(null, data, key, sig);
  } catch {
    return false;
  }
}

// ---- message signatures ----

/** The fields a message signature covers: every documented field but hops and signature. */
function signedObject(m: V2Message): Record<string, unknown> {
  const head = { type: m.type, message_id: m.message_id, sender_id: m.sender_id, sender_name: m.sender_name, timestamp: m.timestamp };
  const tail = { hop_limit: m.hop_limit, origin_key: m.origin_key };
  if (m.type === 'chat') return { ...head, content: m.content, ...tail };
  const meta = m.file_metadata;
  return {
    ...head,
    content: null,
    file_id: m.file_id,
    chunk_index: m.chunk_index,
    chunk_data: m.chunk_data,
    file_metadata: { filename: meta.filename, file_size: meta.file_size, file_hash: meta.file_hash, total_chunks: meta.total_chunks },
    ...tail,
  };
}

/** What the origin signs: UTF-8 of messageContext + JCS(the message without hops and signature). */
export function messageSigningBytes(m: V2Message): Buffer {
  return Buffer.from(V2.messageContext + canonicalJson(signedObject(m)));
}

export type SignedV2Message<T extends V2Message> = T & { origin_key: string; signature: string };

/**
 * The message with origin_key and signature set. Throws a TypeError when its sender_id is not
 * the key's node id, or when a string holds a lone surrogate (JCS cannot encode it).
 */
export function signV2Message<T extends V2Message>(msg: T, privateKey: KeyObject): SignedV2Message<T> {
  const raw = rawPublicKey(privateKey);
  const senderId = nodeIdOf(raw);
  if (msg.sender_id !== senderId) throw new TypeError(`sender_id ${JSON.stringify(msg.sender_id)} is not the node id of this key (${senderId})`);
  const unsigned = { ...msg, origin_key: raw.toString('base64') };
  return { ...unsigned, signature: sign(null, messageSigningBytes(unsigned), privateKey).toString('base64') };
}

export type V2Verification = { ok: true; authenticated: boolean } | { ok: false; reason: string };

function checkHops(m: V2Message): string | undefined {
  if (!Number.isInteger(m.hop_limit) || m.hop_limit < 1 || m.hop_limit > V2.maxHopLimit) return `hop_limit ${m.hop_limit} out of 1..${V2.maxHopLimit}`;
  if (!Number.isInteger(m.hops) || m.hops < 0) return `hops ${m.hops} is not a count`;
  // hops counts the links crossed before the last one: a message that arrives with hops = hop_limit
  // has crossed more links than its limit (no honest relay sends it on)
  if (m.hops >= m.hop_limit) return `hops ${m.hops} reached hop_limit ${m.hop_limit}`;
  return undefined;
}

/**
 * Whether a node may take a message: for a signed one, the id binding, the signature, the time
 * window and the hop count; for an unsigned one (a v1 message: authenticated false), the hop
 * count, and that it does not claim a v2 sender id. A message seen before verifies again:
 * replays within the window are the seen-cache's to drop.
 */
export function verifyV2Message(m: V2Message, opts: { nowMs: number; windowMs?: number }): V2Verification {
  const bad = (reason: string): V2Verification => ({ ok: false, reason });
  if (m.origin_key === undefined && m.signature === undefined) {
    if (isV2NodeId(m.sender_id)) return bad('unsigned, but sender_id is a v2 node id');
    const hops = checkHops(m);
    return hops ? bad(hops) : { ok: true, authenticated: false };
  }
  if (m.origin_key === undefined) return bad('signature without origin_key');
  if (m.signature === undefined) return bad('origin_key without signature');
  const origin = originOf(m.origin_key);
  if (!origin) return bad('origin_key is not 32 bytes');
  if (origin.nodeId !== m.sender_id) return bad('sender_id does not match origin_key');
  let signed: Buffer;
  try {
    signed = messageSigningBytes(m);
  } catch (err) {
    return bad(`cannot be canonicalized: ${(err as Error).message}`);
  }
  if (!verifies(signed, origin.key, Buffer.from(m.signature, 'base64'))) return bad('bad signature');
  const windowMs = opts.windowMs ?? V2.messageWindowMs;
  const aheadMs = m.timestamp * 1000 - opts.nowMs;
  if (Math.abs(aheadMs) > windowMs) {
    return bad(`timestamp ${Math.ceil(Math.abs(aheadMs) / 1000)} s in the ${aheadMs < 0 ? 'past' : 'future'} (window ${windowMs / 1000} s)`);
  }
  const hops = checkHops(m);
  return hops ? bad(hops) : { ok: true, authenticated: true };
}

// ---- handshake identity ----

function staticKeySigningBytes(staticPublicKey: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(V2.staticKeyContext), staticPublicKey]);
}

/** The identity payload a node sends in its handshake message, binding its Noise static key. */
export function signIdentityPayload(privateKey: KeyObject, staticPublicKey: Uint8Array, self: { name: string; port: number }): IdentityPayload {
  const sig = sign(null, staticKeySigningBytes(staticPublicKey), privateKey).toString('base64');
  return { key: rawPublicKey(privateKey).toString('base64'), sig, name: self.name, port: self.port };
}

/** Whether a peer's identity payload signs the static key its handshake proved; its node id if so. */
export function verifyIdentityPayload(p: IdentityPayload, staticPublicKey: Uint8Array): { ok: true; nodeId: string } | { ok: false; reason: string } {
  const origin = originOf(p.key);
  if (!origin) return { ok: false, reason: 'identity key is not 32 bytes' };
  if (!verifies(staticKeySigningBytes(staticPublicKey), origin.key, Buffer.from(p.sig, 'base64'))) return { ok: false, reason: 'identity signature does not cover the Noise static key' };
  return { ok: true, nodeId: origin.nodeId };
}

// ---- bus events <-> v2 JSON ----

function v2FieldsOf(body: Chat | FileChunk): Pick<V2Message, 'hop_limit' | 'hops' | 'origin_key' | 'signature'> {
  const fields: Pick<V2Message, 'hop_limit' | 'hops' | 'origin_key' | 'signature'> = {
    // (0 is proto3's "not set": a v1 message that has not been given a hop limit yet)
    hop_limit: body.hopLimit || V2.defaultHopLimit,
    hops: body.hops ?? 0,
  };
  if (body.originKey && body.originKey.byteLength > 0) fields.origin_key = Buffer.from(body.originKey).toString('base64');
  if (body.signature && body.signature.byteLength > 0) fields.signature = Buffer.from(body.signature).toString('base64');
  return fields;
}

const head = (b: Chat | FileChunk) => ({
  message_id: b.messageId ?? '',
  sender_id: b.senderId ?? '',
  sender_name: b.senderName ?? '',
  timestamp: b.timestamp ?? 0,
});

/** The v2 JSON object of a bus message body (chunk data as base64), fields in the documented order. */
export function wireMessageToV2(m: WireMessage): V2Message {
  if (m.chat) {
    return { type: 'chat', ...head(m.chat), content: m.chat.content ?? '', ...v2FieldsOf(m.chat) };
  }
  if (m.fileChunk) {
    const f = m.fileChunk;
    const meta = f.metadata ?? {};
    return {
      type: 'file_chunk',
      ...head(f),
      content: null,
      file_id: f.fileId ?? '',
      chunk_index: f.chunkIndex ?? 0,
      chunk_data: Buffer.from(f.data ?? new Uint8Array()).toString('base64'),
      file_metadata: { filename: meta.filename ?? '', file_size: Number(meta.fileSize ?? 0), file_hash: meta.fileHash ?? '', total_chunks: meta.totalChunks ?? 0 },
      ...v2FieldsOf(f),
    };
  }
  throw new TypeError('wire message has neither chat nor fileChunk');
}

/** A checked v2 message as the bus event body (chunk data as raw bytes). */
export function v2ToWireMessage(v: V2Message): WireMessage {
  const body = v1ToWireMessage(v);
  const signed = {
    hopLimit: v.hop_limit,
    hops: v.hops,
    ...(v.origin_key === undefined ? {} : { originKey: Buffer.from(v.origin_key, 'base64') }),
    ...(v.signature === undefined ? {} : { signature: Buffer.from(v.signature, 'base64') }),
  };
  return body.chat ? { chat: { ...body.chat, ...signed } } : { fileChunk: { ...body.fileChunk, ...signed } };
}

/**
 * What an original (v1) node gets for a v2 message: the v1 fields only, and the origin's v1 id
 * as sender_id when the origin is a v2 node.
 */
export function v2ToV1(v: V2Message): V1TcpMessage {
  const h = { message_id: v.message_id, sender_id: isV2NodeId(v.sender_id) ? v1IdOf(v.sender_id) : v.sender_id, sender_name: v.sender_name, timestamp: v.timestamp };
  if (v.type === 'chat') return { type: 'chat', ...h, content: v.content } satisfies V1Chat;
  return {
    type: 'file_chunk',
    ...h,
    content: null,
    file_id: v.file_id,
    chunk_index: v.chunk_index,
    chunk_data: v.chunk_data,
    file_metadata: { ...v.file_metadata },
  } satisfies V1FileChunk;
}
