// transport: where to listen, whom to announce to, and the limits that keep a hostile LAN
// host from filling tables, holding connections or turning the node into an amplifier.
import { z } from 'zod';
import { V1, V2 } from '@meshwork/protocol';
import { baseConfigSchema } from './base.ts';
import { hostPort, ipv4, networkPassword, positiveInt } from './fields.ts';

/** v1 discovery uses TCP port + 1, so the TCP port stops one short of the top. */
export const MAX_TCP_PORT = 65534;

export const transportConfigSchema = baseConfigSchema.extend({
  host: ipv4().default('0.0.0.0').describe('address to bind TCP/UDP to and to announce (0.0.0.0: all)'),
  port: z.number().int().min(1).max(MAX_TCP_PORT).default(9999).describe('TCP port for peers (v1 discovery uses port + 1)'),
  peers: z.array(hostPort({ maxPort: MAX_TCP_PORT })).default([]).describe('static peers as HOST:PORT, for networks without broadcast'),
  broadcast: ipv4().default('255.255.255.255').describe('discovery broadcast address'),
  advertise: ipv4().optional().describe('address announced in discovery (default: host, or the first LAN IPv4)'),
  discoveryPort: z.number().int().min(1).max(65535).default(V2.discoveryPort).describe('UDP port of v2 discovery (v1 announcements also go to TCP port + 1)'),
  password: networkPassword,
  peerGossip: z.boolean().default(true).describe('tell linked v2 peers whom this node is linked to, and link with the peers they name'),
  discoveryIntervalMs: positiveInt().default(5000).describe('time between two discovery announcements'),
  peerTimeoutMs: positiveInt().default(30_000).describe('drop a discovered peer not heard for this long'),
  peerSweepMs: positiveInt().default(10_000).describe('how often silent peers are looked for'),
  maxPeers: positiveInt().default(256).describe('most discovered peers in the table'),
  maxPeersPerAddress: positiveInt().default(4).describe('most discovered peers at one IP address'),
  repliesPerSecond: positiveInt().default(20).describe('most discovery replies sent per second, to all addresses together'),
  maxMessageBytes: positiveInt().max(V1.maxMessageBytes).default(V1.maxMessageBytes).describe('most bytes read from one inbound v1 connection (the original reads no more)'),
  inboundTimeoutMs: positiveInt().default(10_000).describe('time an inbound connection has to deliver its message'),
  firstByteTimeoutMs: positiveInt().default(2000).describe('time an inbound connection has to send its first byte'),
  maxConnections: positiveInt().default(256).describe('most inbound connections at once'),
  maxConnectionsPerAddress: positiveInt().default(8).describe('most inbound connections at once from one IP address'),
  badFramesPerMinute: positiveInt().default(20).describe('bad frames (or empty, idle, excess connections) an IP may cause in a minute before it is ignored'),
  badFrameCooldownMs: positiveInt().default(60_000).describe('how long an IP that caused too many is ignored'),
  sendConcurrency: positiveInt().max(64).default(4).describe('most connections at once toward one peer'),
  sendRetries: z.number().int().min(0).max(10).default(2).describe('retries of a refused or reset connection'),
  connectTimeoutMs: positiveInt().default(3000).describe('time a connection to a peer has to open (and to close once written)'),
  maxQueuedPerPeer: positiveInt().default(4096).describe('most messages waiting for one peer'),
  maxQueuedBytesPerPeer: positiveInt().default(8 * 1024 ** 2).describe('most bytes of messages waiting for one peer'),
  keepaliveMs: positiveInt().default(1000).describe('a v2 link that sent nothing for this long sends a ping'),
  linkDeadMs: positiveInt().default(3000).describe('a v2 link that received nothing for this long is closed as dead'),
  maxFrameBytes: positiveInt().min(65_536).max(16 * 1024 ** 2).default(V2.maxFrameBytes).describe('longest v2 frame read or written'),
  linkStallMs: positiveInt().default(10_000).describe('a v2 peer whose unread bytes stay over the queue bound this long is cut off'),
  downAfterFailures: positiveInt().default(2).describe('failed sends in a row that mark a peer down'),
  downRetryMs: positiveInt().default(1000).describe('first wait before a down peer is tried again (doubles each failure)'),
  downRetryMaxMs: positiveInt().default(60_000).describe('longest wait before a down peer is tried again'),
});

export type TransportConfig = z.infer<typeof transportConfigSchema>;
