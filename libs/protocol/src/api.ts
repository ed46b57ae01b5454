// The client API of a node: what the gateway serves over HTTP and WebSocket and what the
// `mesh` client commands and the web page speak. One source of truth for both ends.
import { z } from 'zod';

export const api = {
  routes: {
    status: '/api/status',
    peers: '/api/peers',
    messages: '/api/messages',
    /** GET: the files received; POST: send a file (its bytes as the body, ?name=FILENAME) */
    files: '/api/files',
    /** GET /api/files/NAME: download a received file */
    file: '/api/files/',
    /** WebSocket: a stream of ClientEvent JSON texts */
    events: '/api/events',
    /** POST { secret }: a browser trades the client secret for a session cookie */
    login: '/api/login',
    /** GET ?nonce=HEX, no secret needed: the gateway shows it knows the client secret before a client shows it */
    proof: '/api/proof',
    /** no secret needed: is the gateway up */
    health: '/healthz',
  },
  auth: {
    /** file in the node's data folder (mode 0600) holding the client secret */
    secretFile: 'client-secret',
    /** `Authorization: Bearer <secret>` */
    scheme: 'Bearer',
    /** the browser's session cookie (HttpOnly, SameSite=Strict), one per node */
    cookie: (nodeId: string) => `meshwork-${nodeId}`,
    /** the URL mesh up prints: http://HOST:PORT/#secret=<secret> (a fragment never reaches a server or a log) */
    fragment: 'secret',
  },
  /** UTF-8 bytes of one chat's text */
  maxChatBytes: 32 * 1024,
  /** bytes of one JSON request body */
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

/** POST /api/files?name=...: the name the peers will see (made safe by each receiver). */
export const uploadQuerySchema = z.object({
  name: z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
});

export const loginBodySchema = z.object({
  secret: z.string().min(1, 'must not be empty').max(256),
});

// Responses

export const statusSchema = z.object({
  nodeId: z.string(),
  name: z.string(),
  version: z.string().optional(),
  limits: z.object({
    /** UTF-8 bytes of one chat's text */
    chatBytes: z.number().int().positive(),
  }),
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
  /** sends to it keep failing: it is tried again at retryAt */
  down: z.boolean(),
  lastError: z.string().optional(),
  /** ms since the epoch */
  retryAt: z.number().optional(),
  /** v1: one connection per message, unauthenticated; v2: an authenticated, encrypted link */
  dialect: z.enum(['v1', 'v2']),
  /** v2: its link is up (a v2 peer takes messages only then) */
  linked: z.boolean(),
  /** v2: the first characters of its node id (a hash of its key), for people to compare */
  fingerprint: z.string().optional(),
});

/** A peer named in an outcome: its node id where known, and the address ("host:port"). */
export const peerRefViewSchema = z.object({
  nodeId: z.string(),
  address: z.string(),
});

/** plain: clear text; password: v1 network password, decrypted; unreadable: ciphertext this node cannot decrypt. */
export const chatSecurity = z.enum(['plain', 'password', 'unreadable']);

export const messageViewSchema = z.object({
  id: z.string(),
  senderId: z.string(),
  senderName: z.string(),
  /** seconds since the epoch, as on the wire */
  timestamp: z.number(),
  /** the clear text; empty when unreadable */
  content: z.string(),
  security: chatSecurity,
  /** the origin's signature checked out (v2); false: a v1 message, whose sender anyone could claim to be */
  authenticated: z.boolean().default(false),
  direction: z.enum(['in', 'out']),
  /** remote address it came from ('host:port'), for direction 'in' */
  from: z.string().optional(),
  /** the neighbour (node id) whose link it came in on, for direction 'in' over v2 */
  via: z.string().optional(),
});

export const sendChatResultSchema = z.object({
  message: messageViewSchema,
  /** the peers it was handed to; each outcome follows as a chat.delivery event */
  targets: z.array(peerRefViewSchema),
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

export const healthSchema = z.object({ ok: z.boolean() });

/** HMAC-SHA256(client secret, proofMessage(nonce)), hex. */
export const proofSchema = z.object({ proof: z.string().regex(/^[0-9a-f]{64}$/) });

/** What a gateway signs to prove it knows the client secret: a fresh nonce of the client's. */
export const proofMessage = (nonce: string): string => `meshwork gateway proof v1\n${nonce}`;

export const proofQuerySchema = z.object({ nonce: z.string().regex(/^[0-9a-f]{32,128}$/, 'must be 32 to 128 hex digits') });

// WebSocket events (server -> client; whatever a client sends is ignored)

const transferDirection = z.enum(['in', 'out']);

export const clientEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chat'), message: messageViewSchema }),
  z.object({ type: z.literal('peer.joined'), peer: peerViewSchema }),
  z.object({ type: z.literal('peer.left'), peer: peerViewSchema, reason: z.string() }),
  z.object({ type: z.literal('peer.updated'), peer: peerViewSchema, reason: z.string() }),
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
    /** every chunk was signed by its sender (v2); false: a v1 transfer, whose sender anyone could claim to be */
    authenticated: z.boolean().default(false),
  }),
  z.object({
    type: z.literal('file.failed'),
    fileId: z.string(),
    filename: z.string(),
    direction: transferDirection,
    reason: z.string(),
  }),
  z.object({
    type: z.literal('file.sent'),
    fileId: z.string(),
    filename: z.string(),
    size: z.number().nonnegative(),
    peers: z.array(z.object({ peer: peerRefViewSchema, ok: z.boolean(), error: z.string().optional() })),
  }),
  z.object({
    type: z.literal('chat.delivery'),
    messageId: z.string(),
    peer: peerRefViewSchema,
    ok: z.boolean(),
    /** written: to the peer's v2 link; delivered: a v1 peer took the connection's bytes; failed: see error */
    status: z.enum(['written', 'delivered', 'failed']).optional(),
    error: z.string().optional(),
  }),
]);

export type SendChatBody = z.infer<typeof sendChatBodySchema>;
export type UploadQuery = z.infer<typeof uploadQuerySchema>;
export type LoginBody = z.infer<typeof loginBodySchema>;
export type PeerRefView = z.infer<typeof peerRefViewSchema>;
export type ChatSecurityView = z.infer<typeof chatSecurity>;
export type Health = z.infer<typeof healthSchema>;
export type Proof = z.infer<typeof proofSchema>;
export type Status = z.infer<typeof statusSchema>;
export type PeerView = z.infer<typeof peerViewSchema>;
export type MessageView = z.infer<typeof messageViewSchema>;
export type SendChatResult = z.infer<typeof sendChatResultSchema>;
export type FileView = z.infer<typeof fileViewSchema>;
export type SendFileResult = z.infer<typeof sendFileResultSchema>;
export type ApiError = z.infer<typeof apiErrorSchema>;
export type ClientEvent = z.infer<typeof clientEventSchema>;
export type ClientEventType = ClientEvent['type'];
