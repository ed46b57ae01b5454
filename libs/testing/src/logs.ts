import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@meshwork/service';

export interface CapturedLog {
  log: Logger;
  /** every line logged so far, parsed */
  lines: Array<Record<string, unknown> & { msg?: string; level: number }>;
}

/** A real pino logger whose JSON lines are kept for assertions. */
export function captureLogger(service: string, nodeId = 'test'): CapturedLog {
  const lines: CapturedLog['lines'] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger({ service, nodeId, debug: true, destination }), lines };
}
