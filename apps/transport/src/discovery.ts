// Discovery over UDP, v2 and v1 at once. A node announces itself with one datagram, the v1
// discovery object plus v2's fields (original nodes read the v1 fields and ignore the rest), by
// broadcast to the v2 discovery port and to TCP port + 1 (v1's rule, for original nodes) when
// that differs, at start-up and every interval, and by unicast to its static peers at both of
// their ports. It listens on both ports. A checked announcement from another node is handed on
// with the datagram's SOURCE address (the announced `ip` is only compared with it); one from a
// newcomer (a node the table did not have), or from a node listening on a port this node does not
// broadcast to, gets one unicast reply at once, at (source, discovery_port) for a v2 announcement
// and (source, port + 1) for a v1 one, rate-limited per destination and in total: one inbound
// datagram never causes more than one outbound datagram, and nothing is sent to an address no
// datagram came from, static peers aside.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { rejectionKey, throttledLog, type Logger } from '@meshwork/service';
import { encodeV1, encodeV2Announcement, endpointKey, isV2Announcement, parseDiscovery, V1, v1Now, type DiscoveryAnnouncement } from '@meshwork/protocol';
import { isSpecificHost, refusedSource } from './addresses.ts';
import { BadFrameLimiter } from './limiter.ts';
import { ReplyLimiter } from './reply-limiter.ts';

export interface HeardAnnouncement {
  dialect: 'v1' | 'v2';
  /** a v1 announcement's node_id, a v2 announcement's v2 id */
  nodeId: string;
  /** the node_id it announces to original nodes (a v2 node's first 8 characters) */
  v1Id: string;
  name: string;
  /** the datagram's source address with the announced TCP port */
  endpoint: { host: string; port: number };
  /** v2: its raw Ed25519 public key (nodeId = nodeIdOf(key), checked) */
  key?: Buffer;
  /** v2: the network salt it announces (it has a network password) */
  salt?: Buffer;
}

export interface DiscoveryIdentity {
  /** v2 node id */
  nodeId: string;
  /** what original nodes know it by */
  v1Id: string;
  /** raw 32-byte Ed25519 public key */
  publicKey: Buffer;
}

export interface DiscoveryOptions {
  /** the node's TCP bind address (0.0.0.0 or a specific one) */
  host: string;
  /** the node's TCP port; v1 discovery listens on port + 1 */
  port: number;
  /** the UDP port of v2 discovery */
  discoveryPort: number;
  /** where announcements are broadcast (one per segment) */
  broadcast: string[];
  /** the address announced in the datagram */
  advertise: string;
  /** loopback sources are peers (the node itself is on loopback) */
  allowLoopback: boolean;
  intervalMs: number;
  repliesPerSecond: number;
  identity: DiscoveryIdentity;
  nodeName: string;
  /** the current network salt, announced when there is one */
  salt(): Buffer | undefined;
  badFramesPerMinute: number;
  badFrameCooldownMs: number;
  log: Logger;
  /** TCP endpoints of the static peers, announced to by unicast (at their port + 1 and at the discovery port) */
  staticTargets(): Array<{ host: string; port: number }>;
  /** A checked announcement of another node: accepted (a newcomer is then replied to at once), or refused with a reason. */
  onAnnouncement(a: HeardAnnouncement): { ok: true; newcomer: boolean } | { ok: false; reason: string };
  /** the clock of the reply and bad-datagram limits */
  now?: () => number;
}

export interface Discovery {
  /** Binds the sockets (on the discovery port and on TCP port + 1) and sends the first announcement; resolves with the discovery port. */
  start(): Promise<number>;
  /** Announces this node now by unicast to host's UDP port, within the reply limits (it counts as a reply); false when it did not go. */
  announceTo(host: string, port: number): boolean;
  close(): Promise<void>;
}

const DIALECTS = ['v1', 'v2'];
const V2_VERSION = 2;

export function createDiscovery(opts: DiscoveryOptions): Discovery {
  const { log, identity } = opts;
  const logs = throttledLog(log, { intervalMs: Math.max(10_000, opts.intervalMs) });
  const v1Port = opts.port + V1.discoveryPortOffset;
  const ports = [...new Set([opts.discoveryPort, v1Port])].filter((p) => p <= 65535);
  const now = opts.now ?? Date.now;
  const limiter = new BadFrameLimiter({ maxPerMinute: opts.badFramesPerMinute, cooldownMs: opts.badFrameCooldownMs, now });
  const replies = new ReplyLimiter({ perDestinationMs: opts.intervalMs, perSecond: opts.repliesPerSecond, now });
  const self = new Set([endpointKey({ host: opts.advertise, port: opts.port }), endpointKey({ host: opts.host, port: opts.port })]);
  const sourceRules = { broadcast: opts.broadcast, allowLoopback: opts.allowLoopback };
  const publicKey = identity.publicKey.toString('base64');
  /** destination of a periodic announcement -> the error code of its last send, for logging each change once */
  const failing = new Map<string, string>();
  const sockets: Socket[] = [];
  let sender: Socket | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  /** This node's announcement: both dialects' fields, or (v1Only) the original's fields alone. */
  function datagram(name = opts.nodeName, v1Only = false): Buffer | undefined {
    try {
      const salt = opts.salt();
      const v1 = { type: 'discovery' as const, node_id: identity.v1Id, node_name: name, ip: opts.advertise, port: opts.port, timestamp: v1Now() };
      if (v1Only) return encodeV1(v1);
      return encodeV2Announcement({
        ...v1,
        v: V2_VERSION,
        id: identity.nodeId,
        key: publicKey,
        dialects: DIALECTS,
        discovery_port: opts.discoveryPort,
        ...(salt ? { salt: salt.toString('base64') } : {}),
      });
    } catch (err) {
      if (!failing.has('encode')) log.error({ err }, 'discovery datagram cannot be encoded: not announcing');
      failing.set('encode', 'encode');
      return undefined;
    }
  }

  function announce(host: string, port: number, kind: 'broadcast' | 'unicast', payload: Buffer): void {
    const dest = `${host}:${port}`;
    sender?.send(payload, port, host, (err) => {
      if (closed) return;
      const before = failing.get(dest);
      if (err) {
        const code = (err as NodeJS.ErrnoException).code ?? err.message;
        if (before !== code) log.warn({ dest, kind, code }, `discovery ${kind} failed: ${code} (logged again only when it changes)`);
        failing.set(dest, code);
      } else if (before !== undefined) {
        failing.delete(dest);
        log.info({ dest, kind }, `discovery ${kind} works again`);
      }
    });
  }

  /** The UDP destinations of the static peers: each one's port + 1 and the discovery port. */
  function staticDestinations(): Array<{ host: string; port: number }> {
    const seen = new Set<string>();
    const out: Array<{ host: string; port: number }> = [];
    for (const t of opts.staticTargets()) {
      if (self.has(endpointKey(t))) continue;
      for (const port of [t.port + V1.discoveryPortOffset, opts.discoveryPort]) {
        const dest = { host: t.host, port };
        if (port > 65535 || seen.has(endpointKey(dest))) continue;
        seen.add(endpointKey(dest));
        out.push(dest);
      }
    }
    return out;
  }

  function round(): void {
    for (const ip of limiter.sweep()) logs.info(ip, { ip }, 'bad-datagram cooldown over: accepting this IP again');
    const payload = datagram();
    if (!payload || !sender) return;
    const targets = staticDestinations();
    for (const port of ports) for (const address of opts.broadcast) announce(address, port, 'broadcast', payload);
    for (const t of targets) announce(t.host, t.port, 'unicast', payload);
    const live = new Set(['encode', ...ports.flatMap((p) => opts.broadcast.map((b) => `${b}:${p}`)), ...targets.map((t) => `${t.host}:${t.port}`)]);
    for (const dest of failing.keys()) if (!live.has(dest)) failing.delete(dest);
    log.debug({ unicast: targets.length }, 'discovery announced');
  }

  /**
   * The answer to a datagram of inBytes: an original node's gets the original's fields only, and
   * the name is shortened until the answer is no larger than what it answers, or has no name left
   * (a few bytes more than the shortest announcement an original node can send).
   */
  function replyDatagram(v1Only: boolean, inBytes: number): Buffer | undefined {
    let name = [...opts.nodeName];
    let payload = datagram(opts.nodeName, v1Only);
    while (payload && payload.byteLength > inBytes && name.length > 0) {
      name = name.slice(0, Math.max(0, name.length - Math.max(1, payload.byteLength - inBytes)));
      payload = datagram(name.join(''), v1Only);
    }
    return payload;
  }

  /** One unicast announcement to (host, port), if the reply limits allow it. */
  function reply(host: string, port: number, answer?: { v1Only: boolean; inBytes: number }): boolean {
    if (port > 65535) return false;
    const dest = `${host}:${port}`;
    const allowed = replies.take(dest);
    if (!allowed.ok) {
      if (allowed.reason === 'rate') logs.debug('rate', { dest, perSecond: opts.repliesPerSecond }, 'discovery reply not sent: reply rate reached');
      return false;
    }
    const payload = answer ? replyDatagram(answer.v1Only, answer.inBytes) : datagram();
    if (!payload || !sender) return false;
    sender.send(payload, port, host, (err) => {
      if (err && !closed) logs.warn(host, { dest, code: (err as NodeJS.ErrnoException).code ?? err.message }, 'discovery reply failed');
    });
    return true;
  }

  function heard(d: DiscoveryAnnouncement, endpoint: { host: string; port: number }): HeardAnnouncement {
    if (!isV2Announcement(d)) return { dialect: 'v1', nodeId: d.node_id, v1Id: d.node_id, name: d.node_name, endpoint };
    const a: HeardAnnouncement = { dialect: 'v2', nodeId: d.id, v1Id: d.node_id, name: d.node_name, endpoint, key: Buffer.from(d.key, 'base64') };
    if (d.salt !== undefined) a.salt = Buffer.from(d.salt, 'base64');
    return a;
  }

  function onMessage(msg: Buffer, rinfo: RemoteInfo): void {
    const source = rinfo.address;
    const peer = `${source}:${rinfo.port}`;
    if (limiter.blocked(source)) return;
    const parsed = parseDiscovery(msg);
    if (!parsed.ok) {
      logs.warn(rejectionKey(source, parsed.reason), { peer, reason: parsed.reason, bytes: msg.byteLength }, 'dropped discovery datagram');
      if (limiter.strike(source)) logs.warn(source, { ip: source, cooldownMs: opts.badFrameCooldownMs }, 'too many bad datagrams: ignoring this IP');
      return;
    }
    const d = parsed.value;
    // our own broadcast, heard back
    if (d.node_id === identity.v1Id || (isV2Announcement(d) && d.id === identity.nodeId)) return;
    const refused = refusedSource(source, sourceRules);
    if (refused) {
      logs.warn(rejectionKey(source, refused), { peer, nodeId: d.node_id, reason: refused }, 'dropped discovery datagram');
      return;
    }
    const endpoint = { host: source, port: d.port };
    if (self.has(endpointKey(endpoint))) {
      const reason = `announces this node's own endpoint ${endpointKey(endpoint)}`;
      logs.warn(rejectionKey(source, reason), { peer, nodeId: d.node_id, reason }, 'dropped discovery datagram');
      return;
    }
    const a = heard(d, endpoint);
    if (d.ip !== source) logs.info(source, { peer, nodeId: a.nodeId, ip: d.ip, using: endpointKey(endpoint) }, 'discovery ip differs from the source: using the source');
    const result = opts.onAnnouncement(a);
    if (!result.ok) {
      logs.warn(rejectionKey(source, result.reason), { peer, nodeId: a.nodeId, reason: result.reason }, 'refused discovery announcement');
      return;
    }
    const replyPort = isV2Announcement(d) ? d.discovery_port : d.port + V1.discoveryPortOffset;
    // a node that listens where this node's broadcasts do not go (an original node on another
    // TCP port) hears it only through replies: it gets one per interval, not only the first
    // an original node's announcement is answered in its own form, no larger than it (a forged
    // source gets no more bytes than it sent); a v2 one (at least ~250 bytes) in full
    const answer = isV2Announcement(d) ? undefined : { v1Only: true, inBytes: msg.byteLength };
    if (result.newcomer || !ports.includes(replyPort)) reply(source, replyPort, answer);
  }

  function bind(address: string, port: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = createSocket({ type: 'udp4', reuseAddr: true });
      socket.once('error', reject);
      socket.bind({ port, address }, () => {
        socket.off('error', reject);
        socket.on('error', (err) => log.error({ err, address, port }, 'discovery socket error'));
        socket.on('message', onMessage);
        socket.setBroadcast(true);
        sockets.push(socket);
        resolve(socket);
      });
    });
  }

  return {
    async start() {
      for (const port of ports) {
        const any = await bind('0.0.0.0', port);
        // datagrams leave from the socket bound to the node's own address when it has one, so their source is right
        const own = isSpecificHost(opts.host) ? await bind(opts.host, port) : undefined;
        sender ??= own ?? any;
      }
      round();
      timer = setInterval(round, opts.intervalMs);
      return opts.discoveryPort;
    },
    announceTo(host, port) {
      return reply(host, port);
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await Promise.all(sockets.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
