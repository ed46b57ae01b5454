// The handshake of v2 links (v2-design.md "Link"): Noise_XX_25519_ChaChaPoly_SHA256, or
// Noise_XXpsk0_25519_ChaChaPoly_SHA256 when the network has a password, as the Noise Protocol
// Framework (revision 34) specifies them. The three objects of its section 5 (CipherState,
// SymmetricState, HandshakeState) for these two patterns only; every primitive is node:crypto's.
import { createCipheriv, createDecipheriv, createHash, createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** The largest Noise message (section 3); handshake messages are held to it. */
export const NOISE_MAX_MESSAGE = 65535;

const dhLen = 32;
const hashLen = 32;
const tagLen = 16;
/** Nonce 2^64 - 1 is reserved (section 5.1): the last one a CipherState may use is 2^64 - 2. */
const nonceLimit = 2n ** 64n - 1n;
const empty = Buffer.alloc(0);

export class NoiseError extends Error {
  override name = 'NoiseError';
}

/** Raw 32-byte X25519 keys. */
export interface X25519KeyPair { publicKey: Buffer; privateKey: Buffer }

export function generateX25519KeyPair(): X25519KeyPair {
  const jwk = generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' });
  return { publicKey: Buffer.from(jwk.x ?? '', 'base64url'), privateKey: Buffer.from(jwk.d ?? '', 'base64url') };
}

/** A key pair as the DH function uses it: the private half as a KeyObject. */
interface DhKeyPair { readonly privateKey: KeyObject; readonly publicKey: Buffer }

function generateDhKeyPair(): DhKeyPair {
  const { privateKey } = generateKeyPairSync('x25519');
  return { privateKey, publicKey: Buffer.from(privateKey.export({ format: 'jwk' }).x ?? '', 'base64url') };
}

function dhKeyPair(pair: X25519KeyPair, what: string): DhKeyPair {
  const raw = (key: unknown) => Buffer.isBuffer(key) && key.length === dhLen;
  if (!raw(pair.privateKey) || !raw(pair.publicKey)) throw new RangeError(`${what} keys must be ${dhLen} bytes each`);
  // JWK, not PKCS#8 DER: OpenSSL 3 decodes DER several times slower. Node derives the public
  // half from d (x is required but ignored), so the given public key is checked against it.
  const jwk = { kty: 'OKP', crv: 'X25519', d: pair.privateKey.toString('base64url'), x: pair.publicKey.toString('base64url') };
  const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
  const publicKey = Buffer.from(privateKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  if (!publicKey.equals(pair.publicKey)) throw new RangeError(`${what} public key does not belong to its private key`);
  return { privateKey, publicKey };
}

/** DH(key_pair, public_key) of section 12.1. */
function dh(own: DhKeyPair, remotePublic: Buffer): Buffer {
  try {
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: remotePublic.toString('base64url') }, format: 'jwk' });
    return diffieHellman({ privateKey: own.privateKey, publicKey });
  } catch (err) {
    // OpenSSL refuses a low-order point (all-zero output), which section 12.1 allows
    throw new NoiseError('X25519 failed: the peer sent an invalid (low-order) public key', { cause: err });
  }
}

const hash = (...data: Buffer[]) => createHash('sha256').update(Buffer.concat(data)).digest();
const hmac = (key: Buffer, ...data: Buffer[]) => createHmac('sha256', key).update(Buffer.concat(data)).digest();

/** HKDF(chaining_key, input_key_material, num_outputs) of section 4.3. */
function hkdf(chainingKey: Buffer, inputKeyMaterial: Buffer, outputs: 2 | 3): Buffer[] {
  const tempKey = hmac(chainingKey, inputKeyMaterial);
  const output1 = hmac(tempKey, Buffer.of(0x01));
  const output2 = hmac(tempKey, output1, Buffer.of(0x02));
  if (outputs === 2) return [output1, output2];
  return [output1, output2, hmac(tempKey, output2, Buffer.of(0x03))];
}

/** The ChaChaPoly nonce of section 12.3: 32 bits of zeros, then n as 64-bit little-endian. */
function nonceBytes(n: bigint): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64LE(n, 4);
  return nonce;
}

export interface CipherState {
  /** AEAD-seals with the next nonce; throws NoiseError when nonces are exhausted */
  encrypt(plaintext: Buffer, ad?: Buffer): Buffer;
  /** opens with the next nonce; throws NoiseError (and does not advance) when authentication fails */
  decrypt(ciphertext: Buffer, ad?: Buffer): Buffer;
}

/**
 * Section 5.1. Without a key (early in a handshake) it passes text through, as the spec says.
 * No length limit here: a handshake message is held to NOISE_MAX_MESSAGE by XXHandshake, and
 * meshwork's link frames (up to 1 MiB) are sealed whole.
 */
class NoiseCipherState implements CipherState {
  readonly #key: Buffer | undefined;
  #nonce = 0n;

  constructor(key?: Buffer) {
    this.#key = key;
  }

  get hasKey(): boolean {
    return this.#key !== undefined;
  }

  encrypt(plaintext: Buffer, ad: Buffer = empty): Buffer {
    if (this.#key === undefined) return Buffer.from(plaintext);
    if (this.#nonce >= nonceLimit) throw new NoiseError('nonces exhausted: this cipher state can seal no more');
    const cipher = createCipheriv('chacha20-poly1305', this.#key, nonceBytes(this.#nonce), { authTagLength: tagLen });
    cipher.setAAD(ad, { plaintextLength: plaintext.length });
    const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    this.#nonce++;
    return sealed;
  }

  decrypt(ciphertext: Buffer, ad: Buffer = empty): Buffer {
    if (this.#key === undefined) return Buffer.from(ciphertext);
    if (this.#nonce >= nonceLimit) throw new NoiseError('nonces exhausted: this cipher state can open no more');
    if (ciphertext.length < tagLen) throw new NoiseError(`sealed data is ${ciphertext.length} bytes, shorter than its ${tagLen}-byte tag`);
    const body = ciphertext.subarray(0, ciphertext.length - tagLen);
    let plaintext: Buffer;
    try {
      const decipher = createDecipheriv('chacha20-poly1305', this.#key, nonceBytes(this.#nonce), { authTagLength: tagLen });
      decipher.setAAD(ad, { plaintextLength: body.length });
      decipher.setAuthTag(ciphertext.subarray(body.length));
      plaintext = Buffer.concat([decipher.update(body), decipher.final()]);
    } catch (err) {
      throw new NoiseError('authentication failed: wrong key, or altered, replayed or reordered data', { cause: err });
    }
    this.#nonce++;
    return plaintext;
  }
}

/** Section 5.2. */
class SymmetricState {
  #cipher = new NoiseCipherState();
  #chainingKey: Buffer;
  #hash: Buffer;

  constructor(protocolName: string) {
    const name = Buffer.from(protocolName, 'ascii');
    if (name.length <= hashLen) {
      this.#hash = Buffer.alloc(hashLen);
      name.copy(this.#hash);
    } else {
      this.#hash = hash(name);
    }
    this.#chainingKey = this.#hash;
  }

  get hasKey(): boolean {
    return this.#cipher.hasKey;
  }

  get handshakeHash(): Buffer {
    return Buffer.from(this.#hash);
  }

  mixKey(inputKeyMaterial: Buffer): void {
    const [chainingKey, tempKey] = hkdf(this.#chainingKey, inputKeyMaterial, 2);
    this.#chainingKey = chainingKey!;
    this.#cipher = new NoiseCipherState(tempKey);
  }

  mixHash(data: Buffer): void {
    this.#hash = hash(this.#hash, data);
  }

  mixKeyAndHash(inputKeyMaterial: Buffer): void {
    const [chainingKey, tempHash, tempKey] = hkdf(this.#chainingKey, inputKeyMaterial, 3);
    this.#chainingKey = chainingKey!;
    this.mixHash(tempHash!);
    this.#cipher = new NoiseCipherState(tempKey);
  }

  encryptAndHash(plaintext: Buffer): Buffer {
    const ciphertext = this.#cipher.encrypt(plaintext, this.#hash);
    this.mixHash(ciphertext);
    return ciphertext;
  }

  decryptAndHash(ciphertext: Buffer): Buffer {
    const plaintext = this.#cipher.decrypt(ciphertext, this.#hash);
    this.mixHash(ciphertext);
    return plaintext;
  }

  /** [initiator to responder, responder to initiator] */
  split(): [NoiseCipherState, NoiseCipherState] {
    const [key1, key2] = hkdf(this.#chainingKey, empty, 2);
    return [new NoiseCipherState(key1), new NoiseCipherState(key2)];
  }
}

type Token = 'e' | 's' | 'ee' | 'es' | 'se' | 'psk';

// Section 7.5 (XX) and section 9 (the psk0 modifier puts "psk" first in the first message).
const xx: readonly (readonly Token[])[] = [['e'], ['e', 'ee', 's', 'es'], ['s', 'se']];
const xxPsk0: readonly (readonly Token[])[] = [['psk', 'e'], ...xx.slice(1)];

export interface XXHandshakeOptions {
  initiator: boolean;
  staticKeyPair: X25519KeyPair;
  /** 32 bytes: selects Noise_XXpsk0_... */
  psk?: Buffer;
  prologue?: Buffer;
  /** tests and vectors only */
  ephemeralKeyPair?: X25519KeyPair;
}

/**
 * One side of an XX (or XXpsk0) handshake: section 5.3's HandshakeState. Any failure of a message
 * (or of this side's DH on the peer's key) ends the handshake for good, as the spec requires;
 * calls out of turn throw without harming it. Bad options throw RangeError.
 */
export class XXHandshake {
  readonly protocolName: string;
  readonly #initiator: boolean;
  readonly #pattern: readonly (readonly Token[])[];
  readonly #symmetric: SymmetricState;
  readonly #s: DhKeyPair;
  readonly #psk: Buffer | undefined;
  #e: DhKeyPair | undefined;
  #re: Buffer | undefined;
  #rs: Buffer | undefined;
  /** index of the next message of the pattern */
  #next = 0;
  #failure: string | undefined;
  #splitDone = false;

  constructor(opts: XXHandshakeOptions) {
    if (opts.psk !== undefined && (!Buffer.isBuffer(opts.psk) || opts.psk.length !== 32)) throw new RangeError('psk must be 32 bytes');
    this.#initiator = opts.initiator;
    this.#psk = opts.psk === undefined ? undefined : Buffer.from(opts.psk);
    this.#pattern = this.#psk === undefined ? xx : xxPsk0;
    this.protocolName = `Noise_${this.#psk === undefined ? 'XX' : 'XXpsk0'}_25519_ChaChaPoly_SHA256`;
    this.#s = dhKeyPair(opts.staticKeyPair, 'static');
    this.#e = opts.ephemeralKeyPair === undefined ? undefined : dhKeyPair(opts.ephemeralKeyPair, 'ephemeral');
    this.#symmetric = new SymmetricState(this.protocolName);
    this.#symmetric.mixHash(opts.prologue ?? empty);
  }

  get complete(): boolean {
    return this.#failure === undefined && this.#next === this.#pattern.length;
  }

  get remoteStaticKey(): Buffer | undefined {
    return this.#failure === undefined && this.#rs !== undefined ? Buffer.from(this.#rs) : undefined;
  }

  get handshakeHash(): Buffer {
    return this.#symmetric.handshakeHash;
  }

  writeMessage(payload: Buffer = empty): Buffer {
    const tokens = this.#turn('write');
    const room = NOISE_MAX_MESSAGE - this.#overhead(tokens);
    if (payload.length > room) throw new NoiseError(`payload of ${payload.length} bytes does not fit message ${this.#next + 1} (at most ${room})`);
    return this.#step(() => {
      const parts: Buffer[] = [];
      for (const token of tokens) {
        if (token === 'e') {
          this.#e ??= generateDhKeyPair();
          parts.push(this.#e.publicKey);
          this.#mixEphemeral(this.#e.publicKey);
        } else if (token === 's') {
          parts.push(this.#symmetric.encryptAndHash(this.#s.publicKey));
        } else {
          this.#mix(token);
        }
      }
      parts.push(this.#symmetric.encryptAndHash(payload));
      return Buffer.concat(parts);
    });
  }

  readMessage(message: Buffer): Buffer {
    const tokens = this.#turn('read');
    return this.#step(() => {
      if (!Buffer.isBuffer(message)) throw new NoiseError('message is not a Buffer');
      const least = this.#overhead(tokens);
      if (message.length < least || message.length > NOISE_MAX_MESSAGE) {
        throw new NoiseError(`message is ${message.length} bytes; it must have ${least} to ${NOISE_MAX_MESSAGE}`);
      }
      let at = 0;
      const take = (length: number) => message.subarray(at, (at += length));
      for (const token of tokens) {
        if (token === 'e') {
          this.#re = Buffer.from(take(dhLen));
          this.#mixEphemeral(this.#re);
        } else if (token === 's') {
          this.#rs = this.#symmetric.decryptAndHash(take(this.#symmetric.hasKey ? dhLen + tagLen : dhLen));
        } else {
          this.#mix(token);
        }
      }
      return this.#symmetric.decryptAndHash(message.subarray(at));
    });
  }

  /** The two transport cipher states, once: a second pair would reuse their nonces. */
  split(): { send: CipherState; receive: CipherState } {
    if (!this.complete) throw new NoiseError(this.#failure === undefined ? 'handshake is not complete' : `handshake failed: ${this.#failure}`);
    if (this.#splitDone) throw new NoiseError('split() was already called');
    this.#splitDone = true;
    const [initiatorToResponder, responderToInitiator] = this.#symmetric.split();
    return this.#initiator
      ? { send: initiatorToResponder, receive: responderToInitiator }
      : { send: responderToInitiator, receive: initiatorToResponder };
  }

  /** The tokens of the next message, if this side is to write (or read) it. */
  #turn(action: 'write' | 'read'): readonly Token[] {
    if (this.#failure !== undefined) throw new NoiseError(`handshake failed earlier: ${this.#failure}`);
    if (this.#next === this.#pattern.length) throw new NoiseError(`handshake is complete: nothing more to ${action}`);
    const ours = this.#next % 2 === 0 ? this.#initiator : !this.#initiator;
    if (ours !== (action === 'write')) throw new NoiseError(`not this side's turn to ${action} message ${this.#next + 1}`);
    return this.#pattern[this.#next]!;
  }

  /** Runs one message; a failure ends the handshake (its state is spent). */
  #step(run: () => Buffer): Buffer {
    const message = this.#next + 1;
    try {
      const result = run();
      this.#next++;
      return result;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.#failure = `message ${message}: ${reason}`;
      throw new NoiseError(this.#failure, { cause: err });
    }
  }

  /** Bytes the tokens and the payload's tag add to a message: the least a valid one has. */
  #overhead(tokens: readonly Token[]): number {
    let keyed = this.#symmetric.hasKey;
    let bytes = 0;
    for (const token of tokens) {
      if (token === 'e') {
        bytes += dhLen;
        if (this.#psk !== undefined) keyed = true;
      } else if (token === 's') {
        bytes += dhLen + (keyed ? tagLen : 0);
      } else {
        keyed = true;
      }
    }
    return bytes + (keyed ? tagLen : 0);
  }

  /** The "e" token's hashing, with the MixKey that psk handshakes add (section 9.2). */
  #mixEphemeral(publicKey: Buffer): void {
    this.#symmetric.mixHash(publicKey);
    if (this.#psk !== undefined) this.#symmetric.mixKey(publicKey);
  }

  /** The DH and psk tokens, the same whether writing or reading. */
  #mix(token: Exclude<Token, 'e' | 's'>): void {
    if (token === 'psk') return this.#symmetric.mixKeyAndHash(this.#psk!);
    // "es" pairs the initiator's e with the responder's s; "se" the initiator's s with the responder's e
    const [own, remote] =
      token === 'ee' ? [this.#e, this.#re] : (token === 'es') === this.#initiator ? [this.#e, this.#rs] : [this.#s, this.#re];
    if (own === undefined || remote === undefined) throw new NoiseError(`${token}: a key it needs is not known yet`);
    this.#symmetric.mixKey(dh(own, remote));
  }
}
