import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runMesh, startPair, waitFor, type TestNode } from '@meshwork/testing';
import { files, messages, randomFile, say, sha256File } from './helpers.ts';

let a: TestNode;
let b: TestNode;

beforeAll(async () => {
  [a, b] = await startPair({ name: 'Alice', host: '127.0.0.2' }, { name: 'Bob', host: '127.0.0.3' });
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('two nodes with static peers', () => {
  it('chat goes both ways through the CLI, into history and the event stream', async () => {
    const listener = spawn(process.execPath, [join(import.meta.dirname, '../apps/cli/bin/mesh.js'), 'listen', '--json'], {
      env: { ...process.env, MESH_GATEWAY: b.gateway, MESH_DATA_DIR: b.dataDir },
    });
    let events = '';
    listener.stdout.setEncoding('utf8').on('data', (d: string) => (events += d));
    try {
      await b.waitForLog((l) => l.msg === 'WebSocket client connected', 'the listener connected');
      expect(await say(a, 'hello from Alice')).toMatch(/^delivered to 1 of 1 peer$/m);
      await waitFor(async () => (await messages(b)).some((m) => m.content === 'hello from Alice' && m.senderName === 'Alice'), { what: 'Alice\'s chat at Bob' });
      await waitFor(() => events.split('\n').some((l) => l.includes('"chat"') && l.includes('hello from Alice')), { what: 'chat event on Bob\'s stream' });

      await say(b, 'hi Alice, Bob here');
      await waitFor(async () => (await messages(a)).some((m) => m.content === 'hi Alice, Bob here' && m.direction === 'in'), { what: 'Bob\'s chat at Alice' });
      expect((await messages(a)).find((m) => m.content === 'hello from Alice')?.direction).toBe('out');
    } finally {
      listener.kill();
    }
  });

  it.each([
    ['1 MiB', 1 << 20],
    ['20 MiB', 20 << 20],
  ])('a %s file arrives with the same SHA-256', async (label, size) => {
    const dir = await mkdtemp(join(tmpdir(), 'mesh-src-'));
    const name = `payload-${label.replace(' ', '')}.bin`;
    const src = await randomFile(dir, name, size);
    const sent = await a.mesh('send-file', src.path);
    expect(sent.code, sent.stderr).toBe(0);
    await waitFor(async () => (await files(b)).some((f) => f.filename === name && f.size === size), { what: `${label} at Bob`, timeoutMs: 150_000, intervalMs: 500 });
    expect(await sha256File(join(b.downloads, name))).toBe(src.sha256);
  });

  it('says clearly when no node answers', async () => {
    const port = await freePort('127.0.0.9');
    const r = await runMesh(['peers'], { MESH_GATEWAY: `http://127.0.0.9:${port}` });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no meshwork node answers at http:\/\/127\.0\.0\.9/);
  });
});
