import { fc, test } from '@fast-check/vitest';
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveV1PasswordKey, encryptV1Content, looksLikeV1Token, readV1Content, V1Password, type V1PasswordKey } from './v1-password.ts';

const capture = JSON.parse(readFileSync(new URL('../../vectors/v1/chat.encrypted.tcp.json', import.meta.url), 'utf8')) as { content: string };
// From vectors/v1/README.md.
const capturePassword = 'correct horse battery staple';
const capturePlaintext = 'a secret from the original app';

// The npm package "fernet": an independent JavaScript implementation (crypto-js inside).
interface FernetToken { encode(message: string): string; decode(token: string): string }
interface FernetModule {
  Secret: new (urlsafeBase64Key: string) => object;
  Token: new (opts: { secret: object; ttl: number; token?: string }) => FernetToken;
}
const fernet = createRequire(import.meta.url)('fernet') as FernetModule;
const fernetSecret = (password: string) =>
  new fernet.Secret(pbkdf2Sync(password, V1Password.salt, V1Password.iterations, 32, 'sha256').toString('base64url'));
const toContent = (token: string) => Buffer.from(token, 'ascii').toString('base64');
const fromContent = (content: string) => Buffer.from(content, 'base64').toString('ascii');

// Python's cryptography.fernet is what the original app uses; the node machine image ships it.
const python = spawnSync('python3', ['-c', 'import cryptography.fernet'], { stdio: 'ignore' });
const hasPythonFernet = python.status === 0;

const password = 'correct horse battery staple';
let key: V1PasswordKey;
let otherKey: V1PasswordKey;
beforeAll(async () => {
  [key, otherKey] = await Promise.all([deriveV1PasswordKey(password), deriveV1PasswordKey('Tr0ub4dor&3')]);
});

/** The raw Fernet token inside a content, and the content for a raw token. */
const tokenOf = (content: string) => Buffer.from(fromContent(content), 'base64url');
const contentOf = (token: Buffer) => toContent(token.toString('base64').replaceAll('+', '-').replaceAll('/', '_'));

describe('v1 password content', () => {
  it('decrypts the original app\'s capture to its plaintext', async () => {
    const captureKey = await deriveV1PasswordKey(capturePassword);
    expect(looksLikeV1Token(capture.content)).toBe(true);
    expect(readV1Content(capture.content, captureKey)).toEqual({ security: 'password', text: capturePlaintext });
  });

  it('writes the Fernet layout: 0x80, big-endian time, IV, padded urlsafe text, base64 again', () => {
    const content = encryptV1Content(key, 'hello', { now: 0x6b0597fb, iv: Buffer.alloc(16, 0xa5) });
    expect(content.startsWith(V1Password.contentPrefix)).toBe(true);
    const tokenText = fromContent(content);
    expect(tokenText).toMatch(/^gAAAAABrBZf7paWlpaWl[A-Za-z0-9_-]*={0,2}$/);
    expect(tokenText.length % 4).toBe(0);
    const token = tokenOf(content);
    expect(token.length).toBe(57 + 16);
    expect(token.subarray(9, 25).equals(Buffer.alloc(16, 0xa5))).toBe(true);
  });

  it('round trips our own tokens, with fresh IVs', () => {
    const a = encryptV1Content(key, 'hello, mesh');
    const b = encryptV1Content(key, 'hello, mesh');
    expect(a).not.toBe(b);
    expect(readV1Content(a, key)).toEqual({ security: 'password', text: 'hello, mesh' });
    expect(readV1Content(encryptV1Content(key, ''), key)).toEqual({ security: 'password', text: '' });
  });

  it('the npm fernet package decrypts ours, and we decrypt its tokens', () => {
    const secret = fernetSecret(password);
    for (const text of ['', 'hello', 'x'.repeat(16), 'héllo wörld ✓ 🎉', 'a'.repeat(1000)]) {
      const ours = encryptV1Content(key, text);
      expect(new fernet.Token({ secret, ttl: 0, token: fromContent(ours) }).decode(fromContent(ours))).toBe(text);
      const theirs = toContent(new fernet.Token({ secret, ttl: 0 }).encode(text));
      expect(readV1Content(theirs, key)).toEqual({ security: 'password', text });
      expect(readV1Content(theirs, otherKey)).toEqual({ security: 'unreadable', text: '', reason: 'wrong password' });
    }
  });

  it.skipIf(!hasPythonFernet)('Python\'s cryptography.fernet (the original\'s library) decrypts ours, and we decrypt its tokens', () => {
    const texts = ['hello from meshwork', 'héllo wörld ✓ 🎉', ''];
    const script = [
      'import base64, hashlib, json, sys',
      'from cryptography.fernet import Fernet',
      'job = json.load(sys.stdin)',
      `f = Fernet(base64.urlsafe_b64encode(hashlib.pbkdf2_hmac("sha256", job["password"].encode(), b"${V1Password.salt}", ${V1Password.iterations}, 32)))`,
      'out = {"read": [f.decrypt(base64.b64decode(c)).decode() for c in job["ours"]],',
      '       "made": [base64.b64encode(f.encrypt(t.encode())).decode() for t in job["texts"]],',
      '       "exact": base64.b64encode(f._encrypt_from_parts(b"hello", 0x6b0597fb, bytes([0xa5] * 16))).decode()}',
      'print(json.dumps(out))',
    ].join('\n');
    const ours = texts.map((t) => encryptV1Content(key, t));
    const run = spawnSync('python3', ['-c', script], { input: JSON.stringify({ password, ours, texts }), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { read: string[]; made: string[]; exact: string };
    expect(out.read).toEqual(texts);
    expect(out.made.map((c) => readV1Content(c, key))).toEqual(texts.map((text) => ({ security: 'password', text })));
    // Same time and IV: byte for byte the content the original would send.
    expect(encryptV1Content(key, 'hello', { now: 0x6b0597fb, iv: Buffer.alloc(16, 0xa5) })).toBe(out.exact);
  });

  it('a wrong password or no password is unreadable, with the reason', () => {
    expect(readV1Content(capture.content, otherKey)).toEqual({ security: 'unreadable', text: '', reason: 'wrong password' });
    expect(readV1Content(capture.content, undefined)).toEqual({ security: 'unreadable', text: '', reason: 'no password set' });
  });

  it('a token with any byte altered never reads as the sender\'s text', () => {
    const token = tokenOf(encryptV1Content(key, 'pay Bob 10'));
    for (let i = 0; i < token.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const tampered = Buffer.from(token);
        tampered[i]! ^= mask;
        const read = readV1Content(contentOf(tampered), key);
        expect(read.security, `byte ${i} ^ ${mask}`).not.toBe('password');
        // The first 5 bytes (version, top of the time) make the "Z0FBQUFB" prefix: altered, the
        // content is no longer recognizable as a token and is shown as the text it is.
        if (i >= 5) expect(read, `byte ${i} ^ ${mask}`).toEqual({ security: 'unreadable', text: '', reason: 'wrong password' });
      }
    }
  });

  it('a valid HMAC over a bad padding or non-UTF-8 plaintext is unreadable, not garbage', () => {
    const forge = (plaintext: Buffer, autoPadding: boolean) => {
      const cipher = createCipheriv('aes-128-cbc', key.encryption, Buffer.alloc(16));
      cipher.setAutoPadding(autoPadding);
      const signed = Buffer.concat([Buffer.from([0x80, 0, 0, 0, 0, 0x6b, 5, 0x97, 0xfb]), Buffer.alloc(16), cipher.update(plaintext), cipher.final()]);
      return contentOf(Buffer.concat([signed, createHmac('sha256', key.signing).update(signed).digest()]));
    };
    expect(readV1Content(forge(Buffer.alloc(16, 0x20), false), key)).toEqual({ security: 'unreadable', text: '', reason: 'bad padding' });
    expect(readV1Content(forge(Buffer.from([0xff, 0xfe, 0x41]), true), key)).toEqual({ security: 'unreadable', text: '', reason: 'not UTF-8 text' });
  });

  it('plain text is plain, even when it starts like a token', () => {
    for (const text of ['hello', '', 'Z0FBQUFB', 'Z0FBQUFB is how encrypted v1 content starts', `${capture.content}\n`, capture.content.slice(0, -4), `${capture.content}AAAA`]) {
      expect(looksLikeV1Token(text), text).toBe(false);
      expect(readV1Content(text, key)).toEqual({ security: 'plain', text });
      expect(readV1Content(text, undefined)).toEqual({ security: 'plain', text });
    }
    // Well-formed base64 at both levels but not a Fernet token: wrong version, too short, ragged ciphertext.
    const token = tokenOf(capture.content);
    const notTokens = [Buffer.concat([Buffer.from([0x81]), token.subarray(1)]), token.subarray(0, 72), Buffer.concat([token, Buffer.alloc(1)])];
    for (const bytes of notTokens) expect(readV1Content(contentOf(bytes), key).security).toBe('plain');
    // Python's urlsafe text without its '=' padding is not what Python writes.
    const unpadded = toContent(fromContent(capture.content).replace(/=+$/, ''));
    expect(readV1Content(unpadded, key).security).toBe('plain');
  });

  it('refuses absurdly long content cheaply, as plain', () => {
    const huge = V1Password.contentPrefix + 'A'.repeat(V1Password.maxContentChars);
    expect(looksLikeV1Token(huge)).toBe(false);
    expect(readV1Content(huge, key).security).toBe('plain');
    expect(() => encryptV1Content(key, 'x'.repeat(V1Password.maxContentChars))).toThrow(RangeError);
  });

  it('accepts any timestamp in a token, and writes the one it is given', () => {
    for (const now of [0, 1, 2 ** 32, 2 ** 36 - 1]) {
      const content = encryptV1Content(key, 'when?', { now });
      expect(tokenOf(content).readBigUInt64BE(1)).toBe(BigInt(now));
      expect(readV1Content(content, key)).toEqual({ security: 'password', text: 'when?' });
    }
    // From 2^36 s (some 2000 years on) the time's top bits are no longer zero: the content
    // loses the "Z0FBQUFB" prefix every v1 token has today, and is no longer recognized.
    expect(readV1Content(encryptV1Content(key, 'when?', { now: Number.MAX_SAFE_INTEGER }), key).security).toBe('plain');
    expect(() => encryptV1Content(key, 'x', { now: -1 })).toThrow(RangeError);
    expect(() => encryptV1Content(key, 'x', { iv: Buffer.alloc(8) })).toThrow(RangeError);
  });

  it('derives the key the original derives, and never shows it when logged', async () => {
    const bytes = pbkdf2Sync(capturePassword, 'mesh_network_salt_2024', 100_000, 32, 'sha256');
    const derived = await deriveV1PasswordKey(capturePassword);
    expect(Buffer.concat([derived.signing, derived.encryption]).equals(bytes)).toBe(true);
    expect(JSON.stringify({ derived })).toBe('{"derived":"[v1 password key]"}');
    expect(inspect({ derived })).toBe('{ derived: V1PasswordKey [redacted] }');
    await expect(deriveV1PasswordKey('')).rejects.toThrow(RangeError);
  });
});

describe('v1 password content, properties', () => {
  const validContent = fc.string({ unit: 'binary', maxLength: 200 }).map((t) => encryptV1Content(key, t));

  test.prop([fc.string({ unit: 'binary', maxLength: 500 })])('encrypt then read round trips any Unicode text', (text) => {
    expect(readV1Content(encryptV1Content(key, text), key)).toEqual({ security: 'password', text });
  });

  test.prop([fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.base64String(), fc.base64String().map((s) => V1Password.contentPrefix + s))])(
    'random strings never make readV1Content throw, and plain strings come back as they are',
    (content) => {
      for (const k of [key, undefined]) {
        const read = readV1Content(content, k);
        expect(['plain', 'unreadable']).toContain(read.security);
        if (read.security === 'plain') expect(read.text).toBe(content);
      }
    },
  );

  test.prop([validContent, fc.nat(), fc.integer({ min: 0, max: 127 }), fc.constantFrom('content', 'token')])(
    'mutated valid contents never throw and never decrypt',
    (content, at, code, level) => {
      const mutate = (s: string) => s.slice(0, at % (s.length + 1)) + String.fromCharCode(code) + s.slice((at % (s.length + 1)) + 1);
      const mutated = level === 'content' ? mutate(content) : toContent(mutate(fromContent(content)));
      if (mutated === content) return;
      const read = readV1Content(mutated, key);
      expect(['plain', 'unreadable']).toContain(read.security);
      if (read.security === 'plain') expect(read.text).toBe(mutated);
    },
  );
});
