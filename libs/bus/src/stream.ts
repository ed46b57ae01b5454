// Bulk data between two services over core NATS (StreamData and StreamControl in events.proto).
// Core NATS delivers at most once and drops messages to a subscriber that falls behind, so
// the writer publishes only while it holds credit, the reader grants credit as its consumer
// takes messages (never more than `window` unconsumed), and sequence numbers reveal loss.
import { randomBytes } from 'node:crypto';
import type { Subscription } from '@nats-io/transport-node';
import { streamSubjects } from '@meshwork/protocol';
import type { Bus } from './bus.ts';

export interface StreamOptions {
  /** messages in flight at most (credit), default 16 */
  window?: number;
  /** give up when nothing moves for this long, default 30_000 */
  idleTimeoutMs?: number;
}

/** bytes per StreamData (writers split larger pieces) */
export const MAX_STREAM_CHUNK = 64 * 1024;

const DEFAULT_WINDOW = 16;
const MAX_WINDOW = 1024;
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
const MAX_REASON_LENGTH = 500;

/** Random, and fits streamSubjects' id rule. */
export const newStreamId = (): string => randomBytes(16).toString('base64url');

/**
 * Why a stream failed: gap (a message was lost), idle, remote (the other side gave up),
 * aborted or cancelled here, protocol (the other side broke the rules), bus (cannot publish).
 */
export type StreamFailure = 'gap' | 'idle' | 'remote' | 'aborted' | 'cancelled' | 'protocol' | 'bus';

export class StreamError extends Error {
  readonly stream: string;
  readonly kind: StreamFailure;
  /** the reason without the stream's name, as told to the other side */
  readonly reason: string;
  constructor(stream: string, kind: StreamFailure, reason: string, cause?: unknown) {
    super(`stream ${stream}: ${reason}`, { cause });
    this.name = 'StreamError';
    this.stream = stream;
    this.kind = kind;
    this.reason = reason;
  }
}

function checkOptions(opts: StreamOptions): Required<StreamOptions> {
  const window = opts.window ?? DEFAULT_WINDOW;
  const idleTimeoutMs = opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  if (!Number.isInteger(window) || window < 1 || window > MAX_WINDOW) throw new RangeError(`stream window must be an integer in 1..${MAX_WINDOW}, got ${window}`);
  if (!(idleTimeoutMs > 0)) throw new RangeError(`stream idleTimeoutMs must be positive, got ${idleTimeoutMs}`);
  return { window, idleTimeoutMs };
}

/** A reason from the other side (or a caller) made safe to show and to send. */
const clean = (reason: string): string => reason.replace(/[\r\n]+/g, ' ').slice(0, MAX_REASON_LENGTH);

const idleReason = (ms: number): string => `idle timeout: nothing moved for ${ms} ms`;

function idleTimer(ms: number, onIdle: () => void): NodeJS.Timeout {
  const timer = setTimeout(onIdle, ms);
  timer.unref();
  return timer;
}

/** Publishes a control message that may go nowhere (the connection closing, the other side gone). */
function tryPublish(publish: () => void): void {
  try {
    publish();
  } catch {
    // the stream is failing or over already: nobody to tell
  }
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(err: unknown): void;
}

/** Receiving end. Subscribes to the data subject in the constructor. */
export class StreamReader implements AsyncIterable<Uint8Array> {
  readonly #bus: Bus;
  readonly #id: string;
  readonly #subjects: ReturnType<typeof streamSubjects>;
  readonly #window: number;
  /** credit is returned in batches of this many taken messages */
  readonly #batch: number;
  readonly #idleTimeoutMs: number;
  readonly #sub: Subscription;
  readonly #idle: NodeJS.Timeout;
  readonly #queue: Uint8Array[] = [];
  #nextSeq = 0;
  #granted = 0;
  #received = 0;
  /** messages the consumer has finished with since the last grant */
  #takenSinceGrant = 0;
  /** the consumer holds a message and has not asked for the next one yet */
  #holding = false;
  #started = false;
  #iterating = false;
  /** the writer's end arrived */
  #ended = false;
  /** the consumer was told the stream ended */
  #finished = false;
  #closed = false;
  #failure: StreamError | undefined;
  #waiting: Waiter<IteratorResult<Uint8Array>> | undefined;

  constructor(bus: Bus, id: string, opts: StreamOptions = {}) {
    this.#subjects = streamSubjects(id);
    const { window, idleTimeoutMs } = checkOptions(opts);
    this.#bus = bus;
    this.#id = id;
    this.#window = window;
    this.#batch = Math.ceil(window / 2);
    this.#idleTimeoutMs = idleTimeoutMs;
    this.#sub = bus.subscribe(this.#subjects.data, (message) => this.#onData(message));
    this.#idle = idleTimer(idleTimeoutMs, () => this.#fail('idle', idleReason(this.#idleTimeoutMs), true));
  }

  /** grants the first window of credit; call once the writer is listening on ctl */
  start(): void {
    if (this.#started || this.#closed) return;
    this.#started = true;
    this.#idle.refresh();
    this.#grant(this.#window);
  }

  /** yields each message's data in order; ends at the writer's end; throws StreamError on a writer error, a seq gap, or idle timeout */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.#iterating) throw new Error(`stream ${this.#id} is already being read`);
    this.#iterating = true;
    return {
      next: () => this.#next(),
      return: async () => {
        if (!this.#finished) this.cancel('the reader stopped before the end');
        return { value: undefined, done: true };
      },
    };
  }

  /** tells the writer the whole stream was taken (call after the data is safely stored); cleans up. Before the end, it cancels. */
  done(): void {
    if (this.#closed) return;
    if (!this.#finished) {
      this.cancel('the reader called done() before the end');
      return;
    }
    tryPublish(() => this.#bus.publish(this.#subjects.ctl, { done: true }));
    this.#close();
  }

  /** tells the writer to stop, with a reason; cleans up */
  cancel(reason: string): void {
    if (this.#closed) return;
    tryPublish(() => this.#bus.publish(this.#subjects.ctl, { error: clean(reason) }));
    this.#fail('cancelled', `cancelled: ${clean(reason)}`, false);
  }

  #next(): Promise<IteratorResult<Uint8Array>> {
    if (this.#holding) {
      this.#holding = false;
      this.#taken();
    }
    if (this.#failure) return Promise.reject(this.#failure);
    const result = this.#take();
    if (result) return Promise.resolve(result);
    if (this.#closed) return Promise.resolve({ value: undefined, done: true });
    if (this.#waiting) return Promise.reject(new Error(`stream ${this.#id}: next() called again before the previous one settled`));
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  /** The next result if one is ready. */
  #take(): IteratorResult<Uint8Array> | undefined {
    const data = this.#queue.shift();
    if (data) {
      this.#holding = true;
      this.#idle.refresh();
      return { value: data, done: false };
    }
    if (this.#ended) {
      this.#finished = true;
      return { value: undefined, done: true };
    }
    return undefined;
  }

  #taken(): void {
    this.#idle.refresh();
    if (this.#ended || this.#closed) return;
    if (++this.#takenSinceGrant < this.#batch) return;
    this.#grant(this.#takenSinceGrant);
    this.#takenSinceGrant = 0;
  }

  #grant(credit: number): void {
    this.#granted += credit;
    try {
      this.#bus.publish(this.#subjects.ctl, { credit });
    } catch (err) {
      this.#fail('bus', `cannot grant credit: ${(err as Error).message}`, false, err);
    }
  }

  #onData(message: { seq: number; data: Uint8Array; end: boolean; error: string }): void {
    if (this.#closed || this.#ended) return;
    this.#idle.refresh();
    const seq = Number(message.seq);
    if (seq !== this.#nextSeq) {
      const what = seq > this.#nextSeq ? `${seq - this.#nextSeq} message(s) lost` : 'a message repeated';
      this.#fail('gap', `seq gap: ${what} (expected seq ${this.#nextSeq}, got ${seq})`, true);
      return;
    }
    this.#nextSeq++;
    if (message.error) {
      this.#fail('remote', `writer gave up: ${clean(message.error)}`, false, new Error(clean(message.error)));
      return;
    }
    if (message.data.length > MAX_STREAM_CHUNK) {
      this.#fail('protocol', `message of ${message.data.length} bytes is over ${MAX_STREAM_CHUNK}`, true);
      return;
    }
    if (!message.end && ++this.#received > this.#granted) {
      this.#fail('protocol', `writer sent beyond its credit (${this.#granted} messages)`, true);
      return;
    }
    if (!message.end || message.data.length > 0) this.#queue.push(message.data);
    if (message.end) this.#ended = true;
    const waiting = this.#waiting;
    const result = waiting && this.#take();
    if (waiting && result) {
      this.#waiting = undefined;
      waiting.resolve(result);
    }
  }

  #fail(kind: StreamFailure, reason: string, tellWriter: boolean, cause?: unknown): void {
    if (this.#closed) return;
    if (tellWriter) tryPublish(() => this.#bus.publish(this.#subjects.ctl, { error: reason }));
    this.#failure = new StreamError(this.#id, kind, reason, cause);
    this.#queue.length = 0;
    this.#close();
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.reject(this.#failure);
  }

  #close(): void {
    this.#closed = true;
    clearTimeout(this.#idle);
    this.#sub.unsubscribe();
  }
}

/** Sending end. */
export class StreamWriter {
  /** aborted when the reader cancels, or the stream fails otherwise (lets a producer stop reading its source) */
  readonly signal: AbortSignal;
  readonly #bus: Bus;
  readonly #id: string;
  readonly #subjects: ReturnType<typeof streamSubjects>;
  readonly #idleTimeoutMs: number;
  readonly #abort = new AbortController();
  #sub: Subscription | undefined;
  #idle: NodeJS.Timeout | undefined;
  #credit = 0;
  #seq = 0;
  #endSent = false;
  #closed = false;
  #failure: StreamError | undefined;
  #creditWaiter: Waiter<void> | undefined;
  #doneWaiter: Waiter<void> | undefined;
  /** writes and the end run one after another, in the order they were called */
  #tail: Promise<void> = Promise.resolve();

  /** opts.window is the reader's to grant: the writer only checks it */
  constructor(bus: Bus, id: string, opts: StreamOptions = {}) {
    this.#subjects = streamSubjects(id);
    this.#idleTimeoutMs = checkOptions(opts).idleTimeoutMs;
    this.#bus = bus;
    this.#id = id;
    this.signal = this.#abort.signal;
  }

  /** subscribes to ctl; resolves once the server has the subscription (so no credit is lost) */
  async open(): Promise<void> {
    if (this.#sub || this.#closed) throw new Error(`stream ${this.#id} was opened already`);
    this.#sub = this.#bus.subscribe(this.#subjects.ctl, (message) => this.#onControl(message));
    this.#idle = idleTimer(this.#idleTimeoutMs, () => this.#fail('idle', idleReason(this.#idleTimeoutMs), true));
    try {
      await this.#bus.flush();
    } catch (err) {
      this.#fail('bus', `cannot subscribe: ${(err as Error).message}`, false, err);
      throw this.#failure ?? err;
    }
  }

  /** waits for credit (rejects with StreamError on cancel / idle timeout), then publishes; splits data over MAX_STREAM_CHUNK */
  write(data: Uint8Array): Promise<void> {
    return this.#queued(() => this.#write(data));
  }

  /** publishes end; resolves when the reader says done, rejects with its error (or idle timeout) */
  end(): Promise<void> {
    return this.#queued(() => this.#end());
  }

  /** publishes an error to the reader and cleans up */
  abort(reason: string): void {
    if (this.#closed) return;
    // told even before open(): a reader may be listening already
    if (!this.#endSent) tryPublish(() => this.#bus.publish(this.#subjects.data, { seq: this.#seq++, error: clean(reason) }));
    this.#fail('aborted', `aborted: ${clean(reason)}`, false);
  }

  #queued(step: () => Promise<void>): Promise<void> {
    const run = this.#tail.then(step);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  async #write(data: Uint8Array): Promise<void> {
    this.#checkWritable();
    for (let at = 0; at < data.length; at += MAX_STREAM_CHUNK) {
      while (this.#credit === 0) {
        await new Promise<void>((resolve, reject) => {
          this.#creditWaiter = { resolve, reject };
        });
      }
      this.#checkWritable();
      this.#credit--;
      this.#publish({ seq: this.#seq++, data: data.subarray(at, at + MAX_STREAM_CHUNK) });
    }
  }

  async #end(): Promise<void> {
    this.#checkWritable();
    this.#endSent = true;
    this.#publish({ seq: this.#seq++, end: true });
    // set before any reply can be handled: publish() returns before the connection reads again
    await new Promise<void>((resolve, reject) => {
      this.#doneWaiter = { resolve, reject };
    });
  }

  /** Publishes data or the end; a bus that cannot publish fails the stream. */
  #publish(message: { seq: number; data?: Uint8Array; end?: boolean }): void {
    try {
      this.#bus.publish(this.#subjects.data, message);
    } catch (err) {
      this.#fail('bus', `cannot publish: ${(err as Error).message}`, false, err);
      throw this.#failure ?? err;
    }
    this.#idle?.refresh();
  }

  #checkWritable(): void {
    if (this.#failure) throw this.#failure;
    if (!this.#sub) throw new Error(`stream ${this.#id}: open() first`);
    if (this.#closed || this.#endSent) throw new Error(`stream ${this.#id} has ended`);
  }

  #onControl(message: { credit: number; done: boolean; error: string }): void {
    if (this.#closed) return;
    this.#idle?.refresh();
    if (message.error) {
      this.#fail('remote', `reader gave up: ${clean(message.error)}`, false, new Error(clean(message.error)));
      return;
    }
    if (message.credit > 0) {
      this.#credit += message.credit;
      const waiter = this.#creditWaiter;
      this.#creditWaiter = undefined;
      waiter?.resolve();
    }
    if (message.done) {
      if (!this.#endSent) {
        this.#fail('protocol', 'the reader said done before the end', true);
        return;
      }
      const waiter = this.#doneWaiter;
      this.#doneWaiter = undefined;
      this.#close();
      waiter?.resolve();
    }
  }

  #fail(kind: StreamFailure, reason: string, tellReader: boolean, cause?: unknown): void {
    if (this.#closed) return;
    if (tellReader) tryPublish(() => this.#bus.publish(this.#subjects.data, { seq: this.#seq++, error: reason }));
    this.#failure = new StreamError(this.#id, kind, reason, cause);
    this.#close();
    const waiters = [this.#creditWaiter, this.#doneWaiter];
    this.#creditWaiter = this.#doneWaiter = undefined;
    for (const waiter of waiters) waiter?.reject(this.#failure);
    this.#abort.abort(this.#failure);
  }

  #close(): void {
    this.#closed = true;
    clearTimeout(this.#idle);
    this.#sub?.unsubscribe();
  }
}
