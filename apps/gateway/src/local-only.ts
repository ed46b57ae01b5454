// The API is for clients on this machine. A browser page from elsewhere can still reach
// 127.0.0.1: through DNS rebinding (its own name, resolved to 127.0.0.1: a foreign Host
// header) or by posting across sites (a foreign Origin header). Both are refused.
import type { IncomingHttpHeaders } from 'node:http';

const withPort = (host: string, port: number): string => `${host.includes(':') ? `[${host}]` : host}:${port}`;

/** The Host header values that name this gateway (lowercase). */
export function allowedHosts(gatewayHost: string, port: number): Set<string> {
  const hosts = new Set<string>();
  for (const name of ['127.0.0.1', 'localhost', '::1', gatewayHost.toLowerCase()]) {
    hosts.add(withPort(name, port));
    if (port === 80) hosts.add(name.includes(':') ? `[${name}]` : name);
  }
  return hosts;
}

/** Why a request is refused (403), or undefined if it may go on. */
export function refuseReason(headers: IncomingHttpHeaders, allowed: Set<string>): string | undefined {
  const host = headers.host?.toLowerCase();
  if (!host) return 'missing Host header';
  if (!allowed.has(host)) return `Host ${JSON.stringify(host.slice(0, 100))} is not this gateway`;
  const origin = headers.origin;
  if (origin === undefined) return undefined;
  const match = /^http:\/\/([^/]+)$/i.exec(origin);
  if (!match || !allowed.has(match[1]!.toLowerCase())) return `Origin ${JSON.stringify(origin.slice(0, 100))} may not use this gateway`;
  return undefined;
}
