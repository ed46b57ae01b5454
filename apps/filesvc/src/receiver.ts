// Incoming files: one transfer per fileId, chunks written to a partial file on disk, the
// whole file hash-checked and moved into the downloads folder when every chunk is in.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Bus } from '@meshwork/bus';
import { Direction, endpointKey, subjects, V1, type Endpoint, type FileChunk } from '@meshwork/protocol';
import type { Logger } from '@meshwork/service';
import type { Config } from './config.ts';
import { moveIntoFolder } from './downloads.ts';
import { safeFilename } from './filenames.ts';
import { IncomingFile, sameMeta, type IncomingMeta } from './incoming.ts';

/** How many finished fileIds are remembered, so late duplicate chunks do not start over. */
const REMEMBER_FINISHED = 4096;

export interface ReceiverOptions {
  bus: Bus;
  log: Logger;
  config: Pick<Config, 'maxFileBytes' | 'maxIncoming' | 'incompleteTimeoutMs' | 'progressIntervalMs'>;
  incomingDir: string;
  downloadsDir: string;
}

/** A chunk whose fields were checked. */
interface Chunk {
  fileId: string;
  chunkIndex: number;
  data: Uint8Array;
  senderId: string;
  senderName: string;
}

/** Who a chunk came from, for logs. */
interface Origin {
  from: string;
  senderId: string;
  senderName: string;
}

interface Transfer {
  fileId: string;
  file: IncomingFile;
  /** the file's name made safe (before the clash rule) */
  name: string;
  senderId: string;
  senderName: string;
  timer: NodeJS.Timeout;
  lastProgress: number;
  finishing: boolean;
}

type Checked = { ok: true; chunk: Chunk; meta: IncomingMeta } | { ok: false; reason: string };

export class Receiver {
  readonly #opts: ReceiverOptions;
  readonly #log: Logger;
  readonly #transfers = new Map<string, Transfer>();
  readonly #finished = new Set<string>();
  #partials = 0;

  constructor(opts: ReceiverOptions) {
    this.#opts = opts;
    this.#log = opts.log;
  }

  get active(): number {
    return this.#transfers.size;
  }

  /** Takes one chunk event from the bus; never throws, drops bad chunks with a logged reason. */
  onChunk(event: { chunk?: FileChunk | null; from?: Endpoint | null }): void {
    const origin: Origin = {
      from: event.from ? endpointKey(event.from) : 'unknown',
      senderId: event.chunk?.senderId ?? '',
      senderName: event.chunk?.senderName ?? '',
    };
    const checked = checkChunk(event.chunk);
    if (!checked.ok) {
      this.#log.warn({ ...origin, fileId: event.chunk?.fileId, reason: checked.reason }, `chunk dropped: ${checked.reason}`);
      return;
    }
    const { chunk, meta } = checked;
    const fileId = chunk.fileId;
    if (this.#finished.has(fileId)) {
      this.#log.debug({ ...origin, fileId, chunkIndex: chunk.chunkIndex }, 'chunk of a finished transfer ignored');
      return;
    }
    let transfer = this.#transfers.get(fileId);
    if (!transfer) {
      const refused = this.#refuseNew(meta);
      if (refused) {
        this.#log.warn({ ...origin, fileId, filename: meta.filename, size: meta.fileSize, reason: refused }, `chunk dropped: ${refused}`);
        return;
      }
      transfer = this.#begin(chunk, meta, origin);
    } else if (!sameMeta(transfer.file.meta, meta)) {
      this.#log.warn(
        { ...origin, fileId, chunkIndex: chunk.chunkIndex, expected: transfer.file.meta, got: meta },
        'chunk dropped: its metadata differs from the first chunk of this transfer',
      );
      return;
    }
    if (transfer.finishing || transfer.file.has(chunk.chunkIndex)) {
      this.#log.debug({ ...origin, fileId, chunkIndex: chunk.chunkIndex }, 'duplicate chunk ignored');
      return;
    }
    transfer.timer.refresh();
    this.#spawn(this.#write(transfer, chunk), fileId);
  }

  /** Closes every partial file (and deletes it: it cannot be resumed) and every timer. */
  async stop(): Promise<void> {
    const transfers = [...this.#transfers.values()];
    this.#transfers.clear();
    await Promise.all(
      transfers.map((t) => {
        clearTimeout(t.timer);
        return t.file.close(true).catch((err: unknown) => this.#log.warn({ err, fileId: t.fileId }, 'cannot remove a partial file'));
      }),
    );
  }

  /** Runs work in the background; what it cannot handle (say, the bus is gone) is logged. */
  #spawn(work: Promise<void>, fileId: string): void {
    work.catch((err: unknown) => this.#log.error({ err, fileId }, 'incoming file task failed'));
  }

  #refuseNew(meta: IncomingMeta): string | undefined {
    const { maxFileBytes, maxIncoming } = this.#opts.config;
    if (meta.fileSize > maxFileBytes) return `file of ${meta.fileSize} bytes is larger than maxFileBytes (${maxFileBytes})`;
    if (this.#transfers.size >= maxIncoming) return `already ${this.#transfers.size} incoming transfers (maxIncoming)`;
    return undefined;
  }

  #begin(chunk: Chunk, meta: IncomingMeta, origin: Origin): Transfer {
    // the fileId comes from the network: the partial's name is a hash of it, never the id itself
    const key = createHash('sha256').update(chunk.fileId).digest('hex').slice(0, 32);
    const path = join(this.#opts.incomingDir, `${key}.${++this.#partials}.part`);
    const name = safeFilename(meta.filename);
    if (name !== meta.filename) {
      this.#log.warn({ ...origin, fileId: chunk.fileId, filename: meta.filename, safeName: name }, 'filename changed for safety');
    }
    const transfer: Transfer = {
      fileId: chunk.fileId,
      file: new IncomingFile(path, meta),
      name,
      senderId: chunk.senderId,
      senderName: chunk.senderName,
      timer: setTimeout(() => this.#spawn(this.#timedOut(transfer), chunk.fileId), this.#opts.config.incompleteTimeoutMs),
      lastProgress: 0,
      finishing: false,
    };
    transfer.timer.unref();
    this.#transfers.set(chunk.fileId, transfer);
    this.#log.info({ ...origin, fileId: chunk.fileId, filename: name, size: meta.fileSize, totalChunks: meta.totalChunks }, 'incoming file');
    return transfer;
  }

  async #write(t: Transfer, chunk: Chunk): Promise<void> {
    try {
      const fresh = await t.file.write(chunk.chunkIndex, chunk.data);
      if (!fresh || this.#transfers.get(t.fileId) !== t) return;
      this.#progress(t, t.file.complete);
      if (t.file.complete && !t.finishing) await this.#finish(t);
    } catch (err) {
      if (this.#transfers.get(t.fileId) !== t) return; // given up meanwhile
      await this.#fail(t, `cannot write the partial file: ${(err as Error).message}`, false);
    }
  }

  async #finish(t: Transfer): Promise<void> {
    t.finishing = true;
    clearTimeout(t.timer);
    const { fileSize, fileHash } = t.file.meta;
    let digest: string;
    let saved: string;
    try {
      digest = await t.file.finish();
      if (digest !== fileHash) {
        await this.#fail(t, `hash mismatch (expected ${fileHash}, got ${digest})`, true);
        return;
      }
      saved = await moveIntoFolder(t.file.path, this.#opts.downloadsDir, t.name);
    } catch (err) {
      if (this.#transfers.get(t.fileId) === t) await this.#fail(t, `cannot save the file: ${(err as Error).message}`, true);
      return;
    }
    this.#forget(t, true);
    this.#log.info({ fileId: t.fileId, filename: saved, size: fileSize, senderId: t.senderId, senderName: t.senderName }, 'file received');
    this.#opts.bus.publish(subjects.fileReceived, {
      fileId: t.fileId,
      filename: saved,
      size: fileSize,
      sha256: digest,
      senderId: t.senderId,
      senderName: t.senderName,
    });
  }

  async #timedOut(t: Transfer): Promise<void> {
    if (this.#transfers.get(t.fileId) !== t || t.finishing) return;
    const { chunksDone, meta } = t.file;
    const ms = this.#opts.config.incompleteTimeoutMs;
    const idle = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
    await this.#fail(t, `timed out: no new chunk for ${idle} (had ${chunksDone} of ${meta.totalChunks} chunks)`, false);
  }

  /** Gives a transfer up: partial deleted, fileFailed published. */
  async #fail(t: Transfer, reason: string, remember: boolean): Promise<void> {
    this.#forget(t, remember);
    this.#log.warn({ fileId: t.fileId, filename: t.name, senderId: t.senderId, senderName: t.senderName, reason }, `incoming file failed: ${reason}`);
    await t.file.close(true).catch((err: unknown) => this.#log.warn({ err, fileId: t.fileId }, 'cannot remove a partial file'));
    this.#opts.bus.publish(subjects.fileFailed, { fileId: t.fileId, filename: t.name, direction: Direction.DIRECTION_IN, reason });
  }

  #forget(t: Transfer, remember: boolean): void {
    clearTimeout(t.timer);
    if (this.#transfers.get(t.fileId) === t) this.#transfers.delete(t.fileId);
    if (!remember) return;
    this.#finished.add(t.fileId);
    if (this.#finished.size > REMEMBER_FINISHED) {
      const oldest = this.#finished.values().next();
      if (!oldest.done) this.#finished.delete(oldest.value);
    }
  }

  #progress(t: Transfer, final: boolean): void {
    const now = Date.now();
    if (!final && now - t.lastProgress < this.#opts.config.progressIntervalMs) return;
    t.lastProgress = now;
    const { meta, bytesDone, chunksDone } = t.file;
    this.#opts.bus.publish(subjects.fileProgress, {
      fileId: t.fileId,
      filename: t.name,
      direction: Direction.DIRECTION_IN,
      bytesDone,
      size: meta.fileSize,
      chunksDone,
      totalChunks: meta.totalChunks,
      senderId: t.senderId,
      senderName: t.senderName,
    });
  }
}

/** The checks of the v1 schema again: the bus is not trusted to have been careful. */
export function checkChunk(chunk: FileChunk | null | undefined): Checked {
  if (!chunk) return { ok: false, reason: 'event without a chunk' };
  const m = chunk.metadata;
  if (!m) return { ok: false, reason: 'chunk without metadata' };
  const fileId = chunk.fileId ?? '';
  if (fileId.length === 0 || fileId.length > 128) return { ok: false, reason: 'fileId missing or longer than 128 characters' };
  const fileSize = Number(m.fileSize ?? 0);
  const totalChunks = m.totalChunks ?? 0;
  const fileHash = (m.fileHash ?? '').toLowerCase();
  const index = chunk.chunkIndex ?? 0;
  const data = chunk.data ?? new Uint8Array();
  if (!Number.isSafeInteger(fileSize) || fileSize <= 0) return { ok: false, reason: `bad file size ${fileSize}` };
  if (!/^[0-9a-f]{64}$/.test(fileHash)) return { ok: false, reason: 'file hash is not a sha256 hex digest' };
  if (totalChunks !== Math.ceil(fileSize / V1.chunkSize)) return { ok: false, reason: `totalChunks ${totalChunks} does not fit file size ${fileSize}` };
  if (index >= totalChunks) return { ok: false, reason: `chunk index ${index} is not below totalChunks ${totalChunks}` };
  const expected = Math.min(V1.chunkSize, fileSize - index * V1.chunkSize);
  if (data.byteLength !== expected) return { ok: false, reason: `chunk ${index} has ${data.byteLength} bytes, expected ${expected}` };
  return {
    ok: true,
    chunk: { fileId, chunkIndex: index, data, senderId: chunk.senderId ?? '', senderName: chunk.senderName ?? '' },
    meta: { filename: m.filename ?? '', fileSize, fileHash, totalChunks },
  };
}
