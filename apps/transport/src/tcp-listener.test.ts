import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { V1TcpMessage } from '@meshwork/protocol';
import { captureLogger, waitFor, type CapturedLog } from '@meshwork/testing';
import { createTcpListener, type TcpListenerOptions } from './tcp-listener.ts';
import { idleConnection, rawSend, type IdleConnection } from './test-helpers.ts';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const chat = (content: string) => JSON.stringify({ type: 'chat', message_id: `m-${content}`, sender_id: 'abcd1234', sender_name: 'n', timestamp: 1, content });

async function listen(opts: Partial<TcpListenerOptions> = {}) {
  const { log, lines } = captureLogger('transport');
  const received: Array<{ message: V1TcpMessage; from: string }> = [];
  const listener = createTcpListener({
    host: '127.0.0.2',
    port: 0,
    maxMessageBytes: 65_536,
    inboundTimeoutMs: 60_000,
    firstByteTimeoutMs: 60_000,
    maxConnections: 256,
    maxConnectionsPerAddress: 8,
    badFramesPerMinute: 10_000,
    badFrameCooldownMs: 60_000,
    log,
    onMessage: (message, from) => void received.push({ message, from: from.host }),
    ...opts,
  });
  const { port } = await listener.listen();
  cleanup.push(() => listener.close());
  return { listener, port, lines, received };
}

async function slowLoris(port: number, from: string, count: number): Promise<IdleConnection[]> {
  const conns = await Promise.all(Array.from({ length: count }, () => idleConnection('127.0.0.2', port, from)));
  cleanup.push(() => conns.forEach((c) => c.socket.destroy()));
  return conns;
}

const open = (conns: IdleConnection[]) => conns.filter((c) => !c.isClosed()).length;
const logged = (lines: CapturedLog['lines'], msg: string) => lines.filter((l) => l.msg === msg);

describe('tcp listener fairness', { timeout: 30_000 }, () => {
  it('holds at most maxConnectionsPerAddress connections from one address, closing the others at once with a logged reason', async () => {
    const { listener, port, lines } = await listen({ maxConnectionsPerAddress: 3 });
    const conns = await slowLoris(port, '127.0.0.50', 10);
    await waitFor(() => open(conns) === 3, { what: 'seven connections closed' });
    expect(listener.connections().perAddress.get('127.0.0.50')).toBe(3);
    // logged once for the address, not once per connection
    expect(logged(lines, 'refused inbound connection')).toMatchObject([
      { level: 40, peer: expect.stringMatching(/^127\.0\.0\.50:\d+$/), reason: 'too many connections from this address (max 3)' },
    ]);
  });

  it('a 300-connection slow-loris from one address never blocks an honest peer at another', async () => {
    // slots for 16 in all: without the per-address cap, the slow-loris would hold every one
    const { listener, port, received } = await listen({ maxConnections: 16, maxConnectionsPerAddress: 8 });
    const conns = await slowLoris(port, '127.0.0.60', 300);
    await waitFor(() => open(conns) === 8, { what: 'the extra connections closed' });
    await rawSend('127.0.0.2', port, [chat('honest')], { localAddress: '127.0.0.61' });
    await waitFor(() => received.length === 1, { what: 'the honest chat' });
    expect(received[0]).toMatchObject({ from: '127.0.0.61', message: { content: 'honest' } });
    // the slow-loris is still holding its share meanwhile
    expect(open(conns)).toBe(8);
    expect(listener.connections().total).toBe(8);
  });

  it('when every slot is taken by several addresses, a newcomer gets one from the address holding the most', async () => {
    const { port, received, lines } = await listen({ maxConnections: 16, maxConnectionsPerAddress: 8 });
    const a = await slowLoris(port, '127.0.0.70', 8);
    const b = await slowLoris(port, '127.0.0.71', 8);
    await waitFor(() => open(a) + open(b) === 16, { what: 'sixteen connections held' });
    await rawSend('127.0.0.2', port, [chat('newcomer')], { localAddress: '127.0.0.72' });
    await waitFor(() => received.length === 1, { what: 'the newcomer\'s chat' });
    expect(open(a) + open(b)).toBe(15);
    expect(logged(lines, 'inbound connection closed to make room for another address')).toHaveLength(1);
  });

  it('counts a connection with no first byte in time as a strike, and ignores the address once over the limit', async () => {
    const { listener, port, lines, received } = await listen({ firstByteTimeoutMs: 200, badFramesPerMinute: 1 });
    const [first] = await slowLoris(port, '127.0.0.51', 1);
    await first!.closed;
    const [second] = await slowLoris(port, '127.0.0.51', 1);
    await second!.closed;
    expect(logged(lines, 'dropped inbound message')).toMatchObject([{ peer: expect.stringMatching(/^127\.0\.0\.51:/), reason: 'timeout: no first byte within 200 ms' }]);
    expect(logged(lines, 'too many bad frames: ignoring this IP')).toMatchObject([{ ip: '127.0.0.51' }]);
    await rawSend('127.0.0.2', port, [chat('ignored')], { localAddress: '127.0.0.51' });
    await rawSend('127.0.0.2', port, [chat('other')], { localAddress: '127.0.0.52' });
    await waitFor(() => received.length === 1, { what: 'the other address\'s chat' });
    expect(received.map((r) => r.from)).toEqual(['127.0.0.52']);
    expect(logged(lines, 'refused inbound connection')).toMatchObject([{ peer: expect.stringMatching(/^127\.0\.0\.51:/), reason: 'ignored: too many bad frames from this address' }]);
    expect(listener.connections().total).toBe(0);
  });

  it('counts empty connections and connections over the cap as strikes, and closes the open ones of an address it starts ignoring', async () => {
    const { port, lines } = await listen({ badFramesPerMinute: 1, maxConnectionsPerAddress: 2 });
    await rawSend('127.0.0.2', port, [], { localAddress: '127.0.0.53' });
    await waitFor(() => logged(lines, 'dropped inbound message').length === 1, { what: 'the drop' });
    expect(logged(lines, 'dropped inbound message')).toMatchObject([{ reason: 'empty connection' }]);
    // two held, the third over the cap: the second strike, one over the limit
    const conns = await slowLoris(port, '127.0.0.53', 3);
    await Promise.all(conns.map((c) => c.closed));
    expect(logged(lines, 'too many bad frames: ignoring this IP')).toMatchObject([{ ip: '127.0.0.53' }]);
  });
});

describe('tcp listener, v1 or v2 by the first line', { timeout: 20_000 }, () => {
  const hello = `{"type":"hello","v":2,"protocol":"Noise_XX_25519_ChaChaPoly_SHA256","d":"${Buffer.alloc(32, 7).toString('base64')}"}`;

  /** A listener that hands v2 connections to the test: each one's hello, reader and socket. */
  async function sniffing(opts: Partial<TcpListenerOptions> = {}) {
    const links: Array<{ socket: Socket; hello: string; pending: number; data: string[] }> = [];
    const l = await listen({
      onLink: (socket, line, reader) => {
        const link = { socket, hello: String(line), pending: reader.pending, data: [] as string[] };
        socket.on('data', (chunk: Buffer) => link.data.push(String(chunk)));
        cleanup.push(() => socket.destroy());
        links.push(link);
      },
      ...opts,
    });
    return { ...l, links };
  }

  it('reads a v1 message (no newline) to the end of the stream, as before', async () => {
    const { port, received, links } = await sniffing();
    await rawSend('127.0.0.2', port, [chat('one line').slice(0, 10), chat('one line').slice(10)]);
    await waitFor(() => received.length === 1, { what: 'the v1 chat' });
    expect(received[0]).toMatchObject({ from: '127.0.0.7', message: { content: 'one line' } });
    expect(links).toEqual([]);
  });

  it('reads a pretty-printed v1 message (newlines, its first line not a hello) as v1', async () => {
    const { port, received, links } = await sniffing();
    const pretty = JSON.stringify(JSON.parse(chat('pretty')), null, 2);
    expect(pretty.split('\n').length).toBeGreaterThan(3);
    await rawSend('127.0.0.2', port, [pretty.slice(0, 3), pretty.slice(3, 40), pretty.slice(40)]);
    await waitFor(() => received.length === 1, { what: 'the pretty v1 chat' });
    expect(received[0]).toMatchObject({ message: { content: 'pretty' } });
    expect(links).toEqual([]);
  });

  it('hands a connection whose first line is a hello to onLink, even in pieces, and lets go of it (no slot, no timeouts)', async () => {
    const { listener, port, links, lines } = await sniffing({ firstByteTimeoutMs: 200, inboundTimeoutMs: 200 });
    const client = await idleConnection('127.0.0.2', port, '127.0.0.8');
    cleanup.push(() => client.socket.destroy());
    client.socket.write(hello.slice(0, 5));
    client.socket.write(hello.slice(5, 40));
    client.socket.write(`${hello.slice(40)}\n{"type":"hand`);
    await waitFor(() => links.length === 1, { what: 'the hand-over' });
    // the hello without its newline; the start of the next line kept in the reader
    expect(links[0]).toMatchObject({ hello, pending: '{"type":"hand'.length });
    expect(listener.connections().total).toBe(0);
    // a connection opened later, that sends nothing, is timed out; the handed-over one is not
    const idle = await idleConnection('127.0.0.2', port, '127.0.0.9');
    await idle.closed;
    expect(logged(lines, 'dropped inbound message')).toMatchObject([{ peer: expect.stringMatching(/^127\.0\.0\.9:/), reason: 'timeout: no first byte within 200 ms' }]);
    expect(client.isClosed()).toBe(false);
    client.socket.write('shake"}\n');
    await waitFor(() => links[0]!.data.join('') === 'shake"}\n', { what: 'what follows, read by the new owner' });
  });

  it('drops a connection that sends whole frames after its hello before any answer', async () => {
    const { port, links, lines } = await sniffing();
    await rawSend('127.0.0.2', port, [`${hello}\n{"type":"sealed","d":"AAAA"}\n`], { localAddress: '127.0.0.8' });
    await waitFor(() => logged(lines, 'dropped inbound message').length === 1, { what: 'the drop' });
    expect(logged(lines, 'dropped inbound message')).toMatchObject([{ peer: expect.stringMatching(/^127\.0\.0\.8:/), reason: 'v2 frames before the handshake' }]);
    expect(links).toEqual([]);
  });

  it('without onLink, reads a hello as a v1 message (and refuses it)', async () => {
    const { port, received, lines } = await listen();
    await rawSend('127.0.0.2', port, [`${hello}\n`]);
    await waitFor(() => logged(lines, 'dropped inbound message').length === 1, { what: 'the drop' });
    expect(logged(lines, 'dropped inbound message')[0]!.reason).toMatch(/hello/);
    expect(received).toEqual([]);
  });
});
