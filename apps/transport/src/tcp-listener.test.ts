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
