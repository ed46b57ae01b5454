// Reads a text file line by line in bounded memory: a line longer than maxLineBytes is
// skipped (counted), never gathered whole.
import { createReadStream } from 'node:fs';

export interface Line {
  text: string;
  /** 1-based */
  number: number;
}

export async function* readLines(path: string, maxLineBytes: number, onTooLong?: (lineNumber: number) => void): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let number = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      number++;
      const piece = chunk.subarray(start, nl);
      start = nl + 1;
      if (skipping || size + piece.length > maxLineBytes) {
        onTooLong?.(number);
      } else {
        yield { text: Buffer.concat([...parts, piece]).toString('utf8'), number };
      }
      parts = [];
      size = 0;
      skipping = false;
    }
    const rest = chunk.subarray(start);
    if (skipping) continue;
    if (size + rest.length > maxLineBytes) {
      skipping = true;
      parts = [];
      size = 0;
    } else if (rest.length > 0) {
      parts.push(Buffer.from(rest));
      size += rest.length;
    }
  }
  if (skipping) onTooLong?.(number + 1);
  else if (size > 0) yield { text: Buffer.concat(parts).toString('utf8'), number: number + 1 };
}
