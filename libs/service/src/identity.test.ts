import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprintOf, isV2NodeId, nodeIdOf, v1IdOf } from '@meshwork/protocol';
import { ensureIdentity, IdentityError, identityKeyPath, loadIdentity } from './identity.ts';

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
  it('is an Ed25519 key made once, private to its owner, and kept: the same ids after a restart', () => {
    const dir = folder();
    const first = ensureIdentity(dir);
    expect((statSync(identityKeyPath(dir)).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(join(dir, 'identity.json')).mode & 0o777).toString(8)).toBe('600');
    const again = ensureIdentity(dir);
    expect(again.nodeId).toBe(first.nodeId);
    expect(isV2NodeId(first.nodeId)).toBe(true);
    expect(first.v1Id).toBe(first.nodeId.slice(0, 8));
    expect(first.fingerprint).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    expect(JSON.parse(readFileSync(join(dir, 'identity.json'), 'utf8'))).toEqual({ nodeId: first.nodeId, fingerprint: first.fingerprint, v1Id: first.v1Id, publicKey: first.publicKey.toString('base64') });
  });

  it('signs with the key its id is derived from', () => {
    const id = ensureIdentity(folder());
    const sig = sign(null, Buffer.from('x'), id.privateKey);
    expect(verify(null, Buffer.from('x'), createPublicKey(id.privateKey), sig)).toBe(true);
    expect(nodeIdOf(id.publicKey)).toBe(id.nodeId);
  });

  it('refuses a damaged or foreign key file with a message naming it', () => {
    const dir = folder();
    writeFileSync(identityKeyPath(dir), 'not a key');
    expect(() => loadIdentity(dir)).toThrow(IdentityError);
    expect(() => loadIdentity(dir)).toThrow(identityKeyPath(dir));
    const { privateKey } = generateKeyPairSync('x25519');
    writeFileSync(identityKeyPath(dir), privateKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(() => loadIdentity(dir)).toThrow('not an Ed25519 one');
  });
});

describe('ids from keys', () => {
  it('derives 32 base32 characters from the SHA-256 of the key, a fingerprint and the v1 id from them', () => {
    const key = Buffer.alloc(32, 1);
    const id = nodeIdOf(key);
    expect(id).toMatch(/^[a-z2-7]{32}$/);
    expect(nodeIdOf(Buffer.alloc(32, 2))).not.toBe(id);
    expect(fingerprintOf(id)).toBe(`${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}`);
    expect(v1IdOf(id)).toBe(id.slice(0, 8));
    expect(() => nodeIdOf(Buffer.alloc(31))).toThrow(RangeError);
  });

  it('encodes base32 as RFC 4648 does', async () => {
    const { base32 } = await import('@meshwork/protocol');
    // RFC 4648 section 10 test vectors, lowercase and unpadded
    expect(base32(Buffer.from(''))).toBe('');
    expect(base32(Buffer.from('f'))).toBe('my');
    expect(base32(Buffer.from('fo'))).toBe('mzxq');
    expect(base32(Buffer.from('foo'))).toBe('mzxw6');
    expect(base32(Buffer.from('foob'))).toBe('mzxw6yq');
    expect(base32(Buffer.from('fooba'))).toBe('mzxw6ytb');
    expect(base32(Buffer.from('foobar'))).toBe('mzxw6ytboi');
  });
});
