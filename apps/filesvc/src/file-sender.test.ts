import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subjects, V1, type FileMetadata } from '@meshwork/protocol';
import { waitFor } from '@meshwork/testing';
import { startFilesvc, type Fixture } from './test-fixture.ts';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

let fx: Fixture | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'filesvc-send-'));
});
afterEach(async () => {
  await fx?.stop();
  fx = undefined;
  await rm(dir, { recursive: true, force: true });
});

interface SentChunk {
  fileId: string;
  chunkIndex: number;
  data: Uint8Array;
  metadata: FileMetadata;
}

/** Stands in for the router: takes every chunk request, answers after a little latency. */
function fakeRouter(f: Fixture, ok = true) {
  const chunks = new Map<string, SentChunk[]>();
  const outstanding = new Map<string, number>();
  let maxOutstanding = 0;
  f.client.serve(subjects.fileChunkSend, async (req) => {
    const chunk: SentChunk = { fileId: req.chunk?.fileId ?? '', chunkIndex: req.chunk?.chunkIndex ?? -1, data: req.chunk?.data ?? new Uint8Array(), metadata: req.chunk?.metadata ?? {} };
    const id = chunk.fileId;
    outstanding.set(id, (outstanding.get(id) ?? 0) + 1);
    maxOutstanding = Math.max(maxOutstanding, outstanding.get(id)!);
    chunks.set(id, [...(chunks.get(id) ?? []), chunk]);
    await sleep(1 + Math.random() * 4); // delivery latency, not synchronisation
    outstanding.set(id, outstanding.get(id)! - 1);
    return { deliveries: [{ target: { host: '127.0.0.3', port: 9999 }, ok, error: ok ? '' : 'connection refused' }] };
  });
  return { chunks, maxOutstanding: () => maxOutstanding };
}

async function randomFile(name: string, size: number): Promise<{ path: string; data: Buffer }> {
  const data = randomBytes(size);
  const path = join(dir, name);
  await writeFile(path, data);
  return { path, data };
}

/** The chunks of one file, each index exactly once, put back together. */
function reassemble(chunks: SentChunk[], totalChunks: number): Buffer {
  const indexes = chunks.map((c) => c.chunkIndex).sort((a, b) => a - b);
  expect(indexes).toEqual(Array.from({ length: totalChunks }, (_, i) => i));
  return Buffer.concat(indexes.map((i) => chunks.find((c) => c.chunkIndex === i)!.data));
}

describe('sending files', () => {
  it('streams every chunk of a 1 MiB file once, with its metadata, within the send window', async () => {
    const f = (fx = await startFilesvc({ sendWindow: 4 }));
    const router = fakeRouter(f);
    const { path, data } = await randomFile('random.bin', 1024 * 1024 + 123);
    const reply = await f.client.request(subjects.fileSend, { path });
    expect(reply.error).toBe('');
    expect(reply.fileId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect({ filename: reply.filename, size: Number(reply.size), totalChunks: reply.totalChunks }).toEqual({ filename: 'random.bin', size: data.length, totalChunks: 129 });

    const done = await waitFor(() => f.progress.find((p) => p.fileId === reply.fileId && p.chunksDone === 129), { what: 'final progress' });
    expect(done).toMatchObject({ direction: 2, filename: 'random.bin', totalChunks: 129, senderId: 'node1', senderName: 'Node One' });
    expect(Number(done.bytesDone)).toBe(data.length);

    const chunks = router.chunks.get(reply.fileId)!;
    expect(chunks).toHaveLength(129);
    for (const c of chunks) {
      expect(c.metadata).toMatchObject({ filename: 'random.bin', fileHash: sha256(data), totalChunks: 129 });
      expect(Number(c.metadata.fileSize)).toBe(data.length);
      expect(c.data.length).toBe(c.chunkIndex === 128 ? 123 : V1.chunkSize);
    }
    expect(sha256(reassemble(chunks, 129))).toBe(sha256(data));
    expect(router.maxOutstanding()).toBeGreaterThan(1);
    expect(router.maxOutstanding()).toBeLessThanOrEqual(4);
    expect(f.failed).toEqual([]);
  });

  it('sends several files at once', async () => {
    const f = (fx = await startFilesvc());
    const router = fakeRouter(f);
    const files = await Promise.all(['a.bin', 'b.bin', 'c.bin'].map((name, i) => randomFile(name, 100_000 + i * 30_000)));
    const replies = await Promise.all(files.map((file) => f.client.request(subjects.fileSend, { path: file.path })));
    await waitFor(() => replies.every((r) => f.progress.some((p) => p.fileId === r.fileId && p.chunksDone === r.totalChunks)), { what: 'all sent' });
    replies.forEach((reply, i) => {
      expect(sha256(reassemble(router.chunks.get(reply.fileId)!, reply.totalChunks))).toBe(sha256(files[i]!.data));
    });
  });

  it('is not a failure when no peer takes a chunk', async () => {
    const f = (fx = await startFilesvc());
    fakeRouter(f, false);
    const { path } = await randomFile('x.bin', 20_000);
    const reply = await f.client.request(subjects.fileSend, { path });
    await waitFor(() => f.progress.some((p) => p.fileId === reply.fileId && p.chunksDone === 3), { what: 'final progress' });
    expect(f.failed).toEqual([]);
  });

  it('fails the transfer when nobody serves chunk requests', async () => {
    const f = (fx = await startFilesvc());
    const { path } = await randomFile('x.bin', 20_000);
    const reply = await f.client.request(subjects.fileSend, { path });
    const failed = await waitFor(() => f.failed[0], { what: 'fileFailed' });
    expect(failed).toMatchObject({ fileId: reply.fileId, filename: 'x.bin', direction: 2 });
    expect(failed.reason).toMatch(/^chunk \d+ not sent: .*no service answers/);
  });

  it('refuses with a clear error a missing path, a directory, an empty file and a relative path', async () => {
    const f = (fx = await startFilesvc());
    await mkdir(join(dir, 'folder'));
    await writeFile(join(dir, 'empty.txt'), '');
    const ask = async (path: string) => (await f.client.request(subjects.fileSend, { path })).error;
    expect(await ask(join(dir, 'missing.txt'))).toBe(`no such file: ${join(dir, 'missing.txt')}`);
    expect(await ask(join(dir, 'folder'))).toBe(`not a regular file: ${join(dir, 'folder')} is a directory`);
    expect(await ask(join(dir, 'empty.txt'))).toMatch(/^the file is empty: /);
    expect(await ask('relative/file.txt')).toBe('path must be absolute: relative/file.txt');
    expect(await ask('')).toBe('no path given');
  });
});
