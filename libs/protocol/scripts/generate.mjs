// Generates the protobuf classes of src/events.proto into src/gen (or the folder given).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = process.argv[2] ?? join(root, 'src/gen');
const js = join(out, 'events.js');
const run = (bin, args) => execFileSync(join(root, '../../node_modules/.bin', bin), args, { cwd: root, stdio: 'inherit' });

run('pbjs', ['-t', 'static-module', '-w', 'es6', '--force-number', '--no-verify', '--no-convert', '--no-delimited', '--no-service', '-o', js, 'src/events.proto']);
run('pbts', ['-o', join(out, 'events.d.ts'), js]);
