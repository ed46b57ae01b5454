// The one helper every service uses to speak protobuf events on its node's bus.
import { connect, headers, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { EventDef, RequestDef } from '@meshwork/protocol';
import { BusRequestError } from './errors.ts';

export interface BusOptions {
  url: string;
  token?: string;
  /** client name shown by the server (service name) */
  name: string;
  log: Logger;
}

export interface SubscribeOptions {
  /** queue group: instances of one service share the work */
  queue?: string;
}

const ERROR_HEADER = 'Mesh-Error';

type Handler<T> = (message: T, raw: Msg) => void | Promise<void>;

export class Bus {
  readonly #nc: NatsConnection;
  readonly #log: Logger;

  constructor(nc: NatsConnection, log: Logger) {
    this.#nc = nc;
    this.#log = log;
  }

  /** Publishes an event, or a request's message when no reply is wanted. */
  publish<T, P>(def: EventDef<T, P> | RequestDef<T, P, unknown, unknown>, message: P): void {
    const codec = def.kind === 'event' ? def.type : def.request;
    this.#nc.publish(def.subject, codec.encode(message).finish());
  }

  /** Calls handler for each event; a handler that throws is logged, never fatal. */
  subscribe<T, P>(def: EventDef<T, P>, handler: Handler<T>, opts: SubscribeOptions = {}): Subscription {
    return this.#listen(def.subject, opts, async (msg) => handler(def.type.decode(msg.data), msg));
  }

  /** Throws BusRequestError on timeout, when nobody serves the subject, or when the handler failed. */
  async request<Q, QP, R, RP>(def: RequestDef<Q, QP, R, RP>, message: QP, timeoutMs = 5000): Promise<R> {
    let reply: Msg;
    try {
      reply = await this.#nc.request(def.subject, def.request.encode(message).finish(), { timeout: timeoutMs });
    } catch (err) {
      throw new BusRequestError(def.subject, err);
    }
    const remoteError = reply.headers?.get(ERROR_HEADER);
    if (remoteError) throw new BusRequestError(def.subject, new Error(remoteError));
    return def.reply.decode(reply.data);
  }

  /**
   * Answers requests, each as it comes (handlers run concurrently). A handler that throws
   * is logged, and the requester gets a BusRequestError carrying its message.
   */
  serve<Q, QP, R, RP>(def: RequestDef<Q, QP, R, RP>, handler: (req: Q, raw: Msg) => RP | Promise<RP>, opts: SubscribeOptions = {}): Subscription {
    return this.#listen(def.subject, opts, async (msg) => {
      try {
        const reply = await handler(def.request.decode(msg.data), msg);
        msg.respond(def.reply.encode(reply).finish());
      } catch (err) {
        const h = headers();
        h.set(ERROR_HEADER, ((err as Error)?.message ?? String(err)).replace(/[\r\n]+/g, ' ').slice(0, 500));
        msg.respond(new Uint8Array(), { headers: h });
        throw err;
      }
    });
  }

  /** Resolves once the server has processed everything sent so far (subscriptions included). */
  flush(): Promise<void> {
    return this.#nc.flush();
  }

  async close(): Promise<void> {
    if (this.#nc.isClosed()) return;
    await this.#nc.drain().catch(() => this.#nc.close());
  }

  closed(): Promise<void | Error> {
    return this.#nc.closed();
  }

  #listen(subject: string, opts: SubscribeOptions, handle: (msg: Msg) => Promise<void>): Subscription {
    return this.#nc.subscribe(subject, {
      queue: opts.queue,
      callback: (err, msg) => {
        if (err) {
          this.#log.warn({ err, subject }, 'subscription error');
          return;
        }
        handle(msg).catch((error: unknown) => this.#log.error({ err: error, subject }, 'bus handler failed'));
      },
    });
  }
}

/** Connects and keeps reconnecting for ever: a service outlives nats-server restarts. */
export async function connectBus(opts: BusOptions): Promise<Bus> {
  const nc = await connect({
    servers: opts.url,
    token: opts.token,
    name: opts.name,
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    reconnectJitter: 100,
    pingInterval: 10_000,
  });
  const log = opts.log.child({ component: 'bus' });
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect' || s.type === 'reconnect') log.warn({ server: s.server }, `bus ${s.type}`);
      else if (s.type === 'slowConsumer') log.warn({ subject: s.sub.getSubject(), pending: s.pending }, 'bus slow consumer');
      else if (s.type === 'error') log.error({ err: s.error }, 'bus error');
    }
  })();
  log.debug({ url: opts.url }, 'bus connected');
  return new Bus(nc, log);
}
