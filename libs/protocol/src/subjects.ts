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
  /** transport: one target's outcome of a wire.send that asked for reports */
  wireDelivery: event('mesh.v1.wire.delivery', v1.WireDelivery),
  /** transport: a peer was heard for the first time (or at a new address) */
  peerJoined: event('mesh.v1.peer.joined', v1.PeerChanged),
  /** transport: a peer was not heard for the peer timeout */
  peerLeft: event('mesh.v1.peer.left', v1.PeerChanged),
  /** transport: a peer was marked down or up again, or renamed */
  peerUpdated: event('mesh.v1.peer.updated', v1.PeerChanged),
  /** transport answers: the current peer table */
  peersList: request('mesh.v1.peers.list', v1.PeersListRequest, v1.PeerList),
  /** gateway -> router: send a chat to every peer */
  chatSend: request('mesh.v1.chat.send', v1.ChatSendRequest, v1.ChatSendReply),
  /** router -> gateway: a new chat from the mesh */
  chatReceived: event('mesh.v1.chat.received', v1.ChatReceived),
  /** router -> filesvc: a new file chunk from the mesh, of an admitted transfer */
  fileChunkReceived: event('mesh.v1.file.chunk.received', v1.FileChunkReceived),
  /** router -> filesvc: would filesvc take this new file? (it takes the chunk if so) */
  fileAdmit: request('mesh.v1.file.admit', v1.FileAdmitRequest, v1.FileAdmitReply),
  /** filesvc -> router: send one of this node's chunks to every neighbour (or one); the reply paces the sender */
  fileChunkSend: request('mesh.v1.file.chunk.send', v1.FileChunkSend, v1.WireSendResult),
  /** gateway -> filesvc: take a file over a bus stream and send it to every peer */
  fileUpload: request('mesh.v1.file.upload', v1.FileUploadRequest, v1.FileSendReply),
  /** gateway -> filesvc: stream a received file over a bus stream */
  fileDownload: request('mesh.v1.file.download', v1.FileDownloadRequest, v1.FileDownloadReply),
  /** filesvc: progress of a transfer, either way */
  fileProgress: event('mesh.v1.file.progress', v1.FileProgress),
  /** filesvc: a file arrived whole, its hash checked, saved in the downloads folder */
  fileReceived: event('mesh.v1.file.received', v1.FileReceived),
  /** filesvc: a transfer was given up (an outgoing one: no peer took it all) */
  fileFailed: event('mesh.v1.file.failed', v1.FileFailed),
  /** filesvc: an outgoing transfer ended, with each peer's outcome */
  fileSent: event('mesh.v1.file.sent', v1.FileSent),
  /** router answers: messages received, relayed and dropped (by reason) */
  routerStats: request('mesh.v1.router.stats', v1.RouterStatsRequest, v1.RouterStats),
  /** filesvc answers: the files in the downloads folder */
  filesList: request('mesh.v1.files.list', v1.FilesListRequest, v1.FileList),
} as const;

export type Subjects = typeof subjects;

/** A bus stream's two subjects (see StreamData in events.proto); ids are made by newStreamId. */
export const streamSubjects = (id: string) => {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) throw new RangeError(`invalid stream id ${JSON.stringify(id).slice(0, 80)}`);
  return {
    data: { kind: 'event', subject: `mesh.v1.stream.${id}.data`, type: v1.StreamData } as EventDef<mesh.v1.StreamData, mesh.v1.StreamData.$Properties>,
    ctl: { kind: 'event', subject: `mesh.v1.stream.${id}.ctl`, type: v1.StreamControl } as EventDef<mesh.v1.StreamControl, mesh.v1.StreamControl.$Properties>,
  };
};
