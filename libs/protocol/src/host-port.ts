// HOST:PORT, parsed in one place for every option, peer address and URL that carries one.
import { isIP, isIPv4 } from 'node:net';

export interface HostPort {
  host: string;
  port: number;
}

export interface HostPortRules {
  /** lowest port accepted (0: "any free port") */
  minPort?: number;
  maxPort?: number;
  /** host names as well as IP addresses */
  names?: boolean;
}

const hostname = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * "host:port" (an IPv4 address, a host name, or "[v6]:port") -> its parts, or a message
 * saying what is wrong with it.
 */
export function parseHostPort(text: string, rules: HostPortRules = {}): HostPort | string {
  const { minPort = 1, maxPort = 65535, names = true } = rules;
  const v6 = /^\[([^\]]+)\]:(.*)$/.exec(text);
  const colon = text.lastIndexOf(':');
  if (!v6 && colon <= 0) return `"${text}" is not HOST:PORT`;
  const host = v6 ? v6[1]! : text.slice(0, colon);
  const portText = v6 ? v6[2]! : text.slice(colon + 1);
  if (v6 ? isIP(host) !== 6 : !isIPv4(host) && (!names || !hostname.test(host) || /^[\d.]+$/.test(host))) {
    return `"${text}": "${host}" is not ${names ? 'an IP address or a host name' : 'an IPv4 address'}`;
  }
  if (!/^\d{1,5}$/.test(portText)) return `"${text}": port "${portText}" is not a number`;
  const port = Number(portText);
  if (port < minPort || port > maxPort) return `"${text}": port ${port} is out of range ${minPort}-${maxPort}`;
  return { host, port };
}

export const formatHostPort = ({ host, port }: HostPort): string => `${host.includes(':') ? `[${host}]` : host}:${port}`;

/** 127.0.0.0/8, ::1 and the name localhost: reachable from this machine only. */
export const isLoopbackHost = (host: string): boolean =>
  /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1' || host.toLowerCase() === 'localhost';
