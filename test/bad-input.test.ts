import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, waitFor, type LogLine, type TestNode } from '@meshwork/testing';
import { files, messages } from './helpers.ts';

let node: TestNode;
let pids: Record<string, number | undefined>;
const ATTACKER = '127.0.0.41';

beforeAll(async () => {
  node = await startNode({ name: 'Target', host: '127.0.0.40' });
  pids = (await node.state()).services;
});

afterAll(async () => {
  await node?.stop();
});

function tcp(payload: Buffer | string, host = ATTACKER): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.40', port: node.port, localAddress: host }, () => socket.end(payload));
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
  });
}

function udp(payload: Buffer | string): Promise<void> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.bind(0, ATTACKER, () => socket.send(payload, node.port + 1, '127.0.0.40', () => socket.close(() => resolve())));
  });
}

const chat = (content: string) => JSON.stringify({ type: 'chat', message_id: crypto.randomUUID(), sender_id: 'bad00000', sender_name: 'Mallory', timestamp: Date.now() / 1000, content });
const droppedFrom = (l: LogLine) => l.service === 'transport' && l.level === 40 && JSON.stringify(l).includes(ATTACKER);

describe('bad input from the network', () => {
  it.each([
    ['garbage', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00])],
    ['truncated JSON', '{"type": "chat", "message_id": '],
    ['a schema-invalid chat', JSON.stringify({ type: 'chat', message_id: 'x', sender_id: 'y', sender_name: 'z', timestamp: 'yesterday', content: 'hi' })],
    ['an unknown type', JSON.stringify({ type: 'peer_list', peers: [] })],
    ['an oversize frame', 'x'.repeat(2 * 1024 * 1024)],
  ])('drops %s on TCP with a logged reason naming the peer, and handles the next good message', async (_what, payload) => {
    const before = node.logs.filter(droppedFrom).length;
    await tcp(payload);
    await waitFor(() => node.logs.filter(droppedFrom).length > before, { what: 'a logged reason' });
    const text = `still here after ${_what}`;
    await tcp(chat(text));
    await waitFor(async () => (await messages(node)).some((m) => m.content === text), { what: 'the next good message' });
  });

  it.each([
    ['garbage', Buffer.from([0xff, 0x00, 0x13])],
    ['a datagram over 1024 bytes', JSON.stringify({ type: 'discovery', node_id: 'big', node_name: 'x'.repeat(2000), ip: '127.0.0.41', port: 1, timestamp: 1 })],
    ['a discovery with a bad port', JSON.stringify({ type: 'discovery', node_id: 'p', node_name: 'p', ip: '127.0.0.41', port: -4, timestamp: 1 })],
  ])('drops %s on UDP with a logged reason naming the peer', async (_what, payload) => {
    const before = node.logs.filter(droppedFrom).length;
    await udp(payload);
    await waitFor(() => node.logs.filter(droppedFrom).length > before, { what: 'a logged reason' });
  });

  it('keeps a file name with a path in it inside the downloads folder', async () => {
    const data = Buffer.from('not your passwd\n');
    const hash = (await import('node:crypto')).createHash('sha256').update(data).digest('hex');
    const chunk = {
      type: 'file_chunk', message_id: crypto.randomUUID(), sender_id: 'bad00000', sender_name: 'Mallory', timestamp: 1, content: null,
      file_id: crypto.randomUUID(), chunk_index: 0, chunk_data: data.toString('base64'),
      file_metadata: { filename: '../../escape.txt', file_size: data.length, file_hash: hash, total_chunks: 1 },
    };
    await tcp(JSON.stringify(chunk));
    await waitFor(async () => (await files(node)).some((f) => f.filename === 'escape.txt'), { what: 'the file, renamed safely' });
    expect(existsSync(join(node.downloads, 'escape.txt'))).toBe(true);
    expect(existsSync(join(dirname(node.downloads), 'escape.txt'))).toBe(false);
    expect(existsSync(join(dirname(dirname(node.downloads)), 'escape.txt'))).toBe(false);
    expect((await readdir(node.downloads)).filter((f) => !f.startsWith('.'))).toContain('escape.txt');
  });

  it('kept every process up', async () => {
    expect((await node.state()).services).toEqual(pids);
  });
});
