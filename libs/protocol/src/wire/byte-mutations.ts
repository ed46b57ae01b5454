// Test helper for the property tests of every wire parser: random damage to bytes (a flipped
// bit, a byte set, bytes inserted, deleted, duplicated or appended, a cut, a splice of foreign
// bytes), each kind drawn by fast-check so that a failure shrinks to a small case.
import { fc } from '@fast-check/vitest';

export type ByteMutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'append'; bytes: Uint8Array }
  | { kind: 'splice'; at: number; other: number; from: number };

export interface ByteMutationKinds {
  /** what an insertion puts in */
  insert: fc.Arbitrary<Uint8Array>;
  maxDelete: number;
  /** with duplications of up to this many bytes */
  maxDuplicate?: number;
  /** with appends of these bytes */
  append?: fc.Arbitrary<Uint8Array>;
  /** with splices of foreign bytes (mutateBytes' donors) */
  splice?: boolean;
}

export function byteMutation(kinds: ByteMutationKinds): fc.Arbitrary<ByteMutation> {
  const all: Array<fc.Arbitrary<ByteMutation>> = [
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.nat(255) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: kinds.insert }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: kinds.maxDelete }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  ];
  if (kinds.maxDuplicate) all.push(fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: kinds.maxDuplicate }) }));
  if (kinds.append) all.push(fc.record({ kind: fc.constant('append' as const), bytes: kinds.append }));
  if (kinds.splice) all.push(fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), other: fc.nat(), from: fc.nat() }));
  return fc.oneof(...all);
}

/** bytes with m done to them (a copy); a splice takes its tail from one of donors */
export function mutateBytes(bytes: Uint8Array, m: ByteMutation, donors: Buffer[] = []): Buffer {
  const b = Buffer.from(bytes);
  const at = m.kind === 'append' ? b.length : m.at % (b.length + 1);
  switch (m.kind) {
    case 'flip':
      if (at < b.length) b[at]! ^= 1 << m.bit;
      return b;
    case 'set':
      if (at < b.length) b[at] = m.byte;
      return b;
    case 'insert':
    case 'append':
      return Buffer.concat([b.subarray(0, at), m.bytes, b.subarray(at)]);
    case 'delete':
      return Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
    case 'truncate':
      return b.subarray(0, at);
    case 'duplicate':
      return Buffer.concat([b.subarray(0, at + m.length), b.subarray(at)]);
    case 'splice': {
      const other = donors[m.other % donors.length]!;
      return Buffer.concat([b.subarray(0, at), other.subarray(m.from % (other.length + 1))]);
    }
  }
}
