// Outgoing files: check the file, reply at once, then hash it and stream it as chunk
// requests to the router with a bounded window of outstanding requests. Each peer's outcome
// is kept, and the transfer ends as file.sent (some peer took every chunk) or file.failed
// (none did, with each one's reason).
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { Bus } from '@meshwork/bus';
import { Direction, endpointKey, subjects, V1, type Delivery, type FileMetadata, type PeerRef } from '@meshwork/protocol';
import { unlessAborted, type Logger } from '@meshwork/service';
import type { Config } from './config.ts';
import { sha256OfFile } from './hash.ts';

export interface SenderOptions {
  bus: Bus;
  log: Logger;
  config: Pick<Config, 'nodeId' | 'name' | 'maxFileBytes' | 'sendWindow' | 'chunkRequestTimeoutMs' | 'progressIntervalMs'>;
}

export interface SendReply {
  fileId?: string;
  filename?: string;
  size?: number;
  totalChunks?: number;
  error?: string;
}

export interface OutgoingFile {
  /** a file of filesvc's own (an upload) */
  path: string;
  /** the name the peers see */
  filename: string;
  fileId?: string;
  /** delete the file once the transfer ended */
  removeAfter?: boolean;
}

/** An outgoing file, checked and open. */
interface Outgoing {
  fileId: string;
  filename: string;
  size: number;
  totalChunks: number;
  mtimeMs: number;
  handle: FileHandle;
}

/** What one peer got of a file. */
interface PeerTally {
  peer: PeerRef;
  chunks: number;
  error?: string;
}

export const EMPTY_FILE = 'the file is empty (an empty file cannot be sent: it has no chunks)';

const peerKey = (p: PeerRef | null | undefined): string => p?.nodeId || (p?.endpoint ? endpointKey(p.endpoint) : '?');
const describePeer = (p: PeerRef): string => [p.nodeId, p.endpoint ? endpointKey(p.endpoint) : ''].filter(Boolean).join(' at ');

export class FileSender {
  readonly #opts: SenderOptions;
  readonly #log: Logger;
  readonly #tasks = new Set<Promise<void>>();
  readonly #stopping = new AbortController();

  constructor(opts: SenderOptions) {
    this.#opts = opts;
    this.#log = opts.log;
  }

  get active(): number {
    return this.#tasks.size;
  }

  /** Checks the file and starts sending it in the background; an error reply says what is wrong. */
  async send(out: OutgoingFile): Promise<SendReply> {
    const opened = await this.#open(out);
    if ('error' in opened) {
      this.#log.info({ path: out.path, reason: opened.error }, 'file send refused');
      if (out.removeAfter) await rm(out.path, { force: true });
      return { error: opened.error };
    }
    const task = this.#stream(opened)
      .catch((err: unknown) => this.#log.error({ err, fileId: opened.fileId }, 'file send task failed'))
      .finally(async () => {
        this.#tasks.delete(task);
        if (out.removeAfter) await rm(out.path, { force: true }).catch(() => undefined);
      });
    this.#tasks.add(task);
    const { fileId, filename, size, totalChunks } = opened;
    this.#log.info({ fileId, filename, size, totalChunks }, 'sending file');
    return { fileId, filename, size, totalChunks };
  }

  /** Stops every transfer (they are reported failed) and closes their files. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    await Promise.all(this.#tasks);
  }

  async #open(out: OutgoingFile): Promise<Outgoing | { error: string }> {
    let handle: FileHandle;
    try {
      // O_NOFOLLOW | O_NONBLOCK: never through a symlink, never hang on a FIFO
      handle = await open(out.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (err) {
      return { error: `cannot open the file to send: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
    const refuse = async (error: string) => {
      await handle.close().catch(() => undefined);
      return { error };
    };
    try {
      const s = await handle.stat();
      if (!s.isFile()) return await refuse('not a regular file');
      if (s.size === 0) return await refuse(EMPTY_FILE);
      const max = this.#opts.config.maxFileBytes;
      if (s.size > max) return await refuse(`the file is too large: ${s.size} bytes, more than maxFileBytes (${max})`);
      return { fileId: out.fileId ?? randomUUID(), filename: out.filename, size: s.size, totalChunks: Math.ceil(s.size / V1.chunkSize), mtimeMs: s.mtimeMs, handle };
    } catch (err) {
      return refuse(`cannot read the file: ${(err as Error).message}`);
    }
  }

  /**
   * Chunk 0 goes to every neighbour: those that take it are the file's targets. Each target
   * then gets the other chunks in a pipeline of its own, with its own window, so that a slow
   * or failing peer never holds the others back. A target whose chunk fails is done with (v1
   * cannot repair a file).
   */
  async #stream(file: Outgoing): Promise<void> {
    const { bus, config } = this.#opts;
    const { fileId, filename, size, totalChunks, handle } = file;
    const signal = this.#stopping.signal;
    const peers = new Map<string, PeerTally>();
    let failure: string | undefined;
    let lastProgress = 0;
    const progress = (final: boolean) => {
      const now = Date.now();
      if (!final && now - lastProgress < config.progressIntervalMs) return;
      lastProgress = now;
      // as far as the slowest peer still taking the file has got
      const live = [...peers.values()].filter((t) => !t.error);
      const chunksDone = live.length > 0 ? Math.min(...live.map((t) => t.chunks)) : 0;
      const bytesDone = Math.min(size, chunksDone * V1.chunkSize);
      bus.publish(subjects.fileProgress, {
        fileId, filename, direction: Direction.DIRECTION_OUT, bytesDone, size, chunksDone, totalChunks,
        senderId: config.nodeId, senderName: config.name,
      });
    };
    const tally = (deliveries: Delivery[]) => {
      for (const d of deliveries) {
        const key = peerKey(d.peer);
        const t = peers.get(key) ?? { peer: d.peer ?? {}, chunks: 0 };
        peers.set(key, t);
        if (d.ok) t.chunks++;
        else t.error ??= d.error || 'not delivered';
      }
    };
    /** One chunk through the router: each target's delivery; throws when the router cannot be asked. */
    const send = async (index: number, target?: PeerRef): Promise<Delivery[]> => {
      if (signal.aborted) throw new Error('filesvc stopped');
      const data = await readChunk(handle, index, size);
      const chunk = { messageId: chunkMessageId(fileId, index), fileId, chunkIndex: index, data, metadata };
      const result = await unlessAborted(bus.request(subjects.fileChunkSend, { chunk, target }, config.chunkRequestTimeoutMs), signal);
      return result.deliveries;
    };
    /**
     * Chunks 1.. to one peer, `sendWindow` at a time, until the end or its first failure: a
     * failure of this peer's (its delivery, or the request for it) ends this pipeline only.
     */
    const pipeline = async (target: PeerTally) => {
      let next = 1;
      const lane = async () => {
        while (next < totalChunks && !target.error && !signal.aborted) {
          const index = next++;
          try {
            const [d] = await send(index, target.peer);
            if (d?.ok) target.chunks++;
            else target.error ??= d?.error || 'not delivered';
          } catch (err) {
            target.error ??= `chunk ${index} not sent: ${(err as Error).message}`;
          }
          progress(false);
        }
      };
      await Promise.allSettled(Array.from({ length: Math.min(config.sendWindow, totalChunks - 1) }, lane));
    };

    let metadata: FileMetadata = {};
    try {
      metadata = { filename, fileSize: size, fileHash: await sha256OfFile(handle, size, signal), totalChunks };
      const first = await send(0).catch((err: unknown) => {
        failure ??= signal.aborted ? 'filesvc stopped' : `chunk 0 not sent: ${(err as Error).message}`;
        return [];
      });
      if (first.length === 0) failure ??= 'reached no peer: this node has no peers';
      tally(first);
      progress(false);
      const targets = [...peers.values()].filter((t) => !t.error);
      if (failure === undefined && totalChunks > 1) await Promise.all(targets.map(pipeline));
      if (signal.aborted) failure ??= 'filesvc stopped';
      if (failure === undefined) {
        const after = await handle.stat();
        if (after.size !== size || after.mtimeMs !== file.mtimeMs) failure = 'the file changed while it was sent';
      }
    } catch (err) {
      failure ??= signal.aborted ? 'filesvc stopped' : `cannot read the file: ${(err as Error).message}`;
    } finally {
      await handle.close().catch(() => undefined);
    }

    const outcomes = [...peers.values()].map((t) => ({
      peer: t.peer,
      ok: t.chunks === totalChunks,
      error: t.chunks === totalChunks ? '' : `${t.error ?? 'not delivered'} (took ${t.chunks} of ${totalChunks} chunks)`,
    }));
    if (failure === undefined && !outcomes.some((o) => o.ok)) {
      failure = `reached no peer: ${outcomes.map((o) => `${describePeer(o.peer)}: ${o.error}`).join('; ')}`;
    }
    if (failure !== undefined) {
      this.#log.warn({ fileId, filename, totalChunks, reason: failure }, 'file send failed');
      bus.publish(subjects.fileFailed, { fileId, filename, direction: Direction.DIRECTION_OUT, reason: failure });
      return;
    }
    progress(true);
    bus.publish(subjects.fileSent, { fileId, filename, size, peers: outcomes });
    const failed = outcomes.filter((o) => !o.ok).map((o) => `${describePeer(o.peer)}: ${o.error}`);
    this.#log.info({ fileId, filename, size, totalChunks, delivered: outcomes.length - failed.length, failed }, 'file sent');
  }
}

/** One message id per chunk (a UUID from the file id and the index), whichever peers it goes to. */
function chunkMessageId(fileId: string, index: number): string {
  const h = createHash('sha256').update(`${fileId}:${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Chunk `index` of the file; throws if the file is now shorter than when it was checked. */
async function readChunk(handle: FileHandle, index: number, size: number): Promise<Buffer> {
  const position = index * V1.chunkSize;
  const length = Math.min(V1.chunkSize, size - position);
  const data = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(data, read, length - read, position + read);
    if (bytesRead === 0) throw new Error(`the file shrank below ${position + read} bytes while it was sent`);
    read += bytesRead;
  }
  return data;
}
