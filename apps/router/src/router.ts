// The router: drops duplicates, reads and writes chat under the v1 network password, hands
// chats and admitted file chunks to the local services, relays new messages to the other
// neighbours (v1 flooding), and builds this node's own messages.
import { randomUUID } from 'node:crypto';
import {
  ChatSecurity,
  deriveV1PasswordKey,
  encodeV1,
  encryptV1Content,
  endpointKey,
  readV1Content,
  subjects,
  v1Now,
  wireMessageToV1,
  Direction,
  type Endpoint,
  type FileChunk,
  type PeerRef,
  type V1PasswordKey,
  type WireMessage,
} from '@meshwork/protocol';
import { throttledLog, type Service, type ServiceContext } from '@meshwork/service';
import { Admissions } from './admissions.ts';
import type { Config } from './config.ts';
import { Neighbours } from './neighbours.ts';
import { SeenCache } from './seen-cache.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const security = { plain: ChatSecurity.CHAT_SECURITY_PLAIN, password: ChatSecurity.CHAT_SECURITY_V1_PASSWORD, unreadable: ChatSecurity.CHAT_SECURITY_UNREADABLE } as const;

export function createRouter({ config, log, bus }: ServiceContext<Config>): Service {
  const seen = new SeenCache(config.seenCacheSize, config.seenTtlMs);
  // what the network can repeat at will is logged once per source and interval
  const noisy = throttledLog(log);
  const neighbours = new Neighbours();
  const admissions = new Admissions();
  const subs: Array<{ unsubscribe(): void }> = [];
  let resync: NodeJS.Timeout | undefined;
  let key: V1PasswordKey | undefined;

  const header = (messageId: string = randomUUID()) => ({ messageId, senderId: config.nodeId, senderName: config.name, timestamp: v1Now() });

  async function refreshNeighbours(): Promise<void> {
    try {
      const list = await bus.request(subjects.peersList, {}, 2000);
      neighbours.replace(list.peers);
    } catch (err) {
      log.debug({ err }, 'peer list not available yet');
    }
  }

  function relay(message: WireMessage, senderId: string, from: Endpoint): void {
    const targets = neighbours.relayTargets(senderId, from);
    if (targets.length > 0) bus.publish(subjects.wireSend, { message, targets });
  }

  function onReceived(message: WireMessage, from: Endpoint): void {
    const body = message.chat ?? message.fileChunk;
    if (!body?.messageId) return;
    if (!seen.add(body.messageId)) {
      log.debug({ id: body.messageId, from: endpointKey(from) }, 'duplicate dropped');
      return;
    }
    if (body.senderId === config.nodeId) return;
    if (message.chat) {
      const read = readV1Content(message.chat.content ?? '', key);
      if (read.security === 'unreadable') {
        noisy.info(`${from.host} ${read.reason}`, { id: body.messageId, senderId: body.senderId, peer: endpointKey(from), reason: read.reason }, 'chat cannot be decrypted');
      }
      bus.publish(subjects.chatReceived, { chat: { ...message.chat, content: read.text }, from, security: security[read.security] });
      relay(message, body.senderId ?? '', from);
    } else if (message.fileChunk) {
      void onChunk(message, message.fileChunk, from);
    }
  }

  /** A chunk goes to filesvc and on to the neighbours only if filesvc takes its file. */
  async function onChunk(message: WireMessage, chunk: FileChunk, from: Endpoint): Promise<void> {
    const fileId = chunk.fileId ?? '';
    const senderId = chunk.senderId ?? '';
    let decision;
    try {
      decision = await admissions.decide(fileId, async () => {
        const reply = await bus.request(subjects.fileAdmit, { chunk, from, direct: neighbours.isDirect(senderId, from) }, config.admitTimeoutMs);
        return { accepted: reply.accepted, reason: reply.reason };
      });
    } catch (err) {
      noisy.warn(fileId, { fileId, senderId, peer: endpointKey(from), reason: `filesvc could not be asked whether it takes the file: ${(err as Error).message}` }, 'chunk dropped');
      return;
    }
    if (!decision.accepted) {
      log.debug({ fileId, chunkIndex: chunk.chunkIndex, reason: decision.reason }, 'chunk of a refused file dropped');
      return;
    }
    if (!decision.first) bus.publish(subjects.fileChunkReceived, { chunk, from });
    relay(message, senderId, from);
  }

  function onChatSend(text: string, messageId: string) {
    if (messageId && !UUID.test(messageId)) return { error: 'message_id must be a UUID' };
    if (messageId && seen.has(messageId)) return { error: `message ${messageId} was sent already` };
    const content = key ? encryptV1Content(key, text) : text;
    const chat = { ...header(messageId || undefined), content };
    try {
      encodeV1(wireMessageToV1({ chat }));
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      return { error: `the message is too large: ${err.message}`, tooLarge: true };
    }
    seen.add(chat.messageId);
    const targets: PeerRef[] = neighbours.targets();
    // each target's outcome comes back as a wire.delivery event: the client is not kept waiting
    if (targets.length > 0) bus.publish(subjects.wireSend, { message: { chat }, targets, report: true });
    log.info({ id: chat.messageId, peers: targets.length, encrypted: !!key }, 'chat sent');
    return { chat: { ...chat, content: text }, targets, security: key ? security.password : security.plain };
  }

  function onChunkSend(chunk: FileChunk, target: PeerRef | null | undefined) {
    const fileChunk = { ...chunk, ...header(chunk.messageId && UUID.test(chunk.messageId) ? chunk.messageId : undefined) };
    seen.add(fileChunk.messageId);
    const targets = target ? [target] : neighbours.targets();
    if (targets.length === 0) return { deliveries: [] };
    return bus.request(subjects.wireSend, { message: { fileChunk }, targets }, config.sendTimeoutMs);
  }

  return {
    async start() {
      if (config.password) key = await deriveV1PasswordKey(config.password);
      subs.push(
        bus.subscribe(subjects.wireReceived, (ev) => {
          if (ev.message && ev.from) onReceived(ev.message, ev.from);
        }, { queue: 'router' }),
        bus.subscribe(subjects.peerJoined, (ev) => void (ev.peer && neighbours.upsert(ev.peer))),
        bus.subscribe(subjects.peerUpdated, (ev) => void (ev.peer && neighbours.upsert(ev.peer))),
        bus.subscribe(subjects.peerLeft, (ev) => void (ev.peer && neighbours.remove(ev.peer))),
        bus.subscribe(subjects.fileFailed, (ev) => {
          if (ev.direction === Direction.DIRECTION_IN) admissions.refuse(ev.fileId, ev.reason);
        }),
        bus.serve(subjects.chatSend, (req) => (req.content ? onChatSend(req.content, req.messageId) : { error: 'empty message' }), { queue: 'router' }),
        // Each request is handled as it comes: the reply waits for transport, others go on meanwhile.
        bus.serve(subjects.fileChunkSend, (req) => (req.chunk ? onChunkSend(req.chunk, req.target) : { deliveries: [] }), { queue: 'router' }),
      );
      await bus.flush();
      await refreshNeighbours();
      resync = setInterval(() => void refreshNeighbours(), config.peerResyncMs);
      return { neighbours: neighbours.size, password: !!key };
    },
    async stop() {
      clearInterval(resync);
      for (const s of subs) s.unsubscribe();
    },
  };
}
