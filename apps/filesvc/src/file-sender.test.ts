import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { subjects, V1, type FileMetadata } from '@meshwork/protocol';
import { waitFor } from '@meshwork/testing';
import { startFilesvc, type Fixture } from './test-fixture.ts';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.stop();
  fx = undefined;
});

interface SentChunk {
  fileId: string;
  chunkIndex: number;
  data: Uint8Array;
  metadata: FileMetadata;
}

/** A file.sent's outcomes as plain values. */
const outcomes = (sent: { peers: Array<{ peer?: { nodeId?: string | null } | null; ok?: boolean | null; error?: string | null }> }) =>
  sent.peers.map((p) => ({ nodeId: p.peer?.nodeId, ok: p.ok, error: p.error }));

const alice = { nodeId: 'aaaa1111', endpoint: { host: '127.0.0.3', port: 9999 } };
const bob = { nodeId: 'bbbb2222', endpoint: { host: '127.0.0.4', port: 9999 } };

type Peer = typeof alice;

interface RouterOptions {
  /** whether a peer refuses a chunk */
  fails?: (peer: Peer, index: number) => boolean;
  /** whether the request itself fails (the router cannot send it) */
  breaks?: (peer: Peer | undefined, index: number) => boolean;
  /** how long a peer takes to take a chunk (real latency of a peer, not synchronisation) */
  latencyMs?: (peer: Peer) => number;
  peers?: Peer[];
}

/**
 * Stands in for the router: chunk 0 (no target) goes to every peer, the others to the target
 * named. Keeps, per file, the chunks as alice got them, the indexes each peer got, and the most
 * chunks outstanding toward one peer.
 */
function fakeRouter(f: Fixture, { fails = () => false, breaks = () => false, latencyMs = () => 1 + Math.random() * 4, peers = [alice] }: RouterOptions = {}) {
  const chunks = new Map<string, SentChunk[]>();
  const got = new Map<string, number[]>();
  const outstanding = new Map<string, number>();
  let maxOutstanding = 0;
  f.client.serve(subjects.fileChunkSend, async (req) => {
    const chunk: SentChunk = { fileId: req.chunk?.fileId ?? '', chunkIndex: req.chunk?.chunkIndex ?? -1, data: req.chunk?.data ?? new Uint8Array(), metadata: req.chunk?.metadata ?? {} };
    const targets = req.target ? peers.filter((p) => p.nodeId === req.target?.nodeId) : peers;
    if (breaks(req.target ? targets[0] : undefined, chunk.chunkIndex)) throw new Error('router broke');
    return {
      deliveries: await Promise.all(
        targets.map(async (peer) => {
          const lane = `${chunk.fileId}/${peer.nodeId}`;
          outstanding.set(lane, (outstanding.get(lane) ?? 0) + 1);
          maxOutstanding = Math.max(maxOutstanding, outstanding.get(lane)!);
          await sleep(latencyMs(peer));
          outstanding.set(lane, outstanding.get(lane)! - 1);
          if (fails(peer, chunk.chunkIndex)) return { peer, ok: false, error: 'connection refused' };
          got.set(lane, [...(got.get(lane) ?? []), chunk.chunkIndex]);
          if (peer === alice) chunks.set(chunk.fileId, [...(chunks.get(chunk.fileId) ?? []), chunk]);
          return { peer, ok: true };
        }),
      ),
    };
  });
  return { chunks, got: (fileId: string, peer: Peer) => got.get(`${fileId}/${peer.nodeId}`) ?? [], maxOutstanding: () => maxOutstanding };
}

/** Uploads random bytes as the gateway does; resolves with filesvc's reply once they are stored. */
async function sendRandom(f: Fixture, name: string, size: number) {
  const data = randomBytes(size);
  const { reply, stored } = await f.upload(name, data);
  await stored;
  return { reply, data };
}

/** The chunks of one file, each index exactly once, put back together. */
function reassemble(chunks: SentChunk[], totalChunks: number): Buffer {
  const indexes = chunks.map((c) => c.chunkIndex).sort((a, b) => a - b);
  expect(indexes).toEqual(Array.from({ length: totalChunks }, (_, i) => i));
  return Buffer.concat(indexes.map((i) => chunks.find((c) => c.chunkIndex === i)!.data));
}

describe('sending files', () => {
  it('streams every chunk of a 1 MiB upload once, with its metadata, within the send window, and removes its copy', async () => {
    const f = (fx = await startFilesvc({ sendWindow: 4 }));
    const router = fakeRouter(f);
    const { reply, data } = await sendRandom(f, 'random.bin', 1024 * 1024 + 123);
    expect(reply.error).toBe('');
    expect(reply.fileId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect({ filename: reply.filename, size: Number(reply.size), totalChunks: reply.totalChunks }).toEqual({ filename: 'random.bin', size: data.length, totalChunks: 129 });

    const sent = await waitFor(() => f.sent.find((x) => x.fileId === reply.fileId), { what: 'file.sent' });
    expect(outcomes(sent)).toEqual([{ nodeId: 'aaaa1111', ok: true, error: '' }]);
    const done = f.progress.find((p) => p.fileId === reply.fileId && p.chunksDone === 129)!;
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
    await waitFor(async () => (await f.ls(f.outgoing)).length === 0, { what: 'the upload removed' });
  });

  it('sends several files at once', async () => {
    const f = (fx = await startFilesvc());
    const router = fakeRouter(f);
    const files = await Promise.all(['a.bin', 'b.bin', 'c.bin'].map((name, i) => sendRandom(f, name, 100_000 + i * 30_000)));
    await waitFor(() => files.every(({ reply }) => f.sent.some((x) => x.fileId === reply.fileId)), { what: 'all sent' });
    for (const { reply, data } of files) expect(sha256(reassemble(router.chunks.get(reply.fileId)!, reply.totalChunks))).toBe(sha256(data));
  });

  it('tells each peer\'s outcome: sent to those that took every chunk, the others with their reason', async () => {
    const f = (fx = await startFilesvc({ sendWindow: 1 }));
    const router = fakeRouter(f, { fails: (peer, index) => peer === bob && index === 1, peers: [alice, bob] });
    const { reply } = await sendRandom(f, 'x.bin', 20_000);
    const sent = await waitFor(() => f.sent[0], { what: 'file.sent' });
    expect(sent).toMatchObject({ fileId: reply.fileId, filename: 'x.bin' });
    expect(outcomes(sent)).toEqual([
      { nodeId: 'aaaa1111', ok: true, error: '' },
      { nodeId: 'bbbb2222', ok: false, error: 'connection refused (took 1 of 3 chunks)' },
    ]);
    // v1 cannot repair a file: once a chunk failed, the peer gets no more of it
    expect(router.got(reply.fileId!, bob)).toEqual([0]);
  });

  it('ends only the pipeline of a peer whose request fails: the others get the file', async () => {
    const f = (fx = await startFilesvc({ sendWindow: 1 }));
    fakeRouter(f, { peers: [alice, bob], breaks: (peer, index) => peer === bob && index === 2 });
    await sendRandom(f, 'x.bin', 5 * 8192);
    const sent = await waitFor(() => f.sent[0], { what: 'file.sent' });
    expect(outcomes(sent)).toEqual([
      { nodeId: 'aaaa1111', ok: true, error: '' },
      { nodeId: 'bbbb2222', ok: false, error: expect.stringMatching(/^chunk 2 not sent: .*router broke \(took 2 of 5 chunks\)$/) },
    ]);
  });

  it('never lets a slow peer hold the others back: each gets the file at its own pace, in its own window', async () => {
    const f = (fx = await startFilesvc({ sendWindow: 4 }));
    const router = fakeRouter(f, { peers: [alice, bob], latencyMs: (peer) => (peer === bob ? 50 : 1) });
    const { reply } = await sendRandom(f, 'x.bin', 64 * 8192);
    await waitFor(() => router.got(reply.fileId!, alice).length === 64, { what: 'alice has every chunk' });
    // when alice had it all, bob (50 ms a chunk, 4 at a time) was far from done
    expect(router.got(reply.fileId!, bob).length).toBeLessThan(64);
    const sent = await waitFor(() => f.sent[0], { what: 'file.sent', timeoutMs: 20_000 });
    expect(outcomes(sent).map((o) => o.ok)).toEqual([true, true]);
    expect(router.maxOutstanding()).toBeLessThanOrEqual(4);
  });

  it('reports a file that reached no peer as failed, with each one\'s reason', async () => {
    const f = (fx = await startFilesvc());
    fakeRouter(f, { fails: () => true });
    const { reply } = await sendRandom(f, 'x.bin', 20_000);
    const failed = await waitFor(() => f.failed[0], { what: 'fileFailed' });
    expect(failed).toMatchObject({ fileId: reply.fileId, direction: 2, reason: 'reached no peer: aaaa1111 at 127.0.0.3:9999: connection refused (took 0 of 3 chunks)' });
    expect(f.sent).toEqual([]);
  });

  it('fails at once a file for a node with no peers', async () => {
    const f = (fx = await startFilesvc());
    fakeRouter(f, { peers: [] });
    await sendRandom(f, 'x.bin', 200_000);
    const failed = await waitFor(() => f.failed[0], { what: 'fileFailed' });
    expect(failed.reason).toBe('reached no peer: this node has no peers');
  });

  it('fails the transfer when nobody serves chunk requests', async () => {
    const f = (fx = await startFilesvc());
    const { reply } = await sendRandom(f, 'x.bin', 20_000);
    const failed = await waitFor(() => f.failed[0], { what: 'fileFailed' });
    expect(failed).toMatchObject({ fileId: reply.fileId, filename: 'x.bin', direction: 2 });
    expect(failed.reason).toMatch(/^chunk \d+ not sent: .*no service answers/);
  });

  it('refuses an empty or too large upload, and one that does not bring what it announced, saying why', async () => {
    const f = (fx = await startFilesvc({ maxFileBytes: 100_000 }));
    fakeRouter(f);
    expect((await f.upload('empty.txt', new Uint8Array(0))).reply.error).toBe('the file is empty (an empty file cannot be sent: it has no chunks)');
    expect((await f.upload('big.bin', new Uint8Array(10), 200_000)).reply.error).toBe('the file is too large: 200000 bytes, more than maxFileBytes (100000)');
    const short = await f.upload('short.bin', new Uint8Array(10), 20);
    await expect(short.stored).rejects.toThrow(/upload not stored: 10 bytes came, 20 were announced/);
    await waitFor(async () => (await f.ls(f.outgoing)).length === 0, { what: 'the short upload removed' });
    expect(f.sent).toEqual([]);
    // a name from a client is made safe like a name from the network
    const named = await f.upload('../../etc/passwd', new Uint8Array(10));
    await named.stored;
    expect(named.reply.filename).toBe('passwd');
  });
});
