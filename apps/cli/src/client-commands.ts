// The `mesh` commands that talk to a running node through its gateway: send, peers,
// messages, send-file, files, download, listen, url. They show the node's client secret, read
// from its data folder (or MESH_SECRET). A failure prints one line to stderr and exits 1.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { baseConfigSchema } from '@meshwork/config';
import { api, type ClientEvent, type FileView, type MessageView, type PeerRefView, type PeerView } from '@meshwork/protocol';
import { clientSecretPath, readClientSecret } from '@meshwork/service';
import { isAlive } from './alive.ts';
import { GatewayClient, GatewayError } from './client.ts';

export const DEFAULT_GATEWAY = 'http://127.0.0.1:8080';

export interface ClientOptions {
  /** the node's gateway URL; default MESH_GATEWAY, else the one the node in dataDir runs, else DEFAULT_GATEWAY */
  gateway?: string;
  /** the node's data folder (its client secret); default MESH_DATA_DIR, else mesh up's default */
  dataDir?: string;
  json?: boolean;
  /** wait for each peer's outcome (send, send-file); default true */
  wait?: boolean;
  /** how long to wait for outcomes, in seconds */
  waitSeconds?: string;
  /** where download saves the file */
  output?: string;
}

export interface ClientIo {
  /** one line of output, without its newline */
  out(line: string): void;
  /** ends `listen` and waits (default: Ctrl-C or SIGTERM) */
  signal?: AbortSignal;
  /** ms since the epoch (for "seen 5s ago") */
  now?(): number;
  env?: NodeJS.ProcessEnv;
}

const stdoutIo: ClientIo = { out: (line) => void process.stdout.write(`${line}\n`) };

/**
 * The gateway URL and the secret a client command uses. The secret read from a data folder
 * goes only to the gateway of the node running on that folder, or to one named explicitly:
 * never to whatever happens to listen on the default address.
 */
export function clientContext(opts: ClientOptions, env: NodeJS.ProcessEnv = process.env): { url: string; secret?: string; secretProblem?: string } {
  const dataDir = resolve(opts.dataDir ?? env.MESH_DATA_DIR ?? baseConfigSchema.shape.dataDir.parse(undefined));
  const named = opts.gateway ?? (env.MESH_GATEWAY || undefined);
  const running = runningGateway(dataDir);
  const url = named ?? running ?? DEFAULT_GATEWAY;
  if (env.MESH_SECRET) return { url, secret: env.MESH_SECRET };
  if (!named && !running) return { url, secretProblem: `no node runs with the data folder ${dataDir} (start it with mesh up, or name its gateway with --gateway)` };
  try {
    return { url, secret: readClientSecret(dataDir) };
  } catch (err) {
    return { url, secretProblem: `cannot read ${clientSecretPath(dataDir)} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
}

/** The gateway URL of the node running on dataDir: from its run/node.json, while its launcher lives. */
function runningGateway(dataDir: string): string | undefined {
  const file = join(dataDir, 'run', 'node.json');
  if (!existsSync(file)) return undefined;
  try {
    const { ui, pid } = JSON.parse(readFileSync(file, 'utf8')) as { ui?: unknown; pid?: unknown };
    return typeof ui === 'string' && typeof pid === 'number' && isAlive(pid) ? ui : undefined;
  } catch {
    return undefined;
  }
}

// Formatting

/** Peer-supplied text made safe for a terminal line: no control or bidi characters. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n' ? '\u21b5' : c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const clock = (ms: number) => {
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
};
const dateTime = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${clock(ms)}`;
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function formatAgo(ms: number, now: number): string {
  if (!ms) return 'never';
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86_400)}d ago`;
}

/** Columns padded to their widest cell; the last one is not padded. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** said of what came unsigned (v1): its sender is only a claim */
const UNAUTHENTICATED = ' [unauthenticated v1]';
const who = (m: MessageView) => (m.direction === 'out' ? 'you' : `${printable(m.senderName || '?')} (${printable(m.senderId)})${m.authenticated ? '' : UNAUTHENTICATED}`);
const body = (m: MessageView) => (m.security === 'unreadable' ? '[cannot decrypt (wrong or no password)]' : printable(m.content));
const ref = (p: PeerRefView) => printable([p.nodeId, p.address].filter(Boolean).join(' at ') || '?');
const peerName = (p: PeerView) => `${printable(p.name || '?')} (${printable(p.nodeId || 'not heard yet')})`;

export function formatMessage(m: MessageView): string {
  return `${dateTime(m.timestamp * 1000)}  ${who(m)}: ${body(m)}`;
}

export function formatEvent(e: ClientEvent, now: number): string {
  const at = clock(now);
  switch (e.type) {
    case 'chat':
      return `${clock(e.message.timestamp * 1000)}  ${who(e.message)}: ${body(e.message)}`;
    case 'peer.joined':
      return `${at}  peer joined: ${peerName(e.peer)} at ${printable(e.peer.host)}:${e.peer.port}`;
    case 'peer.left':
      return `${at}  peer left: ${peerName(e.peer)} (${printable(e.reason || 'gone')})`;
    case 'peer.updated':
      return `${at}  peer ${peerName(e.peer)}: ${printable(e.reason)}`;
    case 'chat.delivery':
      return `${at}  message ${printable(e.messageId.slice(0, 8))} ${e.ok ? 'delivered to' : 'not delivered to'} ${ref(e.peer)}${e.ok ? '' : `: ${printable(e.error ?? '')}`}`;
    case 'file.sent':
      return `${at}  sent ${printable(e.filename)} to ${e.peers.filter((p) => p.ok).length} of ${plural(e.peers.length, 'peer')}`;
    case 'file.progress':
      return `${at}  ${e.direction === 'in' ? 'receiving' : 'sending'} ${printable(e.filename)}: ${e.chunksDone}/${e.totalChunks} chunks, ${formatSize(e.bytesDone)} of ${formatSize(e.size)}`;
    case 'file.received':
      return `${at}  received ${printable(e.filename)} (${formatSize(e.size)}) from ${printable(e.senderName || '?')} (${printable(e.senderId)})${e.authenticated ? '' : UNAUTHENTICATED}, sha256 ${printable(e.sha256)}`;
    case 'file.failed':
      return `${at}  ${e.direction === 'in' ? 'receiving' : 'sending'} ${printable(e.filename)} failed: ${printable(e.reason)}`;
  }
}

// Commands

function client(opts: ClientOptions, io: ClientIo): GatewayClient {
  const { url, secret, secretProblem } = clientContext(opts, io.env);
  return new GatewayClient(url, { secret, missingSecret: secretProblem });
}

const waitMs = (opts: ClientOptions) => Math.max(0, Number(opts.waitSeconds ?? 10)) * 1000;

/**
 * Runs `act` with the event stream already open, then gathers events until `done` says the
 * outcome is complete, or `idleMs` pass without an event that `related` says is about it.
 */
async function withOutcome<T>(
  c: GatewayClient,
  io: ClientIo,
  act: () => Promise<T>,
  done: (result: T, events: ClientEvent[]) => boolean,
  idleMs: number,
  related: (result: T, event: ClientEvent) => boolean = () => false,
): Promise<{ result: T; events: ClientEvent[] }> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  io.signal?.addEventListener('abort', onAbort, { once: true });
  const events: ClientEvent[] = [];
  let result: { value: T } | undefined;
  let deadline: NodeJS.Timeout | undefined;
  /** the stream ended (with its error, if it failed) */
  let ended: { error?: unknown } | undefined;
  // one waiter at a time, woken by an event, the end of the stream, or the end of waiting
  let wake = () => {};
  stop.signal.addEventListener('abort', () => wake(), { once: true });
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const reading = (async () => {
    try {
      for await (const e of c.events({ signal: stop.signal, onOpen: opened })) {
        events.push(e);
        if (result && related(result.value, e)) deadline?.refresh();
        wake();
      }
      ended = {};
    } catch (error) {
      ended = { error };
      throw error;
    } finally {
      wake();
    }
  })();
  try {
    await Promise.race([open, reading]);
    result = { value: await act() };
    deadline = setTimeout(() => stop.abort(), idleMs);
    while (!done(result.value, events) && !stop.signal.aborted && !ended) await new Promise<void>((resolve) => (wake = resolve));
    if (ended?.error) throw ended.error;
    return { result: result.value, events };
  } finally {
    clearTimeout(deadline);
    stop.abort();
    io.signal?.removeEventListener('abort', onAbort);
    await reading.catch(() => undefined);
  }
}

export async function sendCommand(words: string[], opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const text = words.join(' ');
  const c = client(opts, io);
  if (opts.wait === false) {
    const r = await c.sendChat(text);
    return io.out(`queued for ${plural(r.targets.length, 'peer')}`);
  }
  const deliveriesOf = (id: string, events: ClientEvent[]) =>
    events.filter((e): e is Extract<ClientEvent, { type: 'chat.delivery' }> => e.type === 'chat.delivery' && e.messageId === id);
  const { result, events } = await withOutcome(c, io, () => c.sendChat(text), (r, ev) => deliveriesOf(r.message.id, ev).length >= r.targets.length, waitMs(opts));
  const deliveries = deliveriesOf(result.message.id, events);
  if (result.targets.length === 0) throw new GatewayError('sent to no one: this node has no peers (the message is in the history)', 0);
  const delivered = deliveries.filter((d) => d.ok);
  io.out(`delivered to ${delivered.length} of ${plural(result.targets.length, 'peer')}`);
  for (const d of deliveries.filter((x) => !x.ok)) io.out(`  ${ref(d.peer)}: failed: ${printable(d.error ?? '')}`);
  const reported = new Set(deliveries.map((d) => `${d.peer.nodeId}|${d.peer.address}`));
  const pending = result.targets.filter((t) => !reported.has(`${t.nodeId}|${t.address}`) && !deliveries.some((d) => d.peer.nodeId && d.peer.nodeId === t.nodeId));
  for (const t of pending) io.out(`  ${ref(t)}: no outcome yet`);
  if (delivered.length === 0 && deliveries.length === result.targets.length) throw new GatewayError('no peer took the message', 0);
}

export async function peersCommand(opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const peers = await client(opts, io).peers();
  if (opts.json) return io.out(JSON.stringify(peers, null, 2));
  if (peers.length === 0) return io.out('no peers yet');
  const now = io.now?.() ?? Date.now();
  const state = (p: PeerView) => (p.dialect === 'v2' ? (p.linked ? 'linked' : 'not linked') : p.down ? `down: ${printable(p.lastError ?? '')}` : 'up');
  // a v2 peer is shown by its fingerprint (what people compare), a v1 peer by the id it claims
  const id = (p: PeerView) => printable(p.fingerprint || p.nodeId || '-');
  const rows = peers.map((p) => [printable(p.name || '?'), id(p), `${printable(p.host)}:${p.port}`, p.dialect, formatAgo(p.lastSeen, now), p.static ? 'yes' : 'no', state(p)]);
  for (const line of table(['NAME', 'ID', 'ADDRESS', 'DIALECT', 'LAST SEEN', 'STATIC', 'STATE'], rows)) io.out(line);
}

export async function messagesCommand(opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const messages = await client(opts, io).messages();
  if (opts.json) return io.out(JSON.stringify(messages, null, 2));
  if (messages.length === 0) return io.out('no messages yet');
  for (const m of messages) io.out(formatMessage(m));
}

export async function sendFileCommand(path: string, opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const c = client(opts, io);
  const upload = () => c.sendFile(resolve(path));
  if (opts.wait === false) {
    const r = await upload();
    return io.out(`sending ${printable(r.filename)} (${formatSize(r.size)}) as file ${printable(r.fileId)} in ${plural(r.totalChunks, 'chunk')}`);
  }
  type Outcome = Extract<ClientEvent, { type: 'file.sent' | 'file.failed' }>;
  const outcomeOf = (id: string, events: ClientEvent[]) =>
    events.find((e): e is Outcome => (e.type === 'file.sent' || (e.type === 'file.failed' && e.direction === 'out')) && e.fileId === id);
  // a large file takes its time: the wait ends only after a minute without news of the file
  // (Ctrl-C stops waiting, not the transfer)
  const aboutIt = (r: { fileId: string }, e: ClientEvent) => 'fileId' in e && e.fileId === r.fileId;
  const { result, events } = await withOutcome(c, io, upload, (r, ev) => !!outcomeOf(r.fileId, ev), 60_000, aboutIt);
  const outcome = outcomeOf(result.fileId, events);
  const what = `${printable(result.filename)} (${formatSize(result.size)})`;
  if (!outcome) return io.out(`sending ${what} as file ${printable(result.fileId)}: no outcome yet`);
  if (outcome.type === 'file.failed') throw new GatewayError(`sending ${what} failed: ${printable(outcome.reason)}`, 0);
  io.out(`sent ${what} to ${outcome.peers.filter((p) => p.ok).length} of ${plural(outcome.peers.length, 'peer')}`);
  for (const p of outcome.peers.filter((x) => !x.ok)) io.out(`  ${ref(p.peer)}: failed: ${printable(p.error ?? '')}`);
}

export async function filesCommand(opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const files: FileView[] = await client(opts, io).files();
  if (opts.json) return io.out(JSON.stringify(files, null, 2));
  if (files.length === 0) return io.out('no files received yet');
  for (const line of table(['NAME', 'SIZE', 'MODIFIED'], files.map((f) => [printable(f.filename), formatSize(f.size), dateTime(f.modified)]))) io.out(line);
}

export async function downloadCommand(name: string, opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const dest = resolve(opts.output ?? basename(name));
  const size = await client(opts, io).download(name, dest);
  io.out(`saved ${printable(name)} (${formatSize(size)}) to ${printable(dest)}`);
}

/** The URL that logs a browser in (it carries the secret: it is printed, never logged). */
export async function urlCommand(opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const { url, secret, secretProblem } = clientContext(opts, io.env);
  if (!secret) throw new GatewayError(`no client secret: ${secretProblem}`, 0);
  io.out(`${url}/#${api.auth.fragment}=${secret}`);
}

/** Prints each event as it comes until io.signal aborts; throws if the connection drops. */
export async function listenCommand(opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const stop = io.signal ? undefined : stopOnSignals();
  try {
    for await (const event of client(opts, io).events({ signal: io.signal ?? stop!.signal })) {
      io.out(opts.json ? JSON.stringify(event) : formatEvent(event, io.now?.() ?? Date.now()));
    }
  } finally {
    stop?.dispose();
  }
}

function stopOnSignals(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    },
  };
}

/**
 * Adds the client commands to `program`. A failing command prints `mesh: <one line>` through
 * the command's error output and exits 1 (commander's exit: see Command.exitOverride).
 * Configure output and exit on `program` before calling this: subcommands copy them.
 */
export function registerClientCommands(program: Command, io: ClientIo = stdoutIo): Command {
  const run = (action: (cmd: Command) => Promise<void>) =>
    async function (this: Command) {
      try {
        await action(this);
      } catch (err) {
        const message = String((err as Error)?.message ?? err).split('\n')[0];
        // a failure of the node, not of the command line: no usage after it
        this.showHelpAfterError(false);
        this.error(`mesh: ${message}`, { exitCode: 1, code: 'mesh.client' });
      }
    };
  const opts = (cmd: Command) => cmd.opts<ClientOptions>();
  const common = (cmd: Command) =>
    cmd
      .option('--gateway <url>', 'URL of the node\'s gateway (env MESH_GATEWAY; default: the node running on --data-dir, else 127.0.0.1:8080)')
      .option('--data-dir <dir>', 'the node\'s data folder, where its client secret is (env MESH_DATA_DIR; or give the secret in MESH_SECRET)');

  common(program.command('send').description('send a chat message to every peer, and tell each peer\'s outcome'))
    .argument('<text...>', 'the message (words are joined with spaces)')
    .option('--no-wait', 'do not wait for the peers\' outcomes')
    .option('--wait-seconds <n>', 'how long to wait for them', '10')
    .action(run((cmd) => sendCommand(cmd.args, opts(cmd), io)));

  common(program.command('peers').description('list the peers this node knows'))
    .option('--json', 'print JSON')
    .action(run((cmd) => peersCommand(opts(cmd), io)));

  common(program.command('messages').description('print the chat history, oldest first'))
    .option('--json', 'print JSON')
    .action(run((cmd) => messagesCommand(opts(cmd), io)));

  common(program.command('send-file').description('send a file to every peer (its bytes go to the node), and tell each peer\'s outcome'))
    .argument('<path>', 'the file')
    .option('--no-wait', 'do not wait for the outcome')
    .action(run((cmd) => sendFileCommand(cmd.args[0]!, opts(cmd), io)));

  common(program.command('files').description('list the files received'))
    .option('--json', 'print JSON')
    .action(run((cmd) => filesCommand(opts(cmd), io)));

  common(program.command('download').description('save a received file here'))
    .argument('<name>', 'its name, as `mesh files` shows it')
    .option('-o, --output <path>', 'where to save it (default: ./NAME)')
    .action(run((cmd) => downloadCommand(cmd.args[0]!, opts(cmd), io)));

  common(program.command('listen').description('print events (chats, deliveries, peers, files) as they come, until Ctrl-C'))
    .option('--json', 'one JSON object per line')
    .action(run((cmd) => listenCommand(opts(cmd), io)));

  common(program.command('url').description('print the URL that opens this node in a browser (it carries the client secret)'))
    .action(run((cmd) => urlCommand(opts(cmd), io)));

  return program;
}
