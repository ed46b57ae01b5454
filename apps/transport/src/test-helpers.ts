// Real sockets for the tests: a plain TCP server standing in for a v1 peer, and a raw client.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface PlainServer {
  port: number;
  server: Server;
  /** the whole content of each connection, in the order they ended */
  received: string[];
  /** remote address of each of those connections */
  from: string[];
  open: Set<Socket>;
  maxOpen: number;
  close(): Promise<void>;
}

/** Reads each connection to its end, then closes it unless `hold` says to keep it open. */
export async function plainServer(opts: { host?: string; port?: number; hold?: (s: Socket) => boolean } = {}): Promise<PlainServer> {
  const server = createServer({ allowHalfOpen: true });
  const state: PlainServer = {
    port: 0,
    server,
    received: [],
    from: [],
    open: new Set(),
    maxOpen: 0,
    close() {
      for (const s of state.open) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  server.on('connection', (socket) => {
    state.open.add(socket);
    state.maxOpen = Math.max(state.maxOpen, state.open.size);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      state.received.push(Buffer.concat(chunks).toString());
      state.from.push(socket.remoteAddress ?? '');
      if (!opts.hold?.(socket)) socket.end();
    });
    socket.on('close', () => state.open.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  state.port = (server.address() as { port: number }).port;
  return state;
}

export interface RawResult {
  /** the client's own port (what the receiver sees as the remote port) */
  localPort: number;
  /** the connection was closed by an error (reset by the receiver, for instance) */
  error?: string;
}

/** Opens one connection, writes the pieces one by one, ends it (unless keepOpen) and waits for the close. */
export function rawSend(host: string, port: number, pieces: Array<string | Uint8Array>, opts: { localAddress?: string; keepOpen?: boolean } = {}): Promise<RawResult> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, localAddress: opts.localAddress ?? '127.0.0.7', allowHalfOpen: true, noDelay: true });
    const result: RawResult = { localPort: 0 };
    socket.on('error', (err: NodeJS.ErrnoException) => (result.error = err.code ?? err.message));
    socket.on('end', () => socket.end());
    socket.on('data', () => {});
    socket.on('close', () => resolve(result));
    socket.on('connect', async () => {
      result.localPort = socket.localPort ?? 0;
      for (const piece of pieces) {
        if (socket.destroyed) return;
        await new Promise<void>((done) => socket.write(piece, () => done()));
      }
      if (!opts.keepOpen) socket.end();
    });
  });
}

export interface IdleConnection {
  socket: Socket;
  /** resolves when the connection is closed (by the receiver, most likely) */
  closed: Promise<void>;
  isClosed(): boolean;
}

/** Opens a connection that sends nothing (a slow-loris), from localAddress. */
export function idleConnection(host: string, port: number, localAddress: string): Promise<IdleConnection> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, localAddress });
    let closed = false;
    const done = new Promise<void>((ended) =>
      socket.on('close', () => {
        closed = true;
        ended();
      }),
    );
    socket.on('error', () => {});
    socket.on('data', () => {});
    const result = { socket, closed: done, isClosed: () => closed };
    socket.once('connect', () => resolve(result));
    socket.once('close', () => resolve(result));
  });
}
