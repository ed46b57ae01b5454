// The transport: owns a node's sockets. v2 peers get one authenticated, encrypted link each
// (links.ts), dialled as soon as discovery or a neighbour's peer list names them; v1 peers get
// one TCP connection per message, each target on its own (a peer that keeps failing is marked
// down and probed with back-off, see peer-health.ts). Inbound messages of either dialect become
// wire.received events (with the link they came in on); wire.send requests are written to each
// target in its dialect and reported per target. A v2 peer is a neighbour while its link is up:
// its link coming up is peer.joined, its link going down is peer.left with the reason.
import { lookup } from 'node:dns/promises';
import { isIPv4 } from 'node:net';
import {
  encodeInnerFrame,
  encodeV1,
  endpointKey,
  fingerprintOf,
  isV2NodeId,
  parseHostPort,
  parseInnerFrame,
  subjects,
  v1ToWireMessage,
  v2ToWireMessage,
  wireMessageToV1,
  wireMessageToV2,
  V2,
  type Delivery,
  type HostPort,
  type mesh,
  type Peer,
  type PeerRef,
} from '@meshwork/protocol';
import { bindError } from '@meshwork/config';
import { loadIdentity, rejectionKey, throttledLog, type Service, type ServiceContext } from '@meshwork/service';
import { advertisedAddress, broadcastAddresses, isOnLoopback, isSpecificHost, refusedSource } from './addresses.ts';
import type { Config } from './config.ts';
import { createDiscovery, type Discovery } from './discovery.ts';
import { localSendErrors, SendError } from './errors.ts';
import { makeLinkIdentity } from './link-handshake.ts';
import type { Link, LinkPeer } from './link.ts';
import { Links } from './links.ts';
import { createNetworkKey } from './network-key.ts';
import { PeerHealth, type HealthChange } from './peer-health.ts';
import { PeerTable, type PeerChange, type PeerEntry } from './peer-table.ts';
import { createTcpListener, type TcpListener } from './tcp-listener.ts';
import { createTcpSender } from './tcp-sender.ts';

/** how often a link's peer list is offered again when it changed */
const GOSSIP_MS = 10_000;
/** how long the larger of two node ids waits for the smaller to dial before it dials itself */
const DIAL_DEFER_MS = 300;

export function createTransport({ config, log, bus }: ServiceContext<Config>): Service {
  const identity = loadIdentity(config.dataDir);
  const advertise = advertisedAddress(config);
  const broadcast = broadcastAddresses(config);
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
  const networkKey = createNetworkKey({ dataDir: config.dataDir, password: config.password, log: log.child({ component: 'network-key' }) });
  // a peer's joins, leaves and renames are logged at most once per interval and endpoint
  const peerLogs = throttledLog(log, { intervalMs: 10_000 });
  const noisy = throttledLog(log, { intervalMs: 10_000 });
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
  let links: Links | undefined;
  let listener: TcpListener | undefined;
  let discovery: Discovery | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let gossiper: NodeJS.Timeout | undefined;
  /** endpoints where a v2 node was linked or announced itself: never written to in v1 (in clear) */
  const v2Endpoints = new Set<string>();
  const rememberV2 = (endpoint: HostPort) => {
    v2Endpoints.add(endpointKey(endpoint));
    if (v2Endpoints.size > 4 * config.maxPeers) v2Endpoints.delete(v2Endpoints.values().next().value!);
  };
  /** per link: the peer list it was last sent */
  const gossipSent = new WeakMap<Link, string>();

  /** A peer as the bus sees it: the table's entry, its link (v2) or its send health (v1). */
  function view(entry: PeerEntry): Peer {
    const link = entry.nodeId ? links?.get(entry.nodeId) : undefined;
    if (entry.dialect === 'v2' || link) return { ...entry, dialect: 'v2', linked: !!link, ...(link ? { endpoint: { host: link.peer.host, port: link.peer.port }, key: link.peer.key, fingerprint: fingerprintOf(link.peer.nodeId) } : {}) };
    return { ...entry, ...health.state(endpointKey(entry.endpoint)) };
  }

  function linkView(peer: LinkPeer): Peer {
    const entry = table.byNodeId(peer.nodeId);
    return { ...(entry ?? {}), nodeId: peer.nodeId, name: peer.name, endpoint: { host: peer.host, port: peer.port }, dialect: 'v2', key: peer.key, fingerprint: fingerprintOf(peer.nodeId), v1Id: peer.nodeId.slice(0, 8), linked: true, lastSeen: Date.now() };
  }

  function publish(changes: PeerChange[]): void {
    for (const change of changes) {
      const where = endpointKey(change.peer.endpoint);
      const fields = { nodeId: change.peer.nodeId, name: change.peer.name, endpoint: where, static: change.peer.static, dialect: change.peer.dialect };
      // a v2 peer is on the bus while its link is up (linkUp / linkDown); the table only says where to dial it
      const linked = !!(change.peer.nodeId && links?.get(change.peer.nodeId));
      if (change.peer.dialect === 'v2' && change.kind !== 'renamed') {
        if (change.kind === 'updated') continue;
        peerLogs.debug(where, { ...fields, reason: change.kind === 'left' ? change.reason : undefined }, change.kind === 'joined' ? 'v2 peer heard' : 'v2 peer no longer heard');
        continue;
      }
      const peer = view(change.peer);
      if (change.kind === 'joined') {
        peerLogs.info(where, fields, 'peer joined');
        bus.publish(subjects.peerJoined, { peer });
      } else if (change.kind === 'left') {
        peerLogs.info(where, { ...fields, reason: change.reason }, 'peer left');
        bus.publish(subjects.peerLeft, { peer, reason: change.reason });
        if (!table.atEndpoint(change.peer.endpoint)) health.forget(where);
      } else if (change.peer.dialect !== 'v2' || linked) {
        peerLogs.info(where, fields, 'peer renamed');
        bus.publish(subjects.peerUpdated, { peer, reason: 'renamed' });
      }
    }
  }

  function linkUp(peer: LinkPeer, link: Link, replaced: boolean): void {
    rememberV2({ host: peer.host, port: peer.port });
    if (!replaced) bus.publish(subjects.peerJoined, { peer: linkView(peer) });
    offerPeers(link);
  }

  function linkDown(peer: LinkPeer, reason: string): void {
    bus.publish(subjects.peerLeft, { peer: { ...linkView(peer), linked: false }, reason: `link down: ${reason}` });
    // its next announcement (its start-up one, after a restart) is a newcomer's: answered and dialled at once
    publish(table.remove(peer.nodeId, `link down: ${reason}`));
  }

  /** peer_list gossip: the linked v2 peers but the receiver, when they changed since last time. */
  function offerPeers(link: Link): void {
    if (!config.peerGossip) return;
    const peers = (links?.list() ?? [])
      .filter((l) => l !== link && l.peer.nodeId !== link.peer.nodeId)
      .slice(0, V2.maxPeerList)
      .map((l) => ({ id: l.peer.nodeId, key: l.peer.key.toString('base64'), host: l.peer.host, port: l.peer.port, name: l.peer.name }));
    const frame = encodeInnerFrame({ type: 'peer_list', peers });
    const text = frame.toString('latin1');
    if (gossipSent.get(link) === text) return;
    gossipSent.set(link, text);
    link.send(frame).catch(() => {});
  }

  function dialSoon(endpoint: HostPort, nodeId: string): void {
    if (identity.nodeId < nodeId) return links?.dial(endpoint, nodeId);
    setTimeout(() => links?.dial(endpoint, nodeId), DIAL_DEFER_MS).unref();
  }

  function onPeerList(peers: Array<{ id: string; key: string; host: string; port: number; name: string }>, link: Link): void {
    for (const p of peers) {
      if (p.id === identity.nodeId || links?.get(p.id)) continue;
      const refused = refusedSource(p.host, { broadcast, allowLoopback: isOnLoopback(config, advertise) });
      if (refused) {
        noisy.debug(rejectionKey(link.peer.nodeId, refused), { via: link.peer.nodeId, host: p.host, reason: refused }, 'gossiped peer not taken');
        continue;
      }
      const result = table.upsertFromGossip({ nodeId: p.id, key: Buffer.from(p.key, 'base64'), name: p.name, endpoint: { host: p.host, port: p.port } });
      if (!result.ok) {
        noisy.debug(rejectionKey(link.peer.nodeId, result.reason), { via: link.peer.nodeId, reason: result.reason }, 'gossiped peer not taken');
        continue;
      }
      dialSoon({ host: p.host, port: p.port }, p.id);
    }
  }

  function onLinkFrame(plaintext: Buffer, link: Link): void {
    const frame = parseInnerFrame(plaintext);
    if (!frame.ok) {
      noisy.warn(rejectionKey(link.peer.nodeId, frame.reason), { peer: link.peer.nodeId, reason: frame.reason }, 'dropped frame from a link');
      return;
    }
    const value = frame.value;
    if (value.type === 'chat' || value.type === 'file_chunk') {
      bus.publish(subjects.wireReceived, { message: v2ToWireMessage(value), from: { host: link.peer.host, port: link.peer.port }, via: link.peer.nodeId, receivedAt: Date.now() });
    } else if (value.type === 'peer_list' && config.peerGossip) {
      onPeerList(value.peers, link);
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

  /** Where a target goes: its link, else the known node's current endpoint, else the endpoint it names. */
  function resolve(target: mesh.v1.IPeerRef): { link: Link } | { nodeId: string; endpoint: HostPort } | string {
    const nodeId = target.nodeId ?? '';
    const link = nodeId ? links?.get(nodeId) : undefined;
    if (link) return { link };
    // a v2 node is never written to in v1 (in clear): only over its link
    if (isV2NodeId(nodeId)) return `v2 peer ${nodeId} is not linked`;
    const known = nodeId ? table.byNodeId(nodeId) : undefined;
    if (known?.dialect === 'v2') return `v2 peer ${nodeId} is not linked`;
    if (known) return { nodeId, endpoint: known.endpoint };
    const host = target.endpoint?.host ?? '';
    const port = target.endpoint?.port ?? 0;
    if (isIPv4(host) && port >= 1 && port <= 65535) {
      const linked = links?.list().find((l) => l.peer.host === host && l.peer.port === port);
      if (linked) return { link: linked };
      const entry = table.atEndpoint({ host, port });
      if (entry?.dialect === 'v2') return `v2 peer ${entry.nodeId} is not linked`;
      if (v2Endpoints.has(endpointKey({ host, port }))) return `a v2 node listens at ${host}:${port} and is not linked`;
      return { nodeId: nodeId || (entry?.nodeId ?? ''), endpoint: { host, port } };
    }
    if (!host && !port) return nodeId ? `unknown peer ${nodeId}: not in the peer table, and no endpoint given` : 'target names neither a node id nor an endpoint';
    return `invalid target endpoint "${host}:${port}"`;
  }

  async function deliver(target: mesh.v1.IPeerRef, encoded: Encoded): Promise<Delivery> {
    const where = resolve(target);
    if (typeof where === 'string') return { peer: { nodeId: target.nodeId ?? '', endpoint: target.endpoint ?? undefined }, ok: false, error: where, status: 'failed' };
    if ('link' in where) {
      const { link } = where;
      const peer: PeerRef = { nodeId: link.peer.nodeId, endpoint: { host: link.peer.host, port: link.peer.port } };
      try {
        await link.send(encoded.v2());
        return { peer, ok: true, status: 'written' };
      } catch (err) {
        return { peer, ok: false, error: err instanceof SendError ? err.reason : (err as Error).message, status: 'failed' };
      }
    }
    const { nodeId, endpoint } = where;
    const peer: PeerRef = { nodeId, endpoint };
    const bytes = encoded.v1();
    if (typeof bytes === 'string') return { peer, ok: false, error: bytes, status: 'failed' };
    const key = endpointKey(endpoint);
    const admission = health.admit(key);
    if (!admission.ok) return { peer, ok: false, error: admission.reason, status: 'failed' };
    try {
      await sender.send(endpoint, bytes);
      const change = health.succeeded(key);
      if (change) healthChanged(endpoint, nodeId, change);
      return { peer, ok: true, status: 'delivered' };
    } catch (err) {
      const failure = err instanceof SendError ? err : new SendError(key, (err as Error).message, 'EUNKNOWN', err);
      if (localSendErrors.has(failure.code)) {
        health.released(key, admission.probe);
      } else {
        const change = health.failed(key, failure.reason, admission.probe);
        if (change) healthChanged(endpoint, nodeId, change);
        else if (admission.probe) log.debug({ nodeId, endpoint: key, error: failure.reason, retryAt: health.state(key).retryAt }, 'down peer still failing');
      }
      return { peer, ok: false, error: failure.reason, status: 'failed' };
    }
  }

  async function send(req: mesh.v1.WireSend): Promise<mesh.v1.WireSendResult.$Properties> {
    const encoded = encode(req.message ?? {});
    const body = req.message?.chat ?? req.message?.fileChunk;
    const messageId = body?.messageId ?? '';
    // each target on its own; its outcome is reported as soon as it is known
    const deliveries = await Promise.all(
      req.targets.map(async (target) => {
        const delivery = await deliver(target, encoded);
        if (req.report) bus.publish(subjects.wireDelivery, { messageId, delivery });
        return delivery;
      }),
    );
    if (log.isLevelEnabled('debug')) {
      const failed = deliveries.filter((d) => !d.ok).map((d) => ({ peer: d.peer?.nodeId || endpointKey(d.peer?.endpoint ?? {}), error: d.error }));
      log.debug({ id: messageId, targets: deliveries.length, failed }, 'message sent');
    }
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

  function listPeers(): Peer[] {
    const out = table.list().map(view);
    for (const link of links?.list() ?? []) if (!table.byNodeId(link.peer.nodeId)) out.push(linkView(link.peer));
    return out;
  }

  return {
    async start() {
      table = newTable(await staticPeers());
      await networkKey.ready;

      listener = createTcpListener({
        host: config.host,
        port: config.port,
        maxMessageBytes: config.maxMessageBytes,
        maxFrameBytes: config.maxFrameBytes,
        inboundTimeoutMs: config.inboundTimeoutMs,
        firstByteTimeoutMs: config.firstByteTimeoutMs,
        maxConnections: config.maxConnections,
        maxConnectionsPerAddress: config.maxConnectionsPerAddress,
        badFramesPerMinute: config.badFramesPerMinute,
        badFrameCooldownMs: config.badFrameCooldownMs,
        log: log.child({ component: 'tcp-listener' }),
        onMessage: (m, from) => bus.publish(subjects.wireReceived, { message: v1ToWireMessage(m), from, receivedAt: Date.now() }),
        onLink: (socket, hello, reader) => links?.accept(socket, hello, reader),
      });
      const address = await listener.listen().catch((err: unknown) => {
        throw bindError('--host/--port', `${config.host}:${config.port}`, err);
      });

      links = new Links({
        identity: makeLinkIdentity(identity, config.name, address.port),
        psk: () => networkKey.key(),
        maxFrameBytes: config.maxFrameBytes,
        handshakeTimeoutMs: config.connectTimeoutMs,
        connectTimeoutMs: config.connectTimeoutMs,
        localAddress: isSpecificHost(config.host) ? config.host : undefined,
        maxLinks: config.maxPeers,
        maxLinksPerAddress: config.maxPeersPerAddress,
        retryMs: config.downRetryMs,
        retryMaxMs: config.downRetryMaxMs,
        keepaliveMs: config.keepaliveMs,
        deadMs: config.linkDeadMs,
        maxUnsentBytes: config.maxQueuedBytesPerPeer,
        stallMs: config.linkStallMs,
        log: log.child({ component: 'links' }),
        onUp: linkUp,
        onDown: linkDown,
        onFrame: onLinkFrame,
        onBadPeer: (host) => listener?.strike(host),
        // the false announcement's entry goes, so the real node's next one is heard at once
        onImpostor: (endpoint, nodeId) => {
          if (table.byNodeId(nodeId) && endpointKey(table.byNodeId(nodeId)!.endpoint) === endpointKey(endpoint)) publish(table.remove(nodeId, 'another node answered at its address'));
        },
      });
      // a new network key (an adopted salt): the v2 peers not linked yet are tried again with it
      networkKey.onChange(() => {
        for (const entry of table.list()) if (entry.dialect === 'v2' && entry.nodeId && !links?.get(entry.nodeId)) links?.dial(entry.endpoint, entry.nodeId, true);
      });

      subs.push(
        bus.serve(subjects.wireSend, (req) => send(req)),
        bus.serve(subjects.peersList, () => ({ peers: listPeers() })),
      );
      publish(table.list().map((peer) => ({ kind: 'joined', peer })));

      discovery = createDiscovery({
        host: config.host,
        port: address.port,
        discoveryPort: config.discoveryPort,
        identity: { nodeId: identity.nodeId, v1Id: identity.v1Id, publicKey: identity.publicKey },
        salt: () => networkKey.salt(),
        broadcast,
        advertise,
        allowLoopback: isOnLoopback(config, advertise),
        intervalMs: config.discoveryIntervalMs,
        repliesPerSecond: config.repliesPerSecond,
        nodeName: config.name,
        badFramesPerMinute: config.badFramesPerMinute,
        badFrameCooldownMs: config.badFrameCooldownMs,
        log: log.child({ component: 'discovery' }),
        staticTargets: () => table.staticEndpoints(),
        onAnnouncement: (a) => {
          const result = table.announce(a);
          if (!result.ok) return result;
          if (a.salt && config.password) networkKey.consider(a.salt, endpointKey(a.endpoint));
          publish(result.changes);
          // a v2 peer is dialled at once by the smaller id (the other waits a moment, so that
          // usually one link is made, not two); the handshake proves it is the node announced
          if (a.dialect === 'v2') {
            rememberV2(a.endpoint);
            dialSoon(a.endpoint, a.nodeId);
          }
          // (an announcement says nothing of health: anyone can forge one; only a delivered probe marks a peer up)
          return result;
        },
      });
      const discoveryPort = await discovery.start().catch((err: unknown) => {
        throw bindError('--port/--discovery-port', `${config.port} (UDP ${config.discoveryPort} and ${config.port + 1} for discovery)`, err);
      });
      sweeper = setInterval(() => publish(table.sweep()), config.peerSweepMs);
      gossiper = setInterval(() => {
        for (const link of links?.list() ?? []) offerPeers(link);
      }, GOSSIP_MS);
      await bus.flush();
      return { tcp: `${config.host}:${address.port}`, discoveryPort, advertise, broadcast, nodeId: identity.nodeId, fingerprint: identity.fingerprint, password: !!config.password };
    },

    async stop() {
      clearInterval(sweeper);
      clearInterval(gossiper);
      for (const sub of subs.splice(0)) sub.unsubscribe();
      sender.close();
      links?.close();
      await Promise.all([discovery?.close(), listener?.close()]);
    },
  };
}

/** A message encoded once per dialect, when a target first needs it (a string: why it cannot be). */
interface Encoded {
  v1(): Buffer | string;
  v2(): Buffer;
}

function encode(message: mesh.v1.IWireMessage): Encoded {
  let v1: Buffer | string | undefined;
  let v2: Buffer | undefined;
  return {
    v1() {
      if (v1 === undefined) {
        try {
          v1 = encodeV1(wireMessageToV1(message));
        } catch (err) {
          v1 = (err as Error).message;
        }
      }
      return v1;
    },
    v2() {
      v2 ??= encodeInnerFrame(wireMessageToV2(message));
      return v2;
    },
  };
}
