// The v1 wire dialect (the original Python app), as ../../../../shared/design/WIRE.md gives it.
import { isIP } from 'node:net';
import { z } from 'zod';
import type { Chat, FileChunk, WireMessage } from '../events.ts';
import { isV2NodeId, v1IdOf } from '../identity.ts';
import { parseTyped, type Parsed } from './json.ts';

export { describeIssues, type Parsed } from './json.ts';

export const V1 = {
  /** raw bytes per file chunk */
  chunkSize: 8192,
  /** the original reads at most this much of a discovery datagram */
  maxDatagramBytes: 1024,
  /** the original reads a message with one recv(65536): a v1 message must stay under it */
  maxMessageBytes: 65536,
  /** discovery port = TCP port + 1 */
  discoveryPortOffset: 1,
  discoveryIntervalMs: 5000,
  peerTimeoutMs: 30000,
  peerSweepMs: 10000,
} as const;

const id = z.string().min(1).max(128);
const name = z.string().max(256);
const timestamp = z.number().finite().nonnegative();
const port = z.number().int().min(1).max(65535);
const base64 = z
  .string()
  .max(Math.ceil(V1.chunkSize / 3) * 4)
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'not standard base64');

export const discoverySchema = z.object({
  type: z.literal('discovery'),
  node_id: id,
  node_name: name,
  ip: z.string().max(64).refine((s) => isIP(s) !== 0, 'not an IP address'),
  port,
  timestamp,
});

export const chatSchema = z.object({
  type: z.literal('chat'),
  message_id: id,
  sender_id: id,
  sender_name: name,
  timestamp,
  content: z.string(),
});

export const fileMetadataSchema = z.object({
  filename: z.string().min(1).max(1024),
  file_size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  file_hash: z.string().regex(/^[0-9a-fA-F]{64}$/, 'not a sha256 hex digest'),
  total_chunks: z.number().int().nonnegative().max(2 ** 32 - 1),
});

export const fileChunkSchema = z
  .object({
    type: z.literal('file_chunk'),
    message_id: id,
    sender_id: id,
    sender_name: name,
    timestamp,
    content: z.null().optional(),
    file_id: id,
    chunk_index: z.number().int().nonnegative(),
    chunk_data: base64,
    file_metadata: fileMetadataSchema,
  })
  .superRefine((m, ctx) => {
    const meta = m.file_metadata;
    const expectedChunks = Math.ceil(meta.file_size / V1.chunkSize);
    if (meta.total_chunks !== expectedChunks) {
      ctx.addIssue({ code: 'custom', path: ['file_metadata', 'total_chunks'], message: `expected ${expectedChunks} for file_size ${meta.file_size}` });
      return;
    }
    if (m.chunk_index >= meta.total_chunks) {
      ctx.addIssue({ code: 'custom', path: ['chunk_index'], message: `must be below total_chunks ${meta.total_chunks}` });
      return;
    }
    const expectedBytes = Math.min(V1.chunkSize, meta.file_size - m.chunk_index * V1.chunkSize);
    if (base64Length(m.chunk_data) !== expectedBytes) {
      ctx.addIssue({ code: 'custom', path: ['chunk_data'], message: `expected ${expectedBytes} bytes for chunk ${m.chunk_index}` });
    }
  });

export const tcpMessageSchema = z.discriminatedUnion('type', [chatSchema, fileChunkSchema]);

export type V1Discovery = z.infer<typeof discoverySchema>;
export type V1Chat = z.infer<typeof chatSchema>;
export type V1FileChunk = z.infer<typeof fileChunkSchema>;
export type V1TcpMessage = z.infer<typeof tcpMessageSchema>;

function base64Length(s: string): number {
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return (s.length / 4) * 3 - pad;
}

/** One v1 TCP message (the whole content of one connection). */
export function parseV1Message(bytes: Uint8Array | string, maxBytes: number = V1.maxMessageBytes): Parsed<V1TcpMessage> {
  return parseTyped(tcpMessageSchema, bytes, maxBytes);
}

/** One v1 discovery datagram. */
export function parseV1Discovery(bytes: Uint8Array | string, maxBytes: number = V1.maxDatagramBytes): Parsed<V1Discovery> {
  return parseTyped(discoverySchema, bytes, maxBytes);
}

/** A checked v1 message as the bus event body. */
export function v1ToWireMessage(m: V1TcpMessage): WireMessage {
  const head = { messageId: m.message_id, senderId: m.sender_id, senderName: m.sender_name, timestamp: m.timestamp };
  if (m.type === 'chat') return { chat: { ...head, content: m.content } };
  const meta = m.file_metadata;
  return {
    fileChunk: {
      ...head,
      fileId: m.file_id,
      chunkIndex: m.chunk_index,
      data: Buffer.from(m.chunk_data, 'base64'),
      metadata: { filename: meta.filename, fileSize: meta.file_size, fileHash: meta.file_hash.toLowerCase(), totalChunks: meta.total_chunks },
    },
  };
}

/** The v1 JSON object for a bus message body, fields in the original's order. */
export function wireMessageToV1(m: WireMessage): V1TcpMessage {
  if (m.chat) return chatToV1(m.chat);
  if (m.fileChunk) return fileChunkToV1(m.fileChunk);
  throw new TypeError('wire message has neither chat nor fileChunk');
}

const v1Header = (m: Chat | FileChunk) => ({
  message_id: m.messageId ?? '',
  // an original node knows a v2 node by its v1 id
  sender_id: isV2NodeId(m.senderId ?? '') ? v1IdOf(m.senderId!) : (m.senderId ?? ''),
  sender_name: m.senderName ?? '',
  timestamp: m.timestamp ?? 0,
});

function chatToV1(c: Chat): V1Chat {
  return { type: 'chat', ...v1Header(c), content: c.content ?? '' };
}

function fileChunkToV1(f: FileChunk): V1FileChunk {
  const meta = f.metadata ?? {};
  return {
    type: 'file_chunk',
    ...v1Header(f),
    content: null,
    file_id: f.fileId ?? '',
    chunk_index: f.chunkIndex ?? 0,
    chunk_data: Buffer.from(f.data ?? new Uint8Array()).toString('base64'),
    file_metadata: {
      filename: meta.filename ?? '',
      file_size: Number(meta.fileSize ?? 0),
      file_hash: meta.fileHash ?? '',
      total_chunks: meta.totalChunks ?? 0,
    },
  };
}

/** Serialize a v1 message; throws if the original could not read it in one recv(). */
export function encodeV1(m: V1TcpMessage | V1Discovery): Buffer {
  const bytes = Buffer.from(JSON.stringify(m));
  const max = m.type === 'discovery' ? V1.maxDatagramBytes : V1.maxMessageBytes;
  if (bytes.byteLength >= max) throw new RangeError(`v1 ${m.type} is ${bytes.byteLength} bytes, must stay under ${max}`);
  return bytes;
}

/** Seconds since the epoch, as a float, like Python's time.time(). */
export const v1Now = (): number => Date.now() / 1000;
