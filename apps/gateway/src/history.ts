// The chat history: every message appended to a JSON Lines file; past maxBytes the file is
// rotated (messages.jsonl -> messages.1.jsonl, the older one dropped). Clients see the last
// `limit` messages, kept in memory within maxBytes too. Both files are read line by line at
// start, in bounded memory, so no file however large can stop the gateway from starting.
import { appendFile, mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { describeIssues, messageViewSchema, type MessageView } from '@meshwork/protocol';
import { readLines } from './lines.ts';

export interface HistoryOptions {
  file: string;
  limit: number;
  /** size of the file before it is rotated; also the most the kept messages take in memory */
  maxBytes: number;
  log: Logger;
}

export interface History {
  /** reads the files (a corrupt or overlong line is skipped with a warning) */
  load(): Promise<void>;
  add(message: MessageView): void;
  /** oldest first */
  list(): MessageView[];
  /** resolves when every write queued so far is on disk */
  flush(): Promise<void>;
}

/** One stored message can never be larger than this (a chat's frame is under 64 KiB). */
const MAX_LINE_BYTES = 256 * 1024;

export function createHistory({ file, limit, maxBytes, log }: HistoryOptions): History {
  const previous = file.replace(/(\.jsonl)?$/, '.1.jsonl');
  let kept: Array<{ message: MessageView; bytes: number }> = [];
  let keptBytes = 0;
  let fileBytes = 0;
  let writes: Promise<void> = Promise.resolve();
  /** lines of an append not started yet (more may join it) */
  let batch: string[] | undefined;

  const enqueue = (what: string, write: () => Promise<void>) => {
    writes = writes.then(write).catch((err: unknown) => log.error({ err, file }, `history ${what} failed`));
  };

  const keep = (message: MessageView, bytes: number) => {
    kept.push({ message, bytes });
    keptBytes += bytes;
    while (kept.length > limit || (keptBytes > maxBytes && kept.length > 1)) keptBytes -= kept.shift()!.bytes;
  };

  async function loadFile(path: string): Promise<void> {
    try {
      const lines = readLines(path, MAX_LINE_BYTES, (line) => log.warn({ file: path, line }, `skipped a history line longer than ${MAX_LINE_BYTES} bytes`));
      for await (const { text, number } of lines) {
        if (text.trim() === '') continue;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (err) {
          log.warn({ file: path, line: number }, `skipped a corrupt history line: ${(err as Error).message}`);
          continue;
        }
        const parsed = messageViewSchema.safeParse(value);
        if (parsed.success) keep(parsed.data, Buffer.byteLength(text) + 1);
        else log.warn({ file: path, line: number }, `skipped a corrupt history line: ${describeIssues(parsed.error)}`);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }

  return {
    async load() {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      kept = [];
      keptBytes = 0;
      await loadFile(previous);
      await loadFile(file);
      const end = await lastByte(file);
      fileBytes = end.size;
      log.debug({ file, loaded: kept.length }, 'history loaded');
      // a line cut short by a crash must not swallow the next append
      if (end.size > 0 && end.byte !== 0x0a) enqueue('repair', () => appendFile(file, '\n'));
    },

    add(message) {
      const line = `${JSON.stringify(message)}\n`;
      const bytes = Buffer.byteLength(line);
      keep(message, bytes);
      if (fileBytes > 0 && fileBytes + bytes > maxBytes) {
        fileBytes = 0;
        batch = undefined;
        enqueue('rotation', async () => {
          await rename(file, previous);
          log.info({ file, previous }, 'history file rotated');
        });
      }
      fileBytes += bytes;
      // lines that come while a write is under way go out together, in one append
      if (!batch) {
        const lines: string[] = [];
        batch = lines;
        enqueue('append', () => {
          if (batch === lines) batch = undefined;
          return appendFile(file, lines.join(''), { mode: 0o600 });
        });
      }
      batch.push(line);
    },

    list: () => kept.map((k) => k.message),

    flush: () => writes,
  };
}

async function lastByte(path: string): Promise<{ size: number; byte?: number }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { size: 0 };
    throw err;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return { size };
    const one = Buffer.alloc(1);
    await handle.read(one, 0, 1, size - 1);
    return { size, byte: one[0] };
  } finally {
    await handle.close();
  }
}
