// One incoming transfer on disk: a partial file written chunk by chunk at each chunk's
// offset (positional writes, nothing buffered), and the bitmap of chunks received. Every
// operation on one file runs in order, one at a time.
import { open, rm, type FileHandle } from 'node:fs/promises';
import { V1 } from '@meshwork/protocol';
import { sha256OfFile } from './hash.ts';

/** What the first chunk of a transfer says about the file; later chunks must agree. */
export interface IncomingMeta {
  filename: string;
  fileSize: number;
  fileHash: string;
  totalChunks: number;
}

export const sameMeta = (a: IncomingMeta, b: IncomingMeta): boolean =>
  a.filename === b.filename && a.fileSize === b.fileSize && a.fileHash === b.fileHash && a.totalChunks === b.totalChunks;

export class IncomingFile {
  readonly path: string;
  readonly meta: IncomingMeta;
  chunksDone = 0;
  bytesDone = 0;
  readonly #received: Uint8Array;
  #handle: FileHandle | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(path: string, meta: IncomingMeta) {
    this.path = path;
    this.meta = meta;
    this.#received = new Uint8Array(Math.ceil(meta.totalChunks / 8));
  }

  get complete(): boolean {
    return this.chunksDone === this.meta.totalChunks;
  }

  has(index: number): boolean {
    return ((this.#received[index >> 3] ?? 0) & (1 << (index & 7))) !== 0;
  }

  /** Writes a chunk at its offset; resolves false for a chunk already written. */
  write(index: number, data: Uint8Array): Promise<boolean> {
    return this.#run(async () => {
      if (this.#closed) throw new Error('transfer closed');
      if (this.has(index)) return false;
      const file = await this.#file();
      let written = 0;
      while (written < data.byteLength) {
        const { bytesWritten } = await file.write(data, written, data.byteLength - written, index * V1.chunkSize + written);
        written += bytesWritten;
      }
      this.#received[index >> 3] = (this.#received[index >> 3] ?? 0) | (1 << (index & 7));
      this.chunksDone += 1;
      this.bytesDone += data.byteLength;
      return true;
    });
  }

  /** SHA-256 (hex) of the partial file as written so far, then closes it. */
  finish(): Promise<string> {
    return this.#run(async () => {
      const file = await this.#file();
      const digest = await sha256OfFile(file, this.meta.fileSize);
      await this.#close();
      return digest;
    });
  }

  /** Closes the file; with remove, deletes the partial too. Safe to call more than once. */
  close(remove: boolean): Promise<void> {
    return this.#run(async () => {
      await this.#close();
      if (remove) await rm(this.path, { force: true });
    });
  }

  async #file(): Promise<FileHandle> {
    if (this.#closed) throw new Error('transfer closed');
    this.#handle ??= await open(this.path, 'w+');
    return this.#handle;
  }

  async #close(): Promise<void> {
    this.#closed = true;
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }

  #run<T>(op: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(op);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
