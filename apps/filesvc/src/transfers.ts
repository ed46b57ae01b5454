// Files to and from the gateway over bus streams (credit-based flow control, never a whole
// file in memory): an upload is stored in filesvc's own folder, then sent; a download reads a
// file of the downloads folder, and nothing else.
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_STREAM_CHUNK, StreamReader, StreamWriter, type Bus } from '@meshwork/bus';
import { V1, type mesh } from '@meshwork/protocol';
import type { Logger } from '@meshwork/service';
import type { Config } from './config.ts';
import { freeBytes } from './disk.ts';
import { EMPTY_FILE, type FileSender } from './file-sender.ts';
import { safeFilename } from './filenames.ts';

export interface TransfersOptions {
  bus: Bus;
  log: Logger;
  config: Pick<Config, 'maxFileBytes' | 'diskReserveBytes'>;
  sender: FileSender;
  outgoingDir: string;
  downloadsDir: string;
}

export interface Transfers {
  upload(req: mesh.v1.FileUploadRequest): Promise<mesh.v1.FileSendReply.$Properties>;
  download(req: mesh.v1.FileDownloadRequest): Promise<mesh.v1.FileDownloadReply.$Properties>;
  stop(): Promise<void>;
}

export function createTransfers({ bus, log, config, sender, outgoingDir, downloadsDir }: TransfersOptions): Transfers {
  const tasks = new Set<Promise<void>>();
  /** what stop() ends: each stream under way, by the call that ends it */
  const streams = new Map<StreamReader | StreamWriter, (reason: string) => void>();
  const background = (work: Promise<void>) => {
    const task = work.catch((err: unknown) => log.error({ err }, 'stream task failed')).finally(() => tasks.delete(task));
    tasks.add(task);
  };

  async function upload(req: mesh.v1.FileUploadRequest): Promise<mesh.v1.FileSendReply.$Properties> {
    const filename = safeFilename(req.filename);
    const size = Number(req.size);
    const refused = await uploadRefusal(size);
    if (refused) {
      log.info({ filename, size, reason: refused.error }, `upload refused: ${refused.error}`);
      return refused;
    }
    let reader: StreamReader;
    try {
      reader = new StreamReader(bus, req.streamId);
    } catch (err) {
      return { error: (err as Error).message };
    }
    const fileId = randomUUID();
    const path = join(outgoingDir, `${fileId}.upload`);
    streams.set(reader, (why) => reader.cancel(why));
    reader.start();
    background(
      (async () => {
        try {
          await store(reader, path, size);
        } catch (err) {
          const reason = `upload not stored: ${(err as Error).message}`;
          log.warn({ fileId, filename, reason }, reason);
          reader.cancel(reason);
          await rm(path, { force: true });
          return;
        } finally {
          streams.delete(reader);
        }
        const sent = await sender.send({ path, filename, fileId, removeAfter: true });
        if (sent.error) reader.cancel(sent.error);
        else reader.done();
      })(),
    );
    return { fileId, filename, size, totalChunks: Math.ceil(size / V1.chunkSize) };
  }

  async function uploadRefusal(size: number): Promise<{ error: string; tooLarge?: boolean } | undefined> {
    if (!Number.isSafeInteger(size) || size <= 0) return { error: EMPTY_FILE };
    if (size > config.maxFileBytes) return { error: `the file is too large: ${size} bytes, more than maxFileBytes (${config.maxFileBytes})`, tooLarge: true };
    const free = await freeBytes(outgoingDir);
    if (size + config.diskReserveBytes > free) return { error: `not enough disk space to take the file: ${size} bytes, ${free} free`, tooLarge: true };
    return undefined;
  }

  async function download(req: mesh.v1.FileDownloadRequest): Promise<mesh.v1.FileDownloadReply.$Properties> {
    const name = req.filename;
    // a name of the folder's listing, never a path: one safe segment, as files are saved
    if (!name || safeFilename(name) !== name) return { notFound: true, error: 'no such file' };
    let handle: FileHandle;
    try {
      handle = await open(join(downloadsDir, name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch {
      return { notFound: true, error: `no such file: ${name}` };
    }
    let size: number;
    let writer: StreamWriter;
    try {
      const s = await handle.stat();
      if (!s.isFile()) throw new Error('not a regular file');
      size = s.size;
      writer = new StreamWriter(bus, req.streamId);
      await writer.open();
    } catch (err) {
      await handle.close();
      return { notFound: true, error: `no such file: ${name} (${(err as Error).message})` };
    }
    streams.set(writer, (why) => writer.abort(why));
    background(
      (async () => {
        try {
          await pump(handle, size, writer);
          await writer.end();
        } catch (err) {
          writer.abort(`download of ${name} failed: ${(err as Error).message}`);
        } finally {
          streams.delete(writer);
          await handle.close().catch(() => undefined);
        }
      })(),
    );
    return { size };
  }

  return {
    upload,
    download,
    async stop() {
      for (const end of streams.values()) end('filesvc stopped');
      await Promise.all(tasks);
    },
  };
}

/** Writes the stream to a new file of its own; its size must be what was announced. */
async function store(reader: StreamReader, path: string, size: number): Promise<void> {
  const file = await open(path, 'wx', 0o600);
  try {
    let received = 0;
    for await (const data of reader) {
      received += data.byteLength;
      if (received > size) throw new Error(`more than the ${size} bytes announced`);
      await file.write(data);
    }
    if (received !== size) throw new Error(`${received} bytes came, ${size} were announced`);
  } finally {
    await file.close();
  }
}

async function pump(handle: FileHandle, size: number, writer: StreamWriter): Promise<void> {
  const buffer = Buffer.allocUnsafe(MAX_STREAM_CHUNK);
  for (let position = 0; position < size; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - position), position);
    if (bytesRead === 0) throw new Error('the file shrank while it was read');
    // write() publishes before it resolves: the buffer can be reused after it
    await writer.write(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
}
