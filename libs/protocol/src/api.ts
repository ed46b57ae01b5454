// The client API of a node: what the gateway serves over HTTP and WebSocket and what the
// `mesh` client commands and the web page speak. One source of truth for both ends.
import { z } from 'zod';

export const api = {
  routes: {
    status: '/api/status',
    peers: '/api/peers',
    messages: '/api/messages',
    files: '/api/files',
    /** WebSocket: a stream of ClientEvent JSON texts */
    events: '/api/events',
  },
  /** UTF-8 bytes of one chat's text */
  maxChatBytes: 32 * 1024,
  /** bytes of one request body */
  maxBodyBytes: 64 * 1024,
} as const;

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

// Requests

export const sendChatBodySchema = z.object({
  text: z
    .string()
    .min(1, 'must not be empty')
    .refine((s) => utf8Length(s) <= api.maxChatBytes, `must be at most ${api.maxChatBytes} bytes of UTF-8`),
});

export const sendFileBodySchema = z.object({
  path: z.string().min(1, 'must not be empty').max(4096, 'must be at most 4096 characters'),
});

// Responses

export const statusSchema = z.object({
  nodeId: z.string(),
  name: z.string(),
  version: z.string().optional(),
});

export const peerViewSchema = z.object({
  /** empty for a static peer not heard from yet */
  nodeId: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  /** ms since the epoch; 0 if never heard */
  lastSeen: z.number(),
  static: z.boolean(),
});

export const messageViewSchema = z.object({
  id: z.string(),
  senderId: z.string(),
  senderName: z.string(),
  /** seconds since the epoch, as on the wire */
  timestamp: z.number(),
  content: z.string(),
  /** the content looks like v1 ciphertext this node could not read */
  encrypted: z.boolean(),
  direction: z.enum(['in', 'out']),
  /** remote address it came from ('host:port'), for direction 'in' */
  from: z.string().optional(),
});

export const sendChatResultSchema = z.object({
  message: messageViewSchema,
  /** peers that took the message */
  delivered: z.number().int().nonnegative(),
  /** peers it was sent to */
  peers: z.number().int().nonnegative(),
});

export const fileViewSchema = z.object({
  filename: z.string(),
  size: z.number().nonnegative(),
  /** ms since the epoch */
  modified: z.number(),
});

export const sendFileResultSchema = z.object({
  fileId: z.string(),
  filename: z.string(),
  size: z.number().nonnegative(),
  totalChunks: z.number().int().nonnegative(),
});

export const apiErrorSchema = z.object({ error: z.string() });

// WebSocket events (server -> client; whatever a client sends is ignored)

const transferDirection = z.enum(['in', 'out']);

export const clientEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chat'), message: messageViewSchema }),
  z.object({ type: z.literal('peer.joined'), peer: peerViewSchema }),
  z.object({ type: z.literal('peer.left'), peer: peerViewSchema, reason: z.string() }),
  z.object({
    type: z.literal('file.progress'),
    fileId: z.string(),
    filename: z.string(),
    direction: transferDirection,
    bytesDone: z.number().nonnegative(),
    size: z.number().nonnegative(),
    chunksDone: z.number().int().nonnegative(),
    totalChunks: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('file.received'),
    fileId: z.string(),
    filename: z.string(),
    size: z.number().nonnegative(),
    sha256: z.string(),
    senderId: z.string(),
    senderName: z.string(),
  }),
  z.object({
    type: z.literal('file.failed'),
    fileId: z.string(),
    filename: z.string(),
    direction: transferDirection,
    reason: z.string(),
  }),
]);

export type SendChatBody = z.infer<typeof sendChatBodySchema>;
export type SendFileBody = z.infer<typeof sendFileBodySchema>;
export type Status = z.infer<typeof statusSchema>;
export type PeerView = z.infer<typeof peerViewSchema>;
export type MessageView = z.infer<typeof messageViewSchema>;
export type SendChatResult = z.infer<typeof sendChatResultSchema>;
export type FileView = z.infer<typeof fileViewSchema>;
export type SendFileResult = z.infer<typeof sendFileResultSchema>;
export type ApiError = z.infer<typeof apiErrorSchema>;
export type ClientEvent = z.infer<typeof clientEventSchema>;
export type ClientEventType = ClientEvent['type'];
