// The v2 framing: one JSON object per line. This splits what the network delivers into lines
// and bounds each one; the bytes of a line longer than the bound are never kept.

export class LineReader {
  /** raised once a link's handshake is done (handshake lines are small) */
  maxLineBytes: number;
  #parts: Buffer[] = [];
  #size = 0;

  constructor(maxLineBytes: number) {
    this.maxLineBytes = maxLineBytes;
  }

  /** Bytes of the unfinished line held now. */
  get pending(): number {
    return this.#size;
  }

  /** The complete lines in chunk (newline excluded), or 'oversize' once a line passes the bound. */
  push(chunk: Buffer): Buffer[] | 'oversize' {
    const lines: Buffer[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      let line = chunk.subarray(start, nl);
      if (this.#size > 0) {
        line = Buffer.concat([...this.#parts, line], this.#size + line.byteLength);
        this.#parts = [];
        this.#size = 0;
      }
      if (line.byteLength > this.maxLineBytes) return 'oversize';
      lines.push(line);
      start = nl + 1;
    }
    if (start < chunk.byteLength) {
      this.#size += chunk.byteLength - start;
      if (this.#size > this.maxLineBytes) {
        this.#parts = [];
        return 'oversize';
      }
      this.#parts.push(chunk.subarray(start));
    }
    return lines;
  }
}
