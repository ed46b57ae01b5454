// The v1 inbound form: one JSON object per TCP connection, read to the end of the stream,
// in whatever pieces the network delivers it. This only gathers the bytes and bounds them.

export type PushResult = 'ok' | 'oversize';

export class V1Reader {
  readonly maxBytes: number;
  readonly #chunks: Buffer[] = [];
  #size = 0;
  #oversize = false;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** Bytes received so far (counting those of an oversize push). */
  get size(): number {
    return this.#size;
  }

  /** Adds a piece; 'oversize' once the total passes maxBytes (the bytes are then dropped). */
  push(chunk: Uint8Array): PushResult {
    this.#size += chunk.byteLength;
    if (this.#oversize || this.#size > this.maxBytes) {
      this.#oversize = true;
      this.#chunks.length = 0;
      return 'oversize';
    }
    this.#chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    return 'ok';
  }

  /** The whole message at the end of the stream (empty if nothing came). */
  end(): Buffer {
    if (this.#oversize) throw new RangeError(`oversize: more than ${this.maxBytes} bytes`);
    return this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks, this.#size);
  }
}
