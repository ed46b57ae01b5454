// One v2 link after its handshake: a persistent TCP connection carrying sealed frames both
// ways. It keeps itself alive (a ping when it has sent nothing for keepaliveMs), declares the
// peer dead when nothing arrives for deadMs, and bounds what it holds for a slow peer: a send
// that would pass maxUnsentBytes fails at once, and a peer that leaves the bound exceeded for
// stallMs (it does not read) is cut off.
import type { Socket } from 'node:net';
import type { Logger } from '@meshwork/service';
import type { CipherState } from '@meshwork/protocol';
import type { LineReader } from './line-reader.ts';
import { SendError } from './errors.ts';
import { decodeSealedFrame, encodeSealedFrame, sealedLineBytes } from './sealed-frame.ts';

export interface LinkPeer {
  nodeId: string;
  /** raw Ed25519 public key, proven by the handshake */
  key: Buffer;
  name: string;
  /** remote address of the connection */
  host: string;
  /** the TCP port it listens on (from its handshake payload) */
  port: number;
}

export interface LinkTimings {
  keepaliveMs: number;
  deadMs: number;
  maxUnsentBytes: number;
  stallMs: number;
}

export interface LinkOptions extends LinkTimings {
  socket: Socket;
  reader: LineReader;
  peer: LinkPeer;
  initiator: boolean;
  send: CipherState;
  receive: CipherState;
  log: Logger;
  /** a sealed frame's plaintext (one JSON object), pings excluded */
  onFrame(plaintext: Buffer, link: Link): void;
  onClose(reason: string, link: Link): void;
}

const PING = Buffer.from('{"type":"ping"}');
/** ChaChaPoly's tag, added to each sealed plaintext */
const AEAD_TAG_BYTES = 16;
const CLOSE_PREFIX = Buffer.from('{"type":"close"');

export class Link {
  readonly peer: LinkPeer;
  readonly initiator: boolean;
  readonly openedAt = Date.now();
  #o: LinkOptions;
  #lastSent = Date.now();
  #lastReceived = Date.now();
  #keepalive: NodeJS.Timeout;
  #dead: NodeJS.Timeout;
  #stall: NodeJS.Timeout | undefined;
  #closed: string | undefined;
  framesIn = 0;
  framesOut = 0;

  constructor(o: LinkOptions) {
    this.#o = o;
    this.peer = o.peer;
    this.initiator = o.initiator;
    const { socket } = o;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('end', () => this.close('the peer closed the connection', false));
    socket.on('error', (err: NodeJS.ErrnoException) => this.close(`connection error: ${err.code ?? err.message}`, false));
    socket.on('close', () => this.close('connection closed', false));
    socket.on('drain', () => {
      clearTimeout(this.#stall);
      this.#stall = undefined;
    });
    this.#keepalive = setTimeout(() => this.#ping(), o.keepaliveMs);
    this.#dead = setTimeout(() => this.#checkDead(), o.deadMs);
  }

  /** Lines that arrived with the end of the handshake, before this link existed. */
  receiveLines(lines: Buffer[]): void {
    for (const line of lines) if (this.#closed || !this.#onLine(line)) return;
  }

  get closed(): boolean {
    return this.#closed !== undefined;
  }

  /** Bytes written but not yet taken by the kernel. */
  get unsentBytes(): number {
    return this.#o.socket.writableLength;
  }

  /** Seals and writes one inner frame; resolves once the kernel took it ("written to the link"). */
  send(plaintext: Buffer): Promise<void> {
    const where = this.peer.nodeId;
    if (this.#closed) return Promise.reject(new SendError(where, `link closed: ${this.#closed}`, 'ELINKCLOSED'));
    const socket = this.#o.socket;
    // refused before it is sealed: a sealed frame that is never written would use up a nonce, and the peer could open no later frame
    if (socket.writableLength + sealedLineBytes(plaintext.byteLength + AEAD_TAG_BYTES) > this.#o.maxUnsentBytes && socket.writableLength > 0) {
      this.#watchStall();
      return Promise.reject(new SendError(where, `queue full: ${socket.writableLength} bytes not yet read by the peer`, 'QUEUE_FULL'));
    }
    const line = encodeSealedFrame(this.#o.send.encrypt(plaintext));
    this.framesOut++;
    this.#lastSent = Date.now();
    return new Promise((resolve, reject) => {
      socket.write(line, (err) => (err ? reject(new SendError(where, `write failed: ${err.message}`, 'EPIPE', err)) : resolve()));
    });
  }

  /** Says why (best effort), then ends the connection; onClose runs once. */
  close(reason: string, tellPeer = true): void {
    if (this.#closed) return;
    this.#closed = reason;
    clearTimeout(this.#keepalive);
    clearTimeout(this.#dead);
    clearTimeout(this.#stall);
    const socket = this.#o.socket;
    if (tellPeer && !socket.destroyed) {
      try {
        socket.end(encodeSealedFrame(this.#o.send.encrypt(Buffer.from(JSON.stringify({ type: 'close', reason: reason.slice(0, 256) })))));
      } catch {
        socket.destroy();
      }
      setTimeout(() => socket.destroy(), 1000).unref();
    } else {
      socket.destroy();
    }
    this.#o.onClose(reason, this);
  }

  #watchStall(): void {
    this.#stall ??= setTimeout(() => {
      this.#stall = undefined;
      // it read enough meanwhile to take sends again
      if (this.unsentBytes <= this.#o.maxUnsentBytes / 2) return;
      this.#o.log.warn({ peer: this.peer.nodeId, unsent: this.unsentBytes, stallMs: this.#o.stallMs }, 'peer does not read: link cut');
      this.close(`peer does not read: ${this.unsentBytes} bytes unread for ${this.#o.stallMs} ms`, false);
    }, this.#o.stallMs);
  }

  #ping(): void {
    if (this.#closed) return;
    const idle = Date.now() - this.#lastSent;
    if (idle >= this.#o.keepaliveMs) {
      this.send(PING).catch(() => {});
      this.#keepalive = setTimeout(() => this.#ping(), this.#o.keepaliveMs);
    } else {
      this.#keepalive = setTimeout(() => this.#ping(), this.#o.keepaliveMs - idle);
    }
  }

  #checkDead(confirming = false): void {
    if (this.#closed) return;
    const silent = Date.now() - this.#lastReceived;
    if (silent < this.#o.deadMs) {
      this.#dead = setTimeout(() => this.#checkDead(), this.#o.deadMs - silent);
    } else if (!confirming) {
      // after a pause of this process, frames may be waiting to be read: read them first
      this.#dead = setTimeout(() => setImmediate(() => this.#checkDead(true)), 0);
    } else {
      this.close(`no frame for ${Math.round(silent / 100) / 10} s`, false);
    }
  }

  #onData(chunk: Buffer): void {
    if (this.#closed) return;
    // a peer still sending a long frame is alive
    this.#lastReceived = Date.now();
    const lines = this.#o.reader.push(chunk);
    if (lines === 'oversize') return this.close(`frame over ${this.#o.reader.maxLineBytes} bytes`);
    for (const line of lines) if (!this.#onLine(line)) return;
  }

  /** false once the link is closed */
  #onLine(line: Buffer): boolean {
    this.#lastReceived = Date.now();
    const frame = decodeSealedFrame(line);
    if (!frame.ok) {
      this.close(`bad frame: ${frame.reason}`);
      return false;
    }
    let plaintext: Buffer;
    try {
      plaintext = this.#o.receive.decrypt(frame.ciphertext);
    } catch {
      this.close('a frame failed authentication (altered, replayed or out of order)', false);
      return false;
    }
    this.framesIn++;
    if (plaintext.equals(PING)) return true;
    if (plaintext.subarray(0, CLOSE_PREFIX.byteLength).equals(CLOSE_PREFIX)) {
      let reason = 'closed by the peer';
      try {
        const said = (JSON.parse(plaintext.toString('utf8')) as { reason?: unknown }).reason;
        if (typeof said === 'string') reason = `closed by the peer: ${said.slice(0, 256)}`;
      } catch {
        // the reason is optional
      }
      this.close(reason, false);
      return false;
    }
    this.#o.onFrame(plaintext, this);
    return !this.#closed;
  }
}
