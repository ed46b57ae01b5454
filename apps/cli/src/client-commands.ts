// The `mesh` commands that talk to a running node through its gateway: send, peers,
// messages, send-file, files, listen. A failure prints one line to stderr and exits 1.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ClientEvent, FileView, MessageView, PeerView } from '@meshwork/protocol';
import { GatewayClient } from './client.ts';

export const DEFAULT_GATEWAY = 'http://127.0.0.1:8080';

/** --gateway's default: MESH_GATEWAY, else the default gateway address. */
export const defaultGateway = (env: NodeJS.ProcessEnv = process.env): string => env.MESH_GATEWAY || DEFAULT_GATEWAY;

export interface ClientOptions {
  gateway: string;
  json?: boolean;
}

export interface ClientIo {
  /** one line of output, without its newline */
  out(line: string): void;
  /** ends `listen` (default: Ctrl-C or SIGTERM) */
  signal?: AbortSignal;
  /** ms since the epoch (for "seen 5s ago") */
  now?(): number;
}

const stdoutIo: ClientIo = { out: (line) => void process.stdout.write(`${line}\n`) };

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
const who = (m: MessageView) => (m.direction === 'out' ? 'you' : `${printable(m.senderName || '?')} (${printable(m.senderId)})`);
const body = (m: MessageView) => (m.encrypted ? '[encrypted: this node does not have the password]' : printable(m.content));
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
    case 'file.progress':
      return `${at}  ${e.direction === 'in' ? 'receiving' : 'sending'} ${printable(e.filename)}: ${e.chunksDone}/${e.totalChunks} chunks, ${formatSize(e.bytesDone)} of ${formatSize(e.size)}`;
    case 'file.received':
      return `${at}  received ${printable(e.filename)} (${formatSize(e.size)}) from ${printable(e.senderName || '?')} (${printable(e.senderId)}), sha256 ${printable(e.sha256)}`;
    case 'file.failed':
      return `${at}  ${e.direction === 'in' ? 'receiving' : 'sending'} ${printable(e.filename)} failed: ${printable(e.reason)}`;
  }
}

// Commands

const client = (opts: ClientOptions) => new GatewayClient(opts.gateway);

export async function sendCommand(words: string[], opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const text = words.join(' ');
  const result = await client(opts).sendChat(text);
  io.out(`sent to ${result.delivered} of ${plural(result.peers, 'peer')}`);
}

export async function peersCommand(opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const peers = await client(opts).peers();
  if (opts.json) return io.out(JSON.stringify(peers, null, 2));
  if (peers.length === 0) return io.out('no peers yet');
  const now = io.now?.() ?? Date.now();
  const rows = peers.map((p) => [printable(p.name || '?'), printable(p.nodeId || '-'), `${printable(p.host)}:${p.port}`, formatAgo(p.lastSeen, now), p.static ? 'yes' : 'no']);
  for (const line of table(['NAME', 'NODE ID', 'ADDRESS', 'LAST SEEN', 'STATIC'], rows)) io.out(line);
}

export async function messagesCommand(opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const messages = await client(opts).messages();
  if (opts.json) return io.out(JSON.stringify(messages, null, 2));
  if (messages.length === 0) return io.out('no messages yet');
  for (const m of messages) io.out(formatMessage(m));
}

export async function sendFileCommand(path: string, opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const r = await client(opts).sendFile(resolve(path));
  io.out(`sending ${printable(r.filename)} (${formatSize(r.size)}) as file ${printable(r.fileId)} in ${plural(r.totalChunks, 'chunk')}`);
}

export async function filesCommand(opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const files: FileView[] = await client(opts).files();
  if (opts.json) return io.out(JSON.stringify(files, null, 2));
  if (files.length === 0) return io.out('no files received yet');
  for (const line of table(['NAME', 'SIZE', 'MODIFIED'], files.map((f) => [printable(f.filename), formatSize(f.size), dateTime(f.modified)]))) io.out(line);
}

/** Prints each event as it comes until io.signal aborts; throws if the connection drops. */
export async function listenCommand(opts: ClientOptions, io: ClientIo = stdoutIo): Promise<void> {
  const stop = io.signal ? undefined : stopOnSignals();
  try {
    for await (const event of client(opts).events({ signal: io.signal ?? stop!.signal })) {
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
  const gateway = defaultGateway();
  const gatewayHelp = 'URL of the node\'s gateway (env MESH_GATEWAY)';

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

  program
    .command('send')
    .description('send a chat message to every peer')
    .argument('<text...>', 'the message (words are joined with spaces)')
    .option('--gateway <url>', gatewayHelp, gateway)
    .action(run((cmd) => sendCommand(cmd.args, opts(cmd), io)));

  program
    .command('peers')
    .description('list the peers this node knows')
    .option('--json', 'print JSON')
    .option('--gateway <url>', gatewayHelp, gateway)
    .action(run((cmd) => peersCommand(opts(cmd), io)));

  program
    .command('messages')
    .description('print the chat history, oldest first')
    .option('--json', 'print JSON')
    .option('--gateway <url>', gatewayHelp, gateway)
    .action(run((cmd) => messagesCommand(opts(cmd), io)));

  program
    .command('send-file')
    .description('send a file to every peer')
    .argument('<path>', 'the file (relative to the current folder)')
    .option('--gateway <url>', gatewayHelp, gateway)
    .action(run((cmd) => sendFileCommand(cmd.args[0]!, opts(cmd), io)));

  program
    .command('files')
    .description('list the files received')
    .option('--json', 'print JSON')
    .option('--gateway <url>', gatewayHelp, gateway)
    .action(run((cmd) => filesCommand(opts(cmd), io)));

  program
    .command('listen')
    .description('print events (chats, peers, files) as they come, until Ctrl-C')
    .option('--json', 'one JSON object per line')
    .option('--gateway <url>', gatewayHelp, gateway)
    .action(run((cmd) => listenCommand(opts(cmd), io)));

  return program;
}
