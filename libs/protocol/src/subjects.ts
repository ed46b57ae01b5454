// The one table of bus subjects and the message types they carry. Subjects name the
// event, not its consumer; `request` entries are NATS request/reply.
import { mesh } from './events.ts';

/** What a protobufjs static class offers for one message type. */
export interface Codec<T, P> {
  encode(message: P): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

export interface EventDef<T, P> {
  readonly kind: 'event';
  readonly subject: string;
  readonly type: Codec<T, P>;
}

export interface RequestDef<Q, QP, R, RP> {
  readonly kind: 'request';
  readonly subject: string;
  readonly request: Codec<Q, QP>;
  readonly reply: Codec<R, RP>;
}

const event = <T, P>(subject: string, type: Codec<T, P>): EventDef<T, P> => ({ kind: 'event', subject, type });
const request = <Q, QP, R, RP>(subject: string, req: Codec<Q, QP>, reply: Codec<R, RP>): RequestDef<Q, QP, R, RP> =>
  ({ kind: 'request', subject, request: req, reply });

const v1 = mesh.v1;

export const subjects = {
  /** transport -> router: a schema-checked chat or file chunk from a peer */
  wireReceived: event('mesh.v1.wire.received', v1.WireReceived),
  /** router -> transport: send a message to the listed peers (reply: one delivery per target) */
  wireSend: request('mesh.v1.wire.send', v1.WireSend, v1.WireSendResult),
  /** transport: a peer was heard for the first time (or at a new address) */
  peerJoined: event('mesh.v1.peer.joined', v1.PeerChanged),
  /** transport: a peer was not heard for the peer timeout */
  peerLeft: event('mesh.v1.peer.left', v1.PeerChanged),
  /** transport answers: the current peer table */
  peersList: request('mesh.v1.peers.list', v1.PeersListRequest, v1.PeerList),
  /** gateway -> router: send a chat to every peer */
  chatSend: request('mesh.v1.chat.send', v1.ChatSendRequest, v1.ChatSendReply),
  /** router -> gateway: a new chat from the mesh */
  chatReceived: event('mesh.v1.chat.received', v1.ChatReceived),
  /** router -> filesvc: a new file chunk from the mesh */
  fileChunkReceived: event('mesh.v1.file.chunk.received', v1.FileChunkReceived),
  /** filesvc -> router: send one of this node's chunks to every peer; the reply paces the sender */
  fileChunkSend: request('mesh.v1.file.chunk.send', v1.FileChunkSend, v1.WireSendResult),
  /** gateway -> filesvc: send the file at a path to every peer */
  fileSend: request('mesh.v1.file.send', v1.FileSendRequest, v1.FileSendReply),
  /** filesvc: progress of a transfer, either way */
  fileProgress: event('mesh.v1.file.progress', v1.FileProgress),
  /** filesvc: a file arrived whole, its hash checked, saved in the downloads folder */
  fileReceived: event('mesh.v1.file.received', v1.FileReceived),
  /** filesvc: a transfer was given up */
  fileFailed: event('mesh.v1.file.failed', v1.FileFailed),
  /** filesvc answers: the files in the downloads folder */
  filesList: request('mesh.v1.files.list', v1.FilesListRequest, v1.FileList),
} as const;

export type Subjects = typeof subjects;
