// transport configuration: where to listen, whom to announce to, and the limits of a socket.
import { isIPv4 } from 'node:net';
import { networkInterfaces } from 'node:os';
import { z } from 'zod';
import { baseConfigSchema } from '@meshwork/service';

const positiveInt = () => z.number().int().positive();
const hostname = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/** v1 discovery uses TCP port + 1, so the TCP port stops one short of the top. */
const maxTcpPort = 65534;

export interface HostPort {
  host: string;
  port: number;
}

/** "host:port" (host: an IPv4 address or a host name) -> its parts, or a message saying what is wrong. */
export function parseHostPort(text: string): HostPort | string {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return `"${text}" is not HOST:PORT`;
  const host = text.slice(0, colon);
  const portText = text.slice(colon + 1);
  if (!isIPv4(host) && (!hostname.test(host) || /^[\d.]+$/.test(host))) return `"${text}": "${host}" is neither an IPv4 address nor a host name`;
  if (!/^\d{1,5}$/.test(portText)) return `"${text}": port "${portText}" is not a number`;
  const port = Number(portText);
  if (port < 1 || port > maxTcpPort) return `"${text}": port ${port} is out of range 1-${maxTcpPort}`;
  return { host, port };
}

const hostPort = z.string().superRefine((s, ctx) => {
  const parsed = parseHostPort(s);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
});
const ipv4 = () => z.string().superRefine((s, ctx) => {
  if (!isIPv4(s)) ctx.addIssue({ code: 'custom', message: `"${s}" is not an IPv4 address` });
});

export const configSchema = baseConfigSchema.extend({
  host: ipv4().default('0.0.0.0').describe('address to bind TCP to and to announce (0.0.0.0: all)'),
  port: z.number().int().min(1).max(maxTcpPort).default(9999).describe('TCP port for peers (v1 discovery uses port + 1)'),
  peers: z.array(hostPort).default([]).describe('static peers as HOST:PORT, for networks without broadcast'),
  broadcast: ipv4().default('255.255.255.255').describe('discovery broadcast address'),
  advertise: ipv4().optional().describe('address announced in discovery (default: host, or the first LAN IPv4)'),
  discoveryIntervalMs: positiveInt().default(5000).describe('time between two discovery announcements'),
  peerTimeoutMs: positiveInt().default(30_000).describe('drop a discovered peer not heard for this long'),
  peerSweepMs: positiveInt().default(10_000).describe('how often silent peers are looked for'),
  maxMessageBytes: positiveInt().default(1024 * 1024).describe('most bytes read from one inbound v1 connection'),
  inboundTimeoutMs: positiveInt().default(10_000).describe('time an inbound connection has to deliver its message'),
  maxConnections: positiveInt().default(256).describe('most inbound connections at once'),
  badFramesPerMinute: positiveInt().default(20).describe('bad frames an IP may send in a minute before it is ignored'),
  badFrameCooldownMs: positiveInt().default(60_000).describe('how long an IP that sent too many bad frames is ignored'),
  sendConcurrency: positiveInt().max(64).default(4).describe('most connections at once toward one peer'),
  sendRetries: z.number().int().min(0).max(10).default(3).describe('retries of a refused, reset or timed-out connection'),
  connectTimeoutMs: positiveInt().default(3000).describe('time a connection to a peer has to open (and to close once written)'),
  maxQueuedPerPeer: positiveInt().default(4096).describe('most messages waiting for one peer'),
});

export type Config = z.infer<typeof configSchema>;

export const isSpecificHost = (host: string): boolean => host !== '0.0.0.0';

/** The address announced in discovery: advertise, else a specific host, else the first LAN IPv4. */
export function advertisedAddress(config: Pick<Config, 'host' | 'advertise'>): string {
  if (config.advertise) return config.advertise;
  if (isSpecificHost(config.host)) return config.host;
  for (const addresses of Object.values(networkInterfaces())) {
    const lan = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (lan) return lan.address;
  }
  return '127.0.0.1';
}
