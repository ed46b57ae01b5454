// Incoming files: filesvc admits a transfer on its first chunk (limits in total and per peer,
// disk space for the announced size), then writes its chunks to a partial file on disk, and
// moves the file into the downloads folder once every chunk is in and the hash checks out.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Bus } from '@meshwork/bus';
import { Direction, endpointKey, subjects, V1, type Endpoint, type FileChunk } from '@meshwork/protocol';
import { rejectionKey, throttledLog, type Logger, type ThrottledLog } from '@meshwork/service';
import type { Config } from './config.ts';
import { freeBytes } from './disk.ts';
import { moveIntoFolder } from './downloads.ts';
import { safeFilename } from './filenames.ts';
import { IncomingFile, sameMeta, type IncomingMeta } from './incoming.ts';

/** How many finished fileIds are remembered, so late duplicate chunks do not start over. */
const REMEMBER_FINISHED = 4096;

export interface ReceiverOptions {
  bus: Bus;
  log: Logger;
  config: Pick<
    Config,
    'maxFileBytes' | 'maxIncoming' | 'maxIncomingPerPeer' | 'maxIncomingRelayedPerPeer' | 'incompleteTimeoutMs' | 'evictGraceMs' | 'evictBelowBytesPerSecond' | 'diskReserveBytes' | 'progressIntervalMs'
  >;
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
  /** its origin signature was checked by the router (a v2 chunk); false: a v1 chunk */
  signed: boolean;
}

/** Who a chunk came from, for logs. */
interface Origin {
  /** the address it came from (host:port) */
  peer: string;
  senderId: string;
  senderName: string;
}

/** Whose share of the limits a transfer takes: the address it comes from, as sender or as relay. */
interface Quota {
  key: string;
  limit: number;
  name: 'maxIncomingPerPeer' | 'maxIncomingRelayedPerPeer';
}

interface Transfer {
  fileId: string;
  quota: string;
  /** ms since the epoch */
  startedAt: number;
  file: IncomingFile;
  /** the file's name made safe (before the clash rule) */
  name: string;
  senderId: string;
  senderName: string;
  /** every chunk so far was signed by the sender (v2) */
  authenticated: boolean;
  timer: NodeJS.Timeout;
  lastProgress: number;
  finishing: boolean;
}

type Checked = { ok: true; chunk: Chunk; meta: IncomingMeta } | { ok: false; reason: string };

export interface AdmitRequest {
  chunk?: FileChunk | null;
  from?: Endpoint | null;
  /** the chunk came from its sender itself, not through a neighbour */
  direct?: boolean;
}

export type Admission = { accepted: true } | { accepted: false; reason: string };

/** A transfer that gives way to a new one, and why. */
interface Victim {
  t: Transfer;
  why: string;
}

export class Receiver {
  readonly #opts: ReceiverOptions;
  readonly #log: Logger;
  /** for what the network can repeat at will: one line per source and kind of reason per interval */
  readonly #noisy: ThrottledLog;
  readonly #transfers = new Map<string, Transfer>();
  readonly #finished = new Set<string>();
  /** admissions, one at a time: each sees the places and the disk the previous ones took */
  #admitting: Promise<unknown> = Promise.resolve();
  #partials = 0;

  constructor(opts: ReceiverOptions) {
    this.#opts = opts;
    this.#log = opts.log;
    this.#noisy = throttledLog(opts.log);
  }

  get active(): number {
    return this.#transfers.size;
  }

  /**
   * The first chunk of a file this node has not decided on: takes the transfer (and the
   * chunk) if the limits and the disk allow; never throws.
   */
  admit(req: AdmitRequest): Promise<Admission> {
    const result = this.#admitting.then(() => this.#admit(req));
    this.#admitting = result.catch(() => undefined);
    return result;
  }

  async #admit(req: AdmitRequest): Promise<Admission> {
    const origin = originOf(req);
    const checked = checkChunk(req.chunk);
    if (!checked.ok) return this.#refuse(origin, req.chunk?.fileId, checked.reason);
    const { chunk, meta } = checked;
    if (this.#finished.has(chunk.fileId)) return this.#refuse(origin, chunk.fileId, 'already received or given up');
    const current = this.#transfers.get(chunk.fileId);
    if (current) {
      if (!sameMeta(current.file.meta, meta)) return this.#refuse(origin, chunk.fileId, 'its metadata differs from the transfer already under way');
      this.#take(current, chunk, origin);
      return { accepted: true };
    }
    // a sender id is only a claim: the address the chunk came from is what is counted
    const host = req.from?.host ?? 'unknown';
    const { maxIncomingPerPeer, maxIncomingRelayedPerPeer } = this.#opts.config;
    const quota: Quota = req.direct
      ? { key: `sent by ${host}`, limit: maxIncomingPerPeer, name: 'maxIncomingPerPeer' }
      : { key: `relayed by ${host}`, limit: maxIncomingRelayedPerPeer, name: 'maxIncomingRelayedPerPeer' };
    const room = this.#room(meta, quota);
    if (typeof room === 'string') return this.#refuse(origin, chunk.fileId, room, meta);
    const leaving = await this.#diskRoom(meta, room);
    if (typeof leaving === 'string') return this.#refuse(origin, chunk.fileId, leaving, meta);
    for (const v of leaving) this.#spawn(this.#fail(v.t, v.why, true), v.t.fileId);
    this.#take(this.#begin(chunk, meta, origin, quota.key), chunk, origin);
    return { accepted: true };
  }

  /** A chunk of an admitted transfer; never throws, drops bad chunks with a logged reason. */
  onChunk(event: { chunk?: FileChunk | null; from?: Endpoint | null }): void {
    const origin = originOf(event);
    const checked = checkChunk(event.chunk);
    if (!checked.ok) {
      this.#noisy.warn(keyOf(origin, checked.reason), { ...origin, fileId: event.chunk?.fileId, reason: checked.reason }, 'chunk dropped');
      return;
    }
    const { chunk, meta } = checked;
    if (this.#finished.has(chunk.fileId)) {
      this.#log.debug({ ...origin, fileId: chunk.fileId, chunkIndex: chunk.chunkIndex }, 'chunk of a finished transfer ignored');
      return;
    }
    const transfer = this.#transfers.get(chunk.fileId);
    if (!transfer) {
      // admitted by a previous run of filesvc, say: tell the router to stop passing it on
      const reason = 'not an admitted transfer (filesvc restarted?)';
      this.#noisy.warn(keyOf(origin, reason), { ...origin, fileId: chunk.fileId, reason }, 'chunk dropped');
      this.#forgetId(chunk.fileId);
      this.#opts.bus.publish(subjects.fileFailed, { fileId: chunk.fileId, filename: safeFilename(meta.filename), direction: Direction.DIRECTION_IN, reason });
      return;
    }
    if (!sameMeta(transfer.file.meta, meta)) {
      this.#noisy.warn(
        keyOf(origin, 'metadata'),
        { ...origin, fileId: chunk.fileId, chunkIndex: chunk.chunkIndex, expected: transfer.file.meta, got: meta, reason: 'its metadata differs from the first chunk of this transfer' },
        'chunk dropped',
      );
      return;
    }
    this.#take(transfer, chunk, origin);
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

  #refuse(origin: Origin, fileId: string | null | undefined, reason: string, meta?: IncomingMeta): Admission {
    this.#noisy.warn(keyOf(origin, reason), { ...origin, fileId, filename: meta?.filename, size: meta?.fileSize, reason }, 'incoming file refused');
    return { accepted: false, reason };
  }

  #take(t: Transfer, chunk: Chunk, origin: Origin): void {
    if (t.finishing || t.file.has(chunk.chunkIndex)) {
      this.#log.debug({ ...origin, fileId: t.fileId, chunkIndex: chunk.chunkIndex }, 'duplicate chunk ignored');
      return;
    }
    t.timer.refresh();
    this.#spawn(this.#write(t, chunk), t.fileId);
  }

  /**
   * Room for a new transfer under the limits (in total, and for its quota). Where a limit is
   * reached, a transfer gives way: the slowest one older than evictGraceMs that averaged less
   * than evictBelowBytesPerSecond (a sender that announced a file and trickles or went quiet
   * cannot hold a place); and when all the places are taken, one of the address holding the
   * most, if it holds at least two more than the newcomer's (no few addresses can take every
   * place). Returns those that would give way (given up only once the disk has room too), or
   * why there is no room.
   */
  #room(meta: IncomingMeta, quota: Quota): Victim[] | string {
    const { maxFileBytes, maxIncoming } = this.#opts.config;
    if (meta.fileSize > maxFileBytes) return `file of ${meta.fileSize} bytes is larger than maxFileBytes (${maxFileBytes})`;
    const victims: Victim[] = [];
    const all = [...this.#transfers.values()];
    const mine = all.filter((t) => t.quota === quota.key);
    if (mine.length >= quota.limit) {
      const v = this.#slow(mine)[0];
      if (!v) return `already ${mine.length} incoming transfers ${quota.key} (${quota.name})`;
      victims.push(v);
    }
    if (all.length - victims.length >= maxIncoming) {
      const rest = all.filter((t) => !victims.some((v) => v.t === t));
      const v = this.#slow(rest)[0] ?? this.#fairShare(rest, quota.key);
      if (!v) return `already ${all.length} incoming transfers (maxIncoming)`;
      victims.push(v);
    }
    return victims;
  }

  /** Transfers past their grace and under the speed that keeps a place, slowest first, with why they would go. */
  #slow(among: Transfer[]): Victim[] {
    const { evictGraceMs, evictBelowBytesPerSecond } = this.#opts.config;
    const now = Date.now();
    return among
      .filter((t) => !t.finishing && now - t.startedAt >= evictGraceMs && rateOf(t, now) < evictBelowBytesPerSecond)
      .sort((x, y) => rateOf(x, now) - rateOf(y, now))
      .map((t) => ({ t, why: `gave way to a new transfer: ${Math.round(rateOf(t, now))} bytes/s on average over ${Math.round((now - t.startedAt) / 1000)} s` }));
  }

  /**
   * The slowest transfer of the quota holding the most places, if it holds two more than the
   * newcomer's does. (Quotas, not addresses: a neighbour whose relays hold many places still
   * gets a place for a file of its own.)
   */
  #fairShare(all: Transfer[], quota: string): Victim | undefined {
    const counts = new Map<string, number>();
    for (const t of all) counts.set(t.quota, (counts.get(t.quota) ?? 0) + 1);
    const [heaviest, most] = [...counts].sort((x, y) => y[1] - x[1])[0] ?? ['', 0];
    if (most < (counts.get(quota) ?? 0) + 2) return undefined;
    const now = Date.now();
    const t = all.filter((x) => x.quota === heaviest && !x.finishing).sort((x, y) => rateOf(x, now) - rateOf(y, now))[0];
    return t && { t, why: `gave way to a transfer from an address holding fewer places (${heaviest} held ${most})` };
  }

  /**
   * The announced size must fit on the disk, next to what the transfers under way still need:
   * those giving way free their share, and where it is still short, slow ones give way too.
   * Returns the transfers to give up (the ones chosen that are still under way), or why not.
   */
  async #diskRoom(meta: IncomingMeta, victims: Victim[]): Promise<Victim[] | string> {
    let free: number;
    try {
      free = await freeBytes(this.#opts.incomingDir);
    } catch (err) {
      return `cannot tell the free disk space: ${(err as Error).message}`;
    }
    // (a transfer may have ended meanwhile, or be finishing: it is not given up then)
    const leaving = victims.filter((v) => this.#transfers.get(v.t.fileId) === v.t && !v.t.finishing);
    const reserve = this.#opts.config.diskReserveBytes;
    const owed = (t: Transfer) => t.file.meta.fileSize - t.file.bytesDone;
    const staying = [...this.#transfers.values()].filter((t) => !leaving.some((v) => v.t === t));
    let pending = staying.reduce((sum, t) => sum + owed(t), 0);
    for (const v of this.#slow(staying)) {
      if (meta.fileSize + pending + reserve <= free) break;
      leaving.push(v);
      pending -= owed(v.t);
    }
    if (meta.fileSize + pending + reserve <= free) return leaving;
    return `not enough disk space: the file needs ${meta.fileSize} bytes, ${free} are free, ${pending} promised to transfers under way, ${reserve} kept in reserve`;
  }

  #begin(chunk: Chunk, meta: IncomingMeta, origin: Origin, quota: string): Transfer {
    // the fileId comes from the network: the partial's name is a hash of it, never the id itself
    const key = createHash('sha256').update(chunk.fileId).digest('hex').slice(0, 32);
    const path = join(this.#opts.incomingDir, `${key}.${++this.#partials}.part`);
    const name = safeFilename(meta.filename);
    if (name !== meta.filename) {
      this.#log.warn({ ...origin, fileId: chunk.fileId, filename: meta.filename, safeName: name }, 'filename changed for safety');
    }
    const transfer: Transfer = {
      fileId: chunk.fileId,
      quota,
      startedAt: Date.now(),
      file: new IncomingFile(path, meta),
      name,
      senderId: chunk.senderId,
      senderName: chunk.senderName,
      authenticated: chunk.signed,
      timer: setTimeout(() => this.#spawn(this.#timedOut(transfer), chunk.fileId), this.#opts.config.incompleteTimeoutMs),
      lastProgress: 0,
      finishing: false,
    };
    transfer.timer.unref();
    this.#transfers.set(chunk.fileId, transfer);
    this.#log.info({ ...origin, fileId: chunk.fileId, filename: name, size: meta.fileSize, totalChunks: meta.totalChunks, quota }, 'incoming file');
    return transfer;
  }

  async #write(t: Transfer, chunk: Chunk): Promise<void> {
    if (!chunk.signed || chunk.senderId !== t.senderId) t.authenticated = false;
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
      authenticated: t.authenticated,
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
    this.#log.warn({ fileId: t.fileId, filename: t.name, senderId: t.senderId, senderName: t.senderName, reason }, 'incoming file failed');
    await t.file.close(true).catch((err: unknown) => this.#log.warn({ err, fileId: t.fileId }, 'cannot remove a partial file'));
    this.#opts.bus.publish(subjects.fileFailed, { fileId: t.fileId, filename: t.name, direction: Direction.DIRECTION_IN, reason });
  }

  #forget(t: Transfer, remember: boolean): void {
    clearTimeout(t.timer);
    if (this.#transfers.get(t.fileId) === t) this.#transfers.delete(t.fileId);
    if (remember) this.#forgetId(t.fileId);
  }

  /** Remembers a file id as done with: its later chunks are ignored. */
  #forgetId(fileId: string): void {
    this.#finished.add(fileId);
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

const rateOf = (t: Transfer, now: number): number => (t.file.bytesDone * 1000) / Math.max(1, now - t.startedAt);

/** A throttling key: the address it came from, and the first words of the reason. */
const keyOf = (origin: Origin, reason: string): string => rejectionKey(origin.peer.replace(/:\d+$/, ''), reason, 3);

const originOf = (event: { chunk?: FileChunk | null; from?: Endpoint | null }): Origin => ({
  peer: event.from ? endpointKey(event.from) : 'unknown',
  senderId: event.chunk?.senderId ?? '',
  senderName: event.chunk?.senderName ?? '',
});

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
  if (!Number.isSafeInteger(index) || index < 0) return { ok: false, reason: `chunk index ${index} is not a whole number of 0 or more` };
  if (index >= totalChunks) return { ok: false, reason: `chunk index ${index} is not below totalChunks ${totalChunks}` };
  const expected = Math.min(V1.chunkSize, fileSize - index * V1.chunkSize);
  if (data.byteLength !== expected) return { ok: false, reason: `chunk ${index} has ${data.byteLength} bytes, expected ${expected}` };
  return {
    ok: true,
    chunk: { fileId, chunkIndex: index, data, senderId: chunk.senderId ?? '', senderName: chunk.senderName ?? '', signed: (chunk.signature?.byteLength ?? 0) > 0 },
    meta: { filename: m.filename ?? '', fileSize, fileHash, totalChunks },
  };
}
