import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamReader, StreamWriter, type Bus } from '@meshwork/bus';
import { Direction, subjects } from '@meshwork/protocol';
import { readClientSecret } from '@meshwork/service';
import { freePort, startTestNats, waitFor, type TestNats } from '@meshwork/testing';
import { GatewayUnreachableError, GatewayClient } from './client.ts';
import { registerClientCommands, type ClientIo } from './client-commands.ts';

// The real gateway, started by path as `mesh up` starts it; the test's bus client stands in
// for transport, router and filesvc.
const gatewayMain = fileURLToPath(new URL('../../gateway/src/main.ts', import.meta.url));
const meshBin = fileURLToPath(new URL('../bin/mesh.js', import.meta.url));
const tsx = import.meta.resolve('tsx');

interface RunningGateway {
  url: string;
  child: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

async function startGateway(nats: TestNats, dataDir: string): Promise<RunningGateway> {
  const output: string[] = [];
  const child = fork(gatewayMain, [], {
    execArgv: ['--import', tsx],
    env: {
      ...process.env,
      MESH_NODE_ID: 'cli00001',
      MESH_NAME: 'CLI Test',
      MESH_NATS_URL: nats.url,
      MESH_NATS_TOKEN: nats.token,
      MESH_DATA_DIR: dataDir,
      MESH_GATEWAY: '127.0.0.1:0',
      MESH_REQUEST_TIMEOUT_MS: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout!.on('data', (c) => output.push(String(c)));
  child.stderr!.on('data', (c) => output.push(String(c)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((done, fail) => {
    child.on('message', (m: { type?: string; info?: { url?: string } }) => m.type === 'ready' && m.info?.url && done(m.info.url));
    void exited.then(() => fail(new Error(`gateway exited before it was ready:\n${output.join('')}`)));
  });
  return {
    url,
    child,
    output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Run {
  code: number;
  out: string[];
  err: string;
}

/** The environment a client command sees: the node's data folder, nothing else of ours. */
const cleanEnv = (extra: NodeJS.ProcessEnv = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MESH_'))),
  MESH_DATA_DIR: dataDir,
  ...extra,
});

/** `mesh ARGS...` in-process, through commander as main.ts wires it. */
async function mesh(args: string[], signal?: AbortSignal, onLine?: (line: string) => void, env: NodeJS.ProcessEnv = cleanEnv()): Promise<Run> {
  const out: string[] = [];
  let err = '';
  const io: ClientIo = {
    out: (line) => {
      out.push(line);
      onLine?.(line);
    },
    signal,
    env,
  };
  const program = new Command('mesh').showHelpAfterError().exitOverride().configureOutput({ writeOut: (s) => void out.push(s), writeErr: (s) => void (err += s) });
  registerClientCommands(program, io);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: 0, out, err };
  } catch (e) {
    if (e instanceof CommanderError) return { code: e.exitCode, out, err };
    throw e;
  }
}

const peerA = { nodeId: 'aaaa1111', name: 'Alice', endpoint: { host: '127.0.0.2', port: 9999 }, lastSeen: Date.now() - 5000, static: false };
const peerB = { nodeId: '', name: '', endpoint: { host: '127.0.0.3', port: 9999 }, lastSeen: 0, static: true, down: true, lastError: 'connection refused', retryAt: Date.now() + 4000 };
const refA = { nodeId: peerA.nodeId, endpoint: peerA.endpoint };
const carolId = 'abcdefghijklmnopqrstuvwxyz234567';
const peerC = { nodeId: carolId, name: 'Carol', endpoint: { host: '127.0.0.4', port: 9999 }, lastSeen: Date.now() - 1000, static: false, dialect: 'v2', linked: true, fingerprint: 'abcd-efgh-ijkl-mnop' };
const refB = { endpoint: peerB.endpoint };
const chat = (id: string, content: string) => ({
  chat: { messageId: id, senderId: 'aaaa1111', senderName: 'Alice', timestamp: Date.now() / 1000, content },
  from: { host: '127.0.0.2', port: 40000 },
});

let nats: TestNats;
let services: Bus;
let dataDir: string;
let gateway: RunningGateway;
let url: string;
let secret: string;
const chatsAsked: string[] = [];
const uploads = new Map<string, Buffer>();

beforeAll(async () => {
  nats = await startTestNats();
  services = await nats.connect('services');
  services.serve(subjects.peersList, () => ({ peers: [peerA, peerB, peerC] }));
  // stands in for the router and transport: each target's outcome comes as an event after the reply
  services.serve(subjects.chatSend, (req) => {
    chatsAsked.push(req.content);
    const messageId = req.messageId;
    setTimeout(() => {
      services.publish(subjects.wireDelivery, { messageId, delivery: { peer: refB, ok: false, error: 'peer down: connection refused' } });
      services.publish(subjects.wireDelivery, { messageId, delivery: { peer: refA, ok: true } });
    }, 20);
    return { chat: { messageId, senderId: 'cli00001', senderName: 'CLI Test', timestamp: Date.now() / 1000, content: req.content }, targets: [refA, refB] };
  });
  services.serve(subjects.filesList, () => ({ files: [{ filename: 'report.pdf', size: 12_345, modified: Date.UTC(2024, 0, 2, 3, 4, 5) }] }));
  // stands in for filesvc: takes the upload over a bus stream, then tells how the peers took it
  services.serve(subjects.fileUpload, (req) => {
    const reader = new StreamReader(services, req.streamId);
    reader.start();
    const fileId = `file-${uploads.size + 1}`;
    void (async () => {
      const parts: Buffer[] = [];
      for await (const d of reader) parts.push(Buffer.from(d));
      uploads.set(req.filename, Buffer.concat(parts));
      reader.done();
      const totalChunks = Math.ceil(Number(req.size) / 8192);
      if (req.filename === 'nobody.txt') {
        services.publish(subjects.fileFailed, { fileId, filename: req.filename, direction: Direction.DIRECTION_OUT, reason: 'reached no peer: aaaa1111 at 127.0.0.2:9999: connection refused (took 0 of 1 chunks)' });
      } else {
        services.publish(subjects.fileSent, { fileId, filename: req.filename, size: req.size, peers: [{ peer: refA, ok: true }, { peer: refB, ok: false, error: `peer down: connection refused (took 0 of ${totalChunks} chunks)` }] });
      }
    })();
    return { fileId, filename: req.filename, size: req.size, totalChunks: Math.ceil(Number(req.size) / 8192) };
  });
  services.serve(subjects.fileDownload, async (req) => {
    const data = uploads.get(req.filename);
    if (!data) return { notFound: true, error: `no such file: ${req.filename}` };
    const writer = new StreamWriter(services, req.streamId);
    await writer.open();
    void (async () => {
      await writer.write(data);
      await writer.end();
    })();
    return { size: data.length };
  });
  dataDir = await mkdtemp(join(tmpdir(), 'mesh-cli-'));
  gateway = await startGateway(nats, dataDir);
  url = gateway.url;
  secret = readClientSecret(dataDir);
}, 30_000);

afterAll(async () => {
  await gateway?.stop();
  await nats?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('mesh client commands against a running gateway', () => {
  it('send joins its words, sends them, and tells how each peer took it', async () => {
    const run = await mesh(['send', 'hello', 'mesh', 'world', '--gateway', url]);
    expect(run).toEqual({ code: 0, out: ['delivered to 1 of 2 peers', '  127.0.0.3:9999: failed: peer down: connection refused'], err: '' });
    expect(chatsAsked.at(-1)).toBe('hello mesh world');
    expect(await mesh(['send', '--no-wait', 'quick', '--gateway', url])).toEqual({ code: 0, out: ['queued for 2 peers'], err: '' });
  });

  it('peers prints a table, or JSON with --json', async () => {
    const run = await mesh(['peers', '--gateway', url]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^NAME\s+ID\s+ADDRESS\s+DIALECT\s+LAST SEEN\s+STATIC\s+STATE$/);
    expect(run.out[1]).toMatch(/^Alice\s+aaaa1111\s+127\.0\.0\.2:9999\s+v1\s+\d+s ago\s+no\s+up$/);
    expect(run.out[2]).toMatch(/^\?\s+-\s+127\.0\.0\.3:9999\s+v1\s+never\s+yes\s+down: connection refused$/);
    expect(run.out[3]).toMatch(/^Carol\s+abcd-efgh-ijkl-mnop\s+127\.0\.0\.4:9999\s+v2\s+\d+s ago\s+no\s+linked$/);
    // columns line up
    expect(run.out[1]!.indexOf('aaaa1111')).toBe(run.out[0]!.indexOf(' ID') + 1);

    const json = await mesh(['peers', '--json', '--gateway', url]);
    expect(JSON.parse(json.out.join('\n'))).toEqual([
      { nodeId: 'aaaa1111', name: 'Alice', host: '127.0.0.2', port: 9999, lastSeen: peerA.lastSeen, static: false, down: false, dialect: 'v1', linked: false },
      { nodeId: '', name: '', host: '127.0.0.3', port: 9999, lastSeen: 0, static: true, down: true, lastError: 'connection refused', retryAt: peerB.retryAt, dialect: 'v1', linked: false },
      { nodeId: carolId, name: 'Carol', host: '127.0.0.4', port: 9999, lastSeen: peerC.lastSeen, static: false, down: false, dialect: 'v2', linked: true, fingerprint: 'abcd-efgh-ijkl-mnop' },
    ]);
  });

  it('messages prints the history oldest first, with terminal escapes from peers made harmless', async () => {
    services.publish(subjects.chatReceived, chat('in-esc', 'look \u001b[2Jhere\nnext line'));
    await waitFor(async () => (await new GatewayClient(url, { secret }).messages()).some((m) => m.id === 'in-esc'), { what: 'the chat in the history' });
    await mesh(['send', 'after', '--gateway', url]);

    const run = await mesh(['messages', '--gateway', url]);
    expect(run.code).toBe(0);
    const [received, sent] = run.out.slice(-2);
    expect(received).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}Alice \(aaaa1111\) \[unauthenticated v1\]: look \\u001b\[2Jhere\u21b5next line$/);
    expect(sent).toMatch(/ {2}you: after$/);

    const json = JSON.parse((await mesh(['messages', '--json', '--gateway', url])).out.join('\n')) as Array<{ id: string; direction: string }>;
    expect(json.slice(-2).map((m) => [m.id, m.direction])).toEqual([['in-esc', 'in'], [expect.stringMatching(/^[0-9a-f-]{36}$/), 'out']]);
  });

  it('send-file streams the file\'s bytes to the node and tells how each peer took it; download brings a file back', async () => {
    const notes = join(dataDir, 'notes.txt');
    const bytes = Buffer.alloc(20_000, 'n');
    await writeFile(notes, bytes);
    const run = await mesh(['send-file', notes, '--gateway', url]);
    expect(run).toEqual({ code: 0, out: ['sent notes.txt (19.5 KiB) to 1 of 2 peers', '  127.0.0.3:9999: failed: peer down: connection refused (took 0 of 3 chunks)'], err: '' });
    expect(uploads.get('notes.txt')?.equals(bytes)).toBe(true);

    const copy = join(dataDir, 'copy.txt');
    expect(await mesh(['download', 'notes.txt', '--output', copy, '--gateway', url])).toEqual({ code: 0, out: [`saved notes.txt (19.5 KiB) to ${copy}`], err: '' });
    expect((await readFile(copy)).equals(bytes)).toBe(true);
    expect((await mesh(['download', 'nothing.bin', '--output', join(dataDir, 'x'), '--gateway', url])).err).toBe('mesh: no such file: nothing.bin\n');
  });

  it('send-file says so, and exits 1, when the file reached no peer', async () => {
    const path = join(dataDir, 'nobody.txt');
    await writeFile(path, 'for no one');
    const run = await mesh(['send-file', path, '--gateway', url]);
    expect(run).toEqual({ code: 1, out: [], err: 'mesh: sending nobody.txt (10 B) failed: reached no peer: aaaa1111 at 127.0.0.2:9999: connection refused (took 0 of 1 chunks)\n' });
  });

  it('finds the secret in the node\'s data folder or MESH_SECRET, and says where it looked when it has none', async () => {
    const nowhere = join(dataDir, 'no-such-folder');
    const run = await mesh(['peers', '--gateway', url], undefined, undefined, cleanEnv({ MESH_DATA_DIR: nowhere }));
    expect(run.code).toBe(1);
    expect(run.err).toBe(`mesh: no client secret: cannot read ${join(nowhere, 'client-secret')} (ENOENT); run this as the node's user, give its --data-dir, or set MESH_SECRET\n`);
    expect((await mesh(['peers', '--gateway', url], undefined, undefined, cleanEnv({ MESH_DATA_DIR: nowhere, MESH_SECRET: secret }))).code).toBe(0);
    expect((await mesh(['peers', '--gateway', url, '--data-dir', dataDir], undefined, undefined, cleanEnv({ MESH_DATA_DIR: nowhere }))).code).toBe(0);
    expect((await mesh(['peers', '--gateway', url], undefined, undefined, cleanEnv({ MESH_SECRET: 'wrong' }))).err).toMatch(/^mesh: http:\/\/127\.0\.0\.1:\d+ does not know this client secret \(a wrong secret, or another node\): the secret was not sent/);
  });

  it('never shows the secret to a server that cannot prove it knows it: the default address, a stale node.json, a wrong --gateway', async () => {
    const seen: Array<string | undefined> = [];
    const squatter = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"give me your secret"}');
    });
    await new Promise<void>((done) => squatter.listen(8080, '127.0.0.1', done));
    try {
      const lonely = await mkdtemp(join(tmpdir(), 'mesh-cli-lonely-'));
      await writeFile(join(lonely, 'client-secret'), `${secret}\n`);
      const env = cleanEnv({ MESH_DATA_DIR: lonely });
      // no node runs on this data folder: the default address gets nothing
      const none = await mesh(['peers'], undefined, undefined, env);
      expect(none.err).toBe(`mesh: no client secret: no node runs with the data folder ${lonely} (start it with mesh up, or name its gateway with --gateway); run this as the node's user, give its --data-dir, or set MESH_SECRET\n`);
      // a node.json left behind (its pid reused by a live process) or a --gateway naming the squatter
      await mkdir(join(lonely, 'run'));
      await writeFile(join(lonely, 'run', 'node.json'), JSON.stringify({ pid: process.pid, ui: 'http://127.0.0.1:8080' }));
      for (const args of [['peers'], ['send', 'hi'], ['listen'], ['send-file', join(lonely, 'client-secret')], ['peers', '--gateway', 'http://127.0.0.1:8080']]) {
        const run = await mesh(args, undefined, undefined, env);
        expect(run.code, args.join(' ')).toBe(1);
        expect(run.err, args.join(' ')).toMatch(/^mesh: http:\/\/127\.0\.0\.1:8080 did not prove it knows this node's client secret \(.*\): the secret was not sent\n$/);
      }
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((h) => h === undefined)).toBe(true);
    } finally {
      squatter.closeAllConnections();
      await new Promise((done) => squatter.close(done));
    }
  });

  it('url prints the address that logs a browser in', async () => {
    expect(await mesh(['url', '--gateway', url])).toEqual({ code: 0, out: [`${url}/#secret=${secret}`], err: '' });
  });

  it('files prints a table, or JSON with --json', async () => {
    const run = await mesh(['files', '--gateway', url]);
    expect(run.out[0]).toMatch(/^NAME\s+SIZE\s+MODIFIED$/);
    expect(run.out[1]).toMatch(/^report\.pdf\s+12\.1 KiB\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const json = await mesh(['files', '--json', '--gateway', url]);
    expect(JSON.parse(json.out.join('\n'))).toEqual([{ filename: 'report.pdf', size: 12_345, modified: Date.UTC(2024, 0, 2, 3, 4, 5) }]);
  });

  it('listen --json prints one JSON event per line as they come, and stops cleanly when asked', async () => {
    const stop = new AbortController();
    const lines: string[] = [];
    const running = mesh(['listen', '--json', '--gateway', url], stop.signal, (l) => lines.push(l));
    // the stream is open once a published event shows up
    await waitFor(() => {
      if (lines.length === 0) services.publish(subjects.peerJoined, { peer: peerA });
      return lines.length > 0;
    }, { what: 'the listener to be connected' });
    const before = lines.length;
    services.publish(subjects.chatReceived, chat('in-live', 'live!'));
    services.publish(subjects.peerLeft, { peer: peerA, reason: 'timeout' });
    services.publish(subjects.fileProgress, { fileId: 'f9', filename: 'a.bin', direction: Direction.DIRECTION_IN, bytesDone: 8192, size: 16384, chunksDone: 1, totalChunks: 2 });
    services.publish(subjects.fileReceived, { fileId: 'f9', filename: 'a.bin', size: 16384, sha256: 'cd'.repeat(32), senderId: 'aaaa1111', senderName: 'Alice' });
    services.publish(subjects.fileFailed, { fileId: 'f8', filename: 'b.bin', direction: Direction.DIRECTION_OUT, reason: 'reached no peer: this node has no peers' });
    // (a repeated peer.joined from the connect loop may still come in)
    const later = () => lines.slice(before).map((l) => JSON.parse(l) as { type: string }).filter((e) => e.type !== 'peer.joined');
    await waitFor(() => later().length === 5, { what: 'five more events' });
    const events = later();
    expect(events.map((e) => e.type)).toEqual(['chat', 'peer.left', 'file.progress', 'file.received', 'file.failed']);
    expect(events[0]).toMatchObject({ message: { id: 'in-live', content: 'live!', direction: 'in', from: '127.0.0.2:40000' } });
    stop.abort();
    expect(await running).toMatchObject({ code: 0, err: '' });
  });

  it('listen prints a human line per event', async () => {
    const stop = new AbortController();
    const lines: string[] = [];
    const running = mesh(['listen', '--gateway', url], stop.signal, (l) => lines.push(l));
    await waitFor(() => {
      if (lines.length === 0) services.publish(subjects.peerJoined, { peer: peerA });
      return lines.length > 0;
    }, { what: 'the listener to be connected' });
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d {2}peer joined: Alice \(aaaa1111\) at 127\.0\.0\.2:9999$/);
    const before = lines.length;
    services.publish(subjects.chatReceived, chat('in-human', 'hi there'));
    services.publish(subjects.fileReceived, { fileId: 'f9', filename: 'a.bin', size: 16384, sha256: 'cd'.repeat(32), senderId: 'aaaa1111', senderName: 'Alice' });
    const later = () => lines.slice(before).filter((l) => !l.includes('peer joined'));
    await waitFor(() => later().length === 2, { what: 'two more lines' });
    expect(later()[0]).toMatch(/^\d\d:\d\d:\d\d {2}Alice \(aaaa1111\) \[unauthenticated v1\]: hi there$/);
    expect(later()[1]).toMatch(/ {2}received a\.bin \(16\.0 KiB\) from Alice \(aaaa1111\) \[unauthenticated v1\], sha256 (cd){32}$/);
    stop.abort();
    expect((await running).code).toBe(0);
  });

  it('passes on the gateway\'s error in one line and exits 1', async () => {
    const empty = await mesh(['send', '', '--gateway', url]);
    expect(empty).toEqual({ code: 1, out: [], err: 'mesh: text: must not be empty\n' });
  });
});

describe('mesh client commands when no node answers', () => {
  it('says so in one line and exits 1, for every command', async () => {
    const port = await freePort();
    const where = `http://127.0.0.1:${port}`;
    const expected = `mesh: no meshwork node answers at ${where} (is \`mesh up\` running?)\n`;
    const file = join(dataDir, 'to-send.txt');
    await writeFile(file, 'x');
    for (const args of [['send', 'hi'], ['peers'], ['messages', '--json'], ['send-file', file], ['files'], ['listen'], ['download', 'a.bin']]) {
      const run = await mesh([...args, '--gateway', `${where}/`]);
      expect(run, args.join(' ')).toEqual({ code: 1, out: [], err: expected });
    }
    await expect(new GatewayClient(where).status()).rejects.toBeInstanceOf(GatewayUnreachableError);
  });

  it('says when what answers is not a meshwork node', async () => {
    const other = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    const where = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      expect(await mesh(['peers', '--gateway', where])).toEqual({ code: 1, out: [], err: `mesh: ${where} is not a meshwork node: GET /api/proof answered HTTP 404\n` });
      expect((await mesh(['listen', '--gateway', where])).err).toBe(`mesh: ${where} is not a meshwork node: GET /api/proof answered HTTP 404\n`);
    } finally {
      other.closeAllConnections();
      await new Promise((done) => other.close(done));
    }
  });

  it('rejects a gateway URL that is not http', async () => {
    const run = await mesh(['peers', '--gateway', 'ftp://127.0.0.1:1']);
    expect(run).toEqual({ code: 1, out: [], err: 'mesh: invalid gateway URL "ftp://127.0.0.1:1": must start with http:// or https://\n' });
  });

  it('takes a bare HOST:PORT, as mesh up --gateway does, to mean http', async () => {
    const port = await freePort();
    const run = await mesh(['peers', '--gateway', `127.0.0.1:${port}`]);
    expect(run.err).toBe(`mesh: no meshwork node answers at http://127.0.0.1:${port} (is \`mesh up\` running?)\n`);
  });

  it('bin/mesh.js prints only that line, with no stack trace, and uses MESH_GATEWAY', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [meshBin, 'peers'], { env: cleanEnv({ MESH_GATEWAY: `http://127.0.0.1:${port}` }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    const code = await new Promise<number | null>((done) => child.once('close', done));
    expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: '', stderr: `mesh: no meshwork node answers at http://127.0.0.1:${port} (is \`mesh up\` running?)\n` });
  }, 20_000);
});

describe('mesh listen when the node goes away', () => {
  it('exits 1 saying the connection was lost', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mesh-cli-'));
    const second = await startGateway(nats, dir);
    try {
      const lines: string[] = [];
      const running = mesh(['listen', '--gateway', second.url], undefined, (l) => lines.push(l), cleanEnv({ MESH_DATA_DIR: dir }));
      await waitFor(() => {
        if (lines.length === 0) services.publish(subjects.peerJoined, { peer: peerA });
        return lines.length > 0;
      }, { what: 'the listener to be connected' });
      await second.stop();
      const run = await running;
      expect(run.code).toBe(1);
      expect(run.err).toBe(`mesh: the node at ${second.url} closed the event stream: the node is stopping\n`);
    } finally {
      await second.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
