#!/usr/bin/env node
// Runs a command inside a private network namespace holding only loopback (up), so that
// nothing it starts can reach the machine's real network: `node scripts/netns.mjs CMD ARGS...`.
// Inside such a namespace already, it just runs the command.
import { spawnSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: node scripts/netns.mjs COMMAND [ARGS...]');
  process.exit(2);
}

const onlyLoopback = Object.values(networkInterfaces()).every((list) => list?.every((i) => i.internal));
const loopbackUp = Object.keys(networkInterfaces()).includes('lo');

let result;
if (onlyLoopback && loopbackUp) {
  result = spawnSync(cmd, args, { stdio: 'inherit' });
} else {
  const quoted = [cmd, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const unshareFlags = process.getuid?.() === 0 ? '-n' : '-rn';
  result = spawnSync('unshare', [unshareFlags, 'sh', '-c', `ip link set lo up && exec ${quoted}`], { stdio: 'inherit' });
  if (result.error) {
    console.error(`cannot enter a private network namespace (${result.error.message}); need util-linux unshare and iproute2 ip`);
    process.exit(1);
  }
}
process.exit(result.status ?? 1);
