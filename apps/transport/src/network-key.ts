// The network key of a password-protected mesh: scrypt over the password and the network salt
// (16 random bytes kept in <data>/network-salt, made at first start). The salt is announced in
// discovery; a node that hears a smaller one adopts it, at most once per adoptEveryMs, so a
// network converges on one salt (and so one key) without a global constant. Without a password
// there is neither salt nor key. Neither the password nor the key is ever logged.
import { randomBytes, scrypt } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@meshwork/service';

export const SALT_BYTES = 16;
export const KEY_BYTES = 32;
/** scrypt N = 2^15, r = 8, p = 1 uses 128 * N * r = 32 MiB */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 ** 2 };

export const networkSaltPath = (dataDir: string): string => join(dataDir, 'network-salt');

export interface NetworkKeyOptions {
  dataDir: string;
  password?: string;
  log: Logger;
  /** least time between two adoptions of a peer's salt */
  adoptEveryMs?: number;
  now?: () => number;
}

export interface NetworkKey {
  /** the network salt announced in discovery; undefined without a password */
  salt(): Buffer | undefined;
  /** the 32-byte network key for the current salt; undefined without a password, or until first derived */
  key(): Buffer | undefined;
  /** settles once the key for the salt read at start is derived (at once without a password) */
  ready: Promise<void>;
  /** A peer announced this salt: adopts it when it is smaller (bytewise) and the last adoption is old enough; true when adopted. */
  consider(salt: Buffer, from: string): boolean;
  /** Called after the salt and key changed together (an adopted salt's key is derived). */
  onChange(cb: () => void): void;
}

export function deriveNetworkKey(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(Buffer.from(password, 'utf8'), salt, KEY_BYTES, SCRYPT, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** The salt in the file, or a new one written there (0600) when the file is missing or unusable. */
function loadOrCreateSalt(path: string, log: Logger): Buffer {
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
  if (text !== undefined) {
    const salt = Buffer.from(text.trim(), 'base64');
    if (salt.byteLength === SALT_BYTES && salt.toString('base64') === text.trim()) return salt;
    log.warn({ path }, `network salt file does not hold ${SALT_BYTES} bytes of base64: making a new salt`);
  }
  const salt = randomBytes(SALT_BYTES);
  writeSalt(path, salt);
  log.info({ path, salt: salt.toString('base64') }, 'network salt made');
  return salt;
}

function writeSalt(path: string, salt: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${salt.toString('base64')}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

export function createNetworkKey(opts: NetworkKeyOptions): NetworkKey {
  const { log, password } = opts;
  const adoptEveryMs = opts.adoptEveryMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const listeners: Array<() => void> = [];
  if (password === undefined) {
    return { salt: () => undefined, key: () => undefined, ready: Promise.resolve(), consider: () => false, onChange: (cb) => void listeners.push(cb) };
  }

  const path = networkSaltPath(opts.dataDir);
  let salt = loadOrCreateSalt(path, log);
  let key: Buffer | undefined;
  /** the salt whose key is being derived (compared with, so a larger one heard meanwhile is not adopted) */
  let pending: Buffer | undefined;
  /** counts salts taken (the one read at start is 0): only the latest one's key is used, whichever derivation ends first */
  let generation = 0;
  let adoptedAt = -Infinity;

  const ready = deriveNetworkKey(password, salt).then((derived) => {
    if (generation === 0) key = derived;
  });

  return {
    salt: () => Buffer.from(salt),
    key: () => key && Buffer.from(key),
    ready,
    consider(heard, from) {
      if (heard.byteLength !== SALT_BYTES) return false;
      if (Buffer.compare(heard, pending ?? salt) >= 0) return false;
      if (now() - adoptedAt < adoptEveryMs) return false;
      adoptedAt = now();
      const adopted = Buffer.from(heard);
      const taken = ++generation;
      pending = adopted;
      try {
        writeSalt(path, adopted);
      } catch (err) {
        log.warn({ path, code: (err as NodeJS.ErrnoException).code ?? (err as Error).message }, 'network salt not saved: it is used until the node stops');
      }
      deriveNetworkKey(password, adopted).then(
        (derived) => {
          if (taken !== generation) return;
          pending = undefined;
          salt = adopted;
          key = derived;
          log.info({ peer: from, salt: adopted.toString('base64') }, 'network salt adopted');
          for (const cb of listeners) cb();
        },
        (err: unknown) => {
          if (taken === generation) pending = undefined;
          log.error({ err, peer: from }, 'network key not derived from an adopted salt: keeping the current one');
        },
      );
      return true;
    },
    onChange(cb) {
      listeners.push(cb);
    },
  };
}
