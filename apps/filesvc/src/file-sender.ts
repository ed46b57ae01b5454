// Outgoing files: check the path, reply at once, then hash the file and stream it as
// chunk requests to the router with a bounded window of outstanding requests.
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import type { Bus } from '@meshwork/bus';
import { Direction, subjects, V1, type FileMetadata } from '@meshwork/protocol';
import type { Logger } from '@meshwork/service';
import type { Config } from './config.ts';
import { sha256OfFile } from './hash.ts';

export interface SenderOptions {
  bus: Bus;
  log: Logger;
  config: Pick<Config, 'nodeId' | 'nodeName' | 'maxFileBytes' | 'sendWindow' | 'chunkRequestTimeoutMs' | 'progressIntervalMs'>;
}

export interface SendReply {
  fileId?: string;
  filename?: string;
  size?: number;
  totalChunks?: number;
  error?: string;
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

const errorCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException)?.code;

export class FileSender {
  readonly #opts: SenderOptions;
  readonly #log: Logger;
  readonly #tasks = new Set<Promise<void>>();
  readonly #stopping = new AbortController();
  /** resolves on stop: what a transfer waiting for replies races against */
  readonly #stopped: Promise<void>;

  constructor(opts: SenderOptions) {
    this.#opts = opts;
    this.#log = opts.log;
    this.#stopped = new Promise((resolve) => this.#stopping.signal.addEventListener('abort', () => resolve(), { once: true }));
  }

  get active(): number {
    return this.#tasks.size;
  }

  /** Checks the file and starts sending it in the background; an error reply says what is wrong. */
  async send(path: string): Promise<SendReply> {
    const opened = await this.#open(path);
    if ('error' in opened) {
      this.#log.info({ path, reason: opened.error }, 'file send refused');
      return { error: opened.error };
    }
    const task = this.#stream(opened)
      .catch((err: unknown) => this.#log.error({ err, fileId: opened.fileId }, 'file send task failed'))
      .finally(() => this.#tasks.delete(task));
    this.#tasks.add(task);
    const { fileId, filename, size, totalChunks } = opened;
    this.#log.info({ fileId, path, size, totalChunks }, 'sending file');
    return { fileId, filename, size, totalChunks };
  }

  /** Stops every transfer (they are reported failed) and closes their files. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    await Promise.all(this.#tasks);
  }

  async #open(path: string): Promise<Outgoing | { error: string }> {
    if (!path) return { error: 'no path given' };
    if (!isAbsolute(path)) return { error: `path must be absolute: ${path}` };
    let handle: FileHandle;
    try {
      // O_NONBLOCK: opening a FIFO must not hang; it changes nothing for a regular file
      handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (err) {
      return { error: describeOpenError(path, err) };
    }
    const refuse = async (error: string) => {
      await handle.close().catch(() => undefined);
      return { error };
    };
    try {
      const s = await handle.stat();
      if (!s.isFile()) return await refuse(`not a regular file: ${path} is ${s.isDirectory() ? 'a directory' : 'a special file'}`);
      if (s.size === 0) return await refuse(`the file is empty: ${path} (an empty file cannot be sent: it has no chunks)`);
      const max = this.#opts.config.maxFileBytes;
      if (s.size > max) return await refuse(`the file is too large: ${path} has ${s.size} bytes, more than maxFileBytes (${max})`);
      return {
        fileId: randomUUID(),
        filename: basename(path),
        size: s.size,
        totalChunks: Math.ceil(s.size / V1.chunkSize),
        mtimeMs: s.mtimeMs,
        handle,
      };
    } catch (err) {
      return refuse(`cannot read ${path}: ${(err as Error).message}`);
    }
  }

  async #stream(file: Outgoing): Promise<void> {
    const { bus, config } = this.#opts;
    const { fileId, filename, size, totalChunks, handle } = file;
    const signal = this.#stopping.signal;
    const stopped = this.#stopped;
    const inFlight = new Set<Promise<void>>();
    let failure: string | undefined;
    let chunksDone = 0;
    let bytesDone = 0;
    let lastProgress = 0;
    const progress = (final: boolean) => {
      const now = Date.now();
      if (!final && now - lastProgress < config.progressIntervalMs) return;
      lastProgress = now;
      bus.publish(subjects.fileProgress, {
        fileId, filename, direction: Direction.DIRECTION_OUT, bytesDone, size, chunksDone, totalChunks,
        senderId: config.nodeId, senderName: config.nodeName,
      });
    };

    try {
      const metadata: FileMetadata = { filename, fileSize: size, fileHash: await sha256OfFile(handle, size, signal), totalChunks };
      for (let index = 0; index < totalChunks && failure === undefined && !signal.aborted; index++) {
        const data = await readChunk(handle, index, size);
        const sent = bus
          .request(subjects.fileChunkSend, { chunk: { fileId, chunkIndex: index, data, metadata } }, config.chunkRequestTimeoutMs)
          .then(
            (result) => {
              chunksDone += 1;
              bytesDone += data.byteLength;
              if (result.deliveries.length > 0 && result.deliveries.every((d) => !d.ok)) {
                this.#log.debug({ fileId, chunkIndex: index, deliveries: result.deliveries }, 'no peer took a chunk');
              }
              progress(false);
            },
            (err: unknown) => {
              failure ??= `chunk ${index} not sent: ${(err as Error).message}`;
            },
          )
          .finally(() => inFlight.delete(sent));
        inFlight.add(sent);
        if (inFlight.size >= config.sendWindow) await Promise.race([...inFlight, stopped]);
      }
      await Promise.race([Promise.all(inFlight), stopped]);
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

    if (failure !== undefined) {
      this.#log.warn({ fileId, filename, chunksDone, totalChunks, reason: failure }, `file send failed: ${failure}`);
      bus.publish(subjects.fileFailed, { fileId, filename, direction: Direction.DIRECTION_OUT, reason: failure });
      return;
    }
    progress(true);
    this.#log.info({ fileId, filename, size, totalChunks }, 'file sent');
  }
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

function describeOpenError(path: string, err: unknown): string {
  switch (errorCode(err)) {
    case 'ENOENT':
      return `no such file: ${path}`;
    case 'ENOTDIR':
      return `no such file: ${path} (a part of the path is not a directory)`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: cannot read ${path}`;
    default:
      return `cannot open ${path}: ${(err as Error).message}`;
  }
}
