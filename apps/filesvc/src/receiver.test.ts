import { createHash, randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseV1Message, subjects, v1ToWireMessage, type Endpoint, type FileChunk } from '@meshwork/protocol';
import { waitFor } from '@meshwork/testing';
import { tmpdir } from 'node:os';
import { freeBytes } from './disk.ts';
import { startFilesvc, type Fixture } from './test-fixture.ts';

const vectors = new URL('../../../libs/protocol/vectors/v1/', import.meta.url);
const payload = await readFile(new URL('file.payload.bin', vectors));
const payloadHash = createHash('sha256').update(payload).digest('hex');
const from: Endpoint = { host: '127.0.0.2', port: 9999 };

/** The three chunks the original app sent for file.payload.bin, as the router hands them on. */
async function capturedChunks(): Promise<FileChunk[]> {
  return Promise.all(
    [0, 1, 2].map(async (i) => {
      const parsed = parseV1Message(await readFile(new URL(`file_chunk.${i}.tcp.json`, vectors)));
      if (!parsed.ok) throw new Error(parsed.reason);
      return v1ToWireMessage(parsed.value).fileChunk!;
    }),
  );
}

/** The captured chunks as another transfer: a new fileId, metadata changed by `meta`. */
async function transfer(meta: Partial<NonNullable<FileChunk['metadata']>> = {}): Promise<FileChunk[]> {
  const fileId = randomUUID();
  return (await capturedChunks()).map((c) => ({ ...c, fileId, messageId: randomUUID(), metadata: { ...c.metadata, ...meta } }));
}

let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.stop();
  fx = undefined;
});

const publish = (f: Fixture, chunks: FileChunk[]) => f.offer(chunks, { from });

describe('receiving files', () => {
  it('reassembles the original app\'s three chunks, shuffled and with a duplicate, into one file', async () => {
    const f = (fx = await startFilesvc());
    const [c0, c1, c2] = await capturedChunks();
    await publish(f, [c2!, c0!, c2!, c1!, c0!]);
    const done = await waitFor(() => f.received[0], { what: 'fileReceived' });
    expect(done).toMatchObject({ fileId: c0!.fileId, filename: 'payload.bin', sha256: payloadHash, senderId: '152c9256', senderName: 'Orig-Plain' });
    expect(done.size).toBe(20000);
    expect(await f.ls(f.downloads)).toEqual(['payload.bin']);
    expect((await readFile(join(f.downloads, 'payload.bin'))).equals(payload)).toBe(true);
    expect(await f.ls(f.incoming)).toEqual([]);

    const final = await waitFor(() => f.progress.find((p) => p.chunksDone === 3), { what: 'final progress' });
    expect(final).toMatchObject({ fileId: c0!.fileId, direction: 1, totalChunks: 3 });
    expect([Number(final.bytesDone), Number(final.size)]).toEqual([20000, 20000]);

    // a late duplicate of a finished transfer does not start a second copy
    await publish(f, [c1!]);
    await waitFor(() => f.logs.some((l) => l.msg === 'chunk of a finished transfer ignored'), { what: 'late duplicate ignored' });
    expect(await f.ls(f.downloads)).toEqual(['payload.bin']);
    expect(await f.ls(f.incoming)).toEqual([]);
    expect(f.received).toHaveLength(1);
    expect(f.failed).toEqual([]);
  });

  it('saves the same file sent again under name_1.ext', async () => {
    const f = (fx = await startFilesvc());
    await publish(f, await capturedChunks());
    await waitFor(() => f.received.length === 1, { what: 'first copy' });
    await publish(f, await transfer());
    await waitFor(() => f.received.length === 2, { what: 'second copy' });
    expect(f.received[1]!.filename).toBe('payload_1.bin');
    expect(await f.ls(f.downloads)).toEqual(['payload.bin', 'payload_1.bin']);
    expect((await readFile(join(f.downloads, 'payload_1.bin'))).equals(payload)).toBe(true);
  });

  it('gives up a file whose hash does not match, keeping nothing', async () => {
    const f = (fx = await startFilesvc());
    const chunks = await transfer({ fileHash: 'ab'.repeat(32) });
    await publish(f, chunks);
    const failed = await waitFor(() => f.failed[0], { what: 'fileFailed' });
    expect(failed).toMatchObject({ fileId: chunks[0]!.fileId, filename: 'payload.bin', direction: 1 });
    expect(failed.reason).toMatch(/^hash mismatch/);
    expect(await f.ls(f.downloads)).toEqual([]);
    expect(await f.ls(f.incoming)).toEqual([]);
    expect(f.received).toEqual([]);
  });

  it('saves a file named ../../escape.txt inside the downloads folder', async () => {
    const f = (fx = await startFilesvc());
    await publish(f, await transfer({ filename: '../../escape.txt' }));
    const done = await waitFor(() => f.received[0], { what: 'fileReceived' });
    expect(done.filename).toBe('escape.txt');
    expect(await f.ls(f.downloads)).toEqual(['escape.txt']);
    const around = [f.dataDir, dirname(f.dataDir), dirname(f.downloads)];
    for (const dir of around) expect(await readdir(dir)).not.toContain('escape.txt');
    expect(f.logs.find((l) => l.msg === 'filename changed for safety')).toMatchObject({ filename: '../../escape.txt', safeName: 'escape.txt', peer: '127.0.0.2:9999' });
  });

  it('drops a chunk whose metadata differs from the first chunk, naming its sender', async () => {
    const f = (fx = await startFilesvc());
    const [c0, c1, c2] = await capturedChunks();
    await publish(f, [c0!]);
    await waitFor(() => f.progress.length === 1, { what: 'first chunk written' });
    await publish(f, [{ ...c1!, senderId: 'evil0001', metadata: { ...c1!.metadata, filename: 'other.exe' } }]);
    const dropped = await waitFor(() => f.logs.find((l) => l.msg === 'chunk dropped' && String(l.reason).includes('metadata differs')), { what: 'logged drop' });
    expect(dropped).toMatchObject({ peer: '127.0.0.2:9999', senderId: 'evil0001', fileId: c0!.fileId, chunkIndex: 1 });
    await publish(f, [c1!, c2!]);
    const done = await waitFor(() => f.received[0], { what: 'fileReceived' });
    expect(done.filename).toBe('payload.bin');
    expect((await readFile(join(f.downloads, 'payload.bin'))).equals(payload)).toBe(true);
  });

  it('removes a transfer that gets no new chunk for incompleteTimeoutMs', async () => {
    const f = (fx = await startFilesvc({ incompleteTimeoutMs: 300 }));
    const [c0] = await capturedChunks();
    await publish(f, [c0!]);
    await waitFor(async () => (await f.ls(f.incoming)).length === 1, { what: 'partial file' });
    const failed = await waitFor(() => f.failed[0], { what: 'fileFailed' });
    expect(failed).toMatchObject({ fileId: c0!.fileId, direction: 1 });
    expect(failed.reason).toMatch(/^timed out: .*had 1 of 3 chunks/);
    expect(await f.ls(f.incoming)).toEqual([]);
    expect(await f.ls(f.downloads)).toEqual([]);
  });

  it('refuses files larger than maxFileBytes and transfers beyond maxIncoming, with a logged reason', async () => {
    const f = (fx = await startFilesvc({ maxIncoming: 1 }));
    const [first] = await transfer();
    const [second] = await transfer();
    const answers = await f.offer([first!, second!], { from, direct: false });
    expect(answers.map((a) => a.accepted)).toEqual([true, false]);
    expect(answers[1]!.reason).toBe('already 1 incoming transfers (maxIncoming)');
    const dropped = await waitFor(() => f.logs.find((l) => String(l.reason).includes('maxIncoming')), { what: 'maxIncoming refusal' });
    expect(dropped).toMatchObject({ msg: 'incoming file refused', reason: 'already 1 incoming transfers (maxIncoming)', fileId: second!.fileId, peer: '127.0.0.2:9999', senderId: '152c9256' });
    await f.stop();

    const g = (fx = await startFilesvc({ maxFileBytes: 10_000 }));
    const [refused] = await g.offer(await capturedChunks());
    expect(refused).toMatchObject({ accepted: false, reason: 'file of 20000 bytes is larger than maxFileBytes (10000)' });
    expect(await g.ls(g.incoming)).toEqual([]);
  });

  it('gives each address its share, as sender and as relay, whatever sender ids it claims', async () => {
    const f = (fx = await startFilesvc({ maxIncoming: 5, maxIncomingPerPeer: 2, maxIncomingRelayedPerPeer: 2 }));
    const offer = async (senderId: string, direct: boolean, host: string) =>
      (await f.offer([{ ...(await transfer())[0]!, senderId }], { from: { host, port: 9999 }, direct }))[0]!;
    expect((await offer('aaaa0001', true, '127.0.0.2')).accepted).toBe(true);
    expect((await offer('aaaa0002', true, '127.0.0.2')).accepted).toBe(true);
    expect(await offer('aaaa0003', true, '127.0.0.2')).toMatchObject({ accepted: false, reason: 'already 2 incoming transfers sent by 127.0.0.2 (maxIncomingPerPeer)' });
    expect((await offer('rand0001', false, '127.0.0.5')).accepted).toBe(true);
    expect((await offer('rand0002', false, '127.0.0.5')).accepted).toBe(true);
    expect(await offer('rand0003', false, '127.0.0.5')).toMatchObject({ accepted: false, reason: 'already 2 incoming transfers relayed by 127.0.0.5 (maxIncomingRelayedPerPeer)' });
    expect((await offer('bbbb0001', true, '127.0.0.6')).accepted).toBe(true);
    // all 5 places taken, and no address holds two more than .6 does: no room for .6
    expect(await offer('bbbb0002', true, '127.0.0.6')).toMatchObject({ accepted: false, reason: 'already 5 incoming transfers (maxIncoming)' });
  });

  it('keeps its limits when many new files come at once', async () => {
    const f = (fx = await startFilesvc({ maxIncoming: 32, maxIncomingPerPeer: 8 }));
    const firsts = await Promise.all(Array.from({ length: 40 }, async (_, i) => ({ ...(await transfer())[0]!, senderId: `fake${i}` })));
    const answers = await Promise.all(firsts.map((chunk) => f.client.request(subjects.fileAdmit, { chunk, from, direct: true })));
    expect(answers.filter((a) => a.accepted)).toHaveLength(8);
  });

  it('lets an address holding few places take one from the address holding the most, when all are taken', async () => {
    const f = (fx = await startFilesvc({ maxIncoming: 6, maxIncomingPerPeer: 4, maxIncomingRelayedPerPeer: 4 }));
    const offer = async (host: string, direct = false) => (await f.offer([{ ...(await transfer())[0]!, senderId: 'x' }], { from: { host, port: 9999 }, direct }))[0]!;
    for (const host of ['127.0.0.5', '127.0.0.5', '127.0.0.5', '127.0.0.5', '127.0.0.6', '127.0.0.6']) expect((await offer(host)).accepted).toBe(true);
    // .5 holds 4, .6 holds 2: one of .5's gives way (3 and 3 then)
    expect((await offer('127.0.0.6')).accepted).toBe(true);
    const failed = await waitFor(() => f.failed[0], { what: 'one of .5\'s given up' });
    expect(failed.reason).toBe('gave way to a transfer from an address holding fewer places (relayed by 127.0.0.5 held 4)');
    // 3 and 3: nobody gives way to .6 any more
    expect(await offer('127.0.0.6')).toMatchObject({ accepted: false, reason: 'already 6 incoming transfers (maxIncoming)' });
    // a newcomer holding none does get a place
    expect((await offer('127.0.0.2', true)).accepted).toBe(true);
    // and so does a file of .5's own, though its relays hold places
    expect((await offer('127.0.0.5', true)).accepted).toBe(true);
  });

  it('lets a slow transfer give way to a new one once it is past its grace, and fails it saying so', async () => {
    const f = (fx = await startFilesvc({ maxIncoming: 1, evictGraceMs: 200 }));
    const [stalled] = await transfer();
    expect((await f.offer([stalled!]))[0]!.accepted).toBe(true);
    const fresh = await transfer();
    await waitFor(async () => (await f.offer([fresh[0]!]))[0]?.accepted, { what: 'the new transfer admitted once the first is too slow' });
    const failed = await waitFor(() => f.failed.find((x) => x.fileId === stalled!.fileId), { what: 'the slow one failed' });
    expect(failed.reason).toMatch(/^gave way to a new transfer: \d+ bytes\/s on average over \d+ s/);
    await f.offer(fresh.slice(1));
    await waitFor(() => f.received.some((r) => r.fileId === fresh[0]!.fileId), { what: 'the new file received' });
  });

  it('lets slow transfers give way when the disk is what is short', async () => {
    const free = await freeBytes(tmpdir());
    const MiB = 1024 * 1024;
    // room for 30 MiB of incoming files: one 20 MiB fake fits, an honest 20 MiB file next to it does not
    const f = (fx = await startFilesvc({ diskReserveBytes: free - 30 * MiB, evictGraceMs: 100 }));
    const sized = async (bytes: number) => {
      const [c0] = await transfer();
      return { ...c0!, metadata: { ...c0!.metadata, fileSize: bytes, totalChunks: Math.ceil(bytes / 8192) } };
    };
    const fake = await sized(20 * MiB);
    expect((await f.offer([fake], { from: { host: '127.0.0.66', port: 1 } }))[0]!.accepted).toBe(true);
    const honest = await sized(20 * MiB);
    await waitFor(async () => (await f.client.request(subjects.fileAdmit, { chunk: honest, from, direct: true })).accepted, {
      what: 'the honest file admitted once the fake is slow enough to give way',
    });
    const failed = await waitFor(() => f.failed.find((x) => x.fileId === fake.fileId), { what: 'the fake given up' });
    expect(failed.reason).toMatch(/^gave way to a new transfer/);
  });

  it('refuses a file the disk cannot hold next to the transfers under way', async () => {
    const f = (fx = await startFilesvc({ diskReserveBytes: Number.MAX_SAFE_INTEGER - 100_000 }));
    const [answer] = await f.offer(await capturedChunks());
    expect(answer!.accepted).toBe(false);
    expect(answer!.reason).toMatch(/^not enough disk space: the file needs 20000 bytes, \d+ are free/);
  });

  it('drops chunks of a transfer it never admitted, and says so to the router', async () => {
    const f = (fx = await startFilesvc());
    const [c0, c1] = await capturedChunks();
    f.client.publish(subjects.fileChunkReceived, { chunk: c1, from });
    const failed = await waitFor(() => f.failed[0], { what: 'fileFailed for the unknown transfer' });
    expect(failed).toMatchObject({ fileId: c1!.fileId, direction: 1, reason: 'not an admitted transfer (filesvc restarted?)' });
    expect((await f.offer([c0!]))[0]).toMatchObject({ accepted: false, reason: 'already received or given up' });
    expect(await f.ls(f.incoming)).toEqual([]);
  });

  it('drops a chunk that contradicts its own metadata, and keeps serving', async () => {
    const f = (fx = await startFilesvc());
    const [c0, c1, c2] = await capturedChunks();
    await publish(f, [{ ...c2!, data: c2!.data!.subarray(1) }, { ...c0!, metadata: { ...c0!.metadata, totalChunks: 7 } }]);
    await waitFor(() => f.logs.some((l) => String(l.reason).includes('chunk 2 has 3615 bytes')), { what: 'short chunk dropped' });
    await waitFor(() => f.logs.some((l) => String(l.reason).includes('totalChunks 7')), { what: 'bad totalChunks dropped' });
    await publish(f, [c0!, c1!, c2!]);
    await waitFor(() => f.received.length === 1, { what: 'fileReceived' });
  });
});
