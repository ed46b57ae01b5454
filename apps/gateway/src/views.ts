// Bus messages (protobuf) as the client API shows them (libs/protocol/src/api.ts).
import {
  ChatSecurity,
  Direction,
  endpointKey,
  type Chat,
  type ChatSecurityView,
  type ClientEvent,
  type Endpoint,
  type FileView,
  type MessageView,
  type mesh,
  type Peer,
  type PeerRef,
  type PeerRefView,
  type PeerView,
} from '@meshwork/protocol';

export function peerView(peer: Peer | null | undefined): PeerView {
  const view: PeerView = {
    nodeId: peer?.nodeId ?? '',
    name: peer?.name ?? '',
    host: peer?.endpoint?.host ?? '',
    port: peer?.endpoint?.port ?? 0,
    lastSeen: peer?.lastSeen ?? 0,
    static: peer?.static ?? false,
    down: peer?.down ?? false,
    dialect: peer?.dialect === 'v2' ? 'v2' : 'v1',
    linked: peer?.linked ?? false,
  };
  if (peer?.fingerprint) view.fingerprint = peer.fingerprint;
  if (peer?.down) {
    view.lastError = peer.lastError ?? '';
    view.retryAt = peer.retryAt ?? 0;
  }
  return view;
}

export const peerRefView = (p: PeerRef | null | undefined): PeerRefView => ({
  nodeId: p?.nodeId ?? '',
  address: p?.endpoint ? endpointKey(p.endpoint) : '',
});

const securityView: Record<number, ChatSecurityView> = {
  [ChatSecurity.CHAT_SECURITY_PLAIN]: 'plain',
  [ChatSecurity.CHAT_SECURITY_V1_PASSWORD]: 'password',
  [ChatSecurity.CHAT_SECURITY_UNREADABLE]: 'unreadable',
};

/** A chat as clients see it; `received` says how it came in (its origin signature checked or not, its link). */
export function messageView(chat: Chat, direction: 'in' | 'out', security: ChatSecurity | null | undefined, received?: { from?: Endpoint | null; authenticated?: boolean; via?: string }): MessageView {
  const shown = securityView[security ?? 0] ?? 'unreadable';
  const view: MessageView = {
    id: chat.messageId ?? '',
    senderId: chat.senderId ?? '',
    senderName: chat.senderName ?? '',
    timestamp: chat.timestamp ?? 0,
    content: shown === 'unreadable' ? '' : (chat.content ?? ''),
    security: shown,
    // this node's own chats are signed by it
    authenticated: direction === 'out' || !!received?.authenticated,
    direction,
  };
  if (received?.from) view.from = endpointKey(received.from);
  if (received?.via) view.via = received.via;
  return view;
}

export function fileView(file: mesh.v1.StoredFile.$Properties): FileView {
  return { filename: file.filename ?? '', size: file.size ?? 0, modified: file.modified ?? 0 };
}

/** 'in' | 'out', or undefined for DIRECTION_UNSPECIFIED (the event does not fit the contract). */
export function directionOf(d: number): 'in' | 'out' | undefined {
  if (d === Direction.DIRECTION_IN) return 'in';
  if (d === Direction.DIRECTION_OUT) return 'out';
  return undefined;
}

export function fileProgressEvent(ev: mesh.v1.FileProgress): ClientEvent | undefined {
  const direction = directionOf(ev.direction);
  if (!direction) return undefined;
  return {
    type: 'file.progress',
    fileId: ev.fileId,
    filename: ev.filename,
    direction,
    bytesDone: ev.bytesDone ?? 0,
    size: ev.size ?? 0,
    chunksDone: ev.chunksDone,
    totalChunks: ev.totalChunks,
  };
}

export function fileReceivedEvent(ev: mesh.v1.FileReceived): ClientEvent {
  return {
    type: 'file.received',
    fileId: ev.fileId,
    filename: ev.filename,
    size: ev.size ?? 0,
    sha256: ev.sha256,
    senderId: ev.senderId,
    senderName: ev.senderName,
    authenticated: ev.authenticated,
  };
}

export function fileFailedEvent(ev: mesh.v1.FileFailed): ClientEvent | undefined {
  const direction = directionOf(ev.direction);
  if (!direction) return undefined;
  return { type: 'file.failed', fileId: ev.fileId, filename: ev.filename, direction, reason: ev.reason };
}

export function fileSentEvent(ev: mesh.v1.FileSent): ClientEvent {
  return {
    type: 'file.sent',
    fileId: ev.fileId,
    filename: ev.filename,
    size: ev.size ?? 0,
    peers: ev.peers.map((p) => ({ peer: peerRefView(p.peer), ok: !!p.ok, ...(p.ok ? {} : { error: p.error ?? '' }) })),
  };
}

export function chatDeliveryEvent(ev: mesh.v1.WireDelivery): ClientEvent {
  const d = ev.delivery;
  const status = d?.status === 'written' || d?.status === 'delivered' ? d.status : d?.ok ? 'delivered' : 'failed';
  return { type: 'chat.delivery', messageId: ev.messageId, peer: peerRefView(d?.peer), ok: d?.ok ?? false, status, ...(d?.ok ? {} : { error: d?.error || 'not delivered' }) };
}
