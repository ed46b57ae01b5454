// The node's client secret: what every local client (CLI, browser, script) shows the gateway.
// One file in the data folder, mode 0600, made once with random bytes.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api } from '@meshwork/protocol';

export const clientSecretPath = (dataDir: string): string => join(dataDir, api.auth.secretFile);

/** Reads the secret, or makes it (exclusively: two processes never end up with two secrets). */
export function ensureClientSecret(dataDir: string): string {
  const path = clientSecretPath(dataDir);
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readClientSecret(dataDir);
}

/** The secret in dataDir; throws (ENOENT, EACCES) when it cannot be read. */
export function readClientSecret(dataDir: string): string {
  const secret = readFileSync(clientSecretPath(dataDir), 'utf8').trim();
  if (secret.length < 16) throw new Error(`${clientSecretPath(dataDir)} holds no usable secret`);
  return secret;
}

/** Compares in constant time, so the answer's timing tells nothing of the secret. */
export function secretMatches(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Proof of knowing the secret, over a message (the gateway's answer to a client's nonce). */
export function secretProof(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}
