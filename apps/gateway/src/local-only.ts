// A browser page from elsewhere can still reach the gateway: through DNS rebinding (its own
// name, resolved to our address: a foreign Host header) or by posting across sites (a foreign
// Origin header). Both are refused. On loopback only this machine's names are this gateway;
// with --gateway-public, any IP literal is too (DNS rebinding needs a name).
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import { formatHostPort } from '@meshwork/protocol';

export type HostCheck = (host: string) => boolean;

/** Whether a Host header value (lowercase) names this gateway. */
export function hostCheck(gatewayHost: string, port: number, isPublic: boolean): HostCheck {
  const names = new Set<string>();
  for (const name of ['127.0.0.1', 'localhost', '::1', gatewayHost.toLowerCase()]) {
    names.add(formatHostPort({ host: name, port }));
    if (port === 80) names.add(name.includes(':') ? `[${name}]` : name);
  }
  return (host) => {
    if (names.has(host)) return true;
    if (!isPublic) return false;
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(host);
    return !!m && isIP(m[1]!) !== 0 && Number(m[2] ?? 80) === port;
  };
}

/** Why a request is refused (403), or undefined if it may go on. */
export function refuseReason(headers: IncomingHttpHeaders, isAllowed: HostCheck): string | undefined {
  const host = headers.host?.toLowerCase();
  if (!host) return 'missing Host header';
  if (!isAllowed(host)) return `Host ${JSON.stringify(host.slice(0, 100))} is not this gateway`;
  const origin = headers.origin;
  if (origin === undefined) return undefined;
  const match = /^http:\/\/([^/]+)$/i.exec(origin);
  if (!match || !isAllowed(match[1]!.toLowerCase())) return `Origin ${JSON.stringify(origin.slice(0, 100))} may not use this gateway`;
  return undefined;
}
