import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { subjects } from './subjects.ts';

describe('the subject table', () => {
  it('declares each subject once, versioned under mesh.v1', () => {
    const names = Object.values(subjects).map((s) => s.subject);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^mesh\.v1\.[a-z.]+$/);
  });

  it('gives every subject a codec that round trips an empty message', () => {
    for (const def of Object.values(subjects)) {
      const codecs = def.kind === 'event' ? [def.type] : [def.request, def.reply];
      for (const c of codecs) expect(c.decode(c.encode({} as never).finish())).toBeTruthy();
    }
  });

  it('decodes 64-bit sizes as plain numbers', () => {
    const big = 5 * 2 ** 32 + 7;
    const decoded = subjects.fileProgress.type.decode(subjects.fileProgress.type.encode({ size: big, bytesDone: 3 }).finish());
    expect(decoded.size).toBe(big);
    expect(typeof decoded.bytesDone).toBe('number');
  });

  it('has generated code that matches events.proto', () => {
    const out = mkdtempSync(join(tmpdir(), 'pbjs-'));
    const root = new URL('..', import.meta.url).pathname;
    execFileSync(process.execPath, [join(root, 'scripts/generate.mjs'), out], { stdio: 'pipe' });
    for (const f of ['events.js', 'events.d.ts']) {
      expect(readFileSync(join(out, f), 'utf8'), `src/gen/${f} is stale: run npx nx run protocol:generate`).toBe(readFileSync(join(root, 'src/gen', f), 'utf8'));
    }
  });
});
