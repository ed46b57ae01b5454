// The HTTP routes: the JSON API (libs/protocol/src/api.ts) and the static web page.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { BusRequestError, type Bus } from '@meshwork/bus';
import {
  api,
  describeIssues,
  sendChatBodySchema,
  sendFileBodySchema,
  subjects,
  type RequestDef,
  type SendChatResult,
  type SendFileResult,
  type Status,
} from '@meshwork/protocol';
import { readJsonBody } from './body.ts';
import { HttpError } from './errors.ts';
import type { History } from './history.ts';
import type { EventHub } from './event-hub.ts';
import { fileView, messageView, peerView } from './views.ts';

export interface ApiDeps {
  bus: Bus;
  log: Logger;
  history: History;
  hub: EventHub;
  status: Status;
  requestTimeoutMs: number;
}

interface Reply {
  status: number;
  body: unknown;
}

type Handler = (req: IncomingMessage) => Promise<Reply>;

const publicDir = new URL('../public/', import.meta.url);
const staticFiles: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
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
  [subjects.fileSend.subject]: 'filesvc',
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
  const { bus, log, history, hub, requestTimeoutMs } = deps;

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
        const reply = await ask(subjects.chatSend, { content: text });
        if (reply.error) throw new HttpError(400, reply.error);
        if (!reply.chat) throw new HttpError(502, 'router answered without the message it sent');
        const message = messageView(reply.chat, 'out');
        history.add(message);
        hub.broadcast({ type: 'chat', message });
        const result: SendChatResult = {
          message,
          delivered: reply.deliveries.filter((d) => d.ok).length,
          peers: reply.deliveries.length,
        };
        return { status: 201, body: result };
      },
    },
    [api.routes.files]: {
      GET: async () => {
        const list = await ask(subjects.filesList, {});
        return { status: 200, body: list.files.map(fileView) };
      },
      POST: async (req) => {
        const { path } = parseBody(sendFileBodySchema, await readJsonBody(req, api.maxBodyBytes));
        const reply = await ask(subjects.fileSend, { path });
        if (reply.error) throw new HttpError(400, reply.error);
        const result: SendFileResult = { fileId: reply.fileId, filename: reply.filename, size: reply.size, totalChunks: reply.totalChunks };
        return { status: 202, body: result };
      },
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
    const content = await readFile(new URL(entry.file, publicDir));
    res.writeHead(200, { 'content-type': entry.type, 'content-length': content.length, ...staticHeaders });
    res.end(req.method === 'HEAD' ? undefined : content);
    return true;
  }

  return async (req, res) => {
    const started = Date.now();
    const remote = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
    const path = new URL(req.url ?? '/', 'http://gateway.invalid').pathname;
    let status = 500;
    try {
      if (await serveStatic(req, res, path)) {
        status = 200;
      } else {
        const methods = Object.hasOwn(routes, path) ? routes[path] : undefined;
        if (!methods) throw new HttpError(404, `no such resource: ${path.slice(0, 200)}`);
        const method = req.method === 'HEAD' && methods.GET ? 'GET' : (req.method ?? '');
        const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
        if (!handler) {
          const allow = Object.keys(methods).join(', ');
          throw new HttpError(405, `${req.method} is not allowed on ${path} (allowed: ${allow})`, { headers: { allow } });
        }
        const reply = await handler(req);
        status = reply.status;
        sendJson(res, reply.status, reply.body);
      }
      log.debug({ remote, method: req.method, path, status, ms: Date.now() - started }, 'request');
    } catch (err) {
      const httpError = err instanceof HttpError ? err : undefined;
      status = httpError?.status ?? 500;
      const message = httpError?.message ?? 'internal error';
      if (!httpError) log.error({ remote, method: req.method, path, err }, 'request failed: internal error');
      else if (status >= 500) log.warn({ remote, method: req.method, path, status, cause: (httpError.cause as Error | undefined)?.message }, `request failed: ${message}`);
      else log.info({ remote, method: req.method, path, status }, `request refused: ${message}`);
      if (res.headersSent) res.destroy();
      else sendJson(res, status, { error: message }, httpError?.headers);
    }
  };
}
