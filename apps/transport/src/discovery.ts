// v1 discovery over UDP, port = TCP port + 1. Announces this node every interval by broadcast
// and by unicast to every static and known peer (so a peer that only knows us statically
// learns us too), and hands checked announcements of other nodes to the peer table.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import type { Logger } from '@meshwork/service';
import { encodeV1, parseV1Discovery, V1, v1Now, type V1Discovery } from '@meshwork/protocol';
import { isSpecificHost } from './config.ts';
import { BadFrameLimiter } from './limiter.ts';

export interface DiscoveryOptions {
  /** the node's TCP bind address (0.0.0.0 or a specific one) */
  host: string;
  /** the node's TCP port; discovery listens on port + 1 */
  port: number;
  broadcast: string;
  /** the address announced in the datagram */
  advertise: string;
  intervalMs: number;
  nodeId: string;
  nodeName: string;
  badFramesPerMinute: number;
  badFrameCooldownMs: number;
  log: Logger;
  /** TCP endpoints of the peers to announce to by unicast (at their port + 1) */
  targets(): Array<{ host: string; port: number }>;
  onAnnouncement(d: V1Discovery, from: { host: string; port: number }): void;
}

export interface Discovery {
  /** Binds the sockets and sends the first announcement; resolves with the discovery port. */
  start(): Promise<number>;
  /** Announces this node to one peer now (its TCP endpoint). */
  announceTo(endpoint: { host: string; port: number }): void;
  close(): Promise<void>;
}

export function createDiscovery(opts: DiscoveryOptions): Discovery {
  const { log } = opts;
  const discoveryPort = opts.port + V1.discoveryPortOffset;
  const limiter = new BadFrameLimiter({ maxPerMinute: opts.badFramesPerMinute, cooldownMs: opts.badFrameCooldownMs });
  /** destination -> the error code of its last send, for logging each change of state once */
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

  function sendTo(socket: Socket, host: string, port: number, kind: 'broadcast' | 'unicast', payload: Buffer): void {
    const dest = `${host}:${port}`;
    if (port > 65535) return;
    socket.send(payload, port, host, (err) => {
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

  function unicastTargets(): Array<{ host: string; port: number }> {
    const seen = new Set([`${opts.advertise}:${opts.port}`, `${opts.host}:${opts.port}`]);
    const out: Array<{ host: string; port: number }> = [];
    for (const t of opts.targets()) {
      const key = `${t.host}:${t.port}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(t);
    }
    return out;
  }

  function round(): void {
    for (const ip of limiter.sweep()) log.info({ ip }, 'bad-datagram cooldown over: accepting this IP again');
    const payload = datagram();
    if (!payload || !any) return;
    const targets = unicastTargets();
    sendTo(any, opts.broadcast, discoveryPort, 'broadcast', payload);
    for (const t of targets) sendTo(own ?? any, t.host, t.port + V1.discoveryPortOffset, 'unicast', payload);
    // forget the state of destinations no longer announced to
    const live = new Set([`${opts.broadcast}:${discoveryPort}`, 'encode', ...targets.map((t) => `${t.host}:${t.port + V1.discoveryPortOffset}`)]);
    for (const dest of failing.keys()) if (!live.has(dest)) failing.delete(dest);
    log.debug({ unicast: targets.length }, 'discovery announced');
  }

  function onMessage(msg: Buffer, rinfo: RemoteInfo): void {
    if (limiter.blocked(rinfo.address)) return;
    const parsed = parseV1Discovery(msg);
    if (!parsed.ok) {
      log.warn({ peer: `${rinfo.address}:${rinfo.port}`, reason: parsed.reason, bytes: msg.byteLength }, 'dropped discovery datagram');
      if (limiter.strike(rinfo.address)) log.warn({ ip: rinfo.address, cooldownMs: opts.badFrameCooldownMs }, 'too many bad datagrams: ignoring this IP');
      return;
    }
    if (parsed.value.node_id === opts.nodeId) return;
    log.debug({ peer: `${rinfo.address}:${rinfo.port}`, nodeId: parsed.value.node_id, ip: parsed.value.ip, port: parsed.value.port }, 'discovery heard');
    opts.onAnnouncement(parsed.value, { host: rinfo.address, port: rinfo.port });
  }

  function bind(address: string): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = createSocket({ type: 'udp4', reuseAddr: true });
      socket.once('error', reject);
      socket.bind({ port: discoveryPort, address }, () => {
        socket.off('error', reject);
        socket.on('error', (err) => log.error({ err, address }, 'discovery socket error'));
        socket.on('message', onMessage);
        sockets.push(socket);
        resolve(socket);
      });
    });
  }

  return {
    async start() {
      any = await bind('0.0.0.0');
      any.setBroadcast(true);
      if (isSpecificHost(opts.host)) own = await bind(opts.host);
      round();
      timer = setInterval(round, opts.intervalMs);
      return discoveryPort;
    },
    announceTo(endpoint) {
      const payload = datagram();
      if (payload && any && !closed) sendTo(own ?? any, endpoint.host, endpoint.port + V1.discoveryPortOffset, 'unicast', payload);
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await Promise.all(sockets.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
