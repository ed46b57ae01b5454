// Two v2 nodes with one network password: a capture of every TCP byte between them (tcpdump on
// lo, in this test's private namespace) holds neither the chat text nor any 32-byte run of a
// file sent, raw or base64; a third node with another password never links with them.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type MessageView, type PeerView } from '@meshwork/protocol';
import { startNode, startPair, waitFor, type TestNode } from '@meshwork/testing';
import { files, randomFile, sha256File } from './helpers.ts';

const hostA = '127.0.0.40';
const hostB = '127.0.0.41';
const hostC = '127.0.0.42';
const PASSWORD = { MESH_PASSWORD: 'correct horse battery staple' };
const OTHER_PASSWORD = { MESH_PASSWORD: 'incorrect horse battery staple' };
const FILE_BYTES = 256 * 1024;
/** how long the node with the other password is watched, never linked */
const UNLINKED_FOR_MS = 8000;

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {
      // not here
    }
  }
  return undefined;
}

const tcpdump = onPath('tcpdump');

let a: TestNode;
let b: TestNode;
let scratch: string;
let capture: Capture | undefined;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'mesh-capture-'));
  // started before the nodes, so that the capture holds their handshakes too
  if (tcpdump) capture = await startCapture(tcpdump, join(scratch, 'link.pcap'), `tcp and host ${hostA} and host ${hostB}`);
  [a, b] = await startPair({ name: 'Alice', host: hostA, env: PASSWORD }, { name: 'Bob', host: hostB, env: PASSWORD });
  await waitFor(async () => (await linked(a, b)) && (await linked(b, a)), { what: 'Alice and Bob linked (one network salt, one password)', timeoutMs: 60_000 });
});

afterAll(async () => {
  await capture?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  await rm(scratch, { recursive: true, force: true });
});

const auth = (node: TestNode) => ({ authorization: `${api.auth.scheme} ${node.secret}` });

async function getJson<T>(node: TestNode, route: string): Promise<T> {
  const response = await fetch(`${node.gateway}${route}`, { headers: auth(node) });
  if (!response.ok) throw new Error(`${node.name}: GET ${route} answered ${response.status}`);
  return (await response.json()) as T;
}

const peerViews = (node: TestNode) => getJson<PeerView[]>(node, api.routes.peers);

async function linked(x: TestNode, y: TestNode): Promise<boolean> {
  return (await peerViews(x)).some((p) => p.nodeId === y.nodeId && p.linked);
}

async function postChat(node: TestNode, text: string): Promise<void> {
  const response = await fetch(`${node.gateway}${api.routes.messages}`, { method: 'POST', headers: { ...auth(node), 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  if (response.status !== 201) throw new Error(`${node.name}: chat answered ${response.status}`);
}

interface Capture {
  /** ends tcpdump; resolves with what it said on stderr (its counts) */
  stop(): Promise<string>;
  readonly file: string;
}

async function startCapture(bin: string, file: string, filter: string): Promise<Capture> {
  // -U: each packet written as it comes; --immediate-mode: none held back in the ring buffer; -Z root: no privilege drop
  const child: ChildProcess = spawn(bin, ['-i', 'lo', '-w', file, '-U', '--immediate-mode', '-Z', 'root', '-B', '32768', '-s', '0', filter], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(() => {
    if (child.exitCode !== null) throw new Error(`tcpdump exited: ${stderr}`);
    return stderr.includes('listening on lo');
  }, { what: 'tcpdump listening' });
  return {
    file,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
      return stderr;
    },
  };
}

/** The TCP payload of each direction of each connection in a pcap file, in capture order (loopback neither reorders nor loses). */
function tcpStreams(pcap: Buffer): { streams: Map<string, Buffer>; truncated: number } {
  const magic = pcap.readUInt32LE(0);
  if (magic !== 0xa1b2c3d4 && magic !== 0xa1b23c4d) throw new Error(`not a little-endian pcap file (magic ${magic.toString(16)})`);
  const linkType = pcap.readUInt32LE(20);
  const linkHeader = ({ 1: 14, 113: 16, 276: 20, 0: 4, 12: 0, 101: 0 } as Record<number, number>)[linkType];
  if (linkHeader === undefined) throw new Error(`link type ${linkType} not understood`);
  const parts = new Map<string, Buffer[]>();
  let truncated = 0;
  for (let at = 24; at + 16 <= pcap.length; ) {
    const saved = pcap.readUInt32LE(at + 8);
    const original = pcap.readUInt32LE(at + 12);
    const frame = pcap.subarray(at + 16, at + 16 + saved);
    at += 16 + saved;
    if (saved < original) truncated++;
    const ip = frame.subarray(linkHeader);
    if (ip.length < 20 || ip[0]! >> 4 !== 4 || ip[9] !== 6) continue;
    const ipHeader = (ip[0]! & 0x0f) * 4;
    const tcp = ip.subarray(ipHeader, ip.readUInt16BE(2));
    const payload = tcp.subarray((tcp[12]! >> 4) * 4);
    if (payload.length === 0) continue;
    const key = `${ip.subarray(12, 16).join('.')}:${tcp.readUInt16BE(0)} > ${ip.subarray(16, 20).join('.')}:${tcp.readUInt16BE(2)}`;
    parts.set(key, [...(parts.get(key) ?? []), payload]);
  }
  return { streams: new Map([...parts].map(([k, v]) => [k, Buffer.concat(v)])), truncated };
}

/** The base64 of text's bytes at the three alignments it can have inside a longer base64 string (whole groups only). */
function base64Forms(bytes: Buffer): string[] {
  return [0, 1, 2].map((skip) => {
    const usable = Math.floor((bytes.length - skip) / 3) * 3;
    return bytes.subarray(skip, skip + usable).toString('base64');
  });
}

const RUN = 32;

/** What to look for in the captured bytes: the chat text, raw or base64, and every 32-byte run of the file, raw or base64. */
class Needles {
  readonly #texts: Array<{ what: string; bytes: Buffer }>;
  readonly #raw = new Set<string>();
  readonly #base64 = new Set<string>();

  constructor(chat: string, file: Buffer) {
    const text = Buffer.from(chat);
    this.#texts = [{ what: 'the chat text', bytes: text }, ...base64Forms(text).map((b, i) => ({ what: `the chat text in base64 (alignment ${i})`, bytes: Buffer.from(b) }))];
    for (let i = 0; i + RUN <= file.length; i++) this.#raw.add(file.toString('latin1', i, i + RUN));
    // chunk_data is the base64 of each 8192-byte chunk: it lines up with one of the file's three alignments, in whole 4-character groups
    for (const form of base64Forms(file)) for (let i = 0; i + RUN <= form.length; i += 4) this.#base64.add(form.slice(i, i + RUN));
  }

  /** What of the needles occurs in haystack: each kind once, with where it first does and how often. */
  find(haystack: Buffer): string[] {
    const found = new Map<string, { first: number; count: number }>();
    const saw = (what: string, at: number) => {
      const f = found.get(what);
      if (f) f.count++;
      else found.set(what, { first: at, count: 1 });
    };
    for (const t of this.#texts) {
      const at = haystack.indexOf(t.bytes);
      if (at >= 0) saw(t.what, at);
    }
    for (let i = 0; i + RUN <= haystack.length; i++) {
      const run = haystack.toString('latin1', i, i + RUN);
      if (this.#raw.has(run)) saw('a 32-byte run of the file', i);
      else if (this.#base64.has(run)) saw('32 characters of the file\'s base64', i);
    }
    return [...found].map(([what, f]) => `${what} (${f.count} times, first at byte ${f.first})`);
  }
}

describe('two v2 nodes with one network password', () => {
  it.skipIf(!tcpdump)(`leave neither chat text nor any 32-byte run of a file in a capture of every TCP byte between them${tcpdump ? '' : ' (skipped: tcpdump is not installed)'}`, async () => {
    const chat = `meet at the old mill at midnight ${randomUUID()}`;
    const src = await randomFile(scratch, 'secret-plans.bin', FILE_BYTES);
    const file = await readFile(src.path);
    const needles = new Needles(chat, file);
    // the search finds what it looks for, wherever a sealed frame would have put it in clear
    const inClear = Buffer.concat([
      Buffer.from(JSON.stringify({ type: 'chat', content: chat })),
      Buffer.from(JSON.stringify({ type: 'file_chunk', chunk_data: file.subarray(5 * 8192, 6 * 8192).toString('base64') })),
      Buffer.from('x'),
      file.subarray(1001, 1001 + RUN),
    ]);
    expect(needles.find(inClear).map((f) => f.replace(/ \(.*\)$/, '')).sort()).toEqual(['32 characters of the file\'s base64', 'a 32-byte run of the file', 'the chat text']);
    expect(needles.find(Buffer.from(Buffer.from(`ab${chat}`).toString('base64')))).toEqual([expect.stringMatching(/^the chat text in base64/)]);

    await postChat(a, chat);
    await postChat(b, `re: ${chat}`);
    const sent = await a.mesh('send-file', src.path);
    expect(sent.code, sent.stderr).toBe(0);
    await waitFor(async () => (await getJson<MessageView[]>(b, api.routes.messages)).some((m) => m.content === chat && m.security === 'password' && m.authenticated), { what: 'the chat at Bob, decrypted' });
    await waitFor(async () => (await getJson<MessageView[]>(a, api.routes.messages)).some((m) => m.content === `re: ${chat}`), { what: 'Bob\'s answer at Alice' });
    await waitFor(async () => (await files(b)).some((f) => f.filename === 'secret-plans.bin'), { what: 'the file at Bob', timeoutMs: 60_000 });
    expect(await sha256File(join(b.downloads, 'secret-plans.bin'))).toBe(src.sha256);

    const said = await capture!.stop();
    expect(said).toMatch(/\b0 packets dropped by kernel/);
    const { streams, truncated } = tcpStreams(await readFile(capture!.file));
    expect(truncated, 'packets cut short by the capture').toBe(0);
    const total = [...streams.values()].reduce((n, s) => n + s.length, 0);
    console.log(`captured ${total} bytes of TCP payload in ${streams.size} directions: ${[...streams].map(([k, s]) => `${k}: ${s.length}`).join(', ')}`);
    // the capture did see the link: its handshake, sealed frames, and at least the file's size of them
    const all = Buffer.concat([...streams.values()]);
    expect(all.includes('"protocol":"Noise_XXpsk0_25519_ChaChaPoly_SHA256"')).toBe(true);
    expect(all.includes('{"type":"sealed","d":"')).toBe(true);
    expect(total).toBeGreaterThan((FILE_BYTES * 4) / 3);
    for (const [key, stream] of streams) expect(needles.find(stream), `found in ${key}`).toEqual([]);
  });

  it(`never link with a node that has another password (watched for ${UNLINKED_FOR_MS} ms), which logs why`, async () => {
    // the same network salt as theirs, so that only the password differs
    const dataC = await mkdtemp(join(tmpdir(), 'mesh-Carol-'));
    const salt = await readFile(join(a.dataDir, 'network-salt'), 'utf8');
    expect(await readFile(join(b.dataDir, 'network-salt'), 'utf8'), 'Alice and Bob agree on the network salt').toBe(salt);
    await writeFile(join(dataC, 'network-salt'), salt, { mode: 0o600 });
    const c = await startNode({ name: 'Carol', host: hostC, dataDir: dataC, peers: [a.address, b.address], env: OTHER_PASSWORD });
    try {
      // Carol hears them, and they her: each side dials the other
      await waitFor(async () => {
        const heard = (await peerViews(c)).filter((p) => p.dialect === 'v2').map((p) => p.nodeId);
        return heard.includes(a.nodeId) && heard.includes(b.nodeId);
      }, { what: 'Carol hears Alice and Bob', timeoutMs: 30_000 });
      const refused = await c.waitForLog((l) => l.msg === 'link handshake refused', 'Carol refusing a handshake', 30_000);
      expect(refused.reason).toMatch(/^handshake failed: .*authentication failed.*\(a different network password, or network salt\?\)$/);
      await a.waitForLog((l) => l.msg === 'link handshake refused' && String(l.peer).startsWith(`${hostC}:`), 'Alice refusing Carol\'s handshake', 30_000);

      const watchedFrom = Date.now();
      while (Date.now() - watchedFrom < UNLINKED_FOR_MS) {
        const [ofC, ofA, ofB] = await Promise.all([peerViews(c), peerViews(a), peerViews(b)]);
        expect(ofC.filter((p) => p.linked).map((p) => p.name), 'Carol\'s links').toEqual([]);
        expect(ofA.filter((p) => p.nodeId === c.nodeId && p.linked), 'Alice linked to Carol').toEqual([]);
        expect(ofB.filter((p) => p.nodeId === c.nodeId && p.linked), 'Bob linked to Carol').toEqual([]);
        await sleep(250);
      }
      expect(c.logs.filter((l) => l.msg === 'link up')).toEqual([]);
      expect(await linked(a, b)).toBe(true);
    } finally {
      await c.stop();
    }
  });
});
