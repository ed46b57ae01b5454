// How fast a file crosses from one node to another over the v1 wire (8192-byte chunks, a
// TCP connection per chunk), both nodes on this machine. Prints the figure and writes it to
// bench/results/v1-file-transfer.json. Run: npm run bench (inside a private network namespace).
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from '@meshwork/protocol';
import { startPair, waitFor } from '@meshwork/testing';
import { machine } from './machine.ts';

const sizeMiB = Number(process.env.BENCH_MIB ?? 64);
const [a, b] = await startPair({ name: 'bench-a', host: '127.0.0.2' }, { name: 'bench-b', host: '127.0.0.3' });
try {
  const filesAtB = async () => (await fetch(`${b.gateway}${api.routes.files}`, { headers: { authorization: `Bearer ${b.secret}` } })).json() as Promise<Array<{ filename: string }>>;
  const path = join(await mkdtemp(join(tmpdir(), 'bench-')), 'bench.bin');
  await writeFile(path, randomBytes(sizeMiB << 20));

  // from the upload to the file saved at B (the upload itself is part of sending, as a user sees it)
  const started = process.hrtime.bigint();
  const sent = await a.mesh('send-file', '--no-wait', path);
  if (sent.code !== 0) throw new Error(`send-file failed: ${sent.stderr}`);
  await waitFor(async () => (await filesAtB()).some((f) => f.filename === 'bench.bin'), { timeoutMs: 600_000, intervalMs: 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const result = {
    bench: 'v1 file transfer, node to node on loopback',
    date: new Date().toISOString(),
    machine: machine(),
    sizeMiB,
    seconds: Number(seconds.toFixed(2)),
    MiBPerSecond: Number((sizeMiB / seconds).toFixed(2)),
  };
  console.log(`${sizeMiB} MiB in ${result.seconds} s: ${result.MiBPerSecond} MiB/s (${result.machine})`);
  await writeFile(new URL('results/v1-file-transfer.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await Promise.all([a.stop(), b.stop()]);
}
