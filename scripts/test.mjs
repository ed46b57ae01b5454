#!/usr/bin/env node
// `npm test`: every test, inside a private network namespace holding only loopback.
// Unit tests (libs/*, apps/*) run in parallel, then the multi-node integration tests (test/)
// one file at a time. Ends with one line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status;
if (run(process.execPath, ['scripts/ensure-nats-server.mjs']) !== 0) process.exit(1);

const extra = process.argv.slice(2);
const suites = [
  { name: 'unit', args: ['--config', 'vitest.config.ts'] },
  { name: 'integration', args: ['--root', 'test'] },
];
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;
for (const suite of suites) {
  const report = join(results, `${suite.name}.json`);
  const status = run(process.execPath, [
    'scripts/netns.mjs', 'npx', 'vitest', 'run', ...suite.args,
    '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra,
  ]);
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    if (status !== 0 && r.numFailedTests === 0) failedRuns++;
  } catch {
    console.error(`${suite.name}: no report from vitest (exit ${status})`);
    failedRuns++;
  }
}
const summary = `${totals.passed} passed, ${totals.failed + failedRuns} failed, ${totals.skipped} skipped`;
writeFileSync(join(results, 'summary.txt'), `${summary}\n`);
console.log(`\n${summary}`);
process.exit(totals.failed + failedRuns > 0 ? 1 : 0);
