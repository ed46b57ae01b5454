import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseV1Message, subjects, v1ToWireMessage } from '@meshwork/protocol';
import { waitFor } from '@meshwork/testing';
import { startFilesvc, type Fixture } from './test-fixture.ts';

const vectors = new URL('../../../libs/protocol/vectors/v1/', import.meta.url);

let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.stop();
  fx = undefined;
});

describe('the file service', () => {
  it('creates its folders, for its user alone, and reports the downloads folder', async () => {
    const f = (fx = await startFilesvc());
    expect(f.downloads).toBe(join(f.dataDir, 'downloads'));
    expect(await f.ls(f.dataDir)).toEqual(['downloads', 'incoming', 'outgoing']);
    for (const dir of ['downloads', 'incoming', 'outgoing']) expect((await stat(join(f.dataDir, dir))).mode & 0o777).toBe(0o700);
  });

  it('lists the files it saved, newest first, sizes and times included', async () => {
    const f = (fx = await startFilesvc());
    await writeFile(join(f.downloads, 'older.txt'), 'hello');
    await utimes(join(f.downloads, 'older.txt'), new Date('2020-05-01'), new Date('2020-05-01'));
    await mkdir(join(f.downloads, 'a-folder'));
    const chunks = [];
    for (const i of [0, 1, 2]) {
      const parsed = parseV1Message(await readFile(new URL(`file_chunk.${i}.tcp.json`, vectors)));
      if (!parsed.ok) throw new Error(parsed.reason);
      chunks.push(v1ToWireMessage(parsed.value).fileChunk!);
    }
    await f.offer(chunks);
    await waitFor(() => f.received.length === 1, { what: 'fileReceived' });

    const { files } = await f.client.request(subjects.filesList, {});
    expect(files.map((x) => [x.filename, Number(x.size)])).toEqual([['payload.bin', 20000], ['older.txt', 5]]);
    expect(files[0]!.modified).toBeGreaterThan(Date.now() - 60_000);
    expect(files[1]!.modified).toBe(new Date('2020-05-01').getTime());
    const saved = await readFile(join(f.downloads, 'payload.bin'));
    expect(createHash('sha256').update(saved).digest('hex')).toBe(f.received[0]!.sha256);
  });

  it('removes partial files left by a previous run when it starts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'filesvc-stale-'));
    try {
      await mkdir(join(dataDir, 'incoming'));
      await mkdir(join(dataDir, 'outgoing'));
      await writeFile(join(dataDir, 'incoming', 'deadbeef.1.part'), 'stale');
      await writeFile(join(dataDir, 'outgoing', 'cafe.upload'), 'stale');
      const f = (fx = await startFilesvc({ dataDir }));
      expect(await f.ls(f.incoming)).toEqual([]);
      expect(await f.ls(f.outgoing)).toEqual([]);
    } finally {
      await fx?.stop();
      fx = undefined;
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('streams a received file back to the gateway, and nothing but a file of the downloads folder', async () => {
    const f = (fx = await startFilesvc());
    const data = Buffer.alloc(300_000, 7);
    await writeFile(join(f.downloads, 'photo.jpg'), data);
    await writeFile(join(f.dataDir, 'secret.key'), 'private');
    await symlink(join(f.dataDir, 'secret.key'), join(f.downloads, 'link.key'));
    await mkdir(join(f.downloads, 'folder'));

    const got = await f.download('photo.jpg');
    expect(Number(got.reply.size)).toBe(data.length);
    expect((await got.data).equals(data)).toBe(true);
    for (const name of ['../secret.key', 'link.key', 'folder', '', 'missing.bin', '/etc/passwd', '..']) {
      const { reply } = await f.download(name);
      expect(reply.notFound, name).toBe(true);
      expect(reply.error, name).toMatch(/^no such file/);
    }
  });
});
