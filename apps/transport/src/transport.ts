// The transport: owns a node's sockets. Inbound v1 messages become wire.received events;
// wire.send requests become one TCP connection per message and target, each target on its
// own (a peer that keeps failing is marked down and probed with back-off, see peer-health.ts);
// discovery keeps the peer table, whose changes become peer.joined / peer.left / peer.updated.
import { lookup } from 'node:dns/promises';
import { isIPv4 } from 'node:net';
import { encodeV1, endpointKey, parseHostPort, subjects, v1ToWireMessage, wireMessageToV1, type Delivery, type HostPort, type mesh, type Peer, type PeerRef } from '@meshwork/protocol';
import { bindError } from '@meshwork/config';
import { throttledLog, type Service, type ServiceContext } from '@meshwork/service';
import { advertisedAddress, isOnLoopback, isSpecificHost } from './addresses.ts';
import type { Config } from './config.ts';
import { createDiscovery, type Discovery } from './discovery.ts';
import { localSendErrors, SendError } from './errors.ts';
import { PeerHealth, type HealthChange } from './peer-health.ts';
import { PeerTable, type PeerChange, type PeerEntry } from './peer-table.ts';
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
    maxQueuedBytes: config.maxQueuedBytesPerPeer,
    log: log.child({ component: 'tcp-sender' }),
  });
  const health = new PeerHealth({ downAfterFailures: config.downAfterFailures, retryMs: config.downRetryMs, retryMaxMs: config.downRetryMaxMs });
  // a peer's joins, leaves and renames are logged at most once per interval and endpoint
  const peerLogs = throttledLog(log, { intervalMs: 10_000 });
  const subs: Array<{ unsubscribe(): void }> = [];
  const newTable = (staticPeers: HostPort[] = []) =>
    new PeerTable({
      timeoutMs: config.peerTimeoutMs,
      maxPeers: config.maxPeers,
      maxPeersPerAddress: config.maxPeersPerAddress,
      replaceAfterMs: config.discoveryIntervalMs,
      staticPeers,
    });
  let table = newTable();
  let listener: TcpListener | undefined;
  let discovery: Discovery | undefined;
  let sweeper: NodeJS.Timeout | undefined;

  /** A peer as the bus sees it: the table's entry and its send health. */
  function view(entry: PeerEntry): Peer {
    return { ...entry, ...health.state(endpointKey(entry.endpoint)) };
  }

  function publish(changes: PeerChange[]): void {
    for (const change of changes) {
      const peer = view(change.peer);
      const where = endpointKey(change.peer.endpoint);
      const fields = { nodeId: peer.nodeId, name: peer.name, endpoint: where, static: peer.static };
      if (change.kind === 'joined') {
        peerLogs.info(where, fields, 'peer joined');
        bus.publish(subjects.peerJoined, { peer });
      } else if (change.kind === 'left') {
        peerLogs.info(where, { ...fields, reason: change.reason }, 'peer left');
        bus.publish(subjects.peerLeft, { peer, reason: change.reason });
        if (!table.atEndpoint(change.peer.endpoint)) health.forget(where);
      } else {
        peerLogs.info(where, fields, 'peer renamed');
        bus.publish(subjects.peerUpdated, { peer, reason: 'renamed' });
      }
    }
  }

  function healthChanged(endpoint: HostPort, nodeId: string, change: HealthChange): void {
    const key = endpointKey(endpoint);
    const entry = table.atEndpoint(endpoint);
    const peer: Peer = entry ? view(entry) : { nodeId, endpoint, ...health.state(key) };
    if (change.kind === 'down') {
      const queued = sender.dropQueued(endpoint, health.downReason(key));
      log.warn({ nodeId: peer.nodeId, endpoint: key, error: change.error, retryAt: peer.retryAt, queuedDropped: queued }, 'peer down');
      bus.publish(subjects.peerUpdated, { peer, reason: `down: ${change.error}` });
    } else {
      log.info({ nodeId: peer.nodeId, endpoint: key }, 'peer up');
      bus.publish(subjects.peerUpdated, { peer, reason: 'up' });
    }
  }

  /** Where a target goes: the known node's current endpoint, else the endpoint it names. */
  function resolve(target: mesh.v1.IPeerRef): { nodeId: string; endpoint: HostPort } | string {
    const nodeId = target.nodeId ?? '';
    const known = table.byNodeId(nodeId);
    if (known) return { nodeId, endpoint: known.endpoint };
    const host = target.endpoint?.host ?? '';
    const port = target.endpoint?.port ?? 0;
    if (isIPv4(host) && port >= 1 && port <= 65535) return { nodeId: nodeId || (table.atEndpoint({ host, port })?.nodeId ?? ''), endpoint: { host, port } };
    if (!host && !port) return nodeId ? `unknown peer ${nodeId}: not in the peer table, and no endpoint given` : 'target names neither a node id nor an endpoint';
    return `invalid target endpoint "${host}:${port}"`;
  }

  async function deliver(target: mesh.v1.IPeerRef, bytes: Buffer | string): Promise<Delivery> {
    const where = resolve(target);
    if (typeof where === 'string') return { peer: { nodeId: target.nodeId ?? '', endpoint: target.endpoint ?? undefined }, ok: false, error: where };
    const { nodeId, endpoint } = where;
    const peer: PeerRef = { nodeId, endpoint };
    if (typeof bytes === 'string') return { peer, ok: false, error: bytes };
    const key = endpointKey(endpoint);
    const admission = health.admit(key);
    if (!admission.ok) return { peer, ok: false, error: admission.reason };
    try {
      await sender.send(endpoint, bytes);
      const change = health.succeeded(key);
      if (change) healthChanged(endpoint, nodeId, change);
      return { peer, ok: true };
    } catch (err) {
      const failure = err instanceof SendError ? err : new SendError(key, (err as Error).message, 'EUNKNOWN', err);
      if (localSendErrors.has(failure.code)) {
        health.released(key, admission.probe);
      } else {
        const change = health.failed(key, failure.reason, admission.probe);
        if (change) healthChanged(endpoint, nodeId, change);
        else if (admission.probe) log.debug({ nodeId, endpoint: key, error: failure.reason, retryAt: health.state(key).retryAt }, 'down peer still failing');
      }
      return { peer, ok: false, error: failure.reason };
    }
  }

  async function send(req: mesh.v1.WireSend): Promise<mesh.v1.WireSendResult.$Properties> {
    let bytes: Buffer | string;
    try {
      bytes = encodeV1(wireMessageToV1(req.message ?? {}));
    } catch (err) {
      bytes = (err as Error).message;
    }
    const body = req.message?.chat ?? req.message?.fileChunk;
    const messageId = body?.messageId ?? '';
    // each target on its own; its outcome is reported as soon as it is known
    const deliveries = await Promise.all(
      req.targets.map(async (target) => {
        const delivery = await deliver(target, bytes);
        if (req.report) bus.publish(subjects.wireDelivery, { messageId, delivery });
        return delivery;
      }),
    );
    const failed = deliveries.filter((d) => !d.ok).map((d) => ({ peer: d.peer?.nodeId || endpointKey(d.peer?.endpoint ?? {}), error: d.error }));
    log.debug({ id: messageId, bytes: typeof bytes === 'string' ? undefined : bytes.byteLength, targets: deliveries.length, failed }, 'message sent');
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
      table = newTable(await staticPeers());

      listener = createTcpListener({
        host: config.host,
        port: config.port,
        maxMessageBytes: config.maxMessageBytes,
        inboundTimeoutMs: config.inboundTimeoutMs,
        firstByteTimeoutMs: config.firstByteTimeoutMs,
        maxConnections: config.maxConnections,
        maxConnectionsPerAddress: config.maxConnectionsPerAddress,
        badFramesPerMinute: config.badFramesPerMinute,
        badFrameCooldownMs: config.badFrameCooldownMs,
        log: log.child({ component: 'tcp-listener' }),
        onMessage: (m, from) => bus.publish(subjects.wireReceived, { message: v1ToWireMessage(m), from, receivedAt: Date.now() }),
      });
      const address = await listener.listen().catch((err: unknown) => {
        throw bindError('--host/--port', `${config.host}:${config.port}`, err);
      });

      subs.push(
        bus.serve(subjects.wireSend, (req) => send(req)),
        bus.serve(subjects.peersList, () => ({ peers: table.list().map(view) })),
      );
      publish(table.list().map((peer) => ({ kind: 'joined', peer })));

      discovery = createDiscovery({
        host: config.host,
        port: address.port,
        broadcast: config.broadcast,
        advertise,
        allowLoopback: isOnLoopback(config, advertise),
        intervalMs: config.discoveryIntervalMs,
        repliesPerSecond: config.repliesPerSecond,
        nodeId: config.nodeId,
        nodeName: config.name,
        badFramesPerMinute: config.badFramesPerMinute,
        badFrameCooldownMs: config.badFrameCooldownMs,
        log: log.child({ component: 'discovery' }),
        staticTargets: () => table.staticEndpoints(),
        onAnnouncement: (a) => {
          const result = table.announce(a);
          if (!result.ok) return result;
          publish(result.changes);
          // (an announcement says nothing of health: anyone can forge one; only a delivered probe marks a peer up)
          return { ok: true };
        },
      });
      const discoveryPort = await discovery.start().catch((err: unknown) => {
        throw bindError('--port', `${config.port} (UDP ${config.port + 1} for discovery)`, err);
      });
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
