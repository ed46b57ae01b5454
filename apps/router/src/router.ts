// The router: checks every message it handles (a v2 message's origin signature, time window and
// hop limit; a v1 message is let through marked unauthenticated), drops duplicates, reads and
// writes chat under the v1 network password, hands chats and admitted file chunks to the local
// services, relays new messages to the other neighbours (flooding, one hop more each time), and
// builds and signs this node's own messages. What it drops is counted by reason.
import { randomUUID } from 'node:crypto';
import {
  ChatSecurity,
  deriveV1PasswordKey,
  encodeV1,
  encryptV1Content,
  endpointKey,
  readV1Content,
  signV2Message,
  subjects,
  v1Now,
  v2ToWireMessage,
  verifyV2Message,
  wireMessageToV1,
  wireMessageToV2,
  Direction,
  type Chat,
  type Endpoint,
  type FileChunk,
  type PeerRef,
  type V1PasswordKey,
  type WireMessage,
} from '@meshwork/protocol';
import { loadIdentity, throttledLog, type Service, type ServiceContext } from '@meshwork/service';
import { Admissions } from './admissions.ts';
import type { Config } from './config.ts';
import { Neighbours } from './neighbours.ts';
import { SeenCache } from './seen-cache.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const security = { plain: ChatSecurity.CHAT_SECURITY_PLAIN, password: ChatSecurity.CHAT_SECURITY_V1_PASSWORD, unreadable: ChatSecurity.CHAT_SECURITY_UNREADABLE } as const;

export function createRouter({ config, log, bus }: ServiceContext<Config>): Service {
  const identity = loadIdentity(config.dataDir);
  const dropped = new Map<string, number>();
  let received = 0;
  let relayed = 0;
  // ids are kept at least as long as a timestamp can stay inside the window, so a replay is refused by one or the other
  const seen = new SeenCache(config.seenCacheSize, Math.max(config.seenTtlMs, 2 * config.messageWindowMs));
  // what the network can repeat at will is logged once per source and interval
  const noisy = throttledLog(log);
  const neighbours = new Neighbours();
  const admissions = new Admissions();
  const subs: Array<{ unsubscribe(): void }> = [];
  let resync: NodeJS.Timeout | undefined;
  let key: V1PasswordKey | undefined;

  const header = (messageId: string = randomUUID()) => ({ messageId, senderId: identity.nodeId, senderName: config.name, timestamp: v1Now() });
  const isSelf = (senderId: string) => senderId === identity.nodeId || senderId === identity.v1Id;

  /** This node's message, with its hop limit and origin signature. */
  function signed(message: WireMessage): WireMessage {
    const body = message.chat ?? message.fileChunk;
    Object.assign(body!, { hopLimit: config.hopLimit, hops: 0, originKey: identity.publicKey });
    return v2ToWireMessage(signV2Message(wireMessageToV2(message), identity.privateKey));
  }

  function drop(reason: string, body: { messageId?: string | null; senderId?: string | null }, from: Endpoint, via: string): void {
    const kind = reason.replace(/ \d.*$/, '');
    dropped.set(kind, (dropped.get(kind) ?? 0) + 1);
    noisy.warn(`${via || from.host} ${kind}`, { id: body.messageId, senderId: body.senderId, peer: via || endpointKey(from), reason }, 'message dropped');
  }

  async function refreshNeighbours(): Promise<void> {
    try {
      const list = await bus.request(subjects.peersList, {}, 2000);
      neighbours.replace(list.peers);
    } catch (err) {
      log.debug({ err }, 'peer list not available yet');
    }
  }

  /** On to every other neighbour, counting the link it came over, while that stays under the hop limit. */
  function relay(message: WireMessage, senderId: string, from: Endpoint, via: string): void {
    const body = (message.chat ?? message.fileChunk)!;
    const hops = (body.hops ?? 0) + 1;
    const hopLimit = body.hopLimit || config.hopLimit;
    if (hops >= hopLimit) return;
    // with a network password, files go to v2 links only: v1 carries file chunks in clear
    const targets = neighbours.relayTargets(senderId, from, via, !!key && !!message.fileChunk);
    if (targets.length === 0) return;
    const next = message.chat ? { chat: { ...message.chat, hops, hopLimit } } : { fileChunk: { ...message.fileChunk, hops, hopLimit } };
    relayed++;
    bus.publish(subjects.wireSend, { message: next, targets });
  }

  function onReceived(message: WireMessage, from: Endpoint, via: string): void {
    const body = message.chat ?? message.fileChunk;
    if (!body?.messageId) return;
    received++;
    // an unsigned copy never takes a signed message's place: it is remembered under a key of its own
    const signed = (body.signature?.byteLength ?? 0) > 0;
    const seenKey = signed ? body.messageId : `v1|${body.messageId}`;
    if (seen.has(body.messageId) || seen.has(seenKey)) {
      // (an echo of flooding, or a replay: one line per link and 10 s)
      dropped.set('duplicate', (dropped.get('duplicate') ?? 0) + 1);
      noisy.info(`${via || from.host} duplicate`, { id: body.messageId, senderId: body.senderId, peer: via || endpointKey(from), reason: 'duplicate: message id seen' }, 'message dropped');
      return;
    }
    const check = verifyV2Message(wireMessageToV2(message), { nowMs: Date.now(), windowMs: config.messageWindowMs });
    if (!check.ok) return drop(check.reason, body, from, via);
    seen.add(seenKey);
    if (isSelf(body.senderId ?? '')) return;
    const authenticated = check.authenticated;
    if (message.chat) {
      const read = readV1Content(message.chat.content ?? '', key);
      if (read.security === 'unreadable') {
        noisy.info(`${from.host} ${read.reason}`, { id: body.messageId, senderId: body.senderId, peer: endpointKey(from), reason: read.reason }, 'chat cannot be decrypted');
      }
      bus.publish(subjects.chatReceived, { chat: { ...message.chat, content: read.text }, from, security: security[read.security], authenticated, via });
      relay(message, body.senderId ?? '', from, via);
    } else if (message.fileChunk) {
      void onChunk(message, message.fileChunk, from, via);
    }
  }

  /** A chunk goes to filesvc and on to the neighbours only if filesvc takes its file. */
  async function onChunk(message: WireMessage, chunk: FileChunk, from: Endpoint, via: string): Promise<void> {
    const fileId = chunk.fileId ?? '';
    const senderId = chunk.senderId ?? '';
    let decision;
    try {
      decision = await admissions.decide(fileId, async () => {
        const reply = await bus.request(subjects.fileAdmit, { chunk, from, direct: neighbours.isDirect(senderId, from, via) }, config.admitTimeoutMs);
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
    relay(message, senderId, from, via);
  }

  function onChatSend(text: string, messageId: string) {
    if (messageId && !UUID.test(messageId)) return { error: 'message_id must be a UUID' };
    if (messageId && seen.has(messageId)) return { error: `message ${messageId} was sent already` };
    const content = key ? encryptV1Content(key, text) : text;
    let chat: Chat;
    try {
      ({ chat } = signed({ chat: { ...header(messageId || undefined), content } }) as { chat: Chat });
    } catch (err) {
      // (a lone surrogate, say: no canonical encoding, so no signature)
      return { error: `the message cannot be signed: ${(err as Error).message}` };
    }
    try {
      encodeV1(wireMessageToV1({ chat }));
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      return { error: `the message is too large: ${err.message}`, tooLarge: true };
    }
    seen.add(chat.messageId!);
    const targets: PeerRef[] = neighbours.targets();
    // each target's outcome comes back as a wire.delivery event: the client is not kept waiting
    if (targets.length > 0) bus.publish(subjects.wireSend, { message: { chat }, targets, report: true });
    log.debug({ id: chat.messageId, peers: targets.length, encrypted: !!key }, 'chat sent');
    return { chat: { ...chat, content: text }, targets, security: key ? security.password : security.plain };
  }

  function onChunkSend(chunk: FileChunk, target: PeerRef | null | undefined) {
    const { fileChunk } = signed({ fileChunk: { ...chunk, ...header(chunk.messageId && UUID.test(chunk.messageId) ? chunk.messageId : undefined) } }) as { fileChunk: FileChunk };
    seen.add(fileChunk.messageId!);
    const targets = target ? [target] : neighbours.targets(!!key);
    if (targets.length === 0) return { deliveries: [] };
    return bus.request(subjects.wireSend, { message: { fileChunk }, targets }, config.sendTimeoutMs);
  }

  return {
    async start() {
      if (config.password) key = await deriveV1PasswordKey(config.password);
      subs.push(
        bus.subscribe(subjects.wireReceived, (ev) => {
          if (ev.message && ev.from) onReceived(ev.message, ev.from, ev.via);
        }, { queue: 'router' }),
        bus.subscribe(subjects.peerJoined, (ev) => void (ev.peer && neighbours.upsert(ev.peer))),
        bus.subscribe(subjects.peerUpdated, (ev) => void (ev.peer && neighbours.upsert(ev.peer))),
        bus.subscribe(subjects.peerLeft, (ev) => void (ev.peer && neighbours.remove(ev.peer))),
        bus.subscribe(subjects.fileFailed, (ev) => {
          if (ev.direction === Direction.DIRECTION_IN) admissions.refuse(ev.fileId, ev.reason);
        }),
        bus.serve(subjects.routerStats, () => ({ dropped: Object.fromEntries(dropped), received, relayed })),
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
