// The HTTP routes: the JSON API (libs/protocol/src/api.ts), files in and out, and the static
// web page. Every /api route but login wants the client secret.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { BusRequestError, type Bus } from '@meshwork/bus';
import {
  api,
  describeIssues,
  loginBodySchema,
  proofMessage,
  proofQuerySchema,
  sendChatBodySchema,
  subjects,
  type RequestDef,
  type SendChatResult,
  type Status,
} from '@meshwork/protocol';
import { secretMatches, secretProof, throttledLog } from '@meshwork/service';
import { UNAUTHORIZED, type Auth } from './auth.ts';
import { readJsonBody } from './body.ts';
import { HttpError } from './errors.ts';
import type { EventHub } from './event-hub.ts';
import { createFileRoutes } from './file-routes.ts';
import type { History } from './history.ts';
import { fileView, messageView, peerRefView, peerView } from './views.ts';

export interface ApiDeps {
  bus: Bus;
  log: Logger;
  history: History;
  hub: EventHub;
  auth: Auth;
  secret: string;
  status: Status;
  requestTimeoutMs: number;
  /** called with the id of each chat this gateway sent, so its deliveries reach the clients */
  onChatSent(messageId: string): void;
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> } | 'sent';
type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<Reply>;

const publicDir = new URL('../public/', import.meta.url);
const staticFiles: Record<string, { file: string; type: string } | { content: Buffer; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
  // the page's copy of the API contract, made from the one in libs/protocol, never retyped
  '/contract.js': {
    content: Buffer.from(`export const api = ${JSON.stringify({ routes: api.routes, auth: { fragment: api.auth.fragment }, maxChatBytes: api.maxChatBytes })};\n`),
    type: 'text/javascript; charset=utf-8',
  },
};
const staticHeaders = {
  'content-security-policy': "default-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/** The service that answers each request subject, for "router is not running". */
const serviceOf: Record<string, string> = {
  [subjects.peersList.subject]: 'transport',
  [subjects.chatSend.subject]: 'router',
  [subjects.fileUpload.subject]: 'filesvc',
  [subjects.fileDownload.subject]: 'filesvc',
  [subjects.filesList.subject]: 'filesvc',
};

const isTimeout = (err: unknown): boolean => {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'TimeoutError') return true;
  }
  return false;
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'the body must be a JSON object');
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, describeIssues(result.error));
  return result.data;
}

export function createApiHandler(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { bus, log, history, hub, auth, requestTimeoutMs } = deps;
  // refusals a client can repeat at will: one line per address and kind per interval
  const noisy = throttledLog(log);

  async function ask<Q, QP, R, RP>(def: RequestDef<Q, QP, R, RP>, message: QP): Promise<R> {
    const service = serviceOf[def.subject] ?? def.subject;
    try {
      return await bus.request(def, message, requestTimeoutMs);
    } catch (err) {
      if (!(err instanceof BusRequestError)) throw err;
      if (err.noResponders) throw new HttpError(503, `${service} is not running`, { cause: err });
      if (isTimeout(err)) throw new HttpError(503, `${service} did not answer within ${requestTimeoutMs} ms`, { cause: err });
      throw new HttpError(503, `${service} could not be asked: ${err.message}`, { cause: err });
    }
  }
  const files = createFileRoutes({ bus, log, ask });

  /** Routes that need no secret. */
  const open: Record<string, Partial<Record<string, Handler>>> = {
    [api.routes.health]: {
      GET: async () => ({ status: 200, body: { ok: true } }),
    },
    [api.routes.proof]: {
      GET: async (_req, _res, url) => {
        const query = proofQuerySchema.safeParse({ nonce: url.searchParams.get('nonce') ?? '' });
        if (!query.success) throw new HttpError(400, describeIssues(query.error));
        return { status: 200, body: { proof: secretProof(deps.secret, proofMessage(query.data.nonce)) } };
      },
    },
    [api.routes.login]: {
      POST: async (req) => {
        const { secret } = parseBody(loginBodySchema, await readJsonBody(req, api.maxBodyBytes));
        if (!secretMatches(secret, deps.secret)) {
          noisy.warn(req.socket.remoteAddress ?? '', { remote: `${req.socket.remoteAddress}:${req.socket.remotePort}` }, 'login refused: wrong secret');
          throw new HttpError(401, 'wrong secret');
        }
        return { status: 204, body: undefined, headers: { 'set-cookie': auth.sessionCookie() } };
      },
    },
  };

  const routes: Record<string, Partial<Record<string, Handler>>> = {
    [api.routes.status]: {
      GET: async () => ({ status: 200, body: deps.status }),
    },
    [api.routes.peers]: {
      GET: async () => {
        const list = await ask(subjects.peersList, {});
        return { status: 200, body: list.peers.map(peerView) };
      },
    },
    [api.routes.messages]: {
      GET: async () => ({ status: 200, body: history.list() }),
      POST: async (req) => {
        const { text } = parseBody(sendChatBodySchema, await readJsonBody(req, api.maxBodyBytes));
        // the id is ours before the router sends: a delivery can come back before its reply
        const messageId = randomUUID();
        deps.onChatSent(messageId);
        const reply = await ask(subjects.chatSend, { content: text, messageId });
        if (reply.error) throw new HttpError(reply.tooLarge ? 413 : 400, reply.error);
        if (!reply.chat) throw new HttpError(502, 'router answered without the message it sent');
        const message = messageView(reply.chat, 'out', reply.security);
        history.add(message);
        hub.broadcast({ type: 'chat', message });
        const result: SendChatResult = { message, targets: reply.targets.map(peerRefView) };
        return { status: 201, body: result };
      },
    },
    [api.routes.files]: {
      GET: async () => {
        const list = await ask(subjects.filesList, {});
        return { status: 200, body: list.files.map(fileView) };
      },
      POST: async (req, _res, url) => ({ status: 202, body: await files.upload(req, url) }),
    },
    [api.routes.events]: {
      GET: async () => {
        throw new HttpError(426, 'this is a WebSocket endpoint', { headers: { upgrade: 'websocket' } });
      },
    },
  };

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const entry = Object.hasOwn(staticFiles, path) ? staticFiles[path] : undefined;
    if (!entry) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `${req.method} is not allowed on ${path}`, { headers: { allow: 'GET, HEAD' } });
    const content = 'content' in entry ? entry.content : await readFile(new URL(entry.file, publicDir));
    res.writeHead(200, { 'content-type': entry.type, 'content-length': content.length, ...staticHeaders });
    res.end(req.method === 'HEAD' ? undefined : content);
    return true;
  }

  /** The handler for a path and method, or why there is none. */
  function route(req: IncomingMessage, path: string): Handler {
    if (path.startsWith(api.routes.file) && path.length > api.routes.file.length) {
      if (!auth.allows(req.headers)) throw new HttpError(401, UNAUTHORIZED, { headers: { 'www-authenticate': 'Bearer realm="meshwork"' } });
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `${req.method} is not allowed on ${api.routes.file}NAME (allowed: GET)`, { headers: { allow: 'GET' } });
      let name: string;
      try {
        name = decodeURIComponent(path.slice(api.routes.file.length));
      } catch {
        throw new HttpError(400, 'the file name is not valid percent-encoding');
      }
      return async (_req, res) => {
        await files.download(res, name, req.method === 'HEAD');
        return 'sent';
      };
    }
    const isOpen = Object.hasOwn(open, path);
    const methods = isOpen ? open[path] : Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (!methods) throw new HttpError(404, `no such resource: ${path.slice(0, 200)}`);
    if (!isOpen && !auth.allows(req.headers)) throw new HttpError(401, UNAUTHORIZED, { headers: { 'www-authenticate': 'Bearer realm="meshwork"' } });
    const method = req.method === 'HEAD' && methods.GET ? 'GET' : (req.method ?? '');
    const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (!handler) {
      const allow = Object.keys(methods).join(', ');
      throw new HttpError(405, `${req.method} is not allowed on ${path} (allowed: ${allow})`, { headers: { allow } });
    }
    return handler;
  }

  return async (req, res) => {
    const started = Date.now();
    const remote = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const path = url.pathname;
    let status = 500;
    try {
      if (await serveStatic(req, res, path)) {
        status = 200;
      } else {
        const reply = await route(req, path)(req, res, url);
        if (reply === 'sent') {
          status = res.statusCode;
        } else {
          status = reply.status;
          if (reply.body === undefined) {
            res.writeHead(reply.status, { 'cache-control': 'no-store', ...reply.headers });
            res.end();
          } else {
            sendJson(res, reply.status, reply.body, reply.headers);
          }
        }
      }
      log.debug({ remote, method: req.method, path, status, ms: Date.now() - started }, 'request');
    } catch (err) {
      const httpError = err instanceof HttpError ? err : undefined;
      status = httpError?.status ?? 500;
      const message = httpError?.message ?? 'internal error';
      if (!httpError) log.error({ remote, method: req.method, path, err }, 'request failed: internal error');
      else if (status >= 500) log.warn({ remote, method: req.method, path, status, cause: (httpError.cause as Error | undefined)?.message }, `request failed: ${message}`);
      else noisy.info(`${req.socket.remoteAddress} ${status}`, { remote, method: req.method, path, status }, `request refused: ${message}`);
      // a body left unread (a refused upload, however large) is not read: the connection closes
      if (res.headersSent) res.destroy();
      else sendJson(res, status, { error: message }, { ...httpError?.headers, ...(req.complete ? {} : { connection: 'close' }) });
    }
  };
}
