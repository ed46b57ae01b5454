// The node's long-term identity: an Ed25519 key pair in <data>/identity.key (PEM PKCS#8, 0600),
// made once at first start; identity.json beside it says what the key means for people and tools.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprintOf, nodeIdOf, rawPublicKey, v1IdOf } from '@meshwork/protocol';

export interface Identity {
  nodeId: string;
  fingerprint: string;
  v1Id: string;
  /** raw 32-byte Ed25519 public key */
  publicKey: Buffer;
  privateKey: KeyObject;
}

export const identityKeyPath = (dataDir: string): string => join(dataDir, 'identity.key');
export const identityInfoPath = (dataDir: string): string => join(dataDir, 'identity.json');

export class IdentityError extends Error {}

/** Reads the key, or makes it (exclusively: two processes never end up with two keys), and keeps identity.json in step. */
export function ensureIdentity(dataDir: string): Identity {
  const path = identityKeyPath(dataDir);
  try {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new IdentityError(`cannot write ${path}: ${(err as Error).message}`);
  }
  const identity = loadIdentity(dataDir);
  const info = `${JSON.stringify({ nodeId: identity.nodeId, fingerprint: identity.fingerprint, v1Id: identity.v1Id, publicKey: identity.publicKey.toString('base64') }, null, 2)}\n`;
  let current = '';
  try {
    current = readFileSync(identityInfoPath(dataDir), 'utf8');
  } catch {
    // written below
  }
  if (current !== info) writeFileSync(identityInfoPath(dataDir), info, { mode: 0o600 });
  return identity;
}

/** The identity in dataDir; throws IdentityError when the key is missing or not an Ed25519 key. */
export function loadIdentity(dataDir: string): Identity {
  const path = identityKeyPath(dataDir);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(path));
  } catch (err) {
    throw new IdentityError(`${path} holds no usable private key (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new IdentityError(`${path} holds a ${privateKey.asymmetricKeyType} key, not an Ed25519 one; remove it to make a new identity`);
  const publicKey = rawPublicKey(privateKey);
  const nodeId = nodeIdOf(publicKey);
  return { nodeId, fingerprint: fingerprintOf(nodeId), v1Id: v1IdOf(nodeId), publicKey, privateKey };
}
