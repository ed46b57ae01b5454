// v1 discovery over UDP, port = TCP port + 1. Every interval, this node announces itself by
// broadcast and by unicast to its static peers. A checked announcement from another node is
// handed on with the datagram's SOURCE address (the announced `ip` is only compared with it),
// and an accepted one gets one unicast reply at (source, announced port + 1), rate-limited per
// destination and in total: one inbound datagram never causes more than one outbound datagram,
// and nothing is sent to an address no datagram came from, static peers aside.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { rejectionKey, throttledLog, type Logger } from '@meshwork/service';
import { encodeV1, endpointKey, parseV1Discovery, V1, v1Now } from '@meshwork/protocol';
import { isSpecificHost, refusedSource } from './addresses.ts';
import { BadFrameLimiter } from './limiter.ts';
import { ReplyLimiter } from './reply-limiter.ts';

export interface HeardAnnouncement {
  nodeId: string;
  name: string;
  /** the datagram's source address with the announced TCP port */
  endpoint: { host: string; port: number };
}

export interface DiscoveryOptions {
  /** the node's TCP bind address (0.0.0.0 or a specific one) */
  host: string;
  /** the node's TCP port; discovery listens on port + 1 */
  port: number;
  broadcast: string;
  /** the address announced in the datagram */
  advertise: string;
  /** loopback sources are peers (the node itself is on loopback) */
  allowLoopback: boolean;
  intervalMs: number;
  repliesPerSecond: number;
  nodeId: string;
  nodeName: string;
  badFramesPerMinute: number;
  badFrameCooldownMs: number;
  log: Logger;
  /** TCP endpoints of the static peers, announced to by unicast (at their port + 1) */
  staticTargets(): Array<{ host: string; port: number }>;
  /** A checked announcement of another node: accepted (and then replied to), or refused with a reason. */
  onAnnouncement(a: HeardAnnouncement): { ok: true } | { ok: false; reason: string };
}

export interface Discovery {
  /** Binds the sockets and sends the first announcement; resolves with the discovery port. */
  start(): Promise<number>;
  close(): Promise<void>;
}

export function createDiscovery(opts: DiscoveryOptions): Discovery {
  const { log } = opts;
  const logs = throttledLog(log, { intervalMs: Math.max(10_000, opts.intervalMs) });
  const discoveryPort = opts.port + V1.discoveryPortOffset;
  const limiter = new BadFrameLimiter({ maxPerMinute: opts.badFramesPerMinute, cooldownMs: opts.badFrameCooldownMs });
  const replies = new ReplyLimiter({ perDestinationMs: opts.intervalMs, perSecond: opts.repliesPerSecond });
  const self = new Set([endpointKey({ host: opts.advertise, port: opts.port }), endpointKey({ host: opts.host, port: opts.port })]);
  const sourceRules = { broadcast: opts.broadcast, allowLoopback: opts.allowLoopback };
  /** destination of a periodic announcement -> the error code of its last send, for logging each change once */
  const failing = new Map<string, string>();
  const sockets: Socket[] = [];
  let any: Socket | undefined;
  let own: Socket | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  function datagram(): Buffer | undefined {
    try {
      return encodeV1({ type: 'discovery', node_id: opts.nodeId, node_name: opts.nodeName, ip: opts.advertise, port: opts.port, timestamp: v1Now() });
    } catch (err) {
      if (!failing.has('encode')) log.error({ err }, 'discovery datagram cannot be encoded: not announcing');
      failing.set('encode', 'encode');
      return undefined;
    }
  }

  /** The socket datagrams leave from: the one bound to the node's own address when it has one, so their source is right. */
  const sender = () => own ?? any;

  function announce(host: string, port: number, kind: 'broadcast' | 'unicast', payload: Buffer): void {
    const dest = `${host}:${port}`;
    sender()?.send(payload, port, host, (err) => {
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

  function staticTargets(): Array<{ host: string; port: number }> {
    const seen = new Set(self);
    return opts.staticTargets().filter((t) => {
      const key = endpointKey(t);
      if (seen.has(key) || t.port + V1.discoveryPortOffset > 65535) return false;
      seen.add(key);
      return true;
    });
  }

  function round(): void {
    for (const ip of limiter.sweep()) logs.info(ip, { ip }, 'bad-datagram cooldown over: accepting this IP again');
    const payload = datagram();
    if (!payload || !sender()) return;
    const targets = staticTargets();
    announce(opts.broadcast, discoveryPort, 'broadcast', payload);
    for (const t of targets) announce(t.host, t.port + V1.discoveryPortOffset, 'unicast', payload);
    const live = new Set([`${opts.broadcast}:${discoveryPort}`, 'encode', ...targets.map((t) => `${t.host}:${t.port + V1.discoveryPortOffset}`)]);
    for (const dest of failing.keys()) if (!live.has(dest)) failing.delete(dest);
    log.debug({ unicast: targets.length }, 'discovery announced');
  }

  function reply(host: string, tcpPort: number): void {
    const port = tcpPort + V1.discoveryPortOffset;
    if (port > 65535) return;
    const dest = `${host}:${port}`;
    const allowed = replies.take(dest);
    if (!allowed.ok) {
      if (allowed.reason === 'rate') logs.debug('rate', { dest, perSecond: opts.repliesPerSecond }, 'discovery reply not sent: reply rate reached');
      return;
    }
    const payload = datagram();
    if (!payload) return;
    sender()?.send(payload, port, host, (err) => {
      if (err && !closed) logs.warn(host, { dest, code: (err as NodeJS.ErrnoException).code ?? err.message }, 'discovery reply failed');
    });
  }

  function onMessage(msg: Buffer, rinfo: RemoteInfo): void {
    const source = rinfo.address;
    const peer = `${source}:${rinfo.port}`;
    if (limiter.blocked(source)) return;
    const parsed = parseV1Discovery(msg);
    if (!parsed.ok) {
      logs.warn(rejectionKey(source, parsed.reason), { peer, reason: parsed.reason, bytes: msg.byteLength }, 'dropped discovery datagram');
      if (limiter.strike(source)) logs.warn(source, { ip: source, cooldownMs: opts.badFrameCooldownMs }, 'too many bad datagrams: ignoring this IP');
      return;
    }
    const d = parsed.value;
    // our own broadcast, heard back
    if (d.node_id === opts.nodeId) return;
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
    if (d.ip !== source) logs.info(source, { peer, nodeId: d.node_id, ip: d.ip, using: endpointKey(endpoint) }, 'discovery ip differs from the source: using the source');
    const result = opts.onAnnouncement({ nodeId: d.node_id, name: d.node_name, endpoint });
    if (!result.ok) {
      logs.warn(rejectionKey(source, result.reason), { peer, nodeId: d.node_id, reason: result.reason }, 'refused discovery announcement');
      return;
    }
    reply(source, d.port);
  }

  function bind(address: string): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = createSocket({ type: 'udp4', reuseAddr: true });
      socket.once('error', reject);
      socket.bind({ port: discoveryPort, address }, () => {
        socket.off('error', reject);
        socket.on('error', (err) => log.error({ err, address }, 'discovery socket error'));
        socket.on('message', onMessage);
        socket.setBroadcast(true);
        sockets.push(socket);
        resolve(socket);
      });
    });
  }

  return {
    async start() {
      any = await bind('0.0.0.0');
      if (isSpecificHost(opts.host)) own = await bind(opts.host);
      round();
      timer = setInterval(round, opts.intervalMs);
      return discoveryPort;
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await Promise.all(sockets.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
