// The transport: owns a node's sockets. Inbound v1 messages become wire.received events,
// wire.send requests become one TCP connection per message and target, discovery keeps the
// peer table, and the table's changes become peer.joined / peer.left events.
import { lookup } from 'node:dns/promises';
import { isIPv4 } from 'node:net';
import { encodeV1, subjects, v1ToWireMessage, wireMessageToV1, type mesh } from '@meshwork/protocol';
import type { Service, ServiceContext } from '@meshwork/service';
import { advertisedAddress, isSpecificHost, parseHostPort, type Config, type HostPort } from './config.ts';
import { createDiscovery, type Discovery } from './discovery.ts';
import { SendError } from './errors.ts';
import { PeerTable, type PeerChange } from './peer-table.ts';
import { createTcpListener, type TcpListener } from './tcp-listener.ts';
import { createTcpSender } from './tcp-sender.ts';

export function createTransport({ config, log, bus }: ServiceContext<Config>): Service {
  const advertise = advertisedAddress(config);
  const sender = createTcpSender({
    localAddress: isSpecificHost(config.host) ? config.host : undefined,
    concurrency: config.sendConcurrency,
    retries: config.sendRetries,
    connectTimeoutMs: config.connectTimeoutMs,
    maxQueued: config.maxQueuedPerPeer,
    log: log.child({ component: 'tcp-sender' }),
  });
  const subs: Array<{ unsubscribe(): void }> = [];
  let table = new PeerTable({ timeoutMs: config.peerTimeoutMs });
  let listener: TcpListener | undefined;
  let discovery: Discovery | undefined;
  let sweeper: NodeJS.Timeout | undefined;

  function publish(changes: PeerChange[]): void {
    for (const change of changes) {
      const { peer } = change;
      const fields = { nodeId: peer.nodeId, name: peer.name, endpoint: `${peer.endpoint.host}:${peer.endpoint.port}`, static: peer.static };
      if (change.kind === 'joined') {
        log.info(fields, 'peer joined');
        bus.publish(subjects.peerJoined, { peer });
      } else {
        log.info({ ...fields, reason: change.reason }, 'peer left');
        bus.publish(subjects.peerLeft, { peer, reason: change.reason });
      }
    }
  }

  async function send(req: mesh.v1.WireSend): Promise<mesh.v1.WireSendResult.$Properties> {
    let bytes: Buffer | undefined;
    let encodeError = '';
    try {
      bytes = encodeV1(wireMessageToV1(req.message ?? {}));
    } catch (err) {
      encodeError = (err as Error).message;
    }
    const deliveries = await Promise.all(
      req.targets.map(async (t) => {
        const target = { host: t.host ?? '', port: t.port ?? 0 };
        if (!bytes) return { target, ok: false, error: encodeError };
        if (!target.host || target.port < 1 || target.port > 65535) return { target, ok: false, error: `invalid target "${target.host}:${target.port}"` };
        try {
          await sender.send(target, bytes);
          return { target, ok: true };
        } catch (err) {
          return { target, ok: false, error: err instanceof SendError ? err.reason : (err as Error).message };
        }
      }),
    );
    const body = req.message?.chat ?? req.message?.fileChunk;
    const failed = deliveries.filter((d) => !d.ok).map((d) => ({ peer: `${d.target.host}:${d.target.port}`, error: d.error }));
    log.debug({ id: body?.messageId, bytes: bytes?.byteLength, targets: deliveries.length, failed }, 'message sent');
    return { deliveries };
  }

  /** Static peers as IPv4 endpoints (host names resolved once, at start). */
  async function staticPeers(): Promise<HostPort[]> {
    const out: HostPort[] = [];
    for (const text of config.peers) {
      const parsed = parseHostPort(text);
      if (typeof parsed === 'string') continue; // the config schema already refused it
      if (isIPv4(parsed.host)) {
        out.push(parsed);
        continue;
      }
      try {
        const { address } = await lookup(parsed.host, { family: 4 });
        out.push({ host: address, port: parsed.port });
      } catch (err) {
        log.warn({ peer: text, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }, 'static peer not resolved: skipped');
      }
    }
    return out;
  }

  return {
    async start() {
      const statics = await staticPeers();
      table = new PeerTable({ timeoutMs: config.peerTimeoutMs, staticPeers: statics });

      listener = createTcpListener({
        host: config.host,
        port: config.port,
        maxMessageBytes: config.maxMessageBytes,
        inboundTimeoutMs: config.inboundTimeoutMs,
        maxConnections: config.maxConnections,
        badFramesPerMinute: config.badFramesPerMinute,
        badFrameCooldownMs: config.badFrameCooldownMs,
        log: log.child({ component: 'tcp-listener' }),
        onMessage: (m, from) => bus.publish(subjects.wireReceived, { message: v1ToWireMessage(m), from, receivedAt: Date.now() }),
      });
      const address = await listener.listen();

      subs.push(
        bus.serve(subjects.wireSend, (req) => send(req)),
        bus.serve(subjects.peersList, () => ({ peers: table.list() })),
      );
      publish(table.list().map((peer) => ({ kind: 'joined', peer })));

      const self = new Set([`${advertise}:${address.port}`, `${config.host}:${address.port}`]);
      const d = createDiscovery({
        host: config.host,
        port: address.port,
        broadcast: config.broadcast,
        advertise,
        intervalMs: config.discoveryIntervalMs,
        nodeId: config.nodeId,
        nodeName: config.nodeName,
        badFramesPerMinute: config.badFramesPerMinute,
        badFrameCooldownMs: config.badFrameCooldownMs,
        log: log.child({ component: 'discovery' }),
        targets: () => table.endpoints(),
        onAnnouncement: (a, from) => {
          const endpoint = { host: a.ip, port: a.port };
          const unusable = unusableReason(a.ip, `${a.ip}:${a.port}`, self);
          if (unusable) {
            log.warn({ peer: `${from.host}:${from.port}`, nodeId: a.node_id, reason: unusable }, 'dropped discovery datagram');
            return;
          }
          const changes = table.announce({ nodeId: a.node_id, name: a.node_name, endpoint });
          publish(changes);
          // a newcomer learns us at once rather than at our next round
          if (changes.some((c) => c.kind === 'joined')) d.announceTo(endpoint);
        },
      });
      discovery = d;
      const discoveryPort = await d.start();
      sweeper = setInterval(() => publish(table.sweep()), config.peerSweepMs);
      await bus.flush();
      return { tcp: `${config.host}:${address.port}`, discoveryPort, advertise };
    },

    async stop() {
      clearInterval(sweeper);
      for (const sub of subs.splice(0)) sub.unsubscribe();
      sender.close();
      await Promise.all([discovery?.close(), listener?.close()]);
    },
  };
}

/** Why an announced endpoint cannot be a peer's, if it cannot. */
function unusableReason(ip: string, endpoint: string, self: Set<string>): string | undefined {
  if (self.has(endpoint)) return `announces this node's own endpoint ${endpoint}`;
  const first = Number(ip.split('.')[0]);
  if (!isIPv4(ip) || ip === '0.0.0.0' || ip === '255.255.255.255' || first >= 224) return `announces an address no peer can be reached at: ${ip}`;
  return undefined;
}
