// This node's own addresses: what it binds and what it announces.
import { networkInterfaces } from 'node:os';
import { isLoopbackHost } from '@meshwork/protocol';
import type { Config } from './config.ts';

/** An IPv4 address as Node may give it on a dual-stack socket (::ffff:a.b.c.d), plain. */
export const stripV4Mapped = (address: string): string => address.replace(/^::ffff:/i, '');

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

/**
 * Where discovery broadcasts go. An explicit --broadcast is used as given. With the default
 * (255.255.255.255) and a node bound to every interface, each IPv4 interface's directed
 * broadcast instead: 255.255.255.255 leaves by one interface only, so a node joining two
 * segments would announce itself on one of them.
 */
export function broadcastAddresses(config: Pick<Config, 'host' | 'broadcast'>, interfaces = networkInterfaces()): string[] {
  if (config.broadcast !== DEFAULT_BROADCAST || isSpecificHost(config.host)) return [config.broadcast];
  const out = new Set<string>();
  for (const addresses of Object.values(interfaces)) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) out.add(directedBroadcast(a.address, a.netmask));
  }
  return out.size > 0 ? [...out] : [config.broadcast];
}

export const DEFAULT_BROADCAST = '255.255.255.255';

function directedBroadcast(address: string, netmask: string): string {
  const a = address.split('.').map(Number);
  const m = netmask.split('.').map(Number);
  return a.map((octet, i) => (octet | (~m[i]! & 255)) & 255).join('.');
}

/** The node is on loopback when it binds or announces a 127.x address: loopback peers are then real. */
export const isOnLoopback = (config: Pick<Config, 'host'>, advertise: string): boolean => isLoopbackHost(config.host) || isLoopbackHost(advertise);

export interface SourceRules {
  /** the discovery broadcast addresses */
  broadcast: string[];
  /** loopback sources are accepted (the node itself is on loopback) */
  allowLoopback: boolean;
}

/** Why a datagram from this source address cannot be a peer's, if it cannot. */
export function refusedSource(ip: string, rules: SourceRules): string | undefined {
  const octets = ip.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return `source ${ip} is not an IPv4 address`;
  const first = octets[0]!;
  if (first === 0) return `source ${ip} is the unspecified address${ip === '0.0.0.0' ? '' : ' range (0.0.0.0/8)'}`;
  if (ip === '255.255.255.255' || rules.broadcast.includes(ip)) return `source ${ip} is a broadcast address`;
  if (first >= 224 && first <= 239) return `source ${ip} is a multicast address`;
  if (first >= 240) return `source ${ip} is a reserved address`;
  if (first === 127 && !rules.allowLoopback) return `source ${ip} is a loopback address and this node is not on loopback`;
  return undefined;
}
