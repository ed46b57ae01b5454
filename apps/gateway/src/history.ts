// The chat history: the last `limit` messages in memory, every message appended to a JSON
// Lines file, the file rewritten with only the kept ones when it holds more than twice that.
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { describeIssues, messageViewSchema, type MessageView } from '@meshwork/protocol';

export interface HistoryOptions {
  file: string;
  limit: number;
  log: Logger;
}

export interface History {
  /** reads the file (a corrupt line is skipped with a warning) */
  load(): Promise<void>;
  add(message: MessageView): void;
  /** oldest first */
  list(): MessageView[];
  /** resolves when every write queued so far is on disk */
  flush(): Promise<void>;
}

export function createHistory({ file, limit, log }: HistoryOptions): History {
  let messages: MessageView[] = [];
  /** lines the file holds once the queued writes are done */
  let linesInFile = 0;
  let writes: Promise<void> = Promise.resolve();

  const enqueue = (what: string, write: () => Promise<void>) => {
    writes = writes.then(write).catch((err: unknown) => log.error({ err, file }, `history ${what} failed`));
  };

  // The snapshot is taken now: it holds every message whose append is queued before it.
  const rewrite = () => {
    const kept = messages.slice();
    linesInFile = kept.length;
    enqueue('rewrite', async () => {
      const tmp = `${file}.tmp`;
      await writeFile(tmp, kept.map((m) => `${JSON.stringify(m)}\n`).join(''), { mode: 0o600 });
      await rename(tmp, file);
      log.debug({ file, kept: kept.length }, 'history file rewritten');
    });
  };

  return {
    async load() {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      const loaded: MessageView[] = [];
      const lines = text.split('\n');
      lines.forEach((line, index) => {
        if (line.trim() === '') return;
        linesInFile++;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (err) {
          log.warn({ file, line: index + 1 }, `skipped a corrupt history line: ${(err as Error).message}`);
          return;
        }
        const parsed = messageViewSchema.safeParse(value);
        if (parsed.success) loaded.push(parsed.data);
        else log.warn({ file, line: index + 1 }, `skipped a corrupt history line: ${describeIssues(parsed.error)}`);
      });
      messages = loaded.slice(-limit);
      log.debug({ file, loaded: messages.length }, 'history loaded');
      if (linesInFile > 2 * limit) rewrite();
      // a line cut short by a crash must not swallow the next append
      else if (text.length > 0 && !text.endsWith('\n')) enqueue('repair', () => appendFile(file, '\n'));
    },

    add(message) {
      messages.push(message);
      if (messages.length > limit) messages.splice(0, messages.length - limit);
      const line = `${JSON.stringify(message)}\n`;
      enqueue('append', () => appendFile(file, line, { mode: 0o600 }));
      if (++linesInFile > 2 * limit) rewrite();
    },

    list: () => messages.slice(),

    flush: () => writes,
  };
}
