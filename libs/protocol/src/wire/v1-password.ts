// The v1 password scheme (WIRE.md "Password (v1)"): Fernet over a PBKDF2 key with a fixed
// salt, and chat content = standard base64 of the Fernet token's text. Kept only so a
// meshwork node can join a password-protected mesh of original nodes; docs/security.md says
// what it does not protect.
import { createCipheriv, createDecipheriv, createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { inspect, promisify } from 'node:util';

export const V1Password = {
  salt: 'mesh_network_salt_2024',
  iterations: 100_000,
  /** standard base64 of "gAAAAA": how a base64'd Fernet token starts (version 0x80, then a small time) */
  contentPrefix: 'Z0FBQUFB',
  /** far above anything a v1 frame (< 64 KiB) can carry; longer content is never treated as a token */
  maxContentChars: 1 << 20,
} as const;

const version = 0x80;
const headerBytes = 1 + 8 + 16; // version, big-endian seconds, IV
const macBytes = 32;
const blockBytes = 16;

export interface V1PasswordKey { readonly signing: Buffer; readonly encryption: Buffer }

// Keeps the key bytes out of JSON (pino) and util.inspect, should anyone log the object.
class RedactedKey implements V1PasswordKey {
  constructor(readonly signing: Buffer, readonly encryption: Buffer) {}
  toJSON(): string {
    return '[v1 password key]';
  }
  [inspect.custom](): string {
    return 'V1PasswordKey [redacted]';
  }
}

/** PBKDF2-HMAC-SHA256(password as UTF-8, the fixed salt, 100000, 32 bytes); first 16 sign, last 16 encrypt. */
export async function deriveV1PasswordKey(password: string): Promise<V1PasswordKey> {
  // The original encrypts only when a password is given: an empty one means "no password".
  if (password.length === 0) throw new RangeError('v1 password is empty (leave it unset for no password)');
  const bytes = await promisify(pbkdf2)(password, V1Password.salt, V1Password.iterations, 32, 'sha256');
  return new RedactedKey(bytes.subarray(0, 16), bytes.subarray(16, 32));
}

/**
 * v1 chat content for text: standard base64 of a Fernet token (urlsafe base64 with padding, as
 * Python writes it). now (seconds) and iv are for tests; text is encoded as UTF-8.
 */
export function encryptV1Content(key: V1PasswordKey, text: string, opts: { now?: number; iv?: Buffer } = {}): string {
  const seconds = Math.floor(opts.now ?? Date.now() / 1000);
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new RangeError(`Fernet time must be whole non-negative seconds, got ${opts.now}`);
  const iv = opts.iv ?? randomBytes(16);
  if (iv.length !== 16) throw new RangeError(`Fernet IV must be 16 bytes, got ${iv.length}`);
  const cipher = createCipheriv('aes-128-cbc', key.encryption, iv);
  const header = Buffer.alloc(headerBytes);
  header[0] = version;
  header.writeBigUInt64BE(BigInt(seconds), 1);
  iv.copy(header, 9);
  const signed = Buffer.concat([header, cipher.update(text, 'utf8'), cipher.final()]);
  const mac = createHmac('sha256', key.signing).update(signed).digest();
  const token = Buffer.concat([signed, mac]).toString('base64').replaceAll('+', '-').replaceAll('/', '_');
  const content = Buffer.from(token, 'ascii').toString('base64');
  if (content.length > V1Password.maxContentChars) throw new RangeError(`text too long for v1 encrypted content (${content.length} chars)`);
  return content;
}

export type V1UnreadableReason = 'no password set' | 'wrong password' | 'bad padding' | 'not UTF-8 text';

export type V1ContentRead =
  | { security: 'plain'; text: string }
  | { security: 'password'; text: string }
  | { security: 'unreadable'; text: ''; reason: V1UnreadableReason };

/** True when content is structurally a base64'd Fernet token (no key needed, nothing verified). */
export function looksLikeV1Token(content: string): boolean {
  return parseToken(content) !== undefined;
}

/**
 * What a v1 chat's content says. Content that is not structurally a token is plain text (v1 has no
 * flag: people may type anything); a token reads only with the key whose HMAC it carries. Never
 * throws. A wrong key and an altered token are indistinguishable: both are 'wrong password'.
 */
export function readV1Content(content: string, key: V1PasswordKey | undefined): V1ContentRead {
  const token = parseToken(content);
  if (token === undefined) return { security: 'plain', text: typeof content === 'string' ? content : '' };
  if (key === undefined) return unreadable('no password set');
  const signed = token.subarray(0, token.length - macBytes);
  const mac = createHmac('sha256', key.signing).update(signed).digest();
  if (!timingSafeEqual(mac, token.subarray(token.length - macBytes))) return unreadable('wrong password');
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-128-cbc', key.encryption, token.subarray(9, headerBytes));
    plaintext = Buffer.concat([decipher.update(signed.subarray(headerBytes)), decipher.final()]);
  } catch {
    return unreadable('bad padding');
  }
  try {
    return { security: 'password', text: utf8.decode(plaintext) };
  } catch {
    return unreadable('not UTF-8 text');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function unreadable(reason: V1UnreadableReason): V1ContentRead {
  return { security: 'unreadable', text: '', reason };
}

/** The token's bytes when content is canonical base64 of canonical padded urlsafe base64 of a well-formed token. */
function parseToken(content: unknown): Buffer | undefined {
  if (typeof content !== 'string' || content.length > V1Password.maxContentChars || !content.startsWith(V1Password.contentPrefix)) return undefined;
  // Node's base64 decoders skip what they do not understand: only a canonical round trip proves validity.
  const text = Buffer.from(content, 'base64');
  if (text.toString('base64') !== content) return undefined;
  const tokenText = text.toString('latin1');
  const token = Buffer.from(tokenText, 'base64url');
  if (token.toString('base64').replaceAll('+', '-').replaceAll('/', '_') !== tokenText) return undefined;
  const ciphertextBytes = token.length - headerBytes - macBytes;
  // The prefix already implies version 0x80; checked again so the rule stands on its own.
  if (token[0] !== version || ciphertextBytes < blockBytes || ciphertextBytes % blockBytes !== 0) return undefined;
  return token;
}
