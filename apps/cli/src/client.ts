// A small client of a node's gateway (HTTP + WebSocket), checked against the API contract
// in @meshwork/protocol, showing the node's client secret. Every failure is one of the errors
// below, with a one-line message.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import WebSocket from 'ws';
import { secretMatches, secretProof } from '@meshwork/service';
import type { z } from 'zod';
import {
  api,
  apiErrorSchema,
  clientEventSchema,
  fileViewSchema,
  messageViewSchema,
  peerViewSchema,
  proofMessage,
  proofSchema,
  sendChatResultSchema,
  sendFileResultSchema,
  statusSchema,
  type ClientEvent,
  type FileView,
  type MessageView,
  type PeerView,
  type SendChatResult,
  type SendFileResult,
  type Status,
} from '@meshwork/protocol';

/** Nothing listens at the gateway URL. */
export class GatewayUnreachableError extends Error {
  readonly url: string;
  constructor(url: string, cause?: unknown) {
    super(`no meshwork node answers at ${url} (is \`mesh up\` running?)`, { cause });
    this.name = 'GatewayUnreachableError';
    this.url = url;
  }
}

/** The gateway answered with an error (`{ error }`), or not in time. */
export class GatewayError extends Error {
  /** HTTP status, 0 when there was no answer */
  readonly status: number;
  constructor(message: string, status: number, cause?: unknown) {
    super(message, { cause });
    this.name = 'GatewayError';
    this.status = status;
  }
}

/** What answered is not a meshwork gateway, or it broke the API contract. */
export class GatewayProtocolError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'GatewayProtocolError';
  }
}

/** The event stream ended without being asked to. */
export class EventStreamLostError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'EventStreamLostError';
  }
}

export class GatewayUrlError extends Error {
  constructor(url: string, why: string) {
    super(`invalid gateway URL ${JSON.stringify(url)}: ${why}`);
    this.name = 'GatewayUrlError';
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL', 'UND_ERR_SOCKET']);

function errorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    // AggregateError (an address family each) carries its codes in .errors
    const inner = (e as { errors?: unknown[] }).errors?.[0];
    if (inner) return errorCode(inner);
  }
  return undefined;
}

/**
 * "http://127.0.0.1:8080/" -> "http://127.0.0.1:8080" (http or https only); a bare
 * "127.0.0.1:8080", the form `mesh up --gateway` takes, means http.
 */
export function normalizeGatewayUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `http://${input}`);
  } catch {
    throw new GatewayUrlError(input, 'not a URL (for example http://127.0.0.1:8080)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new GatewayUrlError(input, 'must start with http:// or https://');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export interface GatewayClientOptions {
  /** how long one HTTP request may take (an upload or a download: between two reads) */
  timeoutMs?: number;
  /** the node's client secret (its data folder's client-secret file, or MESH_SECRET) */
  secret?: string;
  /** why there is no secret (said when the gateway wants one) */
  missingSecret?: string;
}

export interface EventsOptions {
  /** ends the stream without an error */
  signal?: AbortSignal;
  /** told about an event that does not fit the contract (it is skipped) */
  onInvalid?: (text: string, reason: string) => void;
  /** told once the stream is connected: events from then on will come */
  onOpen?: () => void;
}

export class GatewayClient {
  readonly url: string;
  readonly #timeoutMs: number;
  readonly #auth: Record<string, string>;
  readonly #secret: string | undefined;
  readonly #missingSecret: string | undefined;
  /** that the gateway knows the secret (asked once, before the secret is first shown) */
  #proven: Promise<void> | undefined;

  constructor(url: string, options: GatewayClientOptions = {}) {
    this.url = normalizeGatewayUrl(url);
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#auth = options.secret ? { authorization: `${api.auth.scheme} ${options.secret}` } : {};
    this.#secret = options.secret;
    this.#missingSecret = options.secret ? undefined : options.missingSecret;
  }

  status(): Promise<Status> {
    return this.#call('GET', api.routes.status, statusSchema);
  }

  peers(): Promise<PeerView[]> {
    return this.#call('GET', api.routes.peers, peerViewSchema.array());
  }

  messages(): Promise<MessageView[]> {
    return this.#call('GET', api.routes.messages, messageViewSchema.array());
  }

  sendChat(text: string): Promise<SendChatResult> {
    return this.#call('POST', api.routes.messages, sendChatResultSchema, { text });
  }

  files(): Promise<FileView[]> {
    return this.#call('GET', api.routes.files, fileViewSchema.array());
  }

  /** Streams a local file to the node, which sends it to every peer (as `name`, default its base name). */
  async sendFile(path: string, name: string = basename(path)): Promise<SendFileResult> {
    await this.#prove();
    let size: number;
    try {
      const s = await stat(path);
      if (!s.isFile()) throw new Error('not a regular file');
      size = s.size;
    } catch (err) {
      throw new GatewayError(`cannot send ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 0, err);
    }
    const target = new URL(`${this.url}${api.routes.files}`);
    target.searchParams.set('name', name);
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(target, {
        method: 'POST',
        headers: { ...this.#auth, 'content-type': 'application/octet-stream', 'content-length': size },
        timeout: this.#timeoutMs,
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })));
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body = (body + c).slice(0, 65536)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: body }));
        res.on('error', reject);
      });
      req.on('error', reject);
      const file = createReadStream(path);
      file.on('error', (err) => req.destroy(err));
      file.pipe(req);
    }).catch((err: unknown) => {
      throw this.#transportError(err);
    });
    if (status < 200 || status >= 300) throw this.#errorFrom(status, text, `POST ${api.routes.files}`);
    return this.#check(sendFileResultSchema, text, `POST ${api.routes.files}`);
  }

  /** Saves a received file of the node at `dest` (written whole, then renamed into place). */
  async download(name: string, dest: string): Promise<number> {
    await this.#prove();
    const what = `GET ${api.routes.file}${name}`;
    let res: Response;
    try {
      res = await fetch(`${this.url}${api.routes.file}${encodeURIComponent(name)}`, { headers: this.#auth, redirect: 'error' });
    } catch (err) {
      throw this.#transportError(err);
    }
    if (!res.ok || !res.body) throw this.#errorFrom(res.status, await res.text(), what);
    const partial = `${dest}.part`;
    try {
      await pipeline(res.body, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
      await rename(partial, dest);
    } catch (err) {
      await rm(partial, { force: true });
      throw new GatewayError(`cannot save ${dest}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 0, err);
    }
    return (await stat(dest)).size;
  }

  /** The node's live events, one consumer; throws EventStreamLostError if the connection drops. */
  async *events(options: EventsOptions = {}): AsyncGenerator<ClientEvent> {
    const { signal } = options;
    if (signal?.aborted) return;
    await this.#prove();
    const where = `${this.url.replace(/^http/, 'ws')}${api.routes.events}`;
    const ws = new WebSocket(where, { handshakeTimeout: this.#timeoutMs, headers: this.#auth });
    const queue: ClientEvent[] = [];
    let failure: Error | undefined;
    let ended = false;
    let wake: (() => void) | undefined;
    const notify = () => {
      wake?.();
      wake = undefined;
    };
    let opened = false;

    ws.on('open', () => {
      opened = true;
      options.onOpen?.();
    });
    ws.on('message', (data) => {
      const text = String(data);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        return options.onInvalid?.(text, `not JSON: ${(err as Error).message}`);
      }
      const parsed = clientEventSchema.safeParse(value);
      if (!parsed.success) return options.onInvalid?.(text, parsed.error.issues[0]?.message ?? 'invalid');
      queue.push(parsed.data);
      notify();
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c.slice(0, 4096)));
      res.on('end', () => {
        failure = this.#errorFrom(res.statusCode ?? 0, body, `GET ${api.routes.events}`);
        ended = true;
        ws.terminate();
        notify();
      });
    });
    ws.on('error', (err) => {
      failure ??= opened ? new EventStreamLostError(`the connection to the node at ${this.url} was lost: ${err.message}`, err) : this.#transportError(err);
    });
    ws.on('close', (code, reason) => {
      if (!ended && !signal?.aborted) {
        const why = String(reason) || (code === 1006 ? 'connection cut' : `code ${code}`);
        failure ??= opened ? new EventStreamLostError(`the node at ${this.url} closed the event stream: ${why}`) : new GatewayUnreachableError(this.url);
      }
      ended = true;
      notify();
    });
    const onAbort = () => {
      ended = true;
      ws.close(1000, 'client done');
      notify();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    try {
      for (;;) {
        while (queue.length > 0) yield queue.shift()!;
        if (signal?.aborted) return;
        if (failure) throw failure;
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else if (ws.readyState === WebSocket.OPEN) ws.close(1000, 'client done');
    }
  }

  /**
   * Before the secret is shown to a server, the server shows it knows it: an HMAC of a fresh
   * nonce. Whatever else listens where a node was (a stale address, another user's server)
   * learns nothing.
   */
  #prove(): Promise<void> {
    if (!this.#secret) return Promise.resolve();
    this.#proven ??= (async () => {
      const nonce = randomBytes(16).toString('hex');
      const answer = await this.#send('GET', `${api.routes.proof}?nonce=${nonce}`, proofSchema, undefined, false).catch((err: unknown) => {
        if (err instanceof GatewayUnreachableError || err instanceof GatewayProtocolError) throw err;
        throw new GatewayError(`${this.url} did not prove it knows this node's client secret (${(err as Error).message}): the secret was not sent`, 0, err);
      });
      if (!secretMatches(answer.proof, secretProof(this.#secret!, proofMessage(nonce)))) {
        throw new GatewayError(`${this.url} does not know this client secret (a wrong secret, or another node): the secret was not sent`, 0);
      }
    })();
    return this.#proven;
  }

  async #call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    await this.#prove();
    return this.#send(method, path, schema, body, true);
  }

  async #send<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, body: unknown, withSecret: boolean): Promise<z.infer<S>> {
    const what = `${method} ${path.split('?')[0]}`;
    const auth = withSecret ? this.#auth : {};
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.url + path, {
        method,
        headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.#timeoutMs),
        redirect: 'error',
      });
      text = await res.text();
    } catch (err) {
      throw this.#transportError(err);
    }
    if (!res.ok) throw this.#errorFrom(res.status, text, what);
    return this.#check(schema, text, what);
  }

  #check<S extends z.ZodType>(schema: S, text: string, what: string): z.infer<S> {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new GatewayProtocolError(`${this.url} is not a meshwork node: ${what} answered something that is not JSON`, err);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new GatewayProtocolError(`${this.url} answered ${what} outside the API contract (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`, parsed.error);
    }
    return parsed.data;
  }

  #transportError(err: unknown): Error {
    if ((err as Error)?.name === 'TimeoutError') return new GatewayError(`the node at ${this.url} did not answer within ${Math.round(this.#timeoutMs / 1000)} s`, 0, err);
    const code = errorCode(err);
    if (code === undefined || UNREACHABLE.has(code)) return new GatewayUnreachableError(this.url, err);
    return new GatewayError(`cannot reach the node at ${this.url}: ${code}`, 0, err);
  }

  #errorFrom(status: number, text: string, what: string): Error {
    if (status === 401 && this.#missingSecret) {
      return new GatewayError(`no client secret: ${this.#missingSecret}; run this as the node's user, give its --data-dir, or set MESH_SECRET`, status);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const parsed = apiErrorSchema.safeParse(value);
    if (parsed.success) return new GatewayError(parsed.data.error.split('\n')[0]!, status);
    return new GatewayProtocolError(`${this.url} is not a meshwork node: ${what} answered HTTP ${status}`);
  }
}
