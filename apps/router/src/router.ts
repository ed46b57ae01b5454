// The router: drops duplicates, hands chats and chunks to the local services, relays new
// messages to the other neighbours (v1 flooding), and builds this node's own messages.
import { randomUUID } from 'node:crypto';
import { endpointKey, subjects, v1Now, type Endpoint, type WireMessage } from '@meshwork/protocol';
import type { Service, ServiceContext } from '@meshwork/service';
import type { Config } from './config.ts';
import { Neighbours } from './neighbours.ts';
import { SeenCache } from './seen-cache.ts';

export function createRouter({ config, log, bus }: ServiceContext<Config>): Service {
  const seen = new SeenCache(config.seenCacheSize, config.seenTtlMs);
  const neighbours = new Neighbours();
  const subs: Array<{ unsubscribe(): void }> = [];
  let resync: NodeJS.Timeout | undefined;

  const header = () => ({ messageId: randomUUID(), senderId: config.nodeId, senderName: config.nodeName, timestamp: v1Now() });

  async function refreshNeighbours(): Promise<void> {
    try {
      const list = await bus.request(subjects.peersList, {}, 2000);
      neighbours.replace(list.peers);
    } catch (err) {
      log.debug({ err }, 'peer list not available yet');
    }
  }

  /** Sends to every neighbour but the excluded ones; resolves with one delivery each. */
  function send(message: WireMessage, targets: Endpoint[]) {
    if (targets.length === 0) return Promise.resolve({ deliveries: [] });
    return bus.request(subjects.wireSend, { message, targets }, config.sendTimeoutMs);
  }

  function onReceived(message: WireMessage, from: Endpoint): void {
    const body = message.chat ?? message.fileChunk;
    if (!body?.messageId) return;
    if (!seen.add(body.messageId)) {
      log.debug({ id: body.messageId, from: endpointKey(from) }, 'duplicate dropped');
      return;
    }
    if (body.senderId === config.nodeId) return;
    if (message.chat) bus.publish(subjects.chatReceived, { chat: message.chat, from });
    else bus.publish(subjects.fileChunkReceived, { chunk: message.fileChunk, from });
    const targets = neighbours.relayTargets(body.senderId ?? '', from);
    if (targets.length > 0) bus.publish(subjects.wireSend, { message, targets });
  }

  async function onChatSend(content: string) {
    const chat = { ...header(), content };
    seen.add(chat.messageId);
    const { deliveries } = await send({ chat }, neighbours.all());
    log.info({ id: chat.messageId, peers: deliveries.length, delivered: deliveries.filter((d) => d.ok).length }, 'chat sent');
    return { chat, deliveries };
  }

  function onChunkSend(chunk: NonNullable<WireMessage['fileChunk']>) {
    const fileChunk = { ...chunk, ...header() };
    seen.add(fileChunk.messageId);
    return send({ fileChunk }, neighbours.all());
  }

  return {
    async start() {
      subs.push(
        bus.subscribe(subjects.wireReceived, (ev) => {
          if (ev.message && ev.from) onReceived(ev.message, ev.from);
        }, { queue: 'router' }),
        bus.subscribe(subjects.peerJoined, (ev) => void (ev.peer && neighbours.upsert(ev.peer))),
        bus.subscribe(subjects.peerLeft, (ev) => void (ev.peer && neighbours.remove(ev.peer))),
        bus.serve(subjects.chatSend, async (req) => {
          if (!req.content) return { error: 'empty message' };
          return onChatSend(req.content);
        }, { queue: 'router' }),
        // Each request is handled as it comes: the reply waits for transport, others go on meanwhile.
        bus.serve(subjects.fileChunkSend, (req) => (req.chunk ? onChunkSend(req.chunk) : { deliveries: [] }), { queue: 'router' }),
      );
      await bus.flush();
      await refreshNeighbours();
      resync = setInterval(() => void refreshNeighbours(), config.peerResyncMs);
      return { neighbours: neighbours.all().length };
    },
    async stop() {
      clearInterval(resync);
      for (const s of subs) s.unsubscribe();
    },
  };
}
