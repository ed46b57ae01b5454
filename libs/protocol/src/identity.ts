// Node ids from public keys: a v2 node id is a hash of the node's Ed25519 public key, so a
// node cannot speak as another without its private key. The v1 id that original nodes see is
// a prefix of it, so it stays the same across restarts.
import { createHash } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** bytes of the SHA-256 of the key kept in the id (160 bits) */
const ID_BYTES = 20;

/** RFC 4648 base32, lowercase, unpadded. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The v2 node id of a raw 32-byte Ed25519 public key: 32 base32 characters. */
export function nodeIdOf(publicKey: Uint8Array): string {
  if (publicKey.byteLength !== 32) throw new RangeError(`an Ed25519 public key has 32 bytes, not ${publicKey.byteLength}`);
  return base32(createHash('sha256').update(publicKey).digest().subarray(0, ID_BYTES));
}

export const isV2NodeId = (id: string): boolean => /^[a-z2-7]{32}$/.test(id);

/** What people compare: the id's first 16 characters in groups of four. */
export function fingerprintOf(nodeId: string): string {
  return (nodeId.slice(0, 16).match(/.{1,4}/g) ?? []).join('-');
}

/** The id announced to original (v1) nodes: the v2 id's first 8 characters. */
export const v1IdOf = (nodeId: string): string => nodeId.slice(0, 8);
