import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LaunchError } from './errors.ts';
import { loadIdentity } from './identity.ts';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'identity-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the node identity', () => {
  it('is made once, private to its owner, and kept', () => {
    const dir = folder();
    const first = loadIdentity(dir);
    expect(first.nodeId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect((statSync(join(dir, 'identity.json')).mode & 0o777).toString(8)).toBe('600');
    expect(loadIdentity(dir)).toEqual(first);
    expect(JSON.parse(readFileSync(join(dir, 'identity.json'), 'utf8'))).toEqual(first);
  });

  it('refuses a damaged identity file with a message naming it', () => {
    const dir = folder();
    writeFileSync(join(dir, 'identity.json'), '{"nodeId": "no spaces allowed"}');
    expect(() => loadIdentity(dir)).toThrow(LaunchError);
    expect(() => loadIdentity(dir)).toThrow(`${join(dir, 'identity.json')} holds no valid node identity`);
  });
});
