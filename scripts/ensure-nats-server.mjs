#!/usr/bin/env node
// Makes sure nats-server is installed: on PATH or MESH_NATS_SERVER; else installs Debian's
// package when it can (root + apt-get), else says exactly how.
import { spawnSync } from 'node:child_process';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const INSTALL = 'sudo apt-get install -y nats-server';

if (process.env.MESH_NATS_SERVER || has('nats-server')) process.exit(0);
if (process.getuid?.() === 0 && has('apt-get')) {
  console.error('nats-server is missing: installing it with apt-get');
  const apt = (...args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (apt('install', '-y', '-q', 'nats-server') || (apt('update', '-q') && apt('install', '-y', '-q', 'nats-server'))) process.exit(0);
}
console.error(`nats-server is missing. Install it with:\n  ${INSTALL}\n(or point MESH_NATS_SERVER at a nats-server binary)`);
process.exit(1);
