// Local clients show the node's client secret: `Authorization: Bearer <secret>` (CLI, scripts),
// or the session cookie a browser got for it at /api/login (HttpOnly, SameSite=Strict).
import type { IncomingHttpHeaders } from 'node:http';
import { api } from '@meshwork/protocol';
import { secretMatches } from '@meshwork/service';

export interface Auth {
  /** the request shows the secret */
  allows(headers: IncomingHttpHeaders): boolean;
  /** a Set-Cookie value holding the secret for this node */
  sessionCookie(): string;
}

const YEAR_S = 365 * 24 * 3600;

export function createAuth(secret: string, nodeId: string): Auth {
  const cookieName = api.auth.cookie(nodeId);
  return {
    allows(headers) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
      if (bearer !== undefined) return secretMatches(bearer, secret);
      const cookie = cookieValue(headers.cookie, cookieName);
      return cookie !== undefined && secretMatches(cookie, secret);
    },
    sessionCookie: () => `${cookieName}=${secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${YEAR_S}`,
  };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export const UNAUTHORIZED =
  `this node's client secret is required: send "Authorization: Bearer <secret>" (the secret is in the file ${api.auth.secretFile} of the node's data folder), or open the URL mesh up printed`;
